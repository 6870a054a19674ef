"""Shared by the search benchmarks: run a function once per backend, each in its own process and database.

Backends: "postgresql" (database backend on PostgreSQL), "opensearch" (the local node; PostgreSQL underneath),
"sqlite" (the embedded default: our stemming FTS5 backend). Each child process prints one JSON line.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG_URL = os.environ.get("BENCH_DATABASE_URL", "postgres:///hub_search_bench")
SQLITE_PATH = ROOT / "var" / "bench_search.sqlite3"
OPENSEARCH_URL = os.environ.get("SEARCH_URL", "http://127.0.0.1:9201")

BACKENDS = {
    "postgresql": {"DATABASE_URL": PG_URL, "SEARCH_BACKEND": "database"},
    "opensearch": {
        "DATABASE_URL": PG_URL,
        "SEARCH_BACKEND": "opensearch",
        "SEARCH_URL": OPENSEARCH_URL,
        "SEARCH_INDEX_PREFIX": "bench_",
    },
    "sqlite": {"DATABASE_URL": f"sqlite:///{SQLITE_PATH}", "SEARCH_BACKEND": "database"},
}


def prepare_databases(backends):
    (ROOT / "var").mkdir(exist_ok=True)
    if any(BACKENDS[b]["DATABASE_URL"] == PG_URL for b in backends):
        name = PG_URL.rsplit("/", 1)[1]
        subprocess.run(["createdb", name], capture_output=True)
    if "opensearch" in backends:
        subprocess.run(["bash", str(ROOT / "tools/opensearch/opensearch.sh"), "start"], check=True, capture_output=True)
    for backend in backends:
        env = child_env(backend)
        subprocess.run([sys.executable, "manage.py", "migrate", "-v0", "--noinput"], cwd=ROOT, env=env, check=True)
        subprocess.run(
            [sys.executable, "manage.py", "load_demo", "--no-admin", "--only", "hub", "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )


def child_env(backend):
    return dict(os.environ, DJANGO_SETTINGS_MODULE="hub.settings.test", LOG_LEVEL="ERROR", **BACKENDS[backend])


def run_children(script, backends, extra_args=()):
    results = {}
    for backend in backends:
        out = subprocess.run(
            [sys.executable, script, "--child", backend, *extra_args],
            cwd=ROOT,
            env=child_env(backend),
            capture_output=True,
            text=True,
        )
        lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
        if out.returncode != 0 or not lines:
            results[backend] = {"error": (out.stderr or out.stdout)[-800:]}
        else:
            results[backend] = json.loads(lines[-1])
    return results


def django_setup():
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def language_home(language="nb"):
    """The home page of a language (the Bokmål home translated if the demo has no such translation yet)."""
    from wagtail.models import Locale

    from hub.models import HomePage

    home = HomePage.objects.filter(locale__language_code=language, depth=2).first()
    if home is None:
        nb_home = HomePage.objects.get(locale__language_code="nb", depth=2)
        home = nb_home.copy_for_translation(Locale.objects.get_or_create(language_code=language)[0])
        home.save_revision().publish()
    return home


def bench_parent(slug, bulk=False, language="nb"):
    """A fresh StandardPage under the home of `language` holding the benchmark's pages (`bulk`: an old one's
    children were bulk-inserted, see drop_bench_pages)."""
    from hub.models import StandardPage

    home = language_home(language)
    old = StandardPage.objects.filter(slug=slug, locale=home.locale).first()
    if old:
        drop_bench_pages(old) if bulk else old.delete()
    parent = StandardPage(title=f"Benchmark {slug}", slug=slug)
    home.add_child(instance=parent)
    parent.save_revision().publish()
    return parent


def drop_bench_pages(parent):
    """Delete a benchmark parent and its generated children. The children were bulk-inserted (no revisions,
    translations or references), so they are removed in bulk too: Wagtail's per-page delete (signals,
    wagtail-localize clean-up) takes minutes for 10 000 pages. The parent itself is deleted the normal way."""
    from django.db import transaction
    from modelsearch.conf import get_app_config
    from wagtail.models import Page

    from hub.models import StandardPage

    children = Page.objects.filter(path__startswith=parent.path, depth__gt=parent.depth)
    ids = list(children.values_list("pk", flat=True))
    index_entries = get_app_config().get_model("IndexEntry")
    with transaction.atomic():
        for start in range(0, len(ids), 5000):
            chunk = ids[start : start + 5000]
            index_entries.objects.filter(object_id__in=[str(i) for i in chunk])._raw_delete(index_entries.objects.db)
            StandardPage.objects.filter(pk__in=chunk)._raw_delete(StandardPage.objects.db)
            Page.objects.filter(pk__in=chunk)._raw_delete(Page.objects.db)
        Page.objects.filter(pk=parent.pk).update(numchild=0)
    Page.objects.get(pk=parent.pk).specific.delete()
