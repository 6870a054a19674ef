"""`BACKEND: "search.engines.database.index"`: modelsearch's database backend, analysing each page in its language.

PostgreSQL gets `postgres_index.LocalePostgresSearchBackend` (a configuration per locale, compound parts); SQLite
with FTS5 gets `sqlite_index.StemmedSQLiteSearchBackend`; others modelsearch's own.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as modelsearch_backend


def SearchBackend(params):  # noqa: N802 - modelsearch looks the factory up by this name
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.utils import fts5_available

        if fts5_available():
            from .sqlite_index import StemmedSQLiteSearchBackend

            return StemmedSQLiteSearchBackend(params)
    if connection.vendor == "postgresql":
        from .postgres_index import LocalePostgresSearchBackend

        return LocalePostgresSearchBackend(params)
    return modelsearch_backend(params)
