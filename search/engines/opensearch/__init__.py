"""OpenSearch: `index` writes pages into it (per-language analyzers, hunspell, synonyms, facet keywords),
`query` reads it for the public search (one request with the engine's aggregations).

The opensearch-py import shim comes first: every module of the package is imported after the package itself,
so the shim is in place before any of them imports opensearchpy, whatever order their own imports are sorted in.
"""

from . import client_import  # noqa: F401
