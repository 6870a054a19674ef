"""Sitemap entries for the place pages: the overview and each county and municipality with content, in every
language that has content there (a place page without content in a language does not exist in it)."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from . import places


class PlacesSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        languages = set(Locale.objects.values_list("language_code", flat=True))
        entries = []
        for code, _name in settings.LANGUAGES:
            if code not in languages:
                continue
            entries.append((code, None, None))
            rows = sorted(places.municipalities_with_content(code), key=lambda m: (m.county.name, m.name))
            county_seen = set()
            for m in rows:
                if m.county.slug not in county_seen:
                    county_seen.add(m.county.slug)
                    entries.append((code, m.county.slug, None))
                entries.append((code, m.county.slug, m.slug))
        return entries

    def location(self, item):
        code, county, municipality = item
        with translation.override(code):
            if municipality:
                return reverse("stories:place_municipality", args=[county, municipality])
            if county:
                return reverse("stories:place_county", args=[county])
            return reverse("stories:places")
