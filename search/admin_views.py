"""The editors' search report: what people look for and what they do not find, per language and period."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.template.response import TemplateResponse
from django.utils import timezone

from .models import QueryLogEntry
from .querylog import flush

PERIODS = (7, 30, 90, 365)


def may_view_report(user):
    return user.is_active and (user.is_superuser or user.has_perm("hubsearch.view_querylogentry"))


def query_report(request):
    if not may_view_report(request.user):
        raise PermissionDenied
    flush()  # show what is still buffered too
    try:
        days = int(request.GET.get("dager", 30))
    except ValueError:
        days = 30
    days = days if days in PERIODS else 30
    language = request.GET.get("sprak", "")
    since = timezone.localdate() - datetime.timedelta(days=days)
    qs = QueryLogEntry.objects.filter(day__gte=since)
    if language:
        qs = qs.filter(language=language)
    grouped = qs.values("query").annotate(total=Sum("searches"), last_hits=Max("hits"))
    top = grouped.order_by("-total", "query")[:50]
    zero = qs.filter(zero_results=True).values("query").annotate(total=Sum("searches")).order_by("-total", "query")[:50]
    context = {
        "top": top,
        "zero": zero,
        "days": days,
        "periods": PERIODS,
        "language": language,
        "languages": QueryLogEntry.objects.values_list("language", flat=True).distinct().order_by("language"),
    }
    return TemplateResponse(request, "search/admin/query_report.html", context)
