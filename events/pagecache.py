"""Cached pages that show a registration state (the event page, in every language, and the event index) are
renewed when a registration changes the number of confirmed seats; the home pages too, when the state they show
for the event (open, full – waiting list) no longer holds (events/home_section.py).

Only those pages: the page cache (infrastructure.cache) keys each page by its URL path's own version too, and
`invalidate_paths` renews the event's and the index pages' paths after the transaction commits, so a busy
registration day does not empty the cache of every other page. Where a front-end cache (nginx) is configured,
the same pages are refreshed there too, after the commit, so the seats left and "full – waiting list" are never
stale.
"""

from django.conf import settings
from django.db import transaction

from events.models import EventIndexPage, EventPage, EventSeries


def _pages(target):
    if isinstance(target, EventSeries):
        keys = EventPage.objects.filter(series_id=target.pk).values("translation_key")
    else:
        keys = [target.translation_key]
    return list(EventPage.objects.live().filter(translation_key__in=keys)) + list(EventIndexPage.objects.live())


def _purge_frontend(target):
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

    from events.home_section import homes_to_renew

    purge_pages_from_cache(_pages(target) + homes_to_renew(target))


def _paths(pages):
    paths = set()
    for page in pages:
        parts = page.get_url_parts()
        if parts is not None:
            paths.add(parts[2])
    return paths


def _renew_cached_pages(target):
    from events.home_section import homes_to_renew
    from infrastructure.cache import renew_paths_now

    renew_paths_now(_paths(_pages(target) + homes_to_renew(target)))


def registration_state_changed(target):
    """Call inside the transaction that changed the confirmed seats of `target` (an EventPage or EventSeries).
    The pages are looked up after the commit, so the seat lock is not held for it."""
    transaction.on_commit(lambda: _renew_cached_pages(target), robust=True)
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        transaction.on_commit(lambda: _purge_frontend(target), robust=True)
