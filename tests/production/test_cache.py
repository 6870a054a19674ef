"""Whole-page cache for anonymous visitors: hits without queries, renewed at once on publish, never for
signed-in editors or pages with cookies; static files collected, hashed and compressed for production."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache

from hub.models import StandardPage
from tests.helpers import publish_child

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def page_cache(settings):
    settings.HUB_PAGE_CACHE_SECONDS = 300
    settings.HUB_FRONTEND_MAX_AGE = 120
    cache.clear()
    yield
    cache.clear()


def test_second_anonymous_view_is_served_from_cache_without_queries(client, page_cache, django_assert_num_queries):
    first = client.get("/nb/om-prosjektet/")
    assert first["X-Hub-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/nb/om-prosjektet/")
    assert second["X-Hub-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "s-maxage=120" in second["Cache-Control"] and "max-age=0" in second["Cache-Control"]
    assert "Content-Security-Policy" in second


def test_publish_renews_cached_pages_at_once(client, page_cache, home, django_capture_on_commit_callbacks):
    page = StandardPage.objects.get(slug="om-prosjektet", locale__language_code="nb")
    client.get(page.url)
    client.get("/nb/")
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Om prosjektet – oppdatert"
        page.save_revision().publish()
    response = client.get(page.url)
    assert response["X-Hub-Page-Cache"] == "miss"
    assert "Om prosjektet – oppdatert" in response.content.decode()


def test_new_child_page_shows_on_cached_parent_after_publish(
    client, page_cache, home, django_capture_on_commit_callbacks
):
    parent = StandardPage.objects.get(slug="om-prosjektet", locale__language_code="nb")
    client.get("/nb/")
    with django_capture_on_commit_callbacks(execute=True):
        publish_child(home, StandardPage(title="Ny side i menyen", slug="ny-side"))
    assert client.get("/nb/")["X-Hub-Page-Cache"] == "miss"
    assert parent.url  # still routable


def test_unpublish_removes_page_from_cache(client, page_cache, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = publish_child(home, StandardPage(title="Kortvarig", slug="kortvarig"))
    assert client.get("/nb/kortvarig/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert client.get("/nb/kortvarig/").status_code == 404


def test_languages_are_cached_separately(client, page_cache):
    nb = client.get("/nb/")
    nn = client.get("/nn/")
    assert client.get("/nn/")["X-Hub-Page-Cache"] == "hit"
    assert nb.content != nn.content and b'lang="nn"' in client.get("/nn/").content


def test_signed_in_editor_never_gets_or_fills_the_cache(admin_client, page_cache):
    from django.test import Client

    editor_view = admin_client.get("/nb/")
    assert "X-Hub-Page-Cache" not in editor_view
    assert Client().get("/nb/")["X-Hub-Page-Cache"] == "miss"
    assert "X-Hub-Page-Cache" not in admin_client.get("/nb/")


def test_unknown_query_parameters_bypass_the_cache(client, page_cache):
    client.get("/nb/?utm_source=x")
    assert "X-Hub-Page-Cache" not in client.get("/nb/?utm_source=x")
    client.get("/nb/?page=2")
    assert client.get("/nb/?page=2")["X-Hub-Page-Cache"] == "hit"


def test_page_cache_is_off_by_default(client):
    client.get("/nb/")
    assert "X-Hub-Page-Cache" not in client.get("/nb/")


@pytest.mark.e2e  # manage.py in a process of its own
def test_collectstatic_with_production_settings_hashes_and_compresses(tmp_path):
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="hub.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="samskaping.example",
        DATABASE_URL=os.environ.get("DATABASE_URL", "postgres:///samskaping"),
        STATIC_ROOT=str(tmp_path / "static"),
    )
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    static = tmp_path / "static"
    manifest = (static / "staticfiles.json").read_text()
    assert "css/hub.css" in manifest and "vendor/designsystemet/index.css" in manifest
    assert list(static.glob("css/hub.*.css.gz")), "compressed copies are written"
    assert list(static.glob("vendor/designsystemet/index.*.css"))
