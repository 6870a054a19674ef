from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import VolunteerOrganisation


class VolunteerOrganisationViewSet(SnippetViewSet):
    model = VolunteerOrganisation
    icon = "group"
    menu_label = _("Volunteer organisations")
    list_display = ["name", "org_type", "website"]
    list_filter = ["org_type", "locale"]
    search_fields = ["name"]


register_snippet(VolunteerOrganisationViewSet)
