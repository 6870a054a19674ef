"""Routing a URL to its page in one query instead of two per path segment.

Wagtail's `Page.route` walks the path one segment at a time: a query for the child with that slug, and another
for its specific page, at every level (eight queries for /nb/startpakken/kurs/kom-i-gang/<step>/). The home page
(the root of every locale's tree) routes with `route_in_one_query` instead: all pages on the path are fetched
at once by their `url_path` (which Wagtail keeps current on every move and slug change), then only the
last one's specific page. Semantics stay Wagtail's: a missing segment is a 404, the page must be live, and a
page type on the path that routes its own sub-paths (a `route()` override, e.g. RoutablePageMixin) gets the
rest of the path exactly as Wagtail would hand it over.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

_find_for_request = Site.find_for_request


def _find_site_with_typed_root(request):
    """Wagtail's `Site.find_for_request`, its root page already in its own class (`specific_deferred`, from the
    content type cache: no query). Wagtail routes every request through `site.root_page.specific.route()`,
    which otherwise fetches the home page's own row on each page view only to call its `route()`."""
    site = _find_for_request(request)
    root = getattr(site, "root_page", None)
    if root is not None and type(root) is Page:
        site.root_page = root.specific_deferred
    return site


def install():
    """Called once from HubConfig.ready()."""
    Site.find_for_request = staticmethod(_find_site_with_typed_root)


def _routes_itself(page):
    """Whether the page's specific class overrides route() (from the content type cache: no query)."""
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    return model is None or getattr(model.route, "__func__", model.route) is not Page.route


def route_in_one_query(root, request, path_components):
    if not path_components:
        if root.live:  # the home page itself: its own fields in one query if the root came without them
            return RouteResult(type(root).objects.get(pk=root.pk) if root.get_deferred_fields() else root)
        raise Http404
    prefixes, url_path = [], root.url_path
    for component in path_components:
        url_path += component + "/"
        prefixes.append(url_path)
    found = {
        page.url_path: page
        for page in Page.objects.filter(
            path__startswith=root.path,
            depth__gt=root.depth,
            depth__lte=root.depth + len(prefixes),
            url_path__in=prefixes,
        )
    }
    for i, prefix in enumerate(prefixes):
        page = found.get(prefix)
        if page is None or page.depth != root.depth + i + 1:
            raise Http404
        remaining = path_components[i + 1 :]
        if _routes_itself(page):
            return page.specific.route(request, remaining)
        if not remaining:
            if not page.live:
                raise Http404
            return RouteResult(page.specific)
    raise Http404  # pragma: no cover - the loop returns or raises
