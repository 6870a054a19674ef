"""The editors' search report: what people look for and what they do not find, per language and period.

Each search that found nothing comes with its fixes one click away: the word people probably meant (the spelling
suggestion over the index's own words, search.spelling), and links to the add forms for a synonym, an equivalent
spelling and a promoted result, filled in with the query (and that word).
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from . import spelling
from .models import QueryLogEntry
from .querylog import flush
from .text import tokens

PERIODS = (7, 30, 90, 365)
ROWS = 50


def may_view_report(user):
    return user.is_active and (user.is_superuser or user.has_perm("hubsearch.view_querylogentry"))


@dataclass
class Fixes:
    """The one-click fixes for one query that found nothing; `intended` is the probable word, or ""."""

    intended: str
    synonym_url: str
    spelling_url: str
    promote_url: str


def _add_url(model_name, field, value):
    return reverse(f"wagtailsnippets_hubsearch_{model_name}:add") + "?" + urlencode({field: value})


def fixes_for(query, language):
    """Fixes for a query searched in `language` ("all": every language)."""
    suggestion = spelling.suggest(tokens(query), None if language == "all" else language)
    intended = suggestion.text if suggestion and suggestion.text != query else ""
    pair = f"{intended}, {query}" if intended else f"{query}, "
    return Fixes(
        intended=intended,
        synonym_url=_add_url("synonym", "terms", pair),
        spelling_url=_add_url("equivalentforms", "forms", pair),
        promote_url=reverse("hubsearch_promote") + "?" + urlencode({"q": query}),
    )


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
    top = grouped.order_by("-total", "query")[:ROWS]
    zero = list(
        qs.filter(zero_results=True)
        .values("query", "language")
        .annotate(total=Sum("searches"))
        .order_by("-total", "query", "language")[:ROWS]
    )
    for row in zero:
        row["fixes"] = fixes_for(row["query"], row["language"])
    context = {
        "top": top,
        "zero": zero,
        "days": days,
        "periods": PERIODS,
        "language": language,
        "languages": QueryLogEntry.objects.values_list("language", flat=True).distinct().order_by("language"),
    }
    return TemplateResponse(request, "search/admin/query_report.html", context)
