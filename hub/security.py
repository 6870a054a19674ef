"""Security headers for every response, the `embeddable` marker for views that may be shown in an iframe
elsewhere, and the admin login throttle.

Two Content-Security-Policies:
- the public site: no inline scripts or styles at all (`script-src 'self'`, `style-src 'self'`);
- the editors' admin (`/admin/`, `/django-admin/`): Wagtail 8's admin and wagtail-localize still ship inline
  `<script>` blocks (inline panels, date pickers, the translation editor) and inline styles, so the admin gets
  `'unsafe-inline'` for scripts and styles, and `frame-ancestors 'self'` for the live preview panel. Only
  signed-in editors reach those pages; nothing public is rendered under these prefixes.
Each policy can be replaced in settings (HUB_CSP_PUBLIC / HUB_CSP_ADMIN, dicts of directive -> sources).
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings

from hub import antispam

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


def is_cross_site(request):
    """True when a browser tells us the request comes from another site: `Sec-Fetch-Site: cross-site`, or an
    Origin (else a Referer) that is neither this host nor in CSRF_TRUSTED_ORIGINS. Requests that name no origin
    at all (no browser involved) are not cross-site: nothing of a visitor's is carried along with them."""
    if request.META.get("HTTP_SEC_FETCH_SITE", "").lower() == "cross-site":
        return True
    source = request.META.get("HTTP_ORIGIN") or request.META.get("HTTP_REFERER")
    if not source:
        return False
    if source == "null":
        return True
    parts = urlsplit(source)
    origin = f"{parts.scheme}://{parts.netloc}"
    trusted = {f"{request.scheme}://{request.get_host()}", *getattr(settings, "CSRF_TRUSTED_ORIGINS", [])}
    return origin not in trusted


def anonymous_form(view_func):
    """For public forms on pages that the caches share between visitors (no per-visitor CSRF token in the page).

    An anonymous POST carries nothing a forger could borrow (no session), so instead of the token it must come
    from our own origin (`is_cross_site`). A POST that carries a session cookie gets Django's full CSRF check,
    token included, since it acts for someone signed in. Either way a forged cross-site POST is refused with 403.
    """
    from django.http import HttpResponseForbidden
    from django.middleware.csrf import CsrfViewMiddleware
    from django.views.decorators.csrf import csrf_exempt

    @wraps(view_func)
    def wrapper(request, *args, **kwargs):
        if request.method == "POST":
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                refused = CsrfViewMiddleware(lambda r: None).process_view(request, view_func, args, kwargs)
                if refused is not None:
                    return refused
            if is_cross_site(request):
                return HttpResponseForbidden("Cross-site form posts are not accepted.")
        return view_func(request, *args, **kwargs)

    return csrf_exempt(wrapper)
