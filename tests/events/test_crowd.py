"""Fifty colleagues behind one office address register for a ten-seat event at the same moment, over real HTTP:
ten get a seat, forty join the waiting list, nobody gets an error or a refusal. On PostgreSQL (row locks), behind
Django's live server, and on the embedded SQLite default (IMMEDIATE transactions, WAL, a busy timeout) behind
gunicorn with two worker processes, so the writers queue across processes as they do in production.

Both servers accept more waiting connections than Django's default ten: fifty connections at once would
otherwise overflow the listen queue and be reset before the application sees them (gunicorn's backlog is 2048,
nginx's 511)."""

import json
import shutil
import sqlite3
import subprocess
import sys

import pytest
from django.core.cache import cache
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connection
from django.test.testcases import LiveServerThread, _StaticFilesHandler

from events.models import EventIndexPage, EventPage, Registration
from tests.events.crowd import register_at_once
from tests.helpers import publish_child
from tests.search.test_sqlite import ROOT, _env, _manage
from tests.servers import free_port, wait_until_answering

pytestmark = pytest.mark.e2e  # starts the hub, or a part of it, in processes of its own

PEOPLE, SEATS = 50, 10

SQLITE_EVENT = """
import json
from django.core.management import call_command
call_command("load_demo", no_admin=True, only="hub", verbosity=0)
from datetime import timedelta
from django.utils import timezone
from events.models import EventIndexPage, EventPage
from hub.models import HomePage
from tests.helpers import publish_child
home = HomePage.objects.get(locale__language_code="nb", depth=2)
index = EventIndexPage.objects.filter(locale=home.locale).first()
if index is None:
    index = home.add_child(instance=EventIndexPage(title="Arrangementer", slug="arrangementer"))
    index.save_revision().publish()
now = timezone.now()
event = publish_child(index, EventPage(title="Trengsel på kontoret", slug="trengsel-kontoret", capacity=SEATS,
                                       start=now + timedelta(days=5), end=now + timedelta(days=5, hours=2)))
print(json.dumps({"pk": event.pk}))
""".replace("SEATS", str(SEATS))


def _event_dates():
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    return {"start": now + timedelta(days=5), "end": now + timedelta(days=5, hours=2)}


class _CrowdServer(ThreadedWSGIServer):
    request_queue_size = 128


class _CrowdServerThread(LiveServerThread):
    server_class = _CrowdServer


@pytest.fixture
def crowd_server(transactional_db):
    """Django's live server (the one pytest-django's `live_server` runs) with room for a crowd."""
    thread = _CrowdServerThread("127.0.0.1", _StaticFilesHandler)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()


def test_fifty_at_one_address_get_ten_seats_and_forty_waiting_places_on_postgresql(crowd_server):
    assert connection.vendor == "postgresql"
    cache.clear()  # the live server shares this process's cache, rate limits included
    index = EventIndexPage.objects.get(slug="arrangementer", locale__language_code="nb")
    event = publish_child(index, EventPage(title="Trengsel", slug="trengsel-http", capacity=SEATS, **_event_dates()))

    answers = register_at_once(crowd_server, f"/nb/arrangement/{event.pk}/pamelding/", PEOPLE)

    assert sorted({a.status for a in answers}) == [302], [(a.status, a.error) for a in answers if a.status != 302]
    rows = Registration.objects.filter(event=event)
    assert rows.filter(status="confirmed").count() == SEATS
    assert rows.filter(status="waiting").count() == PEOPLE - SEATS
    assert rows.count() == PEOPLE


@pytest.fixture(scope="module")
def sqlite_site(tmp_path_factory, sqlite_migrated):
    """The embedded default: a migrated SQLite file (shared cache of tests/search/test_sqlite.py), the Bokmål
    home from the demo, one ten-seat event, and gunicorn (two processes, four threads each) serving it."""
    work = tmp_path_factory.mktemp("sqlite-crowd")
    db = work / "hub.sqlite3"
    env = _env(db, work / "media")
    shutil.copyfile(sqlite_migrated, db)
    event_pk = json.loads(_manage(env, "shell", "-c", SQLITE_EVENT, timeout=600).strip().splitlines()[-1])["pk"]
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "hub.wsgi:application",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            "2",
            "--threads",
            "4",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(f"{base}/nb/arrangement/{event_pk}/pamelding/", server, what="gunicorn")
        yield type("Site", (), {"url": base, "db": db, "event_pk": event_pk, "server": server})
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_fifty_at_one_address_get_ten_seats_and_forty_waiting_places_on_sqlite(sqlite_site):
    answers = register_at_once(sqlite_site.url, f"/nb/arrangement/{sqlite_site.event_pk}/pamelding/", PEOPLE)

    assert sorted({a.status for a in answers}) == [302], [(a.status, a.error) for a in answers if a.status != 302]
    with sqlite3.connect(sqlite_site.db) as db:
        counts = dict(
            db.execute(
                "SELECT status, COUNT(*) FROM events_registration WHERE event_id = ? GROUP BY status",
                [sqlite_site.event_pk],
            ).fetchall()
        )
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert counts == {"confirmed": SEATS, "waiting": PEOPLE - SEATS}
