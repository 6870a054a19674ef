"""The search page and the autocomplete endpoint. GET only, no database writes (the query log is buffered).

Both are rate limited per client (infrastructure.antispam): SEARCH_RATE_LIMIT and SEARCH_AUTOCOMPLETE_RATE_LIMIT are
(requests, window seconds), read on every request so deployments and tests can change them.
"""

from functools import wraps

from django.conf import settings
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import get_language, ngettext
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from hub.pagination import paginate
from infrastructure.antispam import rate_limited, too_many_requests

from . import querylog, registry, service
from .text import clean, normalise, tokens

PER_PAGE = 10
MAX_PAGE = 100
DEFAULT_RATES = {"SEARCH_RATE_LIMIT": (120, 60), "SEARCH_AUTOCOMPLETE_RATE_LIMIT": (600, 60)}


def limited(setting):
    """At most (requests, seconds) from the setting per client, else infrastructure.antispam's friendly 429."""

    def decorator(view_func):
        @wraps(view_func)
        def wrapper(request, *args, **kwargs):
            limit, window = getattr(settings, setting, DEFAULT_RATES[setting])
            if rate_limited(request, setting.lower(), limit, window):
                return too_many_requests(request, window)
            return view_func(request, *args, **kwargs)

        return wrapper

    return decorator


class _Window:
    """The result list as hub.pagination sees it: `total` long, only the requested slice is ever searched."""

    def __init__(self, run, offset, outcome):
        self.run, self.outcomes, self.last = run, {offset: outcome}, outcome
        self.total = min(outcome.hits.total, PER_PAGE * MAX_PAGE)

    def __len__(self):
        return self.total

    def count(self):
        return self.total

    def __getitem__(self, item):
        offset = item.start or 0
        if offset not in self.outcomes:
            self.outcomes[offset] = self.run(offset)
        self.last = self.outcomes[offset]
        return self.last.results


def _language(request):
    try:
        return Locale.get_active().language_code
    except Locale.DoesNotExist:
        return get_language()


def _filters(request):
    # A value with a NUL byte matches nothing (PostgreSQL text cannot hold one) and would make the query fail.
    return {
        facet: [v[:100] for v in request.GET.getlist(facet)[:20] if v and "\x00" not in v] for facet in registry.FACETS
    }


@require_GET
@limited("SEARCH_RATE_LIMIT")
def search_view(request):
    raw = clean(request.GET.get("q", ""))
    terms = tokens(raw)
    visitor_language = _language(request)
    all_languages = request.GET.get("sprak") == "alle"
    language = None if all_languages else visitor_language
    filters = _filters(request)
    exact = request.GET.get("eksakt") == "1"  # "search instead for" the words as typed, no spelling correction
    if not all_languages:
        filters.pop("language", None)  # one language already; the facet is not shown in this mode either
    outcome, page_obj = None, None
    if terms:

        def run(offset):
            return service.search(terms, language, filters, offset, PER_PAGE, exact=exact)

        offset = _offset(request)
        window = _Window(run, offset, run(offset))
        page_obj = paginate(request, window, PER_PAGE)
        outcome = window.last
        querylog.record(normalise(raw), "all" if all_languages else visitor_language, outcome.hits.total)
    empty = bool(terms) and outcome.hits.total == 0
    context = {
        "query": raw,
        "terms": terms,
        "outcome": outcome,
        "page_obj": page_obj,
        "all_languages": all_languages,
        "language": visitor_language,
        "filters": {k: v for k, v in filters.items() if v},
        "this_language_url": _query_string(raw, filters, all_languages=False),
        "all_languages_url": _query_string(raw, filters, all_languages=True),
        "picks": service.editors_picks(raw) if terms and (page_obj is None or page_obj.number == 1) else [],
        "suggestion": outcome.suggestion.text if outcome and outcome.suggestion and not outcome.corrected else None,
        "corrected": outcome.suggestion.text if outcome and outcome.corrected else None,
        "exact_url": _query_string(raw, filters, all_languages) + "&eksakt=1",
        "popular": service.popular_searches(visitor_language) if (empty or not terms) else [],
    }
    return TemplateResponse(request, "search/search_page.html", context)


def _query_string(raw, filters, all_languages):
    """The search URL's query string with the chosen facets kept (not the language facet in one-language mode)."""
    params = [("q", raw)]
    params += [(f, v) for f, values in filters.items() if all_languages or f != "language" for v in values]
    if all_languages:
        params.append(("sprak", "alle"))
    return "?" + urlencode(params)


def _offset(request):
    try:
        number = max(1, min(int(request.GET.get("side", 1)), MAX_PAGE))
    except (TypeError, ValueError):
        number = 1
    return (number - 1) * PER_PAGE


@require_GET
@limited("SEARCH_AUTOCOMPLETE_RATE_LIMIT")
def autocomplete_view(request):
    terms = tokens(clean(request.GET.get("q", "")))
    pages = service.autocomplete(terms, _language(request)) if terms and len("".join(terms)) >= 2 else []
    data = [{"title": p.title, "url": p.get_url(request), "type": str(registry.type_for_page(p).name)} for p in pages]
    # What the header box announces to screen readers (static/search/autocomplete.js), in the visitor's language.
    status = ngettext("%(count)s suggestion", "%(count)s suggestions", len(data)) % {"count": len(data)}
    response = JsonResponse({"query": " ".join(terms), "suggestions": data, "status": status if data else ""})
    response["Cache-Control"] = "public, max-age=60"
    return response
