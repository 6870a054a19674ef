"""Signed links to a participant's conversation log: no account, no password, only the link from the e-mail.

The token carries the registration's public reference, signed with the project's SECRET_KEY and a salt used
for nothing else, and a timestamp: it stops working after COCKPIT_CONVERSATION_LINK_DAYS (default 365) days.
The same link always opens the same log, so participants can come back and amend what they wrote.
"""

import uuid

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

SALT = "cockpit.conversation-log.v1"


class InvalidLink(Exception):
    """The link was altered, has expired, or its registration no longer exists."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason  # "tampered", "expired" or "unknown"


def max_age_seconds():
    return int(getattr(settings, "COCKPIT_CONVERSATION_LINK_DAYS", 365)) * 24 * 3600


def make_token(registration):
    return signing.dumps({"r": str(registration.reference)}, salt=SALT, compress=False)


def reference_from_token(token):
    """The registration reference (UUID) in a valid token; raises InvalidLink otherwise."""
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age_seconds())
    except signing.SignatureExpired:
        raise InvalidLink("expired") from None
    except signing.BadSignature:
        raise InvalidLink("tampered") from None
    try:
        return uuid.UUID(str(data["r"]))
    except (KeyError, TypeError, ValueError):
        raise InvalidLink("tampered") from None


def registration_for_token(token):
    """The active registration a token belongs to (cancelled or anonymised ones no longer open the log)."""
    reference = reference_from_token(token)
    try:
        Registration = apps.get_model("events", "Registration")
    except LookupError:
        raise InvalidLink("unknown") from None
    registration = Registration.objects.filter(reference=reference).first()
    if (
        registration is None
        or getattr(registration, "anonymised_at", None)
        or getattr(registration, "status", "") == "cancelled"
    ):
        raise InvalidLink("unknown")
    return registration


def conversation_log_path(registration, language=None):
    language = language or getattr(registration, "language", None) or settings.LANGUAGE_CODE
    with translation.override(language):
        return reverse("cockpit:conversation_log", kwargs={"token": make_token(registration)})


def conversation_log_url(registration, language=None):
    """The absolute link to put in a course-series registration e-mail (for the events app to call)."""
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + conversation_log_path(registration, language)


def registration_email_lines(registration):
    """Lines for a confirmed course-series registration e-mail: the participant's conversation log link."""
    if not getattr(registration, "series_id", None):
        return []
    return [
        "",
        gettext("Between the course days, record your conversations with local volunteer organisations here:"),
        conversation_log_url(registration),
    ]
