"""CSV and XLSX exports of a registration list (organisers only; the views check the permission)."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook


def _safe(value):
    """Neutralise spreadsheet formulas in user input (CSV/formula injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def rows(registrations, sessions):
    header = [
        _("Name"),
        _("E-mail"),
        _("Organisation"),
        _("Role"),
        _("Municipality"),
        _("Accessibility or interpretation needs"),
        _("Status"),
        _("Registered"),
    ]
    header += [_("Attended: %(title)s") % {"title": s.title} for s in sessions]
    yield header
    for r in registrations:
        attended = {a.event_id for a in r.attendances.all()}
        yield [
            _safe(r.name),
            _safe(r.email),
            _safe(r.organisation),
            _safe(r.role),
            _safe(r.municipality.name if r.municipality else ""),
            _safe(r.needs),
            r.get_status_display(),
            timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M"),
        ] + [_("yes") if s.pk in attended else "" for s in sessions]


def as_csv(registrations, sessions):
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Excel reads UTF-8 with a BOM
    writer = csv.writer(buffer, delimiter=";")
    writer.writerows(rows(registrations, sessions))
    return buffer.getvalue().encode("utf-8")


def as_xlsx(registrations, sessions):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Registrations")[:31]
    for row in rows(registrations, sessions):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
