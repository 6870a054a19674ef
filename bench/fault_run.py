"""Fault run: what visitors see while a service the hub depends on fails, as deployed (gunicorn, production
settings, PostgreSQL, the database task queue). Three scenes, one table each; never passes or fails.

1. OpenSearch stops in the middle of a search load and starts again: every search must still answer 200 (the
   database search takes over, `degraded`), before, during and after.
2. The mail server is down while people register: nothing is lost; once it is back, `retry_failed_emails` and
   the worker deliver every confirmation exactly once.
3. PostgreSQL restarts in the middle of a page load: requests during the restart may fail; afterwards every
   request succeeds again without restarting the app (connection health checks).

    .venv/bin/python bench/fault_run.py            # database hub_fault (made with the demo content if missing)

It stops and starts the local OpenSearch node and restarts the PostgreSQL cluster: run it on a machine where
nothing else uses them at the time.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from aiosmtpd.controller import Controller

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import HOST, ROOT, free_port, prod_env, table, wait_http  # noqa: E402

PY = sys.executable
OPENSEARCH = ["bash", str(ROOT / "tools" / "opensearch" / "opensearch.sh")]


def manage(env, *args):
    result = subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result


def gunicorn(env, port, workers=2):
    proc = subprocess.Popen(
        [PY, "-m", "gunicorn", "hub.wsgi:application", "-b", f"127.0.0.1:{port}", "-w", str(workers), "-t", "60"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_http(port)
    return proc


class Load:
    """Threads requesting `paths` in turn until stopped; each result is (seconds since start, status, ms)."""

    def __init__(self, port, paths, threads=4):
        self.port, self.paths, self.threads = port, paths, threads
        self.results, self.stop, self.start = [], threading.Event(), time.monotonic()
        self.statuses = Counter()  # what the errors were, printed under the table

    def _run(self, k):
        session = requests.Session()
        i = k
        while not self.stop.is_set():
            path = self.paths[i % len(self.paths)]
            began = time.monotonic()
            try:
                url = f"http://127.0.0.1:{self.port}{path}"
                client = f"10.8.{k}.{i % 250}"  # many visitors: the per-address search limit never applies
                status = session.get(url, headers={"Host": HOST, "X-Forwarded-For": client}, timeout=30).status_code
            except requests.RequestException as exc:
                status = type(exc).__name__
            self.results.append((began - self.start, status, (time.monotonic() - began) * 1000))
            i += self.threads

    def __enter__(self):
        self.pool = ThreadPoolExecutor(self.threads)
        for k in range(self.threads):
            self.pool.submit(self._run, k)
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.pool.shutdown(wait=True)

    def row(self, label, t0, t1):
        part = [r for r in self.results if t0 <= r[0] < t1]
        errors = sum(1 for _, status, _ in part if status != 200)
        self.statuses.update(status for _, status, _ in part if status != 200)
        times = sorted(ms for _, _, ms in part)
        p95 = times[int(len(times) * 0.95) - 1] if len(times) >= 20 else (times[-1] if times else 0)
        median = statistics.median(times) if times else 0
        return [label, len(part), errors, f"{median:.0f}", f"{p95:.0f}"]


def scene_search(env, seconds):
    port = free_port()
    search_env = dict(
        env,
        SEARCH_BACKEND="opensearch",
        SEARCH_URL=os.environ.get("SEARCH_URL", "http://127.0.0.1:9201"),
        SEARCH_INDEX_PREFIX="fault_",
    )
    manage(search_env, "update_index")
    server = gunicorn(search_env, port)
    try:
        paths = ["/nb/sok/?q=frivillige", "/nb/sok/?q=bibliotek", "/nb/sok/?q=leksehjelp", "/en/sok/?q=library"]
        with Load(port, paths) as load:
            time.sleep(seconds)
            down = time.monotonic() - load.start
            subprocess.run([*OPENSEARCH, "stop"], check=True, capture_output=True)
            time.sleep(seconds)
            up = time.monotonic() - load.start
            subprocess.run([*OPENSEARCH, "start"], check=True, capture_output=True)
            back = time.monotonic() - load.start
            time.sleep(seconds)
            end = time.monotonic() - load.start
        rows = [
            load.row("OpenSearch up", 0, down),
            load.row("OpenSearch stopped", down, up),
            load.row("starting again", up, back),
            load.row("up again", back, end),
        ]
    finally:
        server.terminate()
        server.wait()
    table("Search while OpenSearch stops and starts (errors = answers other than 200)", HEADER, rows)
    print(f"errors by answer: {dict(load.statuses) or 'none'}")


class Mailbox:
    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.received.extend(envelope.rcpt_tos)
        return "250 OK"


def scene_mail(env, people):
    smtp_port = free_port()
    mail_env = dict(
        env,
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        EMAIL_TIMEOUT="5",
    )
    made = manage(mail_env, "shell", "-c", MAKE_EVENT).stdout.strip().splitlines()[-1]
    event = json.loads(made)["id"]
    port = free_port()
    server = gunicorn(mail_env, port)
    url = f"http://127.0.0.1:{port}"
    statuses = []
    try:
        for i in range(people):
            response = requests.post(
                f"{url}/nb/arrangement/{event}/pamelding/",
                data={"name": f"Feil Person {i}", "email": f"feil{i}@example.test", "consent": "on"},
                headers={"Host": HOST, "Origin": f"http://{HOST}", "X-Forwarded-For": f"10.9.0.{i % 250}"},
                allow_redirects=False,
                timeout=30,
            )
            statuses.append(response.status_code)
    finally:
        server.terminate()
        server.wait()
    manage(mail_env, "db_worker", "--batch", "--no-startup-delay")  # the mail server is down: all fail
    failed = json.loads(manage(mail_env, "shell", "-c", MAIL_STATE).stdout.strip().splitlines()[-1])
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        manage(mail_env, "retry_failed_emails")
        manage(mail_env, "db_worker", "--batch", "--no-startup-delay")
        manage(mail_env, "retry_failed_emails")  # a second round must send nothing twice
        manage(mail_env, "db_worker", "--batch", "--no-startup-delay")
    finally:
        controller.stop()
    after = json.loads(manage(mail_env, "shell", "-c", MAIL_STATE).stdout.strip().splitlines()[-1])
    unique = len(set(mailbox.received))
    rows = [
        ["registrations posted", people, f"answers: {sorted(set(statuses))}"],
        ["e-mails failed while the server was down", failed.get("failed", 0), ""],
        ["confirmations delivered after it came back", unique, f"duplicates: {len(mailbox.received) - unique}"],
        ["e-mails still failed or queued", after.get("failed", 0) + after.get("queued", 0), ""],
    ]
    table("Registrations while the mail server is down", ["", "count", "note"], rows)


def scene_postgres(env, seconds):
    version = sorted(os.listdir("/etc/postgresql"), key=lambda v: [int(x) for x in v.split(".")])[-1]
    port = free_port()
    server = gunicorn(env, port)
    try:
        paths = ["/nb/", "/nb/startpakken/", "/nb/historier/", "/nb/arrangementer/", "/healthz"]
        with Load(port, paths) as load:
            time.sleep(seconds)
            down = time.monotonic() - load.start
            subprocess.run(["pg_ctlcluster", version, "main", "restart"], check=True, capture_output=True)
            up = time.monotonic() - load.start
            time.sleep(seconds)
            end = time.monotonic() - load.start
        recovered = next((t for t, status, _ in load.results if t >= up and status == 200), None)
        rows = [
            load.row("before the restart", 0, down),
            load.row(f"restarting ({up - down:.1f} s)", down, up),
            load.row("after the restart", up, end),
            load.row("after the first success", recovered or end, end),
        ]
    finally:
        server.terminate()
        server.wait()
    table("Pages while PostgreSQL restarts (errors = answers other than 200)", HEADER, rows)
    print(f"errors by answer: {dict(load.statuses) or 'none'}")


HEADER = ["phase", "requests", "errors", "median ms", "p95 ms"]
MAKE_EVENT = """
import json
from datetime import timedelta
from django.utils import timezone
from events.models import EventIndexPage, EventPage, Registration
from hub.models import OutboundEmail
Registration.objects.filter(event__slug="feil-e-post").delete()
OutboundEmail.objects.filter(to__0__startswith="feil").delete()
EventPage.objects.filter(slug="feil-e-post").delete()
index = EventIndexPage.objects.get(slug="arrangementer", locale__language_code="nb")
start = timezone.now() + timedelta(days=10)
event = EventPage(title="Feiltest", slug="feil-e-post", capacity=1000, start=start, end=start + timedelta(hours=2))
index.add_child(instance=event)
event.save_revision().publish()
print(json.dumps({"id": event.pk}))
"""
MAIL_STATE = """
import json
from django.db.models import Count
from hub.models import OutboundEmail
rows = OutboundEmail.objects.filter(to__0__startswith="feil").values("status").annotate(n=Count("pk"))
print(json.dumps({r["status"]: r["n"] for r in rows}))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=8, help="length of each phase of a load")
    parser.add_argument("--people", type=int, default=20, help="registrations while the mail server is down")
    parser.add_argument("--only", choices=["search", "mail", "postgres"], action="append")
    args = parser.parse_args()
    database = os.environ.get("BENCH_DB", "hub_fault")
    env = prod_env(
        DATABASE_URL=f"postgres:///{database}",
        CACHE_BACKEND="django.core.cache.backends.db.DatabaseCache",
        CACHE_LOCATION="hub_cache",
        PROXY_HOPS="1",
    )
    exists = subprocess.run(
        ["psql", "-Atq", "-d", "postgres", "-c", f"select 1 from pg_database where datname='{database}'"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    if exists != "1":
        subprocess.run(["createdb", database], check=True)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "createcachetable")
        manage(env, "load_demo", "--no-admin", "-v0")
    manage(env, "createcachetable")
    manage(env, "collectstatic", "--noinput", "-v0")
    wanted = args.only or ["search", "mail", "postgres"]
    if "search" in wanted:
        scene_search(env, args.seconds)
    if "mail" in wanted:
        scene_mail(env, args.people)
    if "postgres" in wanted:
        scene_postgres(env, args.seconds)


if __name__ == "__main__":
    main()
