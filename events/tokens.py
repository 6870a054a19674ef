"""Signed cancellation links: no account needed, tamper-proof, and they expire."""

from datetime import timedelta

from django.conf import settings
from django.core import signing

SALT = "events.registration.cancel"


def max_age():
    return getattr(settings, "REGISTRATION_CANCEL_LINK_MAX_AGE", timedelta(days=365))


def make_cancel_token(registration):
    return signing.TimestampSigner(salt=SALT).sign(str(registration.reference))


def read_cancel_token(token):
    """The registration reference in the token; raises signing.SignatureExpired or signing.BadSignature."""
    return signing.TimestampSigner(salt=SALT).unsign(token, max_age=max_age())
