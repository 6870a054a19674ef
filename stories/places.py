"""Places: what happened in each county and municipality, in the visitor's language.

A place page gathers the stories filed there, the events held there (from the events app, through
`infrastructure.relations` kinds "place" and "place_counts"), the libraries and the volunteer organisations of those
stories, and for a municipality the others like it: in the same county or of the same size by population, so
an officer finds cases like their own. Only places with content have a page. Every function here is a fixed
number of queries, whatever the amount of content.
"""

from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.utils.translation import get_language
from wagtail.models import Page

from hub.models import County, Municipality
from hub.models.taxonomy import SIZE_BANDS
from infrastructure.relations import providers

from .models import CaseStoryPage, VolunteerOrganisation

SIMILAR_LIMIT = 6


class Place:
    """A county or a municipality as seen in one language. `published(queryset)` keeps the live, public pages
    in that language (the private sections are read once per place, not once per list); `lookup(prefix)` filters
    content by the place."""

    def __init__(self, county=None, municipality=None, language=None):
        self.county, self.municipality = county, municipality
        self.language = language or get_language()
        self._private = None

    def published(self, queryset):
        if self._private is None:
            self._private = Page.objects.all().private_q()  # one query for the whole place page
        return queryset.live().filter(locale__language_code=self.language).exclude(self._private)

    def lookup(self, prefix):
        if self.municipality is not None:
            return {prefix: self.municipality}
        return {f"{prefix}__county": self.county}


def _event_counts(place):
    """{municipality id: events}, summed over every provider of place counts (one query each)."""
    total = {}
    for _heading, provider in providers("place_counts"):
        for pk, n in provider(place).items():
            total[pk] = total.get(pk, 0) + n
    return total


def _with_story_counts(place, municipalities):
    """The municipalities annotated with their number of published stories in the place's language."""
    stories = place.published(CaseStoryPage.objects.all()).values("pk")
    return municipalities.annotate(
        n_stories=Count("case_stories", filter=Q(case_stories__in=stories), distinct=True)
    ).select_related("county")


def _with_content(place, municipalities):
    """Those of the municipalities that have stories or events, each with `counts` (two queries)."""
    events = _event_counts(place)
    found = []
    for m in _with_story_counts(place, municipalities):
        m.counts = {"stories": m.n_stories, "events": events.get(m.pk, 0)}
        if m.n_stories or m.counts["events"]:
            found.append(m)
    return found


def overview(language=None):
    """Every county with its counts of stories, events and municipalities with content (four queries)."""
    place = Place(language=language)
    by_county = {}
    for m in _with_content(place, Municipality.objects.all()):
        by_county.setdefault(m.county_id, []).append(m)
    rows = []
    for county in County.objects.order_by("name"):
        mine = by_county.get(county.pk, [])
        rows.append(
            {
                "county": county,
                "stories": sum(m.counts["stories"] for m in mine),
                "events": sum(m.counts["events"] for m in mine),
                "municipalities": len(mine),
            }
        )
    return rows


def municipalities_with_content(language):
    """Every municipality with stories or events in the language (for the sitemap)."""
    return _with_content(Place(language=language), Municipality.objects.all())


def _stories(place, limit=24):
    organisations = VolunteerOrganisation.objects.order_by("name")
    return list(
        place.published(CaseStoryPage.objects.all())
        .filter(**place.lookup("municipality"))
        .select_related("municipality", "county")
        .prefetch_related(Prefetch("organisations", queryset=organisations))
        .order_by("-period_start", "-pk")[:limit]
    )


def _libraries(stories):
    """The libraries named on the stories, each once, with where it is (no query)."""
    seen = {}
    for story in stories:
        seen.setdefault((story.library_name, story.municipality_id), story)
    return sorted(
        ({"name": name, "municipality": s.municipality, "county": s.county} for (name, _m), s in seen.items()),
        key=lambda lib: lib["name"].lower(),
    )


def _organisations(stories):
    """The volunteer organisations of the stories, each once (by translation key), in this language where
    a translation exists (no query: the stories' prefetch already holds them)."""
    by_key = {}
    for story in stories:
        for org in story.organisations.all():
            if org.translation_key not in by_key or org.locale_id == story.locale_id:
                by_key[org.translation_key] = org
    return sorted(by_key.values(), key=lambda o: o.name.lower())


def _sections(place, request):
    stories = _stories(place)
    events = []
    for _heading, provider in providers("place"):
        events.extend(provider(place, request))
    return {
        "stories": stories,
        "events": events,
        "libraries": _libraries(stories),
        "organisations": _organisations(stories),
    }


def county_context(county_slug, request):
    county = County.objects.filter(slug=county_slug).first()
    if county is None:
        raise Http404
    place = Place(county=county)
    municipalities = sorted(_with_content(place, Municipality.objects.filter(county=county)), key=lambda m: m.name)
    if not municipalities:
        raise Http404  # only counties with content have a page
    return {"place": place, "county": county, "municipalities": municipalities, **_sections(place, request)}


def municipality_context(county_slug, municipality_slug, request):
    municipality = (
        Municipality.objects.select_related("county").filter(slug=municipality_slug, county__slug=county_slug).first()
    )
    if municipality is None:
        raise Http404
    place = Place(county=municipality.county, municipality=municipality)
    sections = _sections(place, request)
    if not sections["stories"] and not sections["events"]:
        raise Http404
    return {
        "place": place,
        "county": municipality.county,
        "municipality": municipality,
        "similar": similar(place),
        **sections,
    }


def similar(place, limit=SIMILAR_LIMIT):
    """Other municipalities with content in the same county or of the same size band: those that are both
    first, then the ones with the most content (two queries)."""
    municipality = place.municipality
    band = municipality.size_band
    same = Q(county_id=municipality.county_id)
    if band is not None:
        floor = SIZE_BANDS[band][0]
        ceiling = SIZE_BANDS[band + 1][0] if band + 1 < len(SIZE_BANDS) else None
        size = Q(population__gte=floor) & (Q(population__lt=ceiling) if ceiling else Q())
        same |= size
    ranked = []
    for other in _with_content(place, Municipality.objects.filter(same).exclude(pk=municipality.pk)):
        other.same_county = other.county_id == municipality.county_id
        other.same_size = band is not None and other.size_band == band
        ranked.append(other)
    ranked.sort(key=lambda o: (-(o.same_county and o.same_size), -(o.counts["stories"] + o.counts["events"]), o.name))
    return ranked[:limit]
