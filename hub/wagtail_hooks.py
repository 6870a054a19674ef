"""The shared taxonomy in the admin: themes (editors manage and translate them), counties and municipalities
(read-only: they come from Statistics Norway's files in hub/data), grouped under one "Taxonomy" menu.

Counties and municipalities are read-only for everyone, superusers included. Their numbers and slugs are
official identifiers used in public URLs and feeds that municipalities subscribe to (`?fylke=innlandet`), and
`hub.taxonomy_data.load_taxonomy` overwrites names from the data file whenever it runs, so an edit made here
would be lost (or break subscribed URLs). A correction or a municipal merger is made in hub/data/*.csv and
loaded by a data migration. Editors can list, search, filter and inspect them, and see which content uses each.
"""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from hub.models import County, Municipality, Theme

READ_ONLY_ACTIONS = {"view"}


class OfficialDataPermissionPolicy(ModelPermissionPolicy):
    """Only "view" is ever granted (to those with the view permission); add, change and delete never are."""

    def user_has_permission(self, user, action):
        return action in READ_ONLY_ACTIONS and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a in READ_ONLY_ACTIONS])


for _model in (County, Municipality):
    register_permission_policy(_model, OfficialDataPermissionPolicy(_model), exact_class=True)


class PlainSelectChooserViewSet(SnippetChooserViewSet):
    """Keep the plain <select> for foreign keys to counties/municipalities in other admin forms (a story's
    municipality, a registration's municipality) instead of Wagtail's snippet chooser modal."""

    register_widget = False


class OfficialDataViewSet(SnippetViewSet):
    inspect_view_enabled = True
    chooser_viewset_class = PlainSelectChooserViewSet
    copy_view_enabled = False
    # Search the database directly: the rows are loaded by a migration and need no search index.
    search_backend_name = None

    def get_permissions_to_register(self):
        # Only "view" is offered in the group editor; the others would do nothing.
        return Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model), codename__startswith="view_"
        )


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "slug", "description"]
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]


class CountyViewSet(OfficialDataViewSet):
    model = County
    icon = "site"
    menu_label = _("Counties")
    list_display = ["name", "number", "slug"]
    search_fields = ["name", "number"]
    inspect_view_fields = ["name", "number", "slug"]


class MunicipalityViewSet(OfficialDataViewSet):
    model = Municipality
    icon = "home"
    menu_label = _("Municipalities")
    list_display = ["name", "number", "county"]
    list_filter = ["county"]
    search_fields = ["name", "number"]
    list_per_page = 50
    inspect_view_fields = ["name", "number", "slug", "county"]

    def get_queryset(self, request):
        return Municipality.objects.select_related("county")


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 250
    items = (ThemeViewSet, CountyViewSet, MunicipalityViewSet)


register_snippet(TaxonomyViewSetGroup)


@hooks.register("before_serve_document")
def withhold_documents_of_content_not_live(document, request):
    """/documents/<id>/<name>: a document only content that is not live yet uses answers 404 to the public."""
    from hub.models.media import MediaKind
    from infrastructure.embargo import is_withheld, may_preview

    if is_withheld(MediaKind.DOCUMENT, document.pk) and not may_preview(request.user, MediaKind.DOCUMENT, document.pk):
        raise Http404
