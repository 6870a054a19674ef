"""Small server-rendered SVG charts: geometry computed here, drawn by templates/cockpit/includes/*_chart.html.

No scripts, no styles: presentation attributes only (the CSP forbids inline styles), role="img" with a title,
and every chart sits next to a table or sentence that says the same in text.
"""

WIDTH = 320
BAR_HEIGHT = 18
GAP = 8
LABEL_WIDTH = 0  # labels are in the text equivalent next to the chart, not inside the SVG


def progress(value, target, width=WIDTH):
    """A bar for `value` against `target` with a tick mark at the target."""
    if value is None or not target:
        return None
    ratio = max(0.0, float(value) / float(target))
    scale = max(1.0, ratio)  # when over target, the target tick moves left
    return {
        "width": width,
        "height": BAR_HEIGHT + 10,
        "bar": round(width * ratio / scale, 1),
        "tick": round(width / scale, 1),
        "reached": ratio >= 1,
        "bar_height": BAR_HEIGHT,
    }


def bars(breakdown, width=WIDTH):
    """Horizontal bars for [(label, value), …]."""
    values = [v for _label, v in breakdown if v is not None]
    if not values:
        return None
    top = max(values) or 1
    rows = []
    for i, (label, value) in enumerate(breakdown):
        rows.append(
            {
                "label": label,
                "value": value,
                "y": i * (BAR_HEIGHT + GAP),
                "width": round((width - 40) * float(value or 0) / top, 1),
                "text_y": i * (BAR_HEIGHT + GAP) + BAR_HEIGHT - 4,
            }
        )
    return {"width": width, "height": len(rows) * (BAR_HEIGHT + GAP), "rows": rows, "bar_height": BAR_HEIGHT}
