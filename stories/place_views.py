"""Place pages: Norway's counties as a tile map and a table, and a page per county and municipality with
content. Plain Django views in the visitor's language (URL words translated: /nb/steder/, /nn/stader/,
/en/places/); the page cache keeps them like pages (stories/place_cache.py renews them) and
sitemaps list them."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from infrastructure.cache import cacheable_view

from . import places
from .tile_map import tiles


@cacheable_view
def overview(request):
    rows = places.overview()
    return render(
        request,
        "stories/places/overview.html",
        {
            "rows": rows,
            "tiles": tiles(rows),
            "with_content": [r for r in rows if r["stories"] or r["events"]],
            "title": _("Places"),
        },
    )


@cacheable_view
def county(request, county):
    context = places.county_context(county, request)
    return render(request, "stories/places/county.html", {**context, "title": context["county"].name})


@cacheable_view
def municipality(request, county, municipality):
    context = places.municipality_context(county, municipality, request)
    return render(request, "stories/places/municipality.html", {**context, "title": context["municipality"].name})
