"""Caching of whole pages for anonymous visitors, and the front-end (nginx) cache refresh.

Two layers, both correct on publish:

1. `PageCacheMiddleware` keeps the HTML of Wagtail pages (and of views marked `cacheable_view`) served to
   anonymous visitors (GET/HEAD, no session or messages cookie) in Django's cache, keyed by host, path (which
   holds the language: /nb/, /nn/, /en/), the active language, allowed query parameters, a *content
   generation* and the path's own *version*, both read in one cache round trip. A publish, unpublish, move or
   deletion renews the versions of only the paths that show the changed page (`infrastructure.cache_invalidation`,
   through `invalidate_paths`/`renew_paths_now`); what shows on every page — site settings, snippets, sites,
   view restrictions, a page in the menu or footer — bumps the generation (after the transaction commits), so
   every cached page is renewed at once. With a shared cache (Redis, Memcached, the database cache) this holds
   across app servers; with the per-process default it is off unless PAGE_CACHE_SECONDS is set.
   A page type opts out by marking its response private/no-cache (e.g. `add_never_cache_headers` in `serve()`);
   responses that set cookies or vary on cookies (forms with a CSRF token) are never stored.

2. The HTTP cache in front (nginx, tools/nginx/) keeps the same responses for `HUB_FRONTEND_MAX_AGE` seconds
   (`Cache-Control: s-maxage`). Wagtail's front-end cache module calls `NginxRefreshBackend` on publish and
   unpublish (each language's URL); nginx OSS has no PURGE, so the backend GETs the URL through nginx with a
   secret header that makes nginx bypass and overwrite the entry (`proxy_cache_bypass`). The pages that show the
   changed page are refreshed too: the same set the page cache renews (`infrastructure.cache_invalidation`).
"""

import hashlib
import logging
import uuid
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

logger = logging.getLogger("infrastructure.cache")

GENERATION_KEY = "hub:pagecache:generation"
PATH_VERSION_KEY = "hub:pagecache:path:"
REFRESH_HEADER = "X-Hub-Cache-Refresh"


def page_cache_seconds():
    return int(getattr(settings, "HUB_PAGE_CACHE_SECONDS", 0) or 0)


def frontend_max_age():
    return int(getattr(settings, "HUB_FRONTEND_MAX_AGE", 0) or 0)


def current_generation(request=None):
    """The content generation; read once per request when `request` is given (page cache, then chrome)."""
    value = getattr(request, "_hub_generation", None)
    if value is not None:
        return value
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = uuid.uuid4().hex
        if not cache.add(GENERATION_KEY, value, timeout=None):
            value = cache.get(GENERATION_KEY) or value
    if request is not None:
        request._hub_generation = value
    return value


def _path_version_key(path):
    return PATH_VERSION_KEY + hashlib.sha1(path.encode(), usedforsecurity=False).hexdigest()  # any slug, any cache


def _generation_and_path_version(request):
    """Both parts of a page's key in one cache round trip (one query with the database cache)."""
    return generation_and_path_version(request, request.path)


def generation_and_path_version(request, path):
    """The content generation and the version of the page at URL path `path`, in one cache round trip: the key
    of anything derived from what that page shows, renewed exactly when the page's cached copies are."""
    path_key = _path_version_key(path)
    found = cache.get_many([GENERATION_KEY, path_key])
    if GENERATION_KEY in found:
        request._hub_generation = found[GENERATION_KEY]
    return current_generation(request), found.get(path_key, "0")


def invalidate_paths(paths):
    """Renew the cached pages at these URL paths (every host, language prefix included, any `?page=`) after the
    current transaction commits; every other cached page stays."""
    paths = sorted(set(paths))
    if paths:
        transaction.on_commit(lambda: renew_paths_now(paths), robust=True)


def renew_paths_now(paths):
    """`invalidate_paths` without waiting for a commit (for callers that run after it already). The version
    outlives any page stored under the previous one, so an expired version never brings an old page back."""
    version = uuid.uuid4().hex
    timeout = page_cache_seconds() + 60
    cache.set_many({_path_version_key(path): version for path in set(paths)}, timeout=timeout)


def invalidate_pages(**kwargs):
    """Renew every cached page (after the current transaction commits). Apps may call it after changes that
    pages show but that are not a publish (e.g. seats left on an event, if such a page is cacheable)."""
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None))


def is_refresh_request(request):
    token = getattr(settings, "HUB_CACHE_REFRESH_TOKEN", "")
    return bool(token) and request.headers.get(REFRESH_HEADER) == token


def _is_wagtail_serve(view_func):
    from wagtail.views import serve

    return getattr(view_func, "__wrapped__", view_func) is serve or view_func is serve


def cacheable_view(view):
    """Mark a plain Django view whose HTML is the same for every anonymous visitor (e.g. a place page) as a page
    the page cache keeps like a Wagtail page; whoever changes what it shows renews its path."""
    view.hub_page_cache = True
    return view


