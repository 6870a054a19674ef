"""Turn SEARCH_BACKEND / SEARCH_URL from the environment into WAGTAILSEARCH_BACKENDS.

SEARCH_BACKEND: "database" (default; SQLite FTS5 or PostgreSQL full text), "opensearch" or "elasticsearch".
SEARCH_URL: the engine's URL(s), comma separated, for the engine backends.
"""

import os

ENGINE_BACKENDS = {
    "opensearch": "modelsearch.backends.opensearch2",
    "elasticsearch": "modelsearch.backends.elasticsearch9",
    "elasticsearch8": "modelsearch.backends.elasticsearch8",
}


def database_backend():
    return {
        "BACKEND": "modelsearch.backends.database",
        # PostgreSQL stems Norwegian with this; SQLite ignores it.
        "SEARCH_CONFIG": "norwegian",
        "AUTO_UPDATE": True,
    }


def search_backends(environ=None):
    environ = os.environ if environ is None else environ
    kind = environ.get("SEARCH_BACKEND", "database").strip().lower()
    backends = {"default": database_backend()}
    if kind in ENGINE_BACKENDS:
        urls = [u.strip() for u in environ.get("SEARCH_URL", "http://127.0.0.1:9201").split(",") if u.strip()]
        backends["default"] = {
            "BACKEND": ENGINE_BACKENDS[kind],
            "URLS": urls,
            "INDEX_PREFIX": environ.get("SEARCH_INDEX_PREFIX", "samskaping_"),
            "TIMEOUT": int(environ.get("SEARCH_TIMEOUT", "5")),
            "ATOMIC_REBUILD": True,
            "AUTO_UPDATE": True,
        }
        backends["database"] = dict(database_backend(), AUTO_UPDATE=True)
    return backends
