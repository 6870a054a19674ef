"""Events on the place pages (stories' places views ask through infrastructure.relations, never importing this app).
`place.published(queryset)` keeps the live, public pages in the place's language."""

from django.db.models import Count
from django.utils import timezone

from events.models import EventPage


def _placed(place):
    return place.published(EventPage.objects.all()).filter(municipality__isnull=False)


def for_place(place, request=None, limit=12):
    """The place's events: upcoming first (soonest), then past ones (newest); one query."""
    events = list(_placed(place).filter(**place.lookup("municipality")).order_by("-start")[: limit * 4])
    now = timezone.now()
    upcoming = sorted((e for e in events if e.end >= now), key=lambda e: e.start)
    past = [e for e in events if e.end < now]
    return (upcoming + past)[:limit]


def counts(place):
    """{municipality id: number of published events there} in the place's language (one query)."""
    rows = _placed(place).values("municipality_id").annotate(n=Count("pk")).order_by()
    return {r["municipality_id"]: r["n"] for r in rows}