class PageCacheMiddleware:
    """See the module docstring. Place it after SecurityHeadersMiddleware and before SessionMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_hub_page_cache_key", None)
        if getattr(request, "_hub_page_cache_hit", False):
            return response  # served from the cache: nothing to store again
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return response  # the page holds a CSRF token (a form): it is this visitor's alone
        if key and self._storable(response):
            self._public_headers(response)
            response["X-Hub-Page-Cache"] = "miss"
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            cache.set(key, response, page_cache_seconds())
        elif key is None and getattr(request, "_hub_page_candidate", False) and self._storable(response):
            self._public_headers(response)  # the page cache is off, the front-end cache may still hold it
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        cacheable = _is_wagtail_serve(view_func) or getattr(view_func, "hub_page_cache", False)
        if request.method not in ("GET", "HEAD") or not cacheable:
            return None
        cookie_names = (settings.SESSION_COOKIE_NAME, "messages")
        if any(name in request.COOKIES for name in cookie_names):
            return None
        allowed = set(getattr(settings, "HUB_PAGE_CACHE_QUERY_PARAMS", ("page",)))
        if any(name not in allowed for name in request.GET):
            return None
        request._hub_page_candidate = True
        if not page_cache_seconds():
            return None
        query = "&".join(f"{k}={v}" for k, v in sorted(request.GET.items()))
        generation, version = _generation_and_path_version(request)
        key = f"hub:page:{generation}:{version}:{request.get_host()}:{get_language()}:{request.path}?{query}"
        request._hub_page_cache_key = key
        if is_refresh_request(request):
            return None  # the front-end cache asks for a fresh copy: render and store it again
        cached = cache.get(key)
        if cached is not None:
            cached["X-Hub-Page-Cache"] = "hit"
            request._hub_page_cache_hit = True
            return cached
        return None

    @staticmethod
    def _storable(response):
        if response.status_code != 200 or getattr(response, "streaming", False):
            return False
        if response.cookies:
            return False
        # Vary: Cookie comes from the session being looked at (is the visitor signed in?); the request had no
        # session or messages cookie, so the page is the same for every anonymous visitor.
        vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
        if vary - {"accept-encoding", "cookie"}:
            return False
        control = response.get("Cache-Control", "").lower()
        return not any(word in control for word in ("private", "no-cache", "no-store", "max-age=0"))

    @staticmethod
    def _public_headers(response):
        vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip() and v.strip().lower() != "cookie"]
        if vary:
            response["Vary"] = ", ".join(vary)
        elif "Vary" in response:
            del response["Vary"]
        age = frontend_max_age()
        if age:
            # Browsers revalidate every time (publishes show at once); shared caches keep it `age` seconds.
            patch_cache_control(response, public=True, max_age=0, s_maxage=age)


# --- invalidation ------------------------------------------------------------------------------------------


def connect_signals():
    """Called from HubConfig.ready(): what shows on every page renews every page. Publishes, unpublishes, moves
    and deletions of pages renew only the pages that show them (`infrastructure.cache_invalidation`)."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import PageViewRestriction, Site

    for model in (PageViewRestriction, Site):
        post_delete.connect(invalidate_pages, sender=model, dispatch_uid=f"hub-cache-del-{model.__name__}")
        post_save.connect(invalidate_pages, sender=model, dispatch_uid=f"hub-cache-save-{model.__name__}")

    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    def on_model_change(sender, **kwargs):
        if issubclass(sender, (BaseSiteSetting, BaseGenericSetting)) or _is_snippet(sender):
            invalidate_pages()

    post_save.connect(on_model_change, dispatch_uid="hub-cache-settings-save", weak=False)
    post_delete.connect(on_model_change, dispatch_uid="hub-cache-settings-delete", weak=False)


def _is_snippet(model):
    try:
        from wagtail.snippets.models import get_snippet_models

        return model in get_snippet_models()
    except ImportError:  # pragma: no cover - snippets app absent
        return False


# --- front-end cache (nginx) ----------------------------------------------------------------------------------


try:
    from wagtail.contrib.frontend_cache.backends.http import HTTPBackend
except ImportError:  # pragma: no cover
    HTTPBackend = object


class NginxRefreshBackend(HTTPBackend):
    """'Purges' a URL from nginx by fetching it through nginx with the refresh header: nginx bypasses its
    cache for that request (`proxy_cache_bypass`) and stores the app server's fresh response in place of the
    old one. Runs after the publishing transaction commits."""

    def __init__(self, params):
        params = dict(params)
        self.token = params.pop("TOKEN", "")
        self.timeout = params.pop("TIMEOUT", 10)
        super().__init__(params)

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        urls = list(urls)
        transaction.on_commit(lambda: [self._refresh(url) for url in urls])

    def _refresh(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        target = urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""])
        request = Request(target, headers={"Host": host, REFRESH_HEADER: self.token, "User-Agent": "hub-refresh"})
        try:
            with urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - configured URL
                response.read()
        except OSError as exc:  # HTTPError/URLError/timeouts; a 404 after unpublish also refreshes the entry
            status = getattr(exc, "code", None)
            if status not in (404, 410):
                logger.warning("Front-end cache refresh of %s failed: %s", url, exc)
