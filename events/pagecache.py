"""Cached pages that show a registration state (the event page, in every language, and the event index) are
renewed when a registration changes the number of confirmed seats.

The page cache (hub.cache) keys pages by a content generation; `invalidate_pages` bumps it after the
transaction commits. Where a front-end cache (nginx) is configured, the event's pages and the index pages are
refreshed there too, after the commit, so the seats left and "full – waiting list" are never stale.
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

    purge_pages_from_cache(_pages(target))


def registration_state_changed(target):
    """Call inside the transaction that changed the confirmed seats of `target` (an EventPage or EventSeries)."""
    from hub.cache import invalidate_pages

    invalidate_pages()
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        transaction.on_commit(lambda: _purge_frontend(target), robust=True)
