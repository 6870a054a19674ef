"""Search latency per backend with N generated pages (default 10 000): p50/p95 of a full search as the search
page runs it — ranked top 10, total, every facet count, results loaded and highlighted.

Run:  .venv/bin/python bench/search_latency.py                 (postgresql, opensearch, sqlite; 10 000 pages)
      .venv/bin/python bench/search_latency.py --docs 2000 sqlite
Pages are bulk-inserted (treebeard paths computed, one published revision skipped: pages are live rows), then
indexed with each backend's bulk indexing. A benchmark prints a table; it never passes or fails.
"""

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.search_common import (  # noqa: E402
    ROOT,
    bench_parent,
    django_setup,
    drop_bench_pages,
    prepare_databases,
    run_children,
)

QUERIES = [
    "bibliotek",
    "samskaping",
    "frivillige",
    "kommunene",
    "lesesirkel",
    "foreninger",
    "innbyggerne utfordringer",
    "prosjektet",
    "dialogmøter",
    "kompetanse",
    "bibliotekene frivilligheten",
    "erfaringer",
    "strategi",
    "lokalsamfunnet",
    "kurs",
    "partnerskap",
]


DEMO_MODULES = [
    "hub/demo.py",
    "methods/demo_data.py",
    "methods/demo.py",
    "stories/demo_data.py",
    "stories/demo.py",
    "events/demo.py",
    "press/demo.py",
]


def words():
    """The vocabulary of the project's own (Bokmål) demo content: every string literal in the demo modules."""
    import ast

    from search.text import tokens

    vocab = set()
    for name in DEMO_MODULES:
        path = ROOT / name
        if not path.exists():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value:
                vocab.update(t for t in tokens(node.value) if len(t) > 3 and t.isalpha())
    return sorted(vocab)


def generate(parent, n, rng):
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from wagtail.models import Locale, Page

    from hub.models import StandardPage

    vocab = words()
    ct = ContentType.objects.get_for_model(StandardPage)
    locales = {code: Locale.objects.get(language_code=code) for code in ("nb", "en")}
    rows, leads = [], []
    for i in range(n):
        title = " ".join(rng.choice(vocab) for _ in range(rng.randint(2, 5))).capitalize()
        lead = " ".join(rng.choice(vocab) for _ in range(rng.randint(40, 120)))
        code = "en" if i % 5 == 4 else "nb"
        rows.append(
            Page(
                title=title,
                draft_title=title,
                slug=f"lat-{i}",
                content_type=ct,
                locale=locales[code],
                live=True,
                path=Page._get_path(parent.path, parent.depth + 1, i + 1),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}lat-{i}/",
                has_unpublished_changes=False,
            )
        )
        leads.append(lead)
    with transaction.atomic():
        Page.objects.bulk_create(rows, batch_size=1000)
        ids = list(
            Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
            .order_by("path")
            .values_list("pk", flat=True)
        )
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {StandardPage._meta.db_table} (page_ptr_id, lead, body) VALUES (%s, %s, %s)",
                [(pk, lead, "[]") for pk, lead in zip(ids, leads, strict=True)],
            )
        Page.objects.filter(pk=parent.pk).update(numchild=n)
    return ids


def child(backend, n):
    django_setup()
    from django.conf import settings
    from django.db import connection
    from wagtail.search.backends import get_search_backend

    from hub.models import StandardPage
    from search import service
    from search.tasks import apply_synonyms

    rng = random.Random(7)
    parent = bench_parent("bench-latency", bulk=True)
    t0 = time.perf_counter()
    ids = generate(parent, n, rng)
    created = time.perf_counter() - t0
    t0 = time.perf_counter()
    for name in settings.WAGTAILSEARCH_BACKENDS:
        backend_obj = get_search_backend(name)
        index = backend_obj.get_index_for_model(StandardPage)
        if name == "public" and hasattr(backend_obj, "raw_search"):
            from django.core.management import call_command

            call_command("update_index", backend_name=name, stdout=open("/dev/null", "w"))
            continue
        qs = StandardPage.objects.filter(pk__in=ids).select_related("locale")
        for start in range(0, len(ids), 500):
            index.add_items(StandardPage, list(qs.filter(pk__in=ids[start : start + 500])))
    apply_synonyms.call()
    if connection.vendor == "postgresql":  # planner statistics, as autovacuum would gather after a bulk load
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    indexed = time.perf_counter() - t0
    time.sleep(1.5)
    # A connection's first search in each language mode is timed apart: on PostgreSQL it loads that language's
    # dictionaries (once per connection, which production keeps ten minutes), which is not a search's own cost.
    first = []
    for language, filters in (("nb", {}), (None, {"language": ["nb"]})):
        t = time.perf_counter()
        service.search(["kurs"], language, filters, 0, 10)
        first.append((time.perf_counter() - t) * 1000)
    timed, engine = [], ""
    for _round in range(3):
        for q in QUERIES:
            t = time.perf_counter()
            outcome = service.search(q.split(), "nb", {}, 0, 10)
            timed.append(((time.perf_counter() - t) * 1000, q))
            engine = outcome.engine
    for q in QUERIES[:4]:  # with a facet filter chosen as well
        t = time.perf_counter()
        service.search(q.split(), None, {"language": ["nb"]}, 0, 10)
        timed.append(((time.perf_counter() - t) * 1000, f"{q} [language=nb]"))
    timed.sort()
    timings = [ms for ms, _q in timed]
    print(
        json.dumps(
            {
                "engine": engine,
                "docs": n,
                "create_s": created,
                "index_s": indexed,
                "n": len(timings),
                "p50": statistics.median(timings),
                "p95": timings[int(len(timings) * 0.95) - 1],
                "max": timings[-1],
                "first": sum(first),
                "slowest": [f"{q} {ms:.0f}" for ms, q in timed[-4:][::-1]],
            }
        ),
        flush=True,
    )
    if not os.environ.get("BENCH_KEEP"):
        drop_bench_pages(parent)


def main(argv):
    n = 10000
    if "--docs" in argv:
        i = argv.index("--docs")
        n = int(argv[i + 1])
        argv = argv[:i] + argv[i + 2 :]
    if argv and argv[0] == "--child":
        return child(argv[1], n)
    backends = argv or ["postgresql", "opensearch", "sqlite"]
    prepare_databases(backends)
    results = run_children(__file__, backends, ["--docs", str(n)])
    print(
        f"\n{'backend':<12} {'engine':<11} {'docs':>6} {'searches':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} "
        f"{'create s':>8} {'index s':>8} {'1st s ms':>8}"
    )
    for backend, r in results.items():
        if "error" in r:
            print(f"{backend:<12} ERROR {r['error']}")
            continue
        print(
            f"{backend:<12} {r['engine']:<11} {r['docs']:>6} {r['n']:>8} {r['p50']:>8.1f} {r['p95']:>8.1f} "
            f"{r['max']:>8.1f} {r['create_s']:>8.1f} {r['index_s']:>8.1f} {r.get('first', 0):>8.0f}"
        )
    print("\n1st s ms: a new connection's first search in each language mode, apart from the timed ones")
    print("slowest searches (ms): " + "; ".join(f"{b}: {', '.join(r.get('slowest', []))}" for b, r in results.items()))


if __name__ == "__main__":
    main(sys.argv[1:])
