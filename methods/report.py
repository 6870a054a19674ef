"""The feedback report: per method the count, the average and the comments, for a date range; CSV and XLSX."""

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Avg, Count
from django.utils.translation import gettext as _

from methods.models import MethodFeedback, MethodPage


@dataclass
class MethodRow:
    method: MethodPage
    count: int
    average: float
    comments: list = field(default_factory=list)


def feedback_rows(date_from: date | None = None, date_to: date | None = None):
    """Methods with feedback in the range, most answers first, each with its comments (newest first)."""
    feedback = MethodFeedback.objects.all()
    if date_from:
        feedback = feedback.filter(created_at__date__gte=date_from)
    if date_to:
        feedback = feedback.filter(created_at__date__lte=date_to)
    stats = {r["method"]: r for r in feedback.values("method").annotate(n=Count("pk"), avg=Avg("rating")).order_by()}
    methods = MethodPage.objects.filter(pk__in=stats).order_by("title")
    rows = {m.pk: MethodRow(m, stats[m.pk]["n"], round(float(stats[m.pk]["avg"]), 2)) for m in methods}
    for item in feedback.exclude(comment="").order_by("-created_at"):
        rows[item.method_id].comments.append(item)
    return sorted(rows.values(), key=lambda r: (-r.count, r.method.title))


def _safe(value):
    """Spreadsheet apps run cells that start with =, +, - or @ as formulas; make them plain text."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def summary_headings():
    return [_("Method"), _("Responses"), _("Average (1–5)"), _("Comments")]


def comment_headings():
    return [_("Method"), _("Submitted"), _("Rating"), _("Role or organisation type"), _("Language"), _("Comment")]


def summary_table(rows):
    return [[_safe(r.method.title), r.count, r.average, _safe("\n".join(c.comment for c in r.comments))] for r in rows]


def comment_table(rows):
    return [
        [
            _safe(r.method.title),
            c.created_at.strftime("%Y-%m-%d %H:%M"),
            c.rating,
            _safe(c.get_role_display()),
            c.language,
            _safe(c.comment),
        ]
        for r in rows
        for c in r.comments
    ]


def to_csv(rows):
    buffer = io.StringIO()
    buffer.write("\ufeff")  # so spreadsheet apps read the file as UTF-8 (æ, ø, å)
    writer = csv.writer(buffer)
    writer.writerow(summary_headings())
    writer.writerows(summary_table(rows))
    return buffer.getvalue()


def to_xlsx(rows):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Summary")[:31]
    sheet.append(summary_headings())
    for row in summary_table(rows):
        sheet.append(row)
    comments = workbook.create_sheet(_("Comments")[:31])
    comments.append(comment_headings())
    for row in comment_table(rows):
        comments.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
