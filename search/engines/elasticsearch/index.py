"""Elasticsearch 9 with the same per-language fields, facets and synonyms as our OpenSearch backend.
(Not exercised by the test suite: there is no Elasticsearch node here.)"""

from elastic_transport import TransportError
from elasticsearch import ApiError
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Index,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)

from ...public_index import PublicPagesIndexMixin
from ..opensearch.index import HubBackendMixin, HubIndexMixin, HubMappingMixin


class HubElasticsearchMapping(HubMappingMixin, Elasticsearch9Mapping):
    pass


class HubElasticsearchIndex(PublicPagesIndexMixin, HubIndexMixin, Elasticsearch9Index):
    pass


class HubElasticsearchQueryCompiler(Elasticsearch9SearchQueryCompiler):
    mapping_class = HubElasticsearchMapping


class HubElasticsearchAutocompleteQueryCompiler(Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = HubElasticsearchMapping


class HubElasticsearchBackend(HubBackendMixin, Elasticsearch9SearchBackend):
    client_errors = (ApiError, TransportError)
    mapping_class = HubElasticsearchMapping
    index_class = HubElasticsearchIndex
    query_compiler_class = HubElasticsearchQueryCompiler
    autocomplete_query_compiler_class = HubElasticsearchAutocompleteQueryCompiler


SearchBackend = HubElasticsearchBackend
