"""GDPR: anonymise registrations some days after the event (counts stay), and per-person export or erasure."""

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max, Q
from django.utils import timezone
from wagtail.models import Locale

from events.models import EventPage, Registration
from hub.models import OutboundEmail

PERSONAL_FIELDS = {"name": "", "email": "", "organisation": "", "role": "", "municipality": None, "needs": ""}


def retention_days():
    return getattr(settings, "REGISTRATION_RETENTION_DAYS", 90)


def purge_before(cutoff, now=None):
    """Anonymise registrations whose event (or the series' last session) ended before `cutoff`, and delete stored
    e-mails older than that. Returns (registrations anonymised, e-mails deleted). Idempotent."""
    now = now or timezone.now()
    ended_series = (
        EventPage.objects.filter(series__isnull=False, locale=Locale.get_default())
        .values("series_id")
        .annotate(last=Max("end"))
        .filter(last__lt=cutoff)
        .values("series_id")
    )
    due = Registration.objects.filter(anonymised_at__isnull=True).filter(
        Q(event__end__lt=cutoff) | Q(series_id__in=ended_series)
    )
    with transaction.atomic():
        count = due.update(anonymised_at=now, **PERSONAL_FIELDS)
        deleted, _ = OutboundEmail.objects.filter(created_at__lt=cutoff).delete()
    return count, deleted


def _emails_to(address):
    """Stored e-mails addressed to `address` (JSON containment on PostgreSQL, a scan elsewhere)."""
    if connection.vendor == "postgresql":
        return OutboundEmail.objects.filter(to__contains=[address])
    pks = [e.pk for e in OutboundEmail.objects.only("to").iterator() if address in [t.lower() for t in e.to]]
    return OutboundEmail.objects.filter(pk__in=pks)


def export_person(email):
    """Everything held on one e-mail address, as a JSON-serialisable dict."""
    email = email.strip().lower()
    registrations = Registration.objects.filter(email__iexact=email).select_related("event", "series", "municipality")
    return {
        "email": email,
        "registrations": [
            {
                "reference": str(r.reference),
                "event": r.event.title if r.event_id else None,
                "series": r.series.title if r.series_id else None,
                "status": r.status,
                "name": r.name,
                "organisation": r.organisation,
                "role": r.role,
                "municipality": r.municipality.name if r.municipality else None,
                "needs": r.needs,
                "language": r.language,
                "consent_at": r.consent_at.isoformat() if r.consent_at else None,
                "created_at": r.created_at.isoformat(),
                "cancelled_at": r.cancelled_at.isoformat() if r.cancelled_at else None,
                "attended": [a.event.title for a in r.attendances.select_related("event")],
            }
            for r in registrations
        ],
        "emails": [
            {"subject": e.subject, "status": e.status, "created_at": e.created_at.isoformat(), "body": e.body}
            for e in _emails_to(email)
        ],
    }


def delete_person(email):
    """Erase one person: active registrations are cancelled first (their seat goes to the waiting list), then
    every registration is anonymised (counts stay) and stored e-mails to the address are deleted."""
    from events.registration import cancel

    email = email.strip().lower()
    active = Registration.objects.filter(email__iexact=email).exclude(status=Registration.Status.CANCELLED)
    for registration in active.filter(Q(event__end__gte=timezone.now()) | Q(series__isnull=False)):
        cancel(registration, notify=False)
    with transaction.atomic():
        count = Registration.objects.filter(email__iexact=email).update(anonymised_at=timezone.now(), **PERSONAL_FIELDS)
        deleted, _ = _emails_to(email).delete()
    return count, deleted
