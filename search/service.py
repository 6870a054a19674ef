"""The search service the view, the autocomplete endpoint and the benchmarks call.

It picks the engine for the "public" backend entry (the index of what the public may find) and falls back to the
database index (kept current by the "database" backend entry) with a logged warning when an external engine
fails, so search never 500s.
"""

import json
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Sum
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from hub.view_restrictions import public

from . import facets as facet_mod
from . import registry, spelling
from .engines import Hits, SearchSpec
from .engines.database import query as db_engines
from .lexicon import fold
from .text import highlight, page_text

logger = logging.getLogger("search")
_engines = {}


def _backend_conf(name):
    return settings.WAGTAILSEARCH_BACKENDS.get(name)


PUBLIC = "public"


def engine_for(name=PUBLIC):
    """The query engine for a WAGTAILSEARCH_BACKENDS entry (cached per configuration)."""
    conf = _backend_conf(name) or {"BACKEND": "search.engines.database.index"}
    key = json.dumps(conf, sort_keys=True, default=str)
    if key not in _engines:
        backend = get_search_backend(name) if _backend_conf(name) else None
        if backend is not None and hasattr(backend, "raw_search"):
            from .engines.opensearch.query import OpenSearchEngine

            _engines[key] = OpenSearchEngine(backend)
        else:
            _engines[key] = db_engines.for_connection(conf.get("SEARCH_CONFIG"))
    return _engines[key]


def database_engine():
    return engine_for("database") if _backend_conf("database") else db_engines.for_connection("hub_nb")


def _run(method, *args):
    """Call the engine; on any engine failure use the database engine instead."""
    engine = engine_for()
    try:
        return getattr(engine, method)(*args), engine.name, False
    except Exception as exc:  # an unreachable or broken engine must not break the page
        if isinstance(engine, db_engines.DatabaseEngine):
            raise
        logger.warning(
            "search engine %s failed (%s: %s); falling back to the database index", engine.name, type(exc).__name__, exc
        )
        fallback = database_engine()
        return getattr(fallback, method)(*args), fallback.name, True


@dataclass
class Result:
    page: Page
    type_name: str
    snippet: str
    facts: list


@dataclass
class Outcome:
    hits: Hits
    results: list
    facets: list = field(default_factory=list)  # [(facet, label, [(value, label, count, selected)])]
    engine: str = ""
    degraded: bool = False
    relaxed: bool = False  # no page had every word, so any word was enough
    suggestion: object = None  # spelling.Suggestion when nothing matched the words as typed
    corrected: bool = False  # the results are the suggestion's (it was certain)


def search(terms, language=None, filters=None, offset=0, limit=10, exact=False):
    """Pages matching every word; if none, a certain spelling correction's pages (unless `exact`), else pages
    matching any word. Accents are folded (kafé = kafe), as the indexes hold them."""
    filters = {f: list(v) for f, v in (filters or {}).items() if v and f in registry.FACETS}
    if language:  # results are in one language already: no language facet to count, show or filter by
        filters.pop("language", None)
    facets = [f for f in facet_mod.available() if not (language and f == "language")]
    folded = [fold(t) for t in terms]
    spec = SearchSpec(terms=folded, language=language, filters=filters, facets=facets, offset=offset, limit=limit)
    hits, engine, degraded = _run("search", spec)
    relaxed, suggestion, corrected = False, None, False
    if hits.total == 0 and folded:
        suggestion = spelling.suggest(terms, language)
        if suggestion and suggestion.certain and not exact:
            spec.terms = [fold(t) for t in suggestion.terms]
            hits, engine, degraded2 = _run("search", spec)
            corrected, degraded = hits.total > 0, degraded or degraded2
            terms = suggestion.terms if corrected else terms
        if hits.total == 0 and len(folded) > 1:
            spec.terms, spec.operator = folded, "or"
            hits, engine, degraded2 = _run("search", spec)
            relaxed, degraded = hits.total > 0, degraded or degraded2
    results = build_results(hits.ids, terms)
    return Outcome(
        hits, results, facet_list(hits.facets, filters, language), engine, degraded, relaxed, suggestion, corrected
    )


def load_pages(ids):
    """The specific pages for ids in this order, live and public only, with the relations a result shows (its
    language, place and single-valued facets such as the phase) loaded.

    One query for the ids' types plus one per type present, not per result. Many-valued facets (themes, tags)
    are not loaded: a result shows none of them, and its snippet comes from the page's own text fields.
    """
    if not ids:
        return []
    rows = (
        public(Page.objects.live())
        .filter(pk__in=ids)
        .values_list("pk", "content_type__app_label", "content_type__model")
    )
    by_type = {}
    for pk, app_label, model in rows:
        by_type.setdefault(f"{app_label}.{model}", []).append(pk)
    pages = {}
    for label, pks in by_type.items():
        stype = next((t for t in registry.types() if t.label.lower() == label), None)
        if stype is None:
            continue
        fields = stype.facet_fields()
        single = [f.name for f in fields.values() if f.is_relation and not (f.many_to_many or f.one_to_many)]
        for extra in ("municipality", "county"):
            try:
                f = stype.model._meta.get_field(extra)
            except FieldDoesNotExist:
                continue
            if f.is_relation and not f.many_to_many and extra not in single:
                single.append(extra)
            if extra == "municipality" and f.is_relation:
                single.append("municipality__county")  # the result links both place names (place_links)
        qs = stype.model.objects.filter(pk__in=pks).select_related("locale", *single)
        pages.update({p.pk: p for p in qs})
    return [pages[i] for i in ids if i in pages]


def build_results(ids, terms):
    results = []
    for page in load_pages(ids):
        stype = registry.type_for_page(page)
        lang = page.locale.language_code
        results.append(Result(page, str(stype.name), highlight(page_text(page), terms, lang), stype.key_facts(page)))
    return results


def facet_list(counts, filters, language):
    shown = {}
    for facet in facet_mod.available():
        if facet not in counts:  # not counted for this search (the language facet in one-language mode)
            continue
        values = dict(counts.get(facet, {}))
        for selected in filters.get(facet, []):
            values.setdefault(selected, 0)
        if values:
            shown[facet] = values
    all_labels = facet_mod.all_labels(shown, language)  # every facet's labels in one query
    out = []
    for facet, values in shown.items():
        labels = all_labels[facet]
        items = sorted(
            ((v, labels.get(v, v), n, v in filters.get(facet, [])) for v, n in values.items()),
            key=lambda item: (-item[2], str(item[1]).lower()),
        )
        out.append((facet, registry.FACETS[facet], items))
    return out


def autocomplete(terms, language, limit=8):
    ids, _engine, _degraded = _run("autocomplete", terms, language, limit)
    return load_pages(ids)


def popular_searches(language, limit=8):
    from .models import QueryLogEntry

    qs = QueryLogEntry.objects.filter(zero_results=False)
    if language:
        qs = qs.filter(language=language)
    rows = qs.values("query").annotate(total=Sum("searches")).order_by("-total", "query")[:limit]
    return [r["query"] for r in rows]


def editors_picks(cleaned_query):
    """Search promotions for the query, without creating a Query row (Query.get would write)."""
    from modelsearch.utils import normalise_query_string
    from wagtail.contrib.search_promotions.models import SearchPromotion

    from .text import normalise

    forms = {f for f in (normalise_query_string(cleaned_query), normalise(cleaned_query)) if f}
    if not forms:
        return []
    picks = SearchPromotion.objects.filter(query__query_string__in=forms).select_related("page").order_by("sort_order")
    return [p for p in picks if p.page is None or (p.page.live and not p.page.get_view_restrictions().exists())]
