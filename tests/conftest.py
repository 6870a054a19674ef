"""Shared fixtures. The test database (PostgreSQL) gets the full demo content once per session; each test runs
in a transaction on top of it, so tests may rely on the demo tree and add their own pages."""

import os

import pytest
from django.core.management import call_command

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        apps = os.environ.get("HUB_DEMO_APPS")  # e.g. "hub,methods" while one app is being worked on
        call_command("load_demo", "--no-admin", *(["--only", apps] if apps else []), verbosity=0)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Browser tests last (a stable sort after pytest-django's own ordering, which puts tests that flush the
    database after the rest): they are the slowest and use their own server and database."""
    items.sort(key=lambda item: 1 if "e2e" in item.nodeid.split("::")[0] else 0)


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
