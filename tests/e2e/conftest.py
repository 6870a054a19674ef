"""Browser tests: a real server process on its own PostgreSQL database with the demo content, driven by
Playwright through Debian's chromium. Accessibility is checked with axe-core from node_modules."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import demo_database
from tests.servers import free_port, wait_until_answering

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def e2e_env(django_db_setup, django_db_blocker):
    """The browser tests' server gets a database of its own: a clone of the demo template."""
    from django.db import connections

    base, main_db = os.environ.get("DATABASE_URL", "postgres:///samskaping").rsplit("/", 1)
    dbname = f"{main_db}_e2e_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_{os.getpid()}"
    with django_db_blocker.unblock():
        template = demo_database.ensure_template(os.environ.get("HUB_DEMO_APPS"))
        demo_database.clone(connections["default"].settings_dict, template, dbname)
    env = dict(os.environ, DATABASE_URL=f"{base}/{dbname}", DJANGO_SETTINGS_MODULE="hub.settings.test")
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    yield env
    with django_db_blocker.unblock():
        demo_database.drop(connections["default"].settings_dict, dbname)


@pytest.fixture(scope="session")
def server_url(e2e_env):
    """The hub served by gunicorn-free Django runserver (no reload) on a free loopback port."""
    port = free_port()
    env = dict(e2e_env, DEBUG="false")
    proc = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(url + "/robots.txt", proc, what="the hub for the browser tests")
    except RuntimeError:
        proc.kill()
        raise
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def axe():
    """axe(page) -> list of violations (WCAG 2.1 A/AA rules)."""

    def run(page):
        # Served by the hub itself in tests (hub.settings.test), so the strict CSP allows it: no bypass. Once per
        # document: a page checked again (another width, after a click that stays on it) has it already.
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.add_script_tag(url="/static/vendor/axe/axe.min.js")
        result = page.evaluate(
            "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
        )
        return [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
        ]

    return run
