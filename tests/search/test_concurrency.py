"""The query engines are shared by every request thread: concurrent searches must never mix their queries."""

import sys
import threading
import uuid

import pytest
from django.core.cache import cache
from django.db import connection
from wagtail.models import Locale, Page

from hub.models import StandardPage
from search import service
from tests.factories.search import page

pytestmark = pytest.mark.django_db(transaction=True)  # the threads' own connections must see the pages

ROUNDS = 40
THREADS_PER_QUERY = 2


def _parent():
    """A committed page to hang the test's pages on (the tree may be empty after an earlier test's flush)."""
    nb, _ = Locale.objects.get_or_create(language_code="nb")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root", locale=nb)
    return root.add_child(
        instance=StandardPage(title="Samtidige søk", slug=f"samtidig-{uuid.uuid4().hex[:8]}", locale=nb)
    )


def test_concurrent_searches_on_the_shared_engine_each_get_their_own_results():
    cache.clear()
    home = _parent()
    expected = {
        "akvarellmaling": {page(home, f"Akvarellmaling {i}", "akvarellmaling for alle").pk for i in range(3)},
        "brettspillkveld": {page(home, f"Brettspillkveld {i}", "brettspillkveld hver fredag").pk for i in range(5)},
    }
    assert service.engine_for().name == "postgresql"
    queries = [q for q in expected for _ in range(THREADS_PER_QUERY)]
    start, errors, seen = threading.Barrier(len(queries)), [], {q: [] for q in expected}

    def worker(query):
        try:
            start.wait(timeout=30)
            for _ in range(ROUNDS):
                outcome = service.search([query], "nb", {}, 0, 10)
                seen[query].append(
                    ({r.page.pk for r in outcome.results}, outcome.hits.total, outcome.hits.facets.get("type"))
                )
        except Exception as exc:  # noqa: BLE001 - a thread's failure of any kind is reported by the test  # reported below; a thread's exception would otherwise vanish
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(q,)) for q in queries]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as a busy server does, so a shared-state race shows
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
    finally:
        sys.setswitchinterval(interval)
    assert not errors, errors
    for query, ids in expected.items():
        assert len(seen[query]) == ROUNDS * THREADS_PER_QUERY
        assert all(got == (ids, len(ids), {"hub.StandardPage": len(ids)}) for got in seen[query]), query
