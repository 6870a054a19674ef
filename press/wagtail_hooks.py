"""Admin registration of the press snippets (grouped under "Press").

Attachments under embargo: `infrastructure.embargo`."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from press.models import CoverageItem, MediaKitItem, PressContact


class PressContactViewSet(SnippetViewSet):
    model = PressContact
    icon = "user"
    list_display = ["name", "role", "organisation", "email"]
    search_fields = ["name", "organisation"]


class MediaKitItemViewSet(SnippetViewSet):
    model = MediaKitItem
    icon = "image"
    list_display = ["title", "kind", "licence", "shows_people", "people_consented", "offered"]
    list_filter = ["kind", "offered", "shows_people", "people_consented"]


class CoverageItemViewSet(SnippetViewSet):
    model = CoverageItem
    icon = "link-external"
    list_display = ["title", "outlet", "date", "language"]
    list_filter = ["language"]
    ordering = ["-date"]


class PressViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Press")
    menu_icon = "openquote"
    menu_name = "press"
    items = (PressContactViewSet, MediaKitItemViewSet, CoverageItemViewSet)


register_snippet(PressViewSetGroup)
