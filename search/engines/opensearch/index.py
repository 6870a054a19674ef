"""OpenSearch 2.x (and Elasticsearch 8/9) with one analyzer per language and editor-maintained synonyms.

Wagtail's engine backends analyse every page with one analyzer. Here each page also gets its text in a field of
its language (`hub_text_nb`, `hub_text_nn`, `hub_text_en`), keyword fields for the facets, and a search analyzer
with a synonym_graph filter fed from the Synonym snippets. Changing a synonym closes the index, updates the
filter and reopens it (search-time synonyms need no reindex).

Bokmål and Nynorsk text goes through the `hunspell` token filter with Debian's hunspell-no dictionaries (lemmas:
"bøker" → bok, "lekser" → lekse), then the Snowball stemmer for words the dictionary does not know. The node
reads the dictionaries from its config folder, `hunspell/hub_nb/` and `hunspell/hub_nn/` (placed by
tools/search_dictionaries.py: our launcher does it, for a cluster see docs/search-dictionaries.md). When the node
has no such dictionary, the index is created with the Snowball stemmer alone and a warning is logged.
"""

import logging

from modelsearch.backends.opensearch2 import (
    OpenSearch2AutocompleteQueryCompiler,
    OpenSearch2Index,
    OpenSearch2Mapping,
    OpenSearch2SearchBackend,
    OpenSearch2SearchQueryCompiler,
)
from wagtail.models import Page

from ...documents import GROUPS, hub_document
from ...public_index import PublicPagesIndexMixin
from ...registry import FACETS

logger = logging.getLogger("search")
ANALYZERS = {"nb": ("norwegian", "_norwegian_"), "nn": ("norwegian", "_norwegian_"), "en": ("english", "_english_")}
HUNSPELL = {"nb": "hub_nb", "nn": "hub_nn"}  # the dictionary folders under the node's config/hunspell/


def analysis_settings(synonym_rules, hunspell=()):
    """Analyzers per language; `hunspell`: the languages whose dictionary the node has."""
    analyzer, token_filter = {}, {"hub_synonyms": {"type": "synonym_graph", "lenient": True, "synonyms": synonym_rules}}
    for group, (language, stopwords) in ANALYZERS.items():
        token_filter[f"hub_{group}_stop"] = {"type": "stop", "stopwords": stopwords}
        token_filter[f"hub_{group}_stem"] = {"type": "stemmer", "language": language}
        lemmas = []
        if group in hunspell:
            token_filter[f"hub_{group}_hunspell"] = {"type": "hunspell", "locale": HUNSPELL[group], "dedup": True}
            lemmas = [f"hub_{group}_hunspell"]
        chain = ["lowercase", f"hub_{group}_stop", *lemmas, f"hub_{group}_stem"]
        analyzer[f"hub_{group}"] = {"type": "custom", "tokenizer": "standard", "filter": chain}
        analyzer[f"hub_{group}_search"] = {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "hub_synonyms", *chain[1:]],
        }
    return {"analysis": {"analyzer": analyzer, "filter": token_filter}}


def merge_analysis(settings, synonym_rules, hunspell=()):
    """Add our analyzers and filters to the backend's index settings, keeping modelsearch's own."""
    base = settings.setdefault("settings", {}).setdefault("analysis", {})
    for group in HUNSPELL:
        base.get("filter", {}).pop(f"hub_{group}_hunspell", None)
    for key, value in analysis_settings(synonym_rules, hunspell)["analysis"].items():
        base.setdefault(key, {}).update(value)


def node_dictionaries(backend):
    """The languages whose hunspell dictionary the node can load (one _analyze call each), logging the others."""
    found = []
    for group, locale in HUNSPELL.items():
        body = {"tokenizer": "standard", "filter": [{"type": "hunspell", "locale": locale}], "text": "bok"}
        try:
            if backend.use_new_elasticsearch_api:
                backend.es.indices.analyze(**body)
            else:
                backend.es.indices.analyze(body=body)
            found.append(group)
        except backend.client_errors as exc:
            logger.warning(
                "search: the OpenSearch node has no hunspell dictionary %s (%s: %s); %s text uses the Snowball "
                "stemmer only. Place it with tools/search_dictionaries.py opensearch <config dir>.",
                locale,
                type(exc).__name__,
                str(exc)[:200],
                group,
            )
    return found


def hub_properties():
    props = {
        "hub_live": {"type": "boolean"},
        "hub_path": {"type": "keyword"},
        "hub_suggest": {"type": "text", "analyzer": "edgengram_analyzer", "search_analyzer": "standard"},
    }
    for group in GROUPS:
        for kind in ("title", "text"):
            props[f"hub_{kind}_{group}"] = {
                "type": "text",
                "analyzer": f"hub_{group}",
                "search_analyzer": f"hub_{group}_search",
            }
    for facet in FACETS:
        props[f"hub_{facet}"] = {"type": "keyword"}
    return props


class HubMappingMixin:
    def get_mapping(self):
        mapping = super().get_mapping()
        if issubclass(self.model, Page):
            mapping["properties"].update(hub_properties())
        return mapping

    def get_document(self, obj):
        doc = super().get_document(obj)
        if isinstance(obj, Page):
            doc.update(hub_document(obj))
        return doc


class HubIndexMixin:
    def put(self):
        from ...synonyms import engine_rules

        merge_analysis(self.backend.settings, engine_rules(), node_dictionaries(self.backend))
        return super().put()


class HubBackendMixin:
    def __init__(self, params):
        super().__init__(params)
        merge_analysis(self.settings, ["samskapingshuben, samskapingshuben"])

    def page_index_name(self):
        return self.get_index_for_model(Page).name

    def apply_synonyms(self):
        """Push the current synonym rules into the live index (close, update settings, open)."""
        from ...synonyms import engine_rules

        name = self.page_index_name()
        if not self.es.indices.exists(index=name):
            return False
        body = {
            "analysis": {
                "filter": {"hub_synonyms": analysis_settings(engine_rules())["analysis"]["filter"]["hub_synonyms"]}
            }
        }
        for index_name in list(self.es.indices.get(index=name).keys()):
            self.es.indices.close(index=index_name)
            try:
                if self.use_new_elasticsearch_api:
                    self.es.indices.put_settings(index=index_name, settings=body)
                else:
                    self.es.indices.put_settings(index=index_name, body=body)
            finally:
                self.es.indices.open(index=index_name, wait_for_active_shards=1)
        return True

    def raw_search(self, body):
        if self.use_new_elasticsearch_api:
            return self.es.search(index=self.page_index_name(), **body)
        return self.es.search(index=self.page_index_name(), body=body)


class HubOpenSearchMapping(HubMappingMixin, OpenSearch2Mapping):
    pass


class HubOpenSearchIndex(PublicPagesIndexMixin, HubIndexMixin, OpenSearch2Index):
    pass


class HubOpenSearchQueryCompiler(OpenSearch2SearchQueryCompiler):
    mapping_class = HubOpenSearchMapping


class HubOpenSearchAutocompleteQueryCompiler(OpenSearch2AutocompleteQueryCompiler):
    mapping_class = HubOpenSearchMapping


class HubOpenSearchBackend(HubBackendMixin, OpenSearch2SearchBackend):
    @property
    def client_errors(self):
        from opensearchpy.exceptions import OpenSearchException

        return (OpenSearchException,)

    mapping_class = HubOpenSearchMapping
    index_class = HubOpenSearchIndex
    query_compiler_class = HubOpenSearchQueryCompiler
    autocomplete_query_compiler_class = HubOpenSearchAutocompleteQueryCompiler


SearchBackend = HubOpenSearchBackend
