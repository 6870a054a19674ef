"""Everything that differs per search engine, one package per engine family.

Each package has an `index` module (how pages are written into the engine: the modelsearch backend named in
`WAGTAILSEARCH_BACKENDS`) and, where the public search reads it, a `query` module answering a SearchSpec with
Hits: `database.query.PostgresEngine` and `database.query.SQLiteEngine` query modelsearch's index table directly
(one ranked query, aggregate facet counts); `opensearch.query.OpenSearchEngine` sends one request with the
engine's aggregations.
"""

from dataclasses import dataclass, field


@dataclass
class SearchSpec:
    terms: list  # word tokens of the visitor's query
    language: str | None = None  # None: every language
    filters: dict = field(default_factory=dict)  # facet -> [values]
    facets: list = field(default_factory=list)  # facet names to count
    offset: int = 0
    limit: int = 10
    operator: str = "and"

    @property
    def text(self):
        return " ".join(self.terms)


@dataclass
class Hits:
    ids: list  # page ids of the requested slice, best first
    total: int
    facets: dict  # facet -> {value: count}
    engine: str = ""
