"""Shared fixtures. The test database (PostgreSQL) gets the full demo content once per session; each test runs
in a transaction on top of it, so tests may rely on the demo tree and add their own pages."""

import os
import shutil
import time
import uuid
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings

from tests import demo_database, sqlite_database
from tests.factories.search import (
    OPENSEARCH_URL,
    drop_indices,
    engine_missing,
    engine_settings,
    launcher,
    node_is_up,
    refresh,
)

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language, whatever the previous one in this worker activated."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def one_counting_window(monkeypatch):
    """The rate limits count per fixed window (a minute, an hour); a test that makes N requests and expects the
    next one refused would pass the limit only by luck if its requests straddled the turn of a window. Every
    in-process test counts in one window: the rate-limit clock stands still a second into a new day."""
    import infrastructure.antispam

    start = time.time() // 86400 * 86400 + 1
    monkeypatch.setattr(infrastructure.antispam, "time", SimpleNamespace(time=lambda: start))


@pytest.fixture
def client():
    """pytest-django's client, sending the Origin a visitor's browser sends with every form post from our pages
    (the public forms refuse posts that name another site, or none while a session cookie is present)."""
    from tests.helpers import browser

    return browser()


@pytest.fixture(scope="session")
def django_db_setup(django_test_environment, django_db_blocker):
    """This session's database: a clone of the demo template (built once per demo version, see demo_database)."""
    from django.db import connections

    settings_dict = connections["default"].settings_dict
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name = f"test_{settings_dict['NAME']}_{worker}_{os.getpid()}"  # the pid: runs may overlap
    with django_db_blocker.unblock():
        template = demo_database.ensure_template(os.environ.get("HUB_DEMO_APPS"))  # e.g. "hub,methods"
        demo_database.clone(settings_dict, template, name)
        connections["default"].close()
        settings_dict["NAME"] = name
    yield
    with django_db_blocker.unblock():
        connections.close_all()
        demo_database.drop(settings_dict, name)


def _flushes_database(item):
    marker = item.get_closest_marker("django_db")
    committing = {"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ()))
    return bool(committing) or bool(marker and marker.kwargs.get("transaction"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A test that commits (live server, threads) ends with Django flushing the database, demo and all; once its
    fixtures are torn down, the session's database is cloned again from the template, so the tests after it on
    this worker find the demo whatever order they run in."""
    result = yield
    if _flushes_database(item) and nextitem is not None:
        from django.db import connections
        from pytest_django.plugin import blocking_manager_key

        settings_dict = connections["default"].settings_dict
        with item.config.stash[blocking_manager_key].unblock():
            connections.close_all()
            template = demo_database.ensure_template(os.environ.get("HUB_DEMO_APPS"))
            demo_database.clone(settings_dict, template, settings_dict["NAME"])
    return result


# The test files that take longest, longest first. Parallel test processes take whole files in collection order
# (tools/test.sh: --dist loadfile --no-loadscope-reorder), so these start first and both processes finish at
# about the same time; a slow file started last would keep one process busy while the other idles.
SLOWEST_FIRST = (
    "tests/search/test_sqlite.py",
    "tests/e2e/test_every_width_browser.py",
    "tests/production/test_multinode.py",
)


def _weight(item):
    """The known slowest first, then the browser and production files (a server each), then the rest."""
    path = item.nodeid.split("::")[0]
    if path in SLOWEST_FIRST:
        return SLOWEST_FIRST.index(path)
    return len(SLOWEST_FIRST) + (0 if path.startswith(("tests/e2e/", "tests/production/")) else 1)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """The slowest files first (a stable sort after pytest-django's own ordering, which puts tests that flush the
    database after the rest); the SQLite build started in the background if a collected test needs it."""
    items.sort(key=_weight)
    if any("sqlite_migrated" in getattr(item, "fixturenames", ()) for item in items):
        config.stash[SQLITE_BUILDER] = sqlite_database.start_background_build()


SQLITE_BUILDER = pytest.StashKey()


def pytest_unconfigure(config):
    builder = config.stash.get(SQLITE_BUILDER, None)
    if builder is not None and builder.poll() is None:  # the run ended first (-x, an interrupt): no orphan left
        builder.terminate()
        builder.wait(timeout=30)


@pytest.fixture(scope="session")
def sqlite_migrated():
    """A migrated SQLite file to copy (tests/sqlite_database.py), for tests of the embedded SQLite default."""
    return sqlite_database.build()


@pytest.fixture
def home(db):
    from hub.models import HomePage

    return HomePage.objects.get(locale__language_code="nb", depth=2)


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("root-admin", "root@example.com", "pw")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def make_user(db, django_user_model):
    """Create a user in the named editorial groups."""
    from django.contrib.auth.models import Group

    def _make(username, *group_names):
        user = django_user_model.objects.create_user(username, f"{username}@example.com", "pw")
        for name in group_names:
            user.groups.add(Group.objects.get(name=name))
        return user

    return _make


@pytest.fixture
def story_index(home):
    """The Bokmål story index with the demo stories taken off the site (inside the test's transaction).

    One UPDATE unpublishes them all: deleting them cascades through revisions, references, tags and the search
    index, which cost 1.5–3 s a test."""
    from stories.models import CaseStoryIndexPage, CaseStoryPage

    index = CaseStoryIndexPage.objects.get(locale=home.locale, slug="historier")
    CaseStoryPage.objects.child_of(index).update(live=False)
    index.refresh_from_db()
    cache.clear()
    return index


@pytest.fixture(scope="session")
def opensearch_url():
    if node_is_up(OPENSEARCH_URL):
        return OPENSEARCH_URL
    if shutil.which("java") is None:
        engine_missing("no Java on this machine, so the local OpenSearch node cannot run")
    result = launcher("start")
    if result.returncode != 0 or not node_is_up(OPENSEARCH_URL):
        engine_missing(f"the OpenSearch launcher could not start a node: {result.stdout[-500:]} {result.stderr[-500:]}")
    return OPENSEARCH_URL


@pytest.fixture
def opensearch(opensearch_url, db):
    """WAGTAILSEARCH_BACKENDS pointing at the real node with a unique index prefix; the index built fresh."""
    cache.clear()  # cached synonym sets / vocabularies of earlier (rolled back) tests must not leak in
    prefix = f"test_{uuid.uuid4().hex[:10]}_"
    with override_settings(WAGTAILSEARCH_BACKENDS=engine_settings(opensearch_url, prefix)):
        call_command("update_index", backend_name="public", stdout=open(os.devnull, "w"))
        yield type(
            "Node",
            (),
            {"url": opensearch_url, "prefix": prefix, "refresh": staticmethod(lambda: refresh(opensearch_url, prefix))},
        )
    drop_indices(opensearch_url, prefix)


@pytest.fixture
def fragment_cache(settings):
    """As in production with a shared cache: the site chrome, the home sections and the story facet counts kept
    per content version; the page cache off, so every view renders and what is measured is the fragments."""
    settings.HUB_FRAGMENT_CACHE = True
    settings.HUB_PAGE_CACHE_SECONDS = 0
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def clock(monkeypatch):
    """The site's clock (`django.utils.timezone.now`, which Wagtail's scheduled publishing reads), moved forward
    on demand instead of waiting for a go-live time in wall-clock time."""
    import datetime

    from django.utils import timezone

    real_now = timezone.now
    shift = datetime.timedelta()

    def shifted_now():
        return real_now() + shift

    class Clock:
        @staticmethod
        def advance(delta):
            nonlocal shift
            shift += delta

    monkeypatch.setattr(timezone, "now", shifted_now)
    return Clock
