"""Helpers for the search tests: pages and stories to search for, the OpenSearch node and its indices.

The OpenSearch tests use the real node from tools/opensearch (started by tools/test.sh, or here if needed).
Without Java they skip with a loud reason; under CI=true a missing engine fails instead.
"""

import datetime
import os
import subprocess
import urllib.request
import uuid
import warnings
from pathlib import Path

import pytest
from wagtail.models import Locale, Page

from hub.models import StandardPage
from hub.settings.search import admin_backend, database_backend
from tests.helpers import publish_child, under_ci

ROOT = Path(__file__).resolve().parents[2]
LAUNCHER = ROOT / "tools" / "opensearch" / "opensearch.sh"
OPENSEARCH_URL = os.environ.get("SEARCH_TEST_URL", f"http://127.0.0.1:{os.environ.get('OPENSEARCH_PORT', '9201')}")


def node_is_up(url, timeout=2):
    try:
        with urllib.request.urlopen(url + "/_cluster/health", timeout=timeout) as response:
            return response.status == 200
    except OSError:
        return False


def engine_missing(reason):
    if under_ci():
        pytest.fail(f"OpenSearch is required under CI: {reason}")
    message = f"OPENSEARCH TESTS SKIPPED: {reason}"
    warnings.warn(message, stacklevel=2)
    pytest.skip(message)


def launcher(command, port=None, base_dir=None):
    env = dict(os.environ)
    if port:
        env.update(OPENSEARCH_PORT=str(port), OPENSEARCH_TRANSPORT_PORT=str(port + 100), OPENSEARCH_HEAP="256m")
    if base_dir:
        env["OPENSEARCH_BASE_DIR"] = str(base_dir)
    return subprocess.run(["bash", str(LAUNCHER), command], env=env, capture_output=True, text=True, timeout=180)


def engine_settings(url, prefix):
    return {
        "default": admin_backend(),
        "public": {
            "BACKEND": "search.engines.opensearch.index",
            "URLS": [url],
            "INDEX_PREFIX": prefix,
            "TIMEOUT": 5,
            "ATOMIC_REBUILD": True,
            "AUTO_UPDATE": True,
        },
        "database": database_backend(),
    }


def drop_indices(url, prefix):
    request = urllib.request.Request(f"{url}/{prefix}*", method="DELETE")
    try:
        urllib.request.urlopen(request, timeout=10).read()
    except OSError:
        pass


def refresh(url, prefix):
    """Make this test's documents searchable now: only its own indices (a refresh of every index in the node
    races the other test processes creating and dropping theirs, and the node answers 400)."""
    request = urllib.request.Request(f"{url}/{prefix}*/_refresh?allow_no_indices=true", method="POST")
    urllib.request.urlopen(request, timeout=10).read()


def locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


def home_for(code):
    from hub.models import HomePage

    home = HomePage.objects.filter(locale__language_code=code, depth=2).first()
    if home is None:
        nb_home = HomePage.objects.get(locale__language_code="nb", depth=2)
        home = nb_home.copy_for_translation(locale(code))
        home.save_revision().publish()
    return home


def page(parent, title, text="", live=True, **kwargs):
    """A StandardPage published (or saved as a draft) under parent, the way the admin does it."""
    instance = StandardPage(
        title=title, lead=text, slug=kwargs.pop("slug", None) or f"s-{uuid.uuid4().hex[:8]}", **kwargs
    )
    if live:
        return publish_child(parent, instance)
    instance.live = False
    parent.add_child(instance=instance)
    instance.save_revision()
    return instance


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    return response


def result_titles(response):
    outcome = response.context["outcome"]
    return [r.page.title for r in outcome.results] if outcome else []


def facet_counts(response):
    """{facet: {value: count}} as the search page shows them."""
    outcome = response.context["outcome"]
    return {f: {v: n for v, _label, n, _sel in items} for f, _l, items in outcome.facets}


def story(title, municipality, themes=(), tags=(), text=""):
    """A published case story under the Bokmål story index (its county follows from the municipality)."""
    from hub.models import Municipality, Theme
    from stories.models import CaseStoryIndexPage, CaseStoryPage

    index = CaseStoryIndexPage.objects.filter(locale__language_code="nb").first()
    instance = CaseStoryPage(
        title=title,
        slug=f"h-{uuid.uuid4().hex[:8]}",
        lead=text or title,
        library_name="Testbiblioteket",
        municipality=Municipality.objects.get(number=municipality),
        period_start=datetime.date(2024, 1, 1),
    )
    nb = locale("nb")
    instance.themes = [Theme.objects.get_or_create(locale=nb, slug=s, defaults={"name": s.title()})[0] for s in themes]
    if tags:
        instance.tags.add(*tags)
    return publish_child(index, instance)


def method(parent, title, phase=None, tags=(), text=""):
    """A published method under parent, in the given co-creation phase (by slug)."""
    from methods.models import MethodPage, Phase

    instance = MethodPage(
        title=title,
        slug=f"m-{uuid.uuid4().hex[:8]}",
        summary=text or title,
        phase=Phase.objects.get(slug=phase, locale=parent.locale) if phase else None,
    )
    if tags:
        instance.tags.add(*tags)
    return publish_child(parent, instance)


def method_pack(home):
    from methods.models import MethodIndexPage

    return publish_child(home, MethodIndexPage(title="Testpakke for søk", slug=f"pakke-{uuid.uuid4().hex[:6]}"))


# One municipality in each of twelve counties (county slug -> municipality number).
COUNTY_MUNICIPALITIES = {
    "agder": "4203",
    "akershus": "3203",
    "buskerud": "3301",
    "finnmark": "5601",
    "innlandet": "3428",
    "more-og-romsdal": "1547",
    "nordland": "1826",
    "oslo": "0301",
    "rogaland": "1114",
    "telemark": "4012",
    "troms": "5532",
    "trondelag": "5049",
}


__all__ = [
    "COUNTY_MUNICIPALITIES",
    "Page",
    "engine_settings",
    "facet_counts",
    "get",
    "home_for",
    "launcher",
    "locale",
    "method",
    "method_pack",
    "node_is_up",
    "page",
    "refresh",
    "result_titles",
    "story",
]
