from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from infrastructure import cache_invalidation, extensions, relations
from stories import home_section, place_cache

from .models import VolunteerOrganisation


class VolunteerOrganisationViewSet(SnippetViewSet):
    model = VolunteerOrganisation
    icon = "group"
    menu_label = _("Volunteer organisations")
    list_display = ["name", "org_type", "website"]
    list_filter = ["org_type", "locale"]
    search_fields = ["name"]


register_snippet(VolunteerOrganisationViewSet)

# The home page's section and figures from this app (hub/home_sections.py).
hooks.register("hub_home_section_stories", home_section.newest_stories)
hooks.register("hub_home_figures", home_section.figures)
# The place pages listing a published story or event are renewed in the page cache
# (infrastructure/cache_invalidation.py).
hooks.register(cache_invalidation.RENEW_HOOK, place_cache.place_paths)


@hooks.register(cache_invalidation.RENEW_HOOK)
def _story_indexes(change):
    from .listing import indexes_offering_method

    return indexes_offering_method(change)


@hooks.register(extensions.SITEMAPS)
def _places_sitemap():
    from .sitemaps import PlacesSitemap

    return ("places", PlacesSitemap)


@hooks.register(relations.hook("method"))
def _stories_for_method():
    return _("Stories that used this method"), _method_stories


def _method_stories(page, request=None):
    from .queries import for_method

    return for_method(page)
