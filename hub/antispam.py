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
