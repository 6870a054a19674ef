"""CSV download of a filtered story list (published stories only, no personal data)."""

import csv

from django.http import HttpResponse
from django.utils import timezone

COLUMNS = [
    "title",
    "url",
    "lead",
    "library",
    "municipality",
    "municipality_number",
    "county",
    "county_number",
    "organisations",
    "organisation_types",
    "methods",
    "themes",
    "tags",
    "period_start",
    "period_end",
    "status",
    "first_published",
]


def csv_response(stories, request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="historier-{timezone.localdate():%Y-%m-%d}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read UTF-8
    writer = csv.writer(response)
    writer.writerow(COLUMNS)
    for s in stories:
        orgs = list(s.organisations.all())
        writer.writerow(
            [
                _safe(s.title),
                s.get_full_url(request),
                _safe(s.lead),
                _safe(s.library_name),
                s.municipality.name,
                s.municipality.number,
                s.county.name,
                s.county.number,
                "; ".join(_safe(o.name) for o in orgs),
                "; ".join(sorted({o.org_type for o in orgs})),
                "; ".join(_safe(m.title) for m in s.live_methods_used()),
                "; ".join(t.name for t in s.themes.all()),
                "; ".join(t.name for t in s.tags.all()),
                s.period_start.isoformat(),
                s.period_end.isoformat() if s.period_end else "",
                s.status,
                s.first_published_at.isoformat() if s.first_published_at else "",
            ]
        )
    return response


def _safe(value):
    """Neutralise spreadsheet formulas (CSV injection) in free text."""
    value = str(value or "")
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
