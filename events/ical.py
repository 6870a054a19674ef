"""iCalendar files: one per event, a feed of upcoming events, and the attachment in participants' e-mails.

Public calendars never contain the join link; only the attachment for a confirmed participant does.
"""

from datetime import UTC

from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Samskapingshuben//Arrangementer//NB"


def _calendar(name=None):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
    return cal


def _location(page):
    parts = [p for p in (page.venue, page.platform) if p]
    return ", ".join(parts)


def vevent(page, url, join_url=None):
    event = Event()
    event.add("uid", f"event-{page.translation_key}@samskaping")
    event.add("dtstamp", timezone.now().astimezone(UTC))
    event.add("dtstart", page.start.astimezone(UTC))
    event.add("dtend", page.end.astimezone(UTC))
    event.add("summary", page.title)
    description = "\n\n".join(p for p in (page.lead, url, join_url) if p)
    event.add("description", description)
    location = _location(page)
    if join_url:
        location = f"{location} {join_url}".strip()
    if location:
        event.add("location", location)
    if url:
        event.add("url", url)
    return event


def calendar_bytes(pages_with_urls, name=None, join_urls=None):
    """pages_with_urls: iterable of (page, absolute url); join_urls: {page.pk: url} for a confirmed participant."""
    cal = _calendar(name)
    join_urls = join_urls or {}
    for page, url in pages_with_urls:
        cal.add_component(vevent(page, url, join_urls.get(page.pk)))
    return cal.to_ical()
