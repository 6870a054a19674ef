"""Routing a URL to its page in one query instead of two per path segment.

Wagtail's `Page.route` walks the path one segment at a time: a query for the child with that slug, and another
for its specific page, at every level (eight queries for /nb/startpakken/kurs/kom-i-gang/<step>/). The home page
(the root of every locale's tree) routes with `route_in_one_query` instead: all pages on the path are fetched
at once by their `url_path` (which Wagtail keeps current on every move and slug change), together with the home
page's ancestors and, for each of them, whether a view restriction is set on it; then only the last one's
specific page, with what its templates read (`HubPage.serve_queryset`). What the walk learnt stays on that page:
its parent (treebeard's `get_parent()` cache), its ancestors and whether any restriction applies, so serving it
asks no more queries for them. Semantics stay Wagtail's: a missing segment is a 404, the page must be live, and
a page type on the path that routes its own sub-paths (a `route()` override, e.g. RoutablePageMixin) gets the
rest of the path exactly as Wagtail would hand it over.

`SiteRootMiddleware` hands Wagtail the request's site with its root page already in its own class
(`specific_deferred`, from the content type cache: no query). Wagtail routes every request through
`site.root_page.localized.specific.route()`, which otherwise fetches the home page's own row on each page view
only to call its `route()`.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from hub.view_restrictions import restricted_expression


class SiteRootMiddleware:
    """Place it after the page cache (a cached page needs no site)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from wagtail.views import serve

        if getattr(view_func, "__wrapped__", view_func) is serve or view_func is serve:
            site = Site.find_for_request(request)  # kept by Wagtail on the request for the rest of it
            root = getattr(site, "root_page", None)
            if root is not None and type(root) is Page:
                site.root_page = root.specific_deferred
        return None


def _routes_itself(page):
    """Whether the page's specific class overrides route() (from the content type cache: no query)."""
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    return model is None or getattr(model.route, "__func__", model.route) is not Page.route


def _specific(page):
    """The page in its own class, with what its templates walk when the class says (HubPage.serve_queryset)."""
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    serve_queryset = getattr(model, "serve_queryset", None)
    if serve_queryset is None or model is type(page):
        return page.specific
    return serve_queryset().get(pk=page.pk)


def _remember(specific, path_pages, restricted):
    """Keep on the served page what routing read: parent, ancestors (tree order), restriction on the path."""
    if path_pages:
        specific._cached_parent_obj = path_pages[-1]
    specific._hub_route_ancestors = list(path_pages)
    specific._hub_view_restricted = restricted
    return specific


def _ancestor_paths(root):
    return [root.path[:end] for end in range(root.steplen, len(root.path), root.steplen)]


def route_in_one_query(root, request, path_components):
    if not path_components:
        if root.live:  # the home page itself: its own fields in one query if the root came without them
            return RouteResult(type(root).objects.get(pk=root.pk) if root.get_deferred_fields() else root)
        raise Http404
    prefixes, url_path = [], root.url_path
    for component in path_components:
        url_path += component + "/"
        prefixes.append(url_path)
    above = _ancestor_paths(root)
    rows = Page.objects.filter(
        Q(path__in=[*above, root.path])
        | Q(
            path__startswith=root.path,
            depth__gt=root.depth,
            depth__lte=root.depth + len(prefixes),
            url_path__in=prefixes,
        )
    ).annotate(_restricted=restricted_expression())
    found, ancestors, restricted = {}, [], False
    for page in rows:
        if page.path in above or page.path == root.path:
            restricted = restricted or page._restricted
            if page.path in above:
                ancestors.append(page)
        else:
            found[page.url_path] = page
    ancestors.sort(key=lambda p: p.path)
    ancestors.append(root)
    for i, prefix in enumerate(prefixes):
        page = found.get(prefix)
        if page is None or page.depth != root.depth + i + 1:
            raise Http404
        remaining = path_components[i + 1 :]
        restricted = restricted or page._restricted
        if _routes_itself(page):
            return page.specific.route(request, remaining)
        if not remaining:
            if not page.live:
                raise Http404
            return RouteResult(_remember(_specific(page), ancestors, restricted))
        ancestors.append(page)
    raise Http404  # pragma: no cover - the loop returns or raises
