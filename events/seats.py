"""The seats of an event or a series, in one place each: the lock that guards them, the registration window, the
state a visitor sees (open, full, closed, not yet open) and a person's place on the waiting list.

An event in a series shares the series' seats and window; an event on its own has its own. Every code path that
reads or changes seats goes through `lock()` (the one lock, taken in one order) and `window()` (the one rule for
when registration closes: the set closing time, else the start of the event or of the series' first session).
"""

from django.db.models import Min, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from events.models import EventPage, EventSeries, Registration

OPEN, FULL, CLOSED, NOT_OPEN, NONE = "open", "full", "closed", "not_open", "none"
STATE_LABELS = {
    OPEN: _("Registration open"),
    FULL: _("Full – waiting list"),
    CLOSED: _("Registration closed"),
    NOT_OPEN: _("Registration not yet open"),
    NONE: _("No registration"),
}


def series_first_start(series_id):
    return EventPage.objects.filter(series_id=series_id, locale=Locale.get_default()).aggregate(m=Min("start"))["m"]


def _first_start(target, first_start):
    if isinstance(target, EventSeries):
        return first_start if first_start is not None else series_first_start(target.pk)
    return target.start


def window(target, first_start=None):
    """(opens, closes) of an event or series; `first_start` spares the query when a list has it already."""
    return target.registration_opens, target.registration_closes or _first_start(target, first_start)


def has_started(target, now):
    start = _first_start(target, None)
    return start is not None and start <= now


def state(target, confirmed, now, first_start=None):
    """What a visitor sees from the window, the capacity and the confirmed count."""
    opens, closes = window(target, first_start)
    if opens and now < opens:
        return NOT_OPEN
    if closes and now >= closes:
        return CLOSED
    if target.capacity is not None and confirmed >= target.capacity:
        return FULL
    return OPEN


def lock(event_or_series):
    """Lock the seats of an event or series inside the caller's transaction: (locked target, filter for its
    registrations). A session of a series locks the series' row; an event on its own locks its own row.

    On SQLite, SELECT … FOR UPDATE does not exist (Django leaves it out); every transaction begins IMMEDIATE
    there, so it already holds the database's one write lock."""
    if isinstance(event_or_series, EventPage):
        event = event_or_series.canonical()
        if not event.series_id:
            locked = EventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)
            return locked, {"event": locked}
        series_id = event.series_id
    else:
        series_id = event_or_series.pk
    series = EventSeries.objects.select_for_update().get(pk=series_id)
    return series, {"series": series}


def waiting_position(registration):
    if registration.status != Registration.Status.WAITING:
        return None
    scope = {"series_id": registration.series_id} if registration.series_id else {"event_id": registration.event_id}
    earlier = Registration.objects.filter(**scope, status=Registration.Status.WAITING).filter(
        Q(created_at__lt=registration.created_at) | Q(created_at=registration.created_at, pk__lt=registration.pk)
    )
    return earlier.count() + 1
