"""The search page and the autocomplete endpoint. GET only, no database writes (the query log is buffered)."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from hub.pagination import paginate

from . import querylog, registry, service
from .text import clean, normalise, tokens

PER_PAGE = 10
MAX_PAGE = 100


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
    return {facet: [v[:100] for v in request.GET.getlist(facet)[:20] if v] for facet in registry.FACETS}


@require_GET
def search_view(request):
    raw = clean(request.GET.get("q", ""))
    terms = tokens(raw)
    visitor_language = _language(request)
    all_languages = request.GET.get("sprak") == "alle"
    language = None if all_languages else visitor_language
    filters = _filters(request)
    if all_languages is False:
        filters.pop("language", None)
    outcome, page_obj = None, None
    if terms:
        def run(offset):
            return service.search(terms, language, filters, offset, PER_PAGE)

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
        "picks": service.editors_picks(raw) if terms and (page_obj is None or page_obj.number == 1) else [],
        "suggestion": service.spelling_suggestion(terms, language) if empty else None,
        "popular": service.popular_searches(visitor_language) if (empty or not terms) else [],
    }
    return TemplateResponse(request, "search/search_page.html", context)


def _offset(request):
    try:
        number = max(1, min(int(request.GET.get("side", 1)), MAX_PAGE))
    except (TypeError, ValueError):
        number = 1
    return (number - 1) * PER_PAGE


@require_GET
def autocomplete_view(request):
    terms = tokens(clean(request.GET.get("q", "")))
    pages = service.autocomplete(terms, _language(request)) if terms and len("".join(terms)) >= 2 else []
    data = [
        {"title": p.title, "url": p.get_url(request), "type": str(registry.type_for_page(p).name)} for p in pages
    ]
    response = JsonResponse({"query": " ".join(terms), "suggestions": data})
    response["Cache-Control"] = "public, max-age=60"
    return response
