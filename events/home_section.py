"""The home page's "next events" section and its participants figure (registered in events/wagtail_hooks.py).

The next upcoming events of the home page's language, pinned ones first while they are upcoming, each with its
registration state (open, full – waiting list, closed) read the same way as on the event index."""

from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale

from events.listing import attach_registration
from events.models import EventPage, Registration
from hub.home_sections import count_of, in_site, pinned_first, public
from infrastructure.cache import frontend_max_age, page_cache_seconds


def next_events(request, home, value):
    now = timezone.now()
    upcoming = (
        public(EventPage.objects.live())
        .descendant_of(home)
        .filter(locale_id=home.locale_id, end__gte=now)
        .select_related("series", "image")
        .order_by("start", "pk")
    )
    events = attach_registration(pinned_first(upcoming, value.get("pinned"), value.get("count") or 3), now)
    _remember_shown_states(events)
    return {"events": events}


def participants(home):
    """People with a confirmed seat at the site's events (a series registration counts once)."""
    site_events = in_site(EventPage.objects.all(), home)
    confirmed = Registration.objects.filter(status=Registration.Status.CONFIRMED).filter(
        Q(event_id__in=site_events.values("pk")) | Q(series_id__in=site_events.values("series_id"))
    )
    return {"participants": count_of(confirmed)}


STATE_KEY = "hub:home:event-state:"


def _state_key(page):
    """One key per registration: the series' for a session of a series, else the event's (any language)."""
    return STATE_KEY + (f"s{page.series_id}" if page.series_id else f"e{page.translation_key}")


def _remember_shown_states(events):
    """Note which registration state the home page now shows for each event, for `homes_to_renew`. Kept at
    least as long as any cached copy of the home page."""
    timeout = max(page_cache_seconds(), frontend_max_age(), 300) + 60
    cache.set_many({_state_key(e): e.registration.state for e in events}, timeout=timeout)


def homes_to_renew(target):
    """The home pages to render afresh after a registration changed the confirmed seats of `target` (an event
    or a series): all of them when they show one of its events with a state that no longer holds (open became
    full, or full became open again), else none — the home page shows no seat counts, so every other
    registration leaves it cached."""
    from hub.models import HomePage

    event = target
    if not isinstance(target, EventPage):
        event = EventPage.objects.filter(series_id=target.pk, locale=Locale.get_default()).first()
    if event is None:
        return []
    shown = cache.get(_state_key(event))
    if shown is None:
        return []
    attach_registration([event])
    return [] if event.registration.state == shown else list(HomePage.objects.live())


def homes_for_new_dates(change):
    """The home pages, when a publish gave an upcoming event other dates: it may now be among the next events
    (infrastructure.cache_invalidation renews the home pages that already show it, or when it went live or left)."""
    from hub.models import HomePage

    before, after = change.before, change.after
    if not isinstance(after, EventPage) or after.end < timezone.now() or before is None:
        return []
    if (before.start, before.end) == (after.start, after.end):
        return []
    return list(HomePage.objects.live())
