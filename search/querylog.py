"""The anonymous query log, buffered in the cache and written in bulk off the request path.

A search increments a cache counter per (normalised query, language, day) — no database write. The first time a
key is seen it gets a sequence number so the flush can find it. `flush()` (the `flush_search_log` command, or the
task queued at most every FLUSH_INTERVAL seconds) moves the counters into QueryLogEntry with one upsert per key.
With a shared cache (Redis/Memcached) the counters are atomic across processes.
"""

import datetime
import hashlib
import logging

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone

logger = logging.getLogger("search")
PREFIX = "hubsearch:ql:"
FLUSH_INTERVAL = 300
TTL = 7 * 24 * 3600


def _key(day, language, query):
    digest = hashlib.sha1(f"{day}|{language}|{query}".encode()).hexdigest()[:20]
    return f"{PREFIX}n:{digest}"


def record(query, language, hits):
    """Count one search. Never raises: logging must not break a search."""
    if not query:
        return
    try:
        day = timezone.localdate().isoformat()
        key = _key(day, language, query)
        if cache.add(key, 0, TTL):
            cache.add(f"{PREFIX}seq", 0, None)
            seq = cache.incr(f"{PREFIX}seq")
            cache.set(f"{PREFIX}item:{seq}", (day, language, query, key), TTL)
        cache.incr(key)
        cache.set(f"{PREFIX}hits:{key}", hits, TTL)
        if cache.add(f"{PREFIX}flush-queued", 1, FLUSH_INTERVAL):
            from .tasks import flush_query_log

            flush_query_log.enqueue()
    except Exception:
        logger.exception("could not record a search in the query log buffer")


def flush():
    """Write buffered counts to QueryLogEntry. Returns the number of keys written."""
    from .models import QueryLogEntry

    last = cache.get(f"{PREFIX}seq") or 0
    done = cache.get(f"{PREFIX}flushed") or 0
    written = 0
    for seq in range(done + 1, last + 1):
        item = cache.get(f"{PREFIX}item:{seq}")
        if item is None:
            continue
        day, language, query, key = item
        count = cache.get(key) or 0
        if count <= 0:
            continue
        hits = cache.get(f"{PREFIX}hits:{key}") or 0
        with transaction.atomic():
            entry, created = QueryLogEntry.objects.select_for_update().get_or_create(
                query=query[:200],
                language=language,
                day=datetime.date.fromisoformat(day),
                defaults={"searches": count, "hits": hits, "zero_results": hits == 0},
            )
            if not created:
                QueryLogEntry.objects.filter(pk=entry.pk).update(
                    searches=F("searches") + count, hits=hits, zero_results=hits == 0
                )
        cache.decr(key, count)  # searches counted meanwhile stay for the next flush
        written += 1
    # Keys stay registered for the rest of their day; only items of past days are forgotten.
    today = timezone.localdate().isoformat()
    new_done = done
    for seq in range(done + 1, last + 1):
        item = cache.get(f"{PREFIX}item:{seq}")
        if item is not None and item[0] == today:
            break
        new_done = seq
    cache.set(f"{PREFIX}flushed", new_done, None)
    return written
