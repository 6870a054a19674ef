"""Turn SEARCH_BACKEND / SEARCH_URL from the environment into WAGTAILSEARCH_BACKENDS.

SEARCH_BACKEND: "database" (default; SQLite FTS5 or PostgreSQL full text), "opensearch" or "elasticsearch".
SEARCH_URL: the engine's URL(s), comma separated, for the engine backends.
SEARCH_INDEX_PREFIX, SEARCH_TIMEOUT: index name prefix and request timeout (seconds) of the engine.

The entries:
- "public": the index the public search reads (search/service.py). It holds only live pages without a view
  restriction (search/public_index.py), so nothing an editor has not released can be found through it.
- "default": what Wagtail's admin searches with (its page, image and document listings always use this name).
  Editors must find their drafts, so it keeps no index of its own and searches the tables directly
  (modelsearch's fallback backend); the admin's lists are small and filtered by the editor's permissions.
- "database", with an engine only: the database index kept current beside the engine; the public search falls
  back to it when the engine is unreachable.
"""

import os

ENGINE_BACKENDS = {
    # Our subclasses add per-language analyzers, facet keywords and synonyms (search/engines/<engine>/index.py).
    "opensearch": "search.engines.opensearch.index",
    "elasticsearch": "search.engines.elasticsearch.index",
}


def database_backend():
    return {
        # modelsearch's database backend; on SQLite our stemming FTS5 subclass
        # (search/engines/database/sqlite_index.py).
        "BACKEND": "search.engines.database.index",
        # PostgreSQL: the configuration of modelsearch's own queries; our engine and indexer pick
        # hub_nb / hub_nn / english per page and query language (search.pg_configs). SQLite ignores it.
        "SEARCH_CONFIG": "hub_nb",
        "AUTO_UPDATE": True,
    }


def admin_backend():
    # No index: each admin search filters the tables themselves, drafts included (AUTO_UPDATE has nothing to do).
    return {"BACKEND": "modelsearch.backends.database.fallback", "AUTO_UPDATE": False}


def search_backends(environ=None):
    environ = os.environ if environ is None else environ
    kind = environ.get("SEARCH_BACKEND", "database").strip().lower()
    backends = {"default": admin_backend(), "public": database_backend()}
    if kind in ENGINE_BACKENDS:
        urls = [u.strip() for u in environ.get("SEARCH_URL", "http://127.0.0.1:9201").split(",") if u.strip()]
        backends["public"] = {
            "BACKEND": ENGINE_BACKENDS[kind],
            "URLS": urls,
            "INDEX_PREFIX": environ.get("SEARCH_INDEX_PREFIX", "samskaping_"),
            "TIMEOUT": int(environ.get("SEARCH_TIMEOUT", "3")),
            "ATOMIC_REBUILD": True,
            "AUTO_UPDATE": True,
        }
        backends["database"] = dict(database_backend(), AUTO_UPDATE=True)
    return backends
