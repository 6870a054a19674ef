"""Queued work of the search app (django-tasks): flushing the query log, pushing synonyms to the engine."""

import logging

from django_tasks import task

logger = logging.getLogger("search")


@task()
def flush_query_log():
    from .querylog import flush

    return flush()


@task()
def apply_synonyms():
    """Refresh the synonym filter of every engine backend (database backends expand queries themselves)."""
    from django.conf import settings
    from wagtail.search.backends import get_search_backend

    applied = []
    for name in settings.WAGTAILSEARCH_BACKENDS:
        backend = get_search_backend(name)
        if hasattr(backend, "apply_synonyms"):
            try:
                if backend.apply_synonyms():
                    applied.append(name)
            except Exception:
                logger.exception("could not update synonyms on search backend %s", name)
    return applied
