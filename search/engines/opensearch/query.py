"""One request per search to OpenSearch/Elasticsearch: ranked ids, total and every facet via aggregations.

Facet filters go in `post_filter`; each facet's aggregation applies the other facets' filters, so a facet keeps
showing its alternatives (OR within a facet, AND across facets) with their counts.
"""

from django.core.cache import cache
from wagtail.models import PageViewRestriction

from ... import registry
from ...documents import GROUPS, language_group
from ...synonyms import Parts, expand, own
from ...text import compound_prefix
from .. import Hits

FACET_SIZE = 1000  # every value, not the engines' default ten
OWN_BOOST = 100  # above any text score: pages holding the visitor's own words come first


def restricted_paths():
    paths = cache.get("hubsearch:restricted-paths")
    if paths is None:
        paths = sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
        cache.set("hubsearch:restricted-paths", paths, 60)
    return paths


def base_filters(spec):
    filters = [
        {"terms": {"hub_type": [t.label for t in registry.types()]}},
        {"term": {"hub_live": True}},
    ]
    if spec.language:
        filters.append({"term": {"hub_language": spec.language}})
    return filters


def facet_filter(facet, values):
    return {"terms": {f"hub_{facet}": list(values)}}


class OpenSearchEngine:
    name = "opensearch"

    def __init__(self, backend):
        self.backend = backend

    def groups(self, spec):
        return [language_group(spec.language)] if spec.language else list(GROUPS)

    def compound_query(self, spec, groups, expanded):
        """Every word (AND) or any word (OR), each matched as written, as the start of a compound (a `prefix`
        query with our stem of the word, the same Snowball stemmer the index ends with), or as one of its
        alternatives: synonyms, equivalent spellings and the word's compound parts, anywhere (search.synonyms)."""
        fields = [f"hub_text_{g}" for g in groups]
        clauses = []
        for alternatives in expanded:
            options = []
            for words in alternatives:
                if len(words) > 1:
                    phrase = {"multi_match": {"query": " ".join(words), "type": "phrase", "fields": fields}}
                    options.append(phrase)
                    if isinstance(words, Parts):  # every part, anywhere; side by side scores higher (both match)
                        options.append({"multi_match": {"query": " ".join(words), "operator": "and", "fields": fields}})
                    continue
                options.append({"multi_match": {"query": words[0], "fields": fields}})
                for group in groups:
                    prefix = compound_prefix(words[0], group)
                    if prefix:
                        options.append({"prefix": {f"hub_text_{group}": prefix}})
            clauses.append({"bool": {"should": options, "minimum_should_match": 1}})
        if spec.operator == "and":
            return {"bool": {"must": clauses}}
        return {"bool": {"should": clauses, "minimum_should_match": 1}}

    def own_query(self, spec, groups, expanded):
        """The visitor's own words as written (search.synonyms.own), analysed without the synonym filter and
        without prefixes or compound parts: a constant score above any text score, so such pages rank first."""
        clauses = []
        for alternatives in expanded:
            options = []
            for words in own(alternatives):
                kind = "match_phrase" if len(words) > 1 else "match"
                for group in groups:
                    # a stop word ("hva er …") leaves nothing to match: it must not exclude every page
                    field = {"query": " ".join(words), "analyzer": f"hub_{group}", "zero_terms_query": "all"}
                    options.append({kind: {f"hub_text_{group}": field}})
            clauses.append({"bool": {"should": options, "minimum_should_match": 1}})
        words = {"filter": clauses} if spec.operator == "and" else {"should": clauses, "minimum_should_match": 1}
        return {"constant_score": {"filter": {"bool": words}, "boost": OWN_BOOST}}

    def text_query(self, spec):
        groups = self.groups(spec)
        expanded = expand(spec.terms, spec.language or "nb")
        text = spec.text
        whole = {"multi_match": {"query": text, "fields": [f"hub_text_{g}" for g in groups], "operator": spec.operator}}
        return {
            "bool": {
                # the words as analysed (synonyms included), or each word also as the start of a compound
                "must": [
                    {
                        "bool": {
                            "should": [whole, self.compound_query(spec, groups, expanded)],
                            "minimum_should_match": 1,
                        }
                    }
                ],
                "should": [
                    self.own_query(spec, groups, expanded),
                    {"multi_match": {"query": text, "fields": [f"hub_title_{g}^3" for g in groups]}},
                    {"multi_match": {"query": text, "type": "phrase", "fields": [f"hub_text_{g}^2" for g in groups]}},
                ],
            }
        }

    def search(self, spec):
        if not spec.terms:
            return Hits([], 0, {f: {} for f in spec.facets}, self.name)
        active = {f: v for f, v in spec.filters.items() if v}
        must_not = [{"prefix": {"hub_path": p}} for p in restricted_paths()]
        aggs = {}
        for facet in spec.facets:
            others = [facet_filter(f, v) for f, v in active.items() if f != facet]
            aggs[facet] = {
                "filter": {"bool": {"filter": others}},
                "aggs": {"values": {"terms": {"field": f"hub_{facet}", "size": FACET_SIZE}}},
            }
        body = {
            "query": {"bool": {"must": [self.text_query(spec)], "filter": base_filters(spec), "must_not": must_not}},
            "post_filter": {"bool": {"filter": [facet_filter(f, v) for f, v in active.items()]}},
            "aggs": aggs,
            "from": spec.offset,
            "size": spec.limit,
            "_source": False,
            "track_total_hits": True,
            "sort": ["_score", {"pk": "desc"}],
        }
        result = self.backend.raw_search(body)
        ids = [int(hit["_id"]) for hit in result["hits"]["hits"]]
        total = result["hits"]["total"]["value"]
        counts = {
            facet: {b["key"]: b["doc_count"] for b in result["aggregations"][facet]["values"]["buckets"]}
            for facet in spec.facets
        }
        return Hits(ids, total, counts, self.name)

    def autocomplete(self, terms, language, limit=8):
        if not terms:
            return []

        class _Spec:
            pass

        spec = _Spec()
        spec.language = language
        body = {
            "query": {
                "bool": {
                    "must": [{"match": {"hub_suggest": {"query": " ".join(terms), "operator": "and"}}}],
                    "filter": base_filters(spec),
                    "must_not": [{"prefix": {"hub_path": p}} for p in restricted_paths()],
                }
            },
            "size": limit,
            "_source": False,
        }
        result = self.backend.raw_search(body)
        return [int(hit["_id"]) for hit in result["hits"]["hits"]]
