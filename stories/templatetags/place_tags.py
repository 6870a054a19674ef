"""Place names as links to their place pages, wherever a story, an event or a search result names a place."""

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def place_url(county, municipality=None):
    """The URL of the county's page, or of the municipality's when given, in the active language."""
    if municipality is not None:
        return reverse("stories:place_municipality", args=[county.slug, municipality.slug])
    return reverse("stories:place_county", args=[county.slug])


@register.inclusion_tag("stories/places/includes/place_links.html")
def place_links(municipality, county=None):
    """'Gjøvik, Innlandet' with each name linked; the county is taken from the municipality when not given
    (pass it when it is already loaded, to save a query)."""
    county = county or municipality.county
    return {"municipality": municipality, "county": county}
