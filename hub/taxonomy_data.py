"""Loads Norway's counties and municipalities from the SSB files in hub/data (never from outside the project)."""

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
