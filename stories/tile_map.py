"""A tile-grid map of Norway's fifteen counties (2024 structure): one equal square per county, placed roughly
where the county lies, so the overview reads as a map without map tiles, JavaScript or anything fetched."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

TILE, GAP = 60, 4

# county number -> (column, row, short label); north at the top, five columns wide.
LAYOUT = {
    "56": (4, 0, "Fi"),
    "55": (3, 1, "Tr"),
    "18": (2, 2, "No"),
    "50": (2, 3, "Tø"),
    "15": (1, 4, "MR"),
    "34": (2, 4, "In"),
    "46": (0, 5, "Vl"),
    "33": (1, 5, "Bu"),
    "32": (2, 5, "Ak"),
    "03": (3, 5, "Os"),
    "11": (0, 6, "Ro"),
    "40": (1, 6, "Te"),
    "39": (2, 6, "Vf"),
    "31": (3, 6, "Øf"),
    "42": (1, 7, "Ag"),
}
COLUMNS = 1 + max(c for c, _r, _l in LAYOUT.values())
ROWS = 1 + max(r for _c, r, _l in LAYOUT.values())


def _summary(row):
    stories = ngettext("%(n)d story", "%(n)d stories", row["stories"]) % {"n": row["stories"]}
    events = ngettext("%(n)d event", "%(n)d events", row["events"]) % {"n": row["events"]}
    return _("%(county)s: %(stories)s, %(events)s") % {
        "county": row["county"].name,
        "stories": stories,
        "events": events,
    }


def tiles(rows):
    """One dict per county with its square's position, label and counts; counties missing from the layout
    (a future reform) are left to the table."""
    out = []
    for row in rows:
        spot = LAYOUT.get(row["county"].number)
        if spot is None:
            continue
        column, line, short = spot
        x, y = column * (TILE + GAP), line * (TILE + GAP)
        out.append(
            {
                **row,
                "short": short,
                "x": x,
                "y": y,
                "cx": x + TILE // 2,
                "label_y": y + 26,
                "count_y": y + 48,
                "total": row["stories"] + row["events"],
                "summary": _summary(row),
            }
        )
    return {
        "items": out,
        "tile": TILE,
        "width": COLUMNS * (TILE + GAP) - GAP,
        "height": ROWS * (TILE + GAP) - GAP,
    }
