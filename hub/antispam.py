"""Spam protection shared by every public form: a honeypot field and a per-client rate limit (cache based,
so it works across app servers when the cache is shared)."""

import hashlib
import time

from django import forms
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website_url"


class HoneypotFormMixin(forms.Form):
    """Adds a field people never see (hidden with CSS and aria-hidden); bots fill it in."""

    website_url = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_spam(self):
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())


def client_key(request):
    """A hashed client identifier (no personal data is stored): the IP address the proxy reports, or REMOTE_ADDR."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    ip = forwarded.split(",")[0].strip() if forwarded else request.META.get("REMOTE_ADDR", "")
    return hashlib.sha256(ip.encode()).hexdigest()[:24]


def rate_limited(request, scope, limit, window_seconds):
    """Count this request against `limit` per `window_seconds` for the client; True when over the limit."""
    bucket = int(time.time() // window_seconds)
    key = f"ratelimit:{scope}:{client_key(request)}:{bucket}"
    added = cache.add(key, 1, timeout=window_seconds + 5)
    count = 1 if added else cache.incr(key)
    return count > limit


def rate_limited_key(key, limit, window_seconds):
    """Like `rate_limited`, for a key of your own (e.g. a hashed user name or e-mail address)."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    bucket = int(time.time() // window_seconds)
    cache_key = f"ratelimit:key:{digest}:{bucket}"
    if cache.add(cache_key, 1, timeout=window_seconds + 5):
        return 1 > limit
    try:
        return cache.incr(cache_key) > limit
    except ValueError:  # expired between add and incr
        return False


def too_many_requests(request, retry_after):
    """The friendly 429 page (templates/429.html) with Retry-After; never cached."""
    from django.shortcuts import render
    from django.utils.cache import add_never_cache_headers

    response = render(request, "429.html", {"retry_after": int(retry_after)}, status=429)
    response["Retry-After"] = str(int(retry_after))
    add_never_cache_headers(response)
    return response


def ratelimit(scope, limit, window, methods=None):
    """View decorator: at most `limit` requests per `window` seconds per client for this `scope`, else 429.

    `methods` limits which HTTP methods count (e.g. ("POST",) for a form whose GET is free); all by default.
        @ratelimit("search", 60, 60)
        def search_view(request): ...
    """
    from functools import wraps

    counted = {m.upper() for m in methods} if methods else None

    def decorator(view_func):
        @wraps(view_func)
        def wrapper(request, *args, **kwargs):
            if (counted is None or request.method in counted) and rate_limited(request, scope, limit, window):
                return too_many_requests(request, window)
            return view_func(request, *args, **kwargs)

        return wrapper

    return decorator
