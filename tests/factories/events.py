"""Events as an organiser publishes them under the demo's event index."""

from datetime import timedelta

from django.utils import timezone

from events.models import EventIndexPage, EventPage
from tests.helpers import publish_child


def upcoming_event(title, slug, *, capacity, in_days, hours=2, **fields):
    """A published Bokmål event starting `in_days` from now and lasting `hours`."""
    index = EventIndexPage.objects.get(slug="arrangementer", locale__language_code="nb")
    start = timezone.now() + timedelta(days=in_days)
    return publish_child(
        index,
        EventPage(title=title, slug=slug, capacity=capacity, start=start, end=start + timedelta(hours=hours), **fields),
    )
