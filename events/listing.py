"""What the event index and the event page show: registration state per event in a fixed number of queries,
filters, and the Event JSON-LD."""

from dataclasses import dataclass

from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils import timezone

from events import seats
from events.models import EventPage, Registration
from events.seats import NONE, STATE_LABELS
from hub.locales import default_locale, localized_all
from hub.pagination import paginate
from infrastructure import relations


@dataclass
class RegistrationInfo:
    state: str
    capacity: int | None
    confirmed: int

    @property
    def label(self):
        return STATE_LABELS[self.state]

    @property
    def seats_left(self):
        return None if self.capacity is None else max(self.capacity - self.confirmed, 0)

    @property
    def can_register(self):
        return self.state in ("open", "full")


def attach_registration(pages, now=None):
    """Set page.registration (RegistrationInfo) on every page: 3 queries at most, whatever the number of pages."""
    now = now or timezone.now()
    pages = list(pages)
    if not pages:
        return pages
    default = default_locale()
    keys = {p.translation_key for p in pages if p.locale_id != default.pk}
    canonical = {p.translation_key: p for p in pages if p.locale_id == default.pk}
    if keys - set(canonical):
        for c in EventPage.objects.filter(translation_key__in=keys - set(canonical), locale=default).select_related(
            "series"
        ):
            canonical[c.translation_key] = c
    series_ids = {c.series_id for c in canonical.values() if c.series_id}
    event_ids = [c.pk for c in canonical.values() if not c.series_id]
    counts = {}
    for row in (
        Registration.objects.filter(Q(event_id__in=event_ids) | Q(series_id__in=series_ids), status="confirmed")
        .values("event_id", "series_id")
        .annotate(n=Count("pk"))
    ):
        counts[("s", row["series_id"]) if row["series_id"] else ("e", row["event_id"])] = row["n"]
    first_start = {}
    if series_ids:
        first_start = dict(
            EventPage.objects.filter(series_id__in=series_ids, locale=default)
            .values("series_id")
            .annotate(m=Min("start"))
            .values_list("series_id", "m")
        )
    for page in pages:
        c = canonical.get(page.translation_key, page)
        if not c.registration_enabled:
            page.registration = RegistrationInfo(NONE, None, 0)
        elif c.series_id:
            s = c.series
            state = seats.state(s, counts.get(("s", s.pk), 0), now, first_start=first_start.get(s.pk))
            page.registration = RegistrationInfo(state, s.capacity, counts.get(("s", s.pk), 0))
        else:
            confirmed = counts.get(("e", c.pk), 0)
            state = seats.state(c, confirmed, now)
            page.registration = RegistrationInfo(state, c.capacity, confirmed)
    return pages


def _choice(request, name, choices):
    value = request.GET.get(name, "")
    return value if value in dict(choices) else ""


def index_context(index, request):
    now = timezone.now()
    kind = _choice(request, "type", EventPage.Kind.choices)
    audience = _choice(request, "malgruppe", EventPage.Audience.choices)
    events = EventPage.objects.live().public().child_of(index).select_related("series", "locale")
    if kind:
        events = events.filter(kind=kind)
    if audience:
        events = events.filter(audience=audience)
    upcoming = attach_registration(events.filter(end__gte=now).order_by("start"), now)
    past = paginate(request, events.filter(end__lt=now).order_by("-start"), per_page=12)
    attach_registration(past.object_list, now)
    return {
        "upcoming": upcoming,
        "past": past,
        "kinds": EventPage.Kind.choices,
        "audiences": EventPage.Audience.choices,
        "selected_kind": kind,
        "selected_audience": audience,
    }


def event_json_ld(page, request):
    url = page.get_full_url(request)
    attendance = {
        "digital": "https://schema.org/OnlineEventAttendanceMode",
        "physical": "https://schema.org/OfflineEventAttendanceMode",
        "hybrid": "https://schema.org/MixedEventAttendanceMode",
    }[page.format]
    locations = []
    if page.format in ("digital", "hybrid"):
        locations.append({"@type": "VirtualLocation", "url": url})  # the page, never the join link
    if page.format in ("physical", "hybrid") and page.venue:
        locations.append({"@type": "Place", "name": page.venue, "address": page.venue})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.lead or page.search_description,
        "startDate": timezone.localtime(page.start).isoformat(),
        "endDate": timezone.localtime(page.end).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": attendance,
        "location": locations[0] if len(locations) == 1 else locations,
        "url": url,
        "inLanguage": page.locale.language_code,
        "organizer": {"@type": "Organization", "name": "Samskaping – fra planverk til hverdagspraksis"},
    }
    info = getattr(page, "registration", None)
    if info and info.state != NONE:
        availability = {"open": "InStock", "full": "SoldOut", "closed": "SoldOut", "not_open": "PreOrder"}[info.state]
        data["offers"] = {
            "@type": "Offer",
            "price": "0",
            "priceCurrency": "NOK",
            "availability": f"https://schema.org/{availability}",
            "url": request.build_absolute_uri(reverse("events:register", args=[page.pk])),
        }
    performers = [{"@type": "Person", "name": s.name} for s in getattr(page, "speakers_list", [])]
    if performers:
        data["performer"] = performers
    return data


def event_context(page, request):
    attach_registration([page])
    page.speakers_list = localized_all(link.speaker for link in page.speaker_links.select_related("speaker"))
    methods = localized_all(m.method for m in page.related_methods.select_related("method"))
    stories = localized_all(s.story for s in page.related_stories.select_related("story"))
    sessions = []
    canonical = page.canonical()
    if canonical.series_id:
        sessions = localized_all(canonical.series.sessions())
    return {
        "registration": page.registration,
        "speakers": page.speakers_list,
        "related_methods": [m for m in methods if m.live],
        "related_stories": [s for s in stories if s.live],
        "related_sections": relations.related_sections("event", page, request),
        "series": canonical.series,
        "sessions": sessions,
        "event_ld": event_json_ld(page, request),
        "now": timezone.now(),
    }


def upcoming_for_method(method_page, request=None):
    """Upcoming live events (in the method page's language) that list this method: the relations provider (its
    items are links: `LINK_FIELDS`)."""
    from events.models import EventPageRelatedMethod

    keys = EventPageRelatedMethod.objects.filter(method__translation_key=method_page.translation_key).values(
        "page__translation_key"
    )
    return (
        EventPage.objects.live()
        .public()
        .filter(translation_key__in=keys, locale_id=method_page.locale_id, end__gte=timezone.now())
        .only(*relations.LINK_FIELDS)
        .order_by("start")
    )
