"""Registration services: the only code that changes a registration's status.

Capacity is an invariant checked under a row lock in one transaction (the pretix lesson): the event row, or
the series row for sessions in a series, is locked with SELECT … FOR UPDATE, the confirmed seats are counted
under that lock, and only then is a seat given or a place on the waiting list. E-mails are queued after the
transaction commits, so a failing mail server never undoes or blocks a registration.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from events.models import EventPage, EventSeries, Registration
from events.pagecache import registration_state_changed

OPEN, FULL, CLOSED, NOT_OPEN, NONE = "open", "full", "closed", "not_open", "none"
STATE_LABELS = {
    OPEN: _("Registration open"),
    FULL: _("Full – waiting list"),
    CLOSED: _("Registration closed"),
    NOT_OPEN: _("Registration not yet open"),
    NONE: _("No registration"),
}


class RegistrationUnavailable(Exception):
    def __init__(self, state):
        super().__init__(state)
        self.state = state


@dataclass
class RegistrationResult:
    registration: Registration
    created: bool


@dataclass
class CancelResult:
    registration: Registration
    already_cancelled: bool
    promoted: list = field(default_factory=list)


def window_state(opens, closes, capacity, confirmed, now):
    """The registration state from the window, the capacity and the confirmed count."""
    if opens and now < opens:
        return NOT_OPEN
    if closes and now >= closes:
        return CLOSED
    if capacity is not None and confirmed >= capacity:
        return FULL
    return OPEN


def series_first_start(series_id):
    return EventPage.objects.filter(series_id=series_id, locale=Locale.get_default()).aggregate(m=Min("start"))["m"]


def _lock_target(event):
    """Lock and return (target, filter) for an event: its series row, or its own row."""
    if event.series_id:
        series = EventSeries.objects.select_for_update().get(pk=event.series_id)
        return series, {"series": series}
    locked = EventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)
    return locked, {"event": locked}


def _target_window(target):
    if isinstance(target, EventSeries):
        return target.registration_opens, target.registration_closes or series_first_start(target.pk)
    return target.registration_opens, target.registration_closes or target.start


def normalise_email(email):
    return (email or "").strip().lower()


def register(event, *, name, email, organisation="", role="", municipality=None, needs="", language="nb", now=None):
    """Register one person for an event (or its series). Returns the existing active registration for the same
    e-mail instead of a second seat. Raises RegistrationUnavailable when registration is closed or not open."""
    from events import emails

    event = event.canonical()
    if not event.registration_enabled:
        raise RegistrationUnavailable(NONE)
    email = normalise_email(email)
    with transaction.atomic():
        target, scope = _lock_target(event)
        existing = Registration.objects.filter(**scope, email=email).exclude(status=Registration.Status.CANCELLED)
        existing = existing.first()
        if existing is not None:
            return RegistrationResult(existing, created=False)
        now = now or timezone.now()
        opens, closes = _target_window(target)
        confirmed = Registration.objects.filter(**scope, status=Registration.Status.CONFIRMED).count()
        state = window_state(opens, closes, target.capacity, confirmed, now)
        if state in (NOT_OPEN, CLOSED):
            raise RegistrationUnavailable(state)
        status = Registration.Status.CONFIRMED if state == OPEN else Registration.Status.WAITING
        registration = Registration.objects.create(
            **scope,
            status=status,
            name=name.strip(),
            email=email,
            organisation=organisation.strip(),
            role=role.strip(),
            municipality=municipality,
            needs=needs.strip(),
            language=language,
            consent_at=now,
            confirmed_at=now if status == Registration.Status.CONFIRMED else None,
        )
        transaction.on_commit(lambda: emails.registration_received(registration.pk), robust=True)
        if status == Registration.Status.CONFIRMED:
            registration_state_changed(target)  # one seat fewer (or now full) on the cached pages
    return RegistrationResult(registration, created=True)


def _fill_from_waiting_list(target, scope, now):
    """Give free seats to the waiting list in order. Caller holds the target's lock."""
    waiting = Registration.objects.filter(**scope, status=Registration.Status.WAITING).order_by("created_at", "pk")
    if target.capacity is not None:
        confirmed = Registration.objects.filter(**scope, status=Registration.Status.CONFIRMED).count()
        free = max(target.capacity - confirmed, 0)
        waiting = waiting[:free]
    promoted = list(waiting.select_for_update())
    for registration in promoted:
        registration.status = Registration.Status.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
    return promoted


def fill_from_waiting_list(event_or_series, now=None):
    """Promote waiting people into free seats (after a capacity increase). Promoted people are e-mailed."""
    from events import emails

    with transaction.atomic():
        if isinstance(event_or_series, EventSeries):
            target = EventSeries.objects.select_for_update().get(pk=event_or_series.pk)
            scope = {"series": target}
        else:
            target, scope = _lock_target(event_or_series.canonical())
        promoted = _fill_from_waiting_list(target, scope, now or timezone.now())
        if promoted:
            registration_state_changed(target)
        for p in promoted:
            transaction.on_commit(lambda pk=p.pk: emails.promoted(pk), robust=True)
    return promoted


def cancel(registration, now=None, notify=True):
    """Cancel a registration (idempotent); a freed seat goes to the first on the waiting list, who is e-mailed."""
    from events import emails

    now = now or timezone.now()
    with transaction.atomic():
        if registration.series_id:
            target = EventSeries.objects.select_for_update().get(pk=registration.series_id)
            scope = {"series": target}
        else:
            target = EventPage.objects.select_for_update(of=("self",)).get(pk=registration.event_id)
            scope = {"event": target}
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Registration.Status.CANCELLED:
            return CancelResult(registration, already_cancelled=True)
        if registration.status == Registration.Status.CONFIRMED:
            registration_state_changed(target)  # a seat is free again, or goes to the waiting list
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        promoted = _fill_from_waiting_list(target, scope, now)
        if notify:
            transaction.on_commit(lambda: emails.cancelled(registration.pk), robust=True)
        for p in promoted:
            transaction.on_commit(lambda pk=p.pk: emails.promoted(pk), robust=True)
    return CancelResult(registration, already_cancelled=False, promoted=promoted)


def waiting_position(registration):
    if registration.status != Registration.Status.WAITING:
        return None
    scope = {"series_id": registration.series_id} if registration.series_id else {"event_id": registration.event_id}
    earlier = Registration.objects.filter(**scope, status=Registration.Status.WAITING).filter(
        Q(created_at__lt=registration.created_at) | Q(created_at=registration.created_at, pk__lt=registration.pk)
    )
    return earlier.count() + 1
