"""What every page type of the hub shares: how it is fetched to be served, and what a page view asks of it.

A page view reads the page, its parent, its language versions and the lists on it; each of those is a query of
its own in plain Wagtail. Pages of the hub derive from `HubPage`, which lets them be served with less:

- `serve_queryset()` is how the router fetches the page it serves (hub/routing.py): its language and what a
  page type lists in `serve_select_related` come in the same query, what it lists in `serve_prefetch_related`
  in one more;
- `get_view_restrictions()` asks no query when the router already saw that no restriction applies on the path
  (hub/view_restrictions.py), and one otherwise;
- `objects` filters `.public()` inside the list's own query instead of reading the restriction table first;
- `localized` finds the active language's Locale once per request (hub/locales.py).
"""

from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from hub import view_restrictions
from hub.locales import LocalizedPerRequest


class HubPageQuerySet(PageQuerySet):
    def public(self):
        return view_restrictions.public(self)


HubPageManager = PageManager.from_queryset(HubPageQuerySet)


class HubPage(LocalizedPerRequest, Page):
    #: Relations (foreign keys) the page's own template reads, fetched with the page when it is served.
    serve_select_related = ()
    #: Relations the page reads more than once while it is served (e.g. its pictures), fetched once.
    serve_prefetch_related = ()

    objects = HubPageManager()

    class Meta:
        abstract = True

    @classmethod
    def serve_queryset(cls):
        queryset = cls.objects.select_related("locale", *cls.serve_select_related)
        return queryset.prefetch_related(*cls.serve_prefetch_related) if cls.serve_prefetch_related else queryset

    def get_view_restrictions(self):
        if getattr(self, "_hub_view_restricted", None) is False:
            return PageViewRestriction.objects.none()
        return view_restrictions.restrictions_on_path(self)
