"""`BACKEND: "search.backends.database"`: modelsearch's database backend, with our stemming SQLite variant.

PostgreSQL and others get modelsearch's own backend (Norwegian via SEARCH_CONFIG); SQLite with FTS5 gets
`search.backends.sqlite.StemmedSQLiteSearchBackend`.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as modelsearch_backend


def SearchBackend(params):  # noqa: N802 - modelsearch looks the factory up by this name
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.utils import fts5_available

        if fts5_available():
            from .sqlite import StemmedSQLiteSearchBackend

            return StemmedSQLiteSearchBackend(params)
    return modelsearch_backend(params)
