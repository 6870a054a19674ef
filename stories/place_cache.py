"""The place pages that show a published page, renewed in the page cache when it changes
(infrastructure.cache_invalidation).

A story or an event is listed on the page of its municipality and of that municipality's county, and counted on
the places overview and on the municipalities "like it" (same county or same size band): when it goes live,
leaves, moves or changes municipality, all of those in every language; when only its text changes, the pages
that list it (its municipality's and county's). Any page type with a `municipality` is placed this way.
"""

from django.conf import settings
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from hub.models import Municipality
from hub.models.taxonomy import SIZE_BANDS


def _municipality_ids(change):
    return {getattr(v, "municipality_id", None) for v in change.versions()} - {None}


def _like(municipalities):
    """Municipalities a 'similar municipalities' list may show next to these."""
    q = Q(pk__in=[m.pk for m in municipalities])
    for m in municipalities:
        q |= Q(county_id=m.county_id)
        band = m.size_band
        if band is not None:
            floor = SIZE_BANDS[band][0]
            ceiling = SIZE_BANDS[band + 1][0] if band + 1 < len(SIZE_BANDS) else None
            q |= Q(population__gte=floor) & (Q(population__lt=ceiling) if ceiling else Q())
    return Municipality.objects.filter(q).select_related("county")


def _paths(municipalities, with_overview):
    paths = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            try:
                if with_overview:
                    paths.add(reverse("stories:places"))
                for m in municipalities:
                    paths.add(reverse("stories:place_county", args=[m.county.slug]))
                    paths.add(reverse("stories:place_municipality", args=[m.county.slug, m.slug]))
            except NoReverseMatch:  # the place URLs are not mounted (a site without them)
                return set()
    return paths


def place_paths(change):
    """URL paths of the place pages that show `change` (a infrastructure.cache_invalidation.PageChange)."""
    ids = _municipality_ids(change)
    if not ids:
        return []
    placed = list(Municipality.objects.filter(pk__in=ids).select_related("county"))
    counts_change = change.listing_changed or len(ids) > 1
    return sorted(_paths(_like(placed) if counts_change else placed, with_overview=counts_change))
