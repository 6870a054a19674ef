"""Loads Norway's counties and municipalities from the SSB files in hub/data (never from outside the project).

folkemengde.csv holds each municipality's population on 1 January 2024 (Statistics Norway, table 07459, NLOD;
compiled per municipality number in the MIT-licensed norway-geodata package). Replace it with a newer SSB
extract of the same two columns and run `manage.py migrate` / `load_population` again to refresh.
"""

import csv
from pathlib import Path

from django.utils.text import slugify

DATA_DIR = Path(__file__).resolve().parent / "data"


def _slug(name):
    # "Kautokeino - Guovdageaidnu" -> "kautokeino"; the Sami/Kven parallel name stays in the display name.
    base = name.split(" - ")[0].lower()
    return slugify(base.replace("æ", "ae").replace("ø", "o").replace("å", "a"))


def load_taxonomy(County, Municipality):
    """Create or update every county and municipality; idempotent. Works with historical models."""
    counties = {}
    with open(DATA_DIR / "fylker.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            county, _created = County.objects.update_or_create(
                number=row["fylkesnummer"], defaults={"name": row["fylkesnavn"], "slug": _slug(row["fylkesnavn"])}
            )
            counties[county.number] = county
    seen = set()
    with open(DATA_DIR / "kommuner.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            slug = _slug(row["kommunenavn"])
            if slug in seen:
                slug = f"{slug}-{row['kommunenummer']}"
            seen.add(slug)
            Municipality.objects.update_or_create(
                number=row["kommunenummer"],
                defaults={"name": row["kommunenavn"], "slug": slug, "county": counties[row["fylkesnummer"]]},
            )


def load_population(Municipality):
    """Set every municipality's population from folkemengde.csv; idempotent. Works with historical models."""
    with open(DATA_DIR / "folkemengde.csv", encoding="utf-8") as fh:
        figures = {row["kommunenummer"]: int(row["folkemengde"]) for row in csv.DictReader(fh)}
    changed = []
    for municipality in Municipality.objects.filter(number__in=figures):
        if municipality.population != figures[municipality.number]:
            municipality.population = figures[municipality.number]
            changed.append(municipality)
    Municipality.objects.bulk_update(changed, ["population"])
    return len(changed)
