"""Place names as links to their place pages, wherever a story, an event or a search result names a place."""

from functools import lru_cache

from django import template
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()

_COUNTY, _MUNICIPALITY = "county-slug-0", "municipality-slug-0"


@lru_cache(maxsize=64)
def _patterns(language, script_prefix, urlconf):
    """The place URLs of one language with stand-ins for the slugs, reversed once: a list of stories names two
    places per card, and reversing a translated pattern each time was a good part of rendering the list."""
    return (
        reverse("stories:place_county", args=[_COUNTY], urlconf=urlconf),
        reverse("stories:place_municipality", args=[_COUNTY, _MUNICIPALITY], urlconf=urlconf),
    )


@register.simple_tag
def place_url(county, municipality=None):
    """The URL of the county's page, or of the municipality's when given, in the active language."""
    county_url, municipality_url = _patterns(get_language(), get_script_prefix(), get_urlconf())
    if municipality is not None:
        return municipality_url.replace(_COUNTY, county.slug, 1).replace(_MUNICIPALITY, municipality.slug, 1)
    return county_url.replace(_COUNTY, county.slug, 1)


@register.simple_tag
def place_links(municipality, county=None):
    """'Gjøvik, Innlandet' with each name linked; the county is taken from the municipality when not given
    (pass it when it is already loaded, to save a query)."""
    if not municipality:
        return ""
    county = county or municipality.county
    return format_html(
        '<a class="ds-link" href="{}">{}</a>, <a class="ds-link" href="{}">{}</a>',
        place_url(county, municipality),
        municipality.name,
        place_url(county),
        county.name,
    )
