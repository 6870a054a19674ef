"""View restrictions checked inside the queries that already run, instead of in queries of their own.

A restriction (password, login, groups) on a page hides it and everything below it. Wagtail checks a page's
restrictions before serving it (`Page.get_view_restrictions`: a query for the ancestors' alias sources, another
for the restrictions) and filters a listing with `.public()`, which first reads the whole restriction table.
Here both become part of a query the page view runs anyway:

- `public(queryset)` excludes restricted pages with a subquery (a restriction on the page or on an ancestor,
  the same path rule as Wagtail's `.public()`), so a list costs no extra query, and its SQL stays something the
  database search engine can join;
- `restricted_expression()` tells, per page on a URL's path, whether a restriction applies to it (an alias
  stands for its source page, as in Wagtail), so the router knows while it routes whether the served page is
  restricted at all (`HubPage.get_view_restrictions`, hub/models/hub_page.py);
- `restrictions_on_path(page)` is the serving check itself in one query, when the router could not tell.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce, Length, Substr
from wagtail.models import PageViewRestriction


def public(queryset):
    """Pages no view restriction hides (on the page or an ancestor), like Wagtail's `.public()` but inside the
    same query."""
    restricted = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    return queryset.filter(~Exists(restricted))


def restricted_expression():
    """Whether a restriction is set on this page itself (for an alias: on its source page)."""
    return Exists(PageViewRestriction.objects.filter(page_id=Coalesce(OuterRef("alias_of_id"), OuterRef("pk"))))


def restrictions_on_path(page):
    """The restrictions on `page` and its ancestors in one query; for a page on the path that is an alias, its
    source page's restrictions instead of its own, as in Wagtail's `Page.get_view_restrictions`."""
    steplen = page.steplen
    paths = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
    return PageViewRestriction.objects.filter(
        Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths)
    ).distinct()
