"""Spam protection shared by every public form: a honeypot field and a per-client rate limit (cache based,
so it works across app servers when the cache is shared)."""

import hashlib
import time

from django import forms
from django.conf import settings
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


def client_address(request):
    """The client's IP address, trusting X-Forwarded-For only as far as our own proxies wrote it.

    HUB_PROXY_HOPS (setting) is the number of reverse proxies in front of the app that append to
    X-Forwarded-For (nginx with `$proxy_add_x_forwarded_for` is one; a load balancer before it another). The
    client is the entry that the outermost trusted proxy added; anything further left was sent by the client
    and is ignored, so nobody escapes a rate limit by sending the header. 0 (development, tests): REMOTE_ADDR.
    """
    hops = int(getattr(settings, "HUB_PROXY_HOPS", 0))
    if hops > 0:
        entries = [e.strip() for e in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if e.strip()]
        if entries:
            return entries[-hops] if len(entries) >= hops else entries[0]
    return request.META.get("REMOTE_ADDR", "")


def client_key(request):
    """A hashed client identifier (no personal data is stored)."""
    return hashlib.sha256(client_address(request).encode()).hexdigest()[:24]


def _count(key, window_seconds):
    """Add one to a counter that lives for the window; safe when the key expires between add and incr."""
    if cache.add(key, 1, timeout=window_seconds + 5):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired in between: this request starts a new count
        cache.add(key, 1, timeout=window_seconds + 5)
        return 1


def _client_counter(request, scope, window_seconds):
    bucket = int(time.time() // window_seconds)
    return f"ratelimit:{scope}:{client_key(request)}:{bucket}"


def rate_limited(request, scope, limit, window_seconds):
    """Count this request against `limit` per `window_seconds` for the client; True when over the limit."""
    return _count(_client_counter(request, scope, window_seconds), window_seconds) > limit


def peek_count(request, scope, window_seconds):
    """How often the client was counted for `scope` in the current window, without counting this request."""
    return cache.get(_client_counter(request, scope, window_seconds)) or 0


def rate_limited_key(key, limit, window_seconds):
    """Like `rate_limited`, for a key of your own (e.g. a hashed user name or e-mail address)."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    bucket = int(time.time() // window_seconds)
    return _count(f"ratelimit:key:{digest}:{bucket}", window_seconds) > limit


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
