"""Registration services: the only code that changes a registration's status.

Capacity is an invariant checked under a row lock in one transaction: the event row, or the series row for
sessions in a series, is locked with SELECT … FOR UPDATE (`events.seats.lock`), the confirmed seats are counted
under that lock, and only then is a seat given or a place on the waiting list. E-mails are handed to the task
queue after the transaction commits (composed and sent there), so a failing mail server never undoes or blocks a
registration, and the request does no more than the seat needs.

On SQLite, SELECT … FOR UPDATE does not exist (Django leaves it out); there every transaction begins IMMEDIATE
(hub/settings/base.py), so it holds the database's one write lock from its first statement and writers are
served one after another: the same invariant, with the whole database as the lock.

Seats go to the waiting list first: `fill_from_waiting_list` is called on every path that frees or adds seats
(cancelling, an organiser removing registrations, a registration deleted, a raised capacity on publish or on
saving a series); `connect_signals` wires the last three.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, Min, Q
from django.utils import timezone

from events import emails, seats
from events.models import EventPage, EventSeries, Registration
from events.pagecache import registration_state_changed
from events.seats import CLOSED, NONE, NOT_OPEN, OPEN


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


def normalise_email(email):
    return (email or "").strip().lower()


def register(event, *, name, email, organisation="", role="", municipality=None, needs="", language="nb", now=None):
    """Register one person for an event (or its series). Returns the existing active registration for the same
    e-mail instead of a second seat. Raises RegistrationUnavailable when registration is closed or not open —
    for a registered address too, so a closed window never tells a stranger who signed up."""
    event = event.canonical()
    if not event.registration_enabled:
        raise RegistrationUnavailable(NONE)
    email = normalise_email(email)
    with transaction.atomic():
        target, scope = seats.lock(event)
        now = now or timezone.now()
        # The confirmed seats and this address's active registration (at most one), counted in one query.
        found = Registration.objects.filter(**scope).aggregate(
            confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
            existing=Min("pk", filter=Q(email=email) & ~Q(status=Registration.Status.CANCELLED)),
        )
        state = seats.state(target, found["confirmed"], now)
        if state in (NOT_OPEN, CLOSED):
            raise RegistrationUnavailable(state)
        if found["existing"] is not None:
            return RegistrationResult(Registration.objects.get(pk=found["existing"]), created=False)
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
        emails.enqueue_with_change("received", registration.pk)
        if status == Registration.Status.CONFIRMED:
            registration_state_changed(target)  # one seat fewer (or now full) on the cached pages
    return RegistrationResult(registration, created=True)


def fill_from_waiting_list(event_or_series, now=None):
    """Give every free seat to the waiting list, first come first served; the promoted are e-mailed after commit.

    The one way seats reach the waiting list, called wherever seats can appear: a participant cancels, an
    organiser cancels or deletes registrations, the capacity of an event or series is raised. Nobody is promoted
    once the event (or the series' first session) has started. Safe to call at any time: it only promotes while
    the confirmed count is below the capacity, counted under the seat lock.
    """
    now = now or timezone.now()
    with transaction.atomic():
        target, scope = seats.lock(event_or_series)
        if seats.has_started(target, now):
            return []
        waiting = Registration.objects.filter(**scope, status=Registration.Status.WAITING).order_by("created_at", "pk")
        if target.capacity is not None:
            confirmed = Registration.objects.filter(**scope, status=Registration.Status.CONFIRMED).count()
            waiting = waiting[: max(target.capacity - confirmed, 0)]
        promoted = list(waiting.select_for_update())
        for registration in promoted:
            registration.status = Registration.Status.CONFIRMED
            registration.confirmed_at = now
            registration.save(update_fields=["status", "confirmed_at"])
            emails.enqueue_with_change("promoted", registration.pk)
        if promoted:
            registration_state_changed(target)
    return promoted


def cancel(registration, now=None, notify=True):
    """Cancel a registration (idempotent); a freed seat goes to the first on the waiting list, who is e-mailed."""
    now = now or timezone.now()
    with transaction.atomic():
        target, _scope = seats.lock(registration.series if registration.series_id else registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Registration.Status.CANCELLED:
            return CancelResult(registration, already_cancelled=True)
        if registration.status == Registration.Status.CONFIRMED:
            registration_state_changed(target)  # a seat is free again, or goes to the waiting list
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        if notify:
            emails.enqueue_with_change("cancelled", registration.pk)
        promoted = fill_from_waiting_list(target, now)
    return CancelResult(registration, already_cancelled=False, promoted=promoted)


def remove(registrations, *, delete=False, notify=True):
    """An organiser removes many registrations at once (a flood of fake sign-ups): each is cancelled (and
    e-mailed when `notify`) or deleted, and the freed seats go to the waiting list. Returns how many."""
    registrations = list(registrations)
    targets = {r.series if r.series_id else r.event for r in registrations}
    now = timezone.now()
    with transaction.atomic():
        locked = [seats.lock(t) for t in sorted(targets, key=lambda t: (type(t).__name__, t.pk))]  # one lock order
        rows = Registration.objects.select_for_update().filter(pk__in=[r.pk for r in registrations])
        rows = rows.exclude(status=Registration.Status.CANCELLED) if not delete else rows
        pks = list(rows.values_list("pk", flat=True))
        if delete:
            Registration.objects.filter(pk__in=pks).delete()
        else:
            Registration.objects.filter(pk__in=pks).update(status=Registration.Status.CANCELLED, cancelled_at=now)
            if notify:
                for pk in pks:
                    emails.enqueue_with_change("cancelled", pk)
        for target, _scope in locked:
            registration_state_changed(target)
            fill_from_waiting_list(target, now)
    return len(pks)


def _event_published(sender, instance, **kwargs):
    """A published event may have more seats now (its capacity raised in the admin)."""
    if isinstance(instance, EventPage) and not instance.series_id and instance.registration_enabled:
        fill_from_waiting_list(instance)


def _series_saved(sender, instance, created, **kwargs):
    if not created:
        fill_from_waiting_list(instance)


def _registration_deleted(sender, instance, **kwargs):
    """A deleted registration (by an organiser, or a person's data erased) may have held a seat."""
    if instance.status == Registration.Status.CONFIRMED:
        target = EventSeries(pk=instance.series_id) if instance.series_id else EventPage(pk=instance.event_id)
        transaction.on_commit(lambda: fill_from_waiting_list(_reload(target)), robust=True)


def _reload(target):
    return type(target).objects.get(pk=target.pk)


def connect_signals():
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published

    page_published.connect(_event_published, sender=EventPage, dispatch_uid="events-fill-on-publish")
    post_save.connect(_series_saved, sender=EventSeries, dispatch_uid="events-fill-on-series-save")
    post_delete.connect(_registration_deleted, sender=Registration, dispatch_uid="events-fill-on-delete")
