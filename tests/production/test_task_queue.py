"""The production task queue for real: django-tasks-db and its `db_worker`, an SMTP server that refuses at first
and accepts later (aiosmtpd). A registration made over HTTP gets its confirmation exactly once: the refused
attempt is recorded, `retry_failed_emails` queues it again, the worker delivers it, and further retries send
nothing twice. Everything runs in processes of its own on a clone of the demo database, as deployed."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from aiosmtpd.controller import Controller

from tests import demo_database
from tests.servers import free_port, wait_until_answering

pytestmark = pytest.mark.e2e  # starts the hub, or a part of it, in processes of its own

ROOT = Path(__file__).resolve().parents[2]

MAKE_EVENT = """
import json
from datetime import timedelta
from django.utils import timezone
from events.models import EventIndexPage, EventPage
index = EventIndexPage.objects.get(slug="arrangementer", locale__language_code="nb")
start = timezone.now() + timedelta(days=10)
event = EventPage(title="Køtest", slug="kotest", capacity=5, start=start, end=start + timedelta(hours=2))
index.add_child(instance=event)
event.save_revision().publish()
print(json.dumps({"id": event.pk}))
"""


class RefusingThenAccepting:
    """An SMTP server's DATA handler: "451 try again later" for the first `refusals` messages, then accepted."""

    def __init__(self, refusals):
        self.refusals = refusals
        self.accepted = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        if self.refusals > 0:
            self.refusals -= 1
            return "451 4.3.0 Mailbox temporarily unavailable, try again later"
        self.accepted.append((envelope.rcpt_tos, envelope.content.decode("utf-8", "replace")))
        return "250 OK"


def _manage(env, *args, timeout=120):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    return result.stdout


def _json(env, code):
    return json.loads(_manage(env, "shell", "-c", code).strip().splitlines()[-1])


def _mail_state(env):
    """The stored e-mails to the participant, read from the deployment's database as its worker left them (a
    direct query: starting Django in one more process for it took seconds each time)."""
    from django.db import connections

    dbname = env["DATABASE_URL"].rsplit("/", 1)[1]
    with demo_database.connect(connections["default"].settings_dict, dbname) as db:
        rows = db.execute(
            'SELECT status, attempts FROM hub_outboundemail WHERE "to" @> %s::jsonb ORDER BY id',
            [json.dumps(["ko.deltaker@example.com"])],
        ).fetchall()
    return [{"status": status, "attempts": attempts} for status, attempts in rows]


@pytest.fixture(scope="module")
def smtp():
    handler = RefusingThenAccepting(refusals=1)
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, handler
    controller.stop()


@pytest.fixture(scope="module")
def deployment(django_db_setup, django_db_blocker, smtp, tmp_path_factory):
    """A clone of the demo, the database task backend, SMTP to the test server, and the site on runserver."""
    from django.db import connections

    controller, _ = smtp
    base, main_db = os.environ.get("DATABASE_URL", "postgres:///samskaping").rsplit("/", 1)
    dbname = f"{main_db}_queue_{os.getpid()}"
    with django_db_blocker.unblock():
        template = demo_database.ensure_template(os.environ.get("HUB_DEMO_APPS"))
        demo_database.clone(connections["default"].settings_dict, template, dbname)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SEARCH_", "CACHE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="hub.settings.dev",
        DEBUG="false",
        DATABASE_URL=f"{base}/{dbname}",
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(controller.port),
        MEDIA_ROOT=str(tmp_path_factory.mktemp("queue-media")),
    )
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(url + "/robots.txt", server, what="runserver")
        yield env, url
    finally:
        server.terminate()
        server.wait(timeout=20)
        with django_db_blocker.unblock():
            demo_database.drop(connections["default"].settings_dict, dbname)


def test_a_refused_confirmation_is_delivered_later_exactly_once(deployment, smtp):
    env, url = deployment
    _, handler = smtp
    event = _json(env, MAKE_EVENT)["id"]

    response = requests.post(
        f"{url}/nb/arrangement/{event}/pamelding/",
        data={"name": "Kø Deltaker", "email": "ko.deltaker@example.com", "consent": "on"},
        headers={"Origin": url, "Sec-Fetch-Site": "same-origin"},
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code == 302, response.text[:500]
    assert _mail_state(env) == []  # the request queued the composing as a task and did not wait for it

    _manage(env, "db_worker", "--batch", "--no-startup-delay")
    assert _mail_state(env) == [{"status": "failed", "attempts": 1}] and handler.accepted == []

    _manage(env, "retry_failed_emails")
    _manage(env, "db_worker", "--batch", "--no-startup-delay")
    assert _mail_state(env) == [{"status": "sent", "attempts": 2}]
    assert len(handler.accepted) == 1
    recipients, content = handler.accepted[0]
    assert recipients == ["ko.deltaker@example.com"] and re.search(r"K(ø|=C3=B8)test", content)

    _manage(env, "retry_failed_emails")  # nothing left to retry: a second run sends nothing twice
    _manage(env, "db_worker", "--batch", "--no-startup-delay")
    assert len(handler.accepted) == 1 and _mail_state(env) == [{"status": "sent", "attempts": 2}]
