"""Security headers for every response, the `embeddable` marker for views that may be shown in an iframe
elsewhere, the admin login throttle, and `public_form`: how the public forms refuse posts forged elsewhere.

Two Content-Security-Policies:
- the public site: no inline scripts or styles at all (`script-src 'self'`, `style-src 'self'`);
- the editors' admin (`/admin/`, `/django-admin/`): Wagtail 8's admin and wagtail-localize still ship inline
  `<script>` blocks (inline panels, date pickers, the translation editor) and inline styles, so the admin gets
  `'unsafe-inline'` for scripts and styles, and `frame-ancestors 'self'` for the live preview panel. Only
  signed-in editors reach those pages; nothing public is rendered under these prefixes.
Each policy can be replaced in settings (HUB_CSP_PUBLIC / HUB_CSP_ADMIN, dicts of directive -> sources).
"""

import logging
from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.http import is_same_domain

from infrastructure import antispam

logger = logging.getLogger("infrastructure.security")

ADMIN_PREFIXES = ("/admin/", "/django-admin/")

PUBLIC_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "media-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

ADMIN_CSP = {
    **PUBLIC_CSP,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "frame-ancestors": ["'self'"],
}

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)


def _media_origin():
    """Media on object storage (MEDIA_URL absolute, e.g. https://bucket.s3.example/) is allowed for img/media."""
    parts = urlsplit(getattr(settings, "MEDIA_URL", "") or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def build_policy(directives, *, embeddable=False):
    directives = {key: list(value) for key, value in directives.items()}
    origin = _media_origin()
    if origin:
        for key in ("img-src", "media-src"):
            directives.setdefault(key, ["'self'"]).append(origin)
    if embeddable:
        directives["frame-ancestors"] = ["*"]
    return "; ".join(f"{key} {' '.join(values)}" for key, values in directives.items())


def is_admin_path(path):
    return path.startswith(ADMIN_PREFIXES)


def embeddable(view_func):
    """Let other sites show this view in an iframe: `frame-ancestors *` and no X-Frame-Options.

    Use it on views built for embedding only (the stories app's iframe list); everything else is DENY.
    """

    @wraps(view_func)
    def wrapper(request, *args, **kwargs):
        return mark_embeddable(view_func(request, *args, **kwargs))

    return wrapper


def mark_embeddable(response):
    """The same for a response built elsewhere (e.g. in a page's `serve()`)."""
    response.hub_embeddable = True
    response.xframe_options_exempt = True  # Django's XFrameOptionsMiddleware then leaves it alone
    if "X-Frame-Options" in response:
        del response["X-Frame-Options"]
    return response


class SecurityHeadersMiddleware:
    """Adds CSP, Permissions-Policy, Referrer-Policy, X-Content-Type-Options and Cross-Origin-Opener-Policy.

    Place it right after Django's SecurityMiddleware (it runs last on the way out, so cached responses get
    the headers too). A view may set its own Content-Security-Policy header; it is then kept.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        public = getattr(settings, "HUB_CSP_PUBLIC", PUBLIC_CSP)
        admin = getattr(settings, "HUB_CSP_ADMIN", ADMIN_CSP)
        self.policies = {
            (False, False): build_policy(public),
            (False, True): build_policy(public, embeddable=True),
            (True, False): build_policy(admin),
            (True, True): build_policy(admin),
        }

    def __call__(self, request):
        response = self.get_response(request)
        embeddable_response = getattr(response, "hub_embeddable", False)
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.policies[(is_admin_path(request.path), embeddable_response)]
        if embeddable_response and "X-Frame-Options" in response:
            del response["X-Frame-Options"]
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Referrer-Policy", getattr(settings, "SECURE_REFERRER_POLICY", None) or "same-origin")
        response.setdefault("X-Content-Type-Options", "nosniff")
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response


# Password reset too: it sends e-mail to whoever owns the address, so it is a cheap way to flood inboxes.
LOGIN_PATHS = ("/admin/login/", "/django-admin/login/", "/admin/password_reset/")


class LoginThrottleMiddleware:
    """Throttles POSTs to the admin login forms, per client address and per user name (cache based, so the
    limit holds across app servers with a shared cache). Over the limit: 429 with Retry-After.

    HUB_LOGIN_RATE = (attempts, window_seconds), default 10 per 5 minutes.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path in LOGIN_PATHS:
            limit, window = getattr(settings, "HUB_LOGIN_RATE", (10, 300))
            username = request.POST.get("username", "")[:150].strip().lower()
            over_ip = antispam.rate_limited(request, "admin-login", limit, window)
            over_user = bool(username) and antispam.rate_limited_key(f"admin-login-user:{username}", limit, window)
            if over_ip or over_user:
                return antispam.too_many_requests(request, window)
        return self.get_response(request)


UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")


def _trusted_origin(request, origin):
    """This site's own origin, or one listed in CSRF_TRUSTED_ORIGINS (wildcard subdomains as Django reads them)."""
    if origin == f"{request.scheme}://{request.get_host()}":
        return True
    scheme, _, netloc = origin.partition("://")
    for trusted in getattr(settings, "CSRF_TRUSTED_ORIGINS", []):
        if trusted == origin:
            return True
        parts = urlsplit(trusted)
        if parts.scheme == scheme and parts.netloc.startswith("*") and is_same_domain(netloc, parts.netloc[1:]):
            return True
    return False


def foreign_post_reason(request):
    """Why a form post must be refused as sent from another site, or None when it may be ours.

    Browsers say where a post comes from: `Sec-Fetch-Site` (the browser's own verdict) and `Origin` (else a
    `Referer`). Any one of them naming another site refuses the post. A post that names nothing at all comes
    from no browser a forger could borrow, unless it carries a session cookie: then it acts for someone, and
    every current browser would have sent an Origin, so it is refused too.
    """
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE", "").lower()
    if fetch_site == "cross-site":
        return "Sec-Fetch-Site: cross-site"
    vouched = fetch_site in ("same-origin", "none")
    origin = request.META.get("HTTP_ORIGIN")
    referer = request.META.get("HTTP_REFERER")
    if origin:
        if origin == "null" or not _trusted_origin(request, origin):
            return f"Origin {origin[:100]} is not this site"
        vouched = True
    elif referer:
        parts = urlsplit(referer)
        if not _trusted_origin(request, f"{parts.scheme}://{parts.netloc}"):
            return "Referer is not this site"
        vouched = True
    if fetch_site == "same-site" and not vouched:
        return "Sec-Fetch-Site: same-site without an Origin of this site"
    if not vouched and settings.SESSION_COOKIE_NAME in request.COOKIES:
        return "a session cookie without Origin, Referer or Sec-Fetch-Site"
    return None


def public_form(view_func):
    """The one protection for the public forms (method feedback, story submission, event registration).

    Their pages are shared by the caches, so they carry no per-visitor CSRF token; a visitor may or may not
    have a session (an editor reading the public site, someone who registered earlier). Instead of the token,
    every post must come from this site (`foreign_post_reason`), the same rule with or without a session.
    Django's token check stays on for everything else, the admin included.
    """
    from django.shortcuts import render
    from django.utils.cache import add_never_cache_headers
    from django.views.decorators.csrf import csrf_exempt

    @wraps(view_func)
    def wrapper(request, *args, **kwargs):
        if request.method in UNSAFE_METHODS:
            reason = foreign_post_reason(request)
            if reason:
                logger.warning("Refused a form post to %s from another site: %s", request.path, reason)
                response = render(request, "hub/form_refused.html", status=403)
                add_never_cache_headers(response)
                return response
        return view_func(request, *args, **kwargs)

    return csrf_exempt(wrapper)
