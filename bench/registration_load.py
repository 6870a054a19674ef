"""Registration under load: many concurrent registrations for one capped event, on PostgreSQL.

A published event (slug "bench-pamelding", made by bench/content.py, its registrations wiped first) gets
--capacity seats; --count people register from --threads threads at once. Mode "http" (default) takes the path
users take: GET the registration form from gunicorn (--workers workers), read the CSRF cookie and token, POST the
form; each person comes from its own address (X-Forwarded-For) so the per-client rate limit does not apply.
Mode "service" calls events.registration.register() directly, one database connection per thread.
Mode "crowd" (`python bench/registration_load.py --mode crowd`, no run.sh needed): --crowd-people people (50)
behind ONE address (an office behind NAT) open the form and send it at the same moment for --crowd-seats seats
(10), against gunicorn on a fresh SQLite file and on a fresh PostgreSQL database, set up as production runs it:
the database task queue (django_tasks_db) with one `db_worker` beside gunicorn, which composes and sends the
confirmations while the crowd registers; one table, a row each, with the e-mails delivered once the queue is
drained. gunicorn: --workers 2 x --server-threads 4 by default, for 2 cores: one process per core (Python runs
one thread at a time per process), and threads to overlap the waits for the seat lock and the database.
Prints one table; never passes or fails, but shouts "INVARIANT BROKEN" when more are confirmed than there are
seats. Run through `bash bench/run.sh` (or `bash bench/run.sh --only-registrations`); standalone it needs the
environment run.sh sets.
"""

import argparse
import http.client
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import HOST, ROOT, free_port, prod_env, table, wait_http  # noqa: E402

TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _http_register(port, path, i):
    """One person: GET the form, POST it. Returns (outcome, POST ms)."""
    ip = f"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}"
    headers = {"Host": HOST, "X-Forwarded-For": ip}
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        html = response.read().decode("utf-8", "replace")
        cookie = ""
        for header, value in response.getheaders():
            if header.lower() == "set-cookie" and value.startswith("csrftoken="):
                cookie = value.split(";")[0]
        token = TOKEN_RE.search(html)
        if response.status != 200 or not token or not cookie:
            return f"GET {response.status}", 0.0
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token.group(1),
                "name": f"Bench Person {i}",
                "email": f"bench.person{i}@example.test",
                "organisation": "Benchmark",
                "role": "",
                "municipality": "",
                "needs": "",
                "consent": "on",
                "website_url": "",
            }
        )
        start = time.perf_counter()
        conn.request(
            "POST",
            path,
            body=body,
            headers=dict(
                headers,
                Cookie=cookie,
                Referer=f"http://{HOST}{path}",
                **{"Content-Type": "application/x-www-form-urlencoded"},
            ),
        )
        response = conn.getresponse()
        response.read()
        ms = (time.perf_counter() - start) * 1000
        return ("ok" if response.status == 302 else f"POST {response.status}"), ms
    except OSError as exc:
        return type(exc).__name__, 0.0
    finally:
        conn.close()


def _service_register(event_pk, i):
    from django.db import connection

    from events.models import EventPage
    from events.registration import register

    start = time.perf_counter()
    try:
        register(EventPage.objects.get(pk=event_pk), name=f"Bench Person {i}", email=f"bench.person{i}@example.test")
        return "ok", (time.perf_counter() - start) * 1000
    except Exception as exc:  # noqa: BLE001 - a benchmark counts failures of any kind, it does not stop on them
        return type(exc).__name__, (time.perf_counter() - start) * 1000
    finally:
        if threading.current_thread() is not threading.main_thread():
            connection.close()


def run(count=300, capacity=50, threads=32, workers=2, mode="http"):
    from content import ensure_event
    from django.db import connection
    from django.urls import reverse
    from django.utils import translation

    from events.models import Registration

    event = ensure_event(capacity)
    if event is None:
        print("\nRegistration under load: no event index in this database (load the events demo); skipped")
        return
    with translation.override("nb"):
        path = reverse("events:register", args=[event.pk])
    connection.close()
    server, log = None, None
    try:
        if mode == "http":
            port = free_port()
            log = tempfile.NamedTemporaryFile(prefix="hub-bench-reg-", suffix=".log", delete=False)
            env = prod_env(PAGE_CACHE_SECONDS="0", EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")
            server = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "hub.wsgi:application",
                    "-b",
                    f"127.0.0.1:{port}",
                    "-w",
                    str(workers),
                    "--threads",
                    "4",
                    "--timeout",
                    "120",
                ],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
            wait_http(port)
            job = lambda i: _http_register(port, path, i)  # noqa: E731
            where = f"HTTP form (GET + CSRF + POST) via gunicorn {workers} workers x 4 threads"
        else:
            job = lambda i: _service_register(event.pk, i)  # noqa: E731
            where = "service register(), one DB connection per thread"
        start = time.perf_counter()
        with ThreadPoolExecutor(threads) as pool:
            results = list(pool.map(job, range(count)))
        elapsed = time.perf_counter() - start
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
    rows = Registration.objects.filter(event_id=event.pk)
    confirmed = rows.filter(status=Registration.Status.CONFIRMED).count()
    waiting = rows.filter(status=Registration.Status.WAITING).count()
    stored = rows.count()
    ok = sum(1 for outcome, _ in results if outcome == "ok")
    failures = {}
    for outcome, _ in results:
        if outcome != "ok":
            failures[outcome] = failures.get(outcome, 0) + 1
    lost = ok - stored  # answered "registered" but no row (negative: rows without a success answer)
    times = sorted(ms for outcome, ms in results if outcome == "ok") or [0.0]
    p95 = times[max(int(len(times) * 0.95) - 1, 0)]
    table(
        f"Registration under load: {count} people, {threads} at once, capacity {capacity} ({where}; {elapsed:.1f} s, "
        f"{count / elapsed:.0f} registrations/s)",
        ["capacity", "confirmed", "waiting", "errors", "lost", "p50 ms", "p95 ms", "max ms", "error kinds"],
        [
            (
                capacity,
                confirmed,
                waiting,
                count - ok,
                lost,
                f"{statistics.median(times):.0f}",
                f"{p95:.0f}",
                f"{times[-1]:.0f}",
                ", ".join(f"{k}: {v}" for k, v in sorted(failures.items())) or "-",
            )
        ],
    )
    if confirmed > capacity:
        print(f"\n{'!' * 72}\nINVARIANT BROKEN: {confirmed} confirmed for {capacity} seats\n{'!' * 72}")
    if confirmed + waiting != stored or lost:
        print(f"NOTE: {stored} rows stored, {ok} successful answers, {confirmed + waiting} confirmed or waiting")
    if log and failures:
        print(f"gunicorn log: {log.name}")
    elif log:
        os.unlink(log.name)


CROWD_EVENT = """
import json
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
event = publish_child(index, EventPage(title="Trengsel", slug="bench-trengsel", capacity=int("CAPACITY"),
                                       start=now + timedelta(days=5), end=now + timedelta(days=5, hours=2)))
print(json.dumps({"pk": event.pk}))
"""
COUNTS = """
import json
from events.models import Registration
from hub.models import OutboundEmail
rows = Registration.objects.filter(event_id=int("PK"))
counts = {s: rows.filter(status=s).count() for s in ("confirmed", "waiting")}
counts["sent"] = OutboundEmail.objects.filter(status="sent").count()
print(json.dumps(counts))
"""


def _counts(env, pk):
    import json

    from tests.search.test_sqlite import _manage

    return json.loads(_manage(env, "shell", "-c", COUNTS.replace("PK", str(pk))).splitlines()[-1])


def _crowd_on(label, database_url, work, count, capacity, workers=2, threads=4):
    """One row of the crowd table: a fresh database at database_url, gunicorn and a task worker on it, the crowd
    at once, then the queue drained."""
    import json
    import shutil

    from tests import sqlite_database
    from tests.events.crowd import percentile, register_at_once
    from tests.search.test_sqlite import _manage

    env = sqlite_database.dev_env(work / "hub.sqlite3", work / "media")
    env.update(
        DATABASE_URL=database_url,
        ALLOWED_HOSTS=f"127.0.0.1,localhost,{HOST}",
        LOG_LEVEL="ERROR",
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
    )
    if database_url.startswith("sqlite"):
        shutil.copyfile(sqlite_database.build(), work / "hub.sqlite3")  # migrated once, kept in var/test-cache
    _manage(env, "migrate", "--noinput", "-v0", timeout=900)
    _manage(env, "load_demo", "--no-admin", "--only", "hub", "-v0", timeout=900)
    pk = json.loads(_manage(env, "shell", "-c", CROWD_EVENT.replace("CAPACITY", str(capacity))).splitlines()[-1])["pk"]
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "hub.wsgi:application", "-b", f"127.0.0.1:{port}", "-w", str(workers)]
        + ["--threads", str(threads)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_http(port, timeout=300)  # two workers importing the app on a busy machine
        path = f"/nb/arrangement/{pk}/pamelding/"
        with ThreadPoolExecutor(8) as pool:  # every worker thread has loaded the app and opened its connection
            list(
                pool.map(
                    lambda _: urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60).read(), range(16)
                )
            )
        answers = register_at_once(f"http://127.0.0.1:{port}", path, count)
        deadline = time.monotonic() + 180
        counts = _counts(env, pk)
        while counts["sent"] < count and time.monotonic() < deadline:  # the worker still composing and sending
            time.sleep(1)
            counts = _counts(env, pk)
    finally:
        for process in (server, worker):
            process.terminate()
            process.wait(timeout=30)
    times = [a.ms for a in answers]
    statuses = {}
    for a in answers:
        statuses[a.status] = statuses.get(a.status, 0) + 1
    return (
        label,
        count,
        capacity,
        counts["confirmed"],
        counts["waiting"],
        counts["sent"],
        sum(n for s, n in statuses.items() if s >= 500 or s == 0),
        statuses.get(429, 0),
        f"{percentile(times, 0.5):.0f}",
        f"{percentile(times, 0.95):.0f}",
        f"{max(times):.0f}",
    )


def crowd(count=50, capacity=10, workers=2, threads=4):
    """The office crowd on SQLite and PostgreSQL (a throwaway database hub_bench_crowd)."""
    sys.path.insert(0, str(ROOT))
    rows = []
    with tempfile.TemporaryDirectory(prefix="hub-crowd-") as tmp:
        work = Path(tmp)
        sqlite_url = f"sqlite:///{work / 'hub.sqlite3'}"
        rows.append(_crowd_on("SQLite (WAL, IMMEDIATE)", sqlite_url, work, count, capacity, workers, threads))
        subprocess.run(["dropdb", "--if-exists", "hub_bench_crowd"], check=True)
        subprocess.run(["createdb", "hub_bench_crowd"], check=True)
        try:
            rows.append(_crowd_on("PostgreSQL", "postgres:///hub_bench_crowd", work, count, capacity, workers, threads))
        finally:
            subprocess.run(["dropdb", "--if-exists", "hub_bench_crowd"], check=False)
    table(
        f"{count} people behind one address register at the same moment for {capacity} seats "
        f"(gunicorn {workers} workers x {threads} threads, one db_worker; POST answer times)",
        ["database", "people", "seats", "confirmed", "waiting", "e-mails sent", "errors", "refused"]
        + ["p50 ms", "p95 ms", "max ms"],
        rows,
    )


def add_arguments(parser, prefix=""):
    parser.add_argument(f"--{prefix}count", type=int, default=300, help="registrations to fire")
    parser.add_argument(f"--{prefix}capacity", type=int, default=50, help="seats of the capped event")
    parser.add_argument(f"--{prefix}threads", type=int, default=32, help="concurrent clients")
    parser.add_argument(f"--{prefix}mode", choices=["http", "service", "crowd"], default="http")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(parser)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn processes")
    parser.add_argument("--server-threads", type=int, default=4, help="gunicorn threads per process (crowd mode)")
    parser.add_argument("--crowd-people", type=int, default=50, help="people behind one address (crowd mode)")
    parser.add_argument("--crowd-seats", type=int, default=10, help="seats of the event (crowd mode)")
    args = parser.parse_args()
    if args.mode == "crowd":
        return crowd(args.crowd_people, args.crowd_seats, args.workers, args.server_threads)
    os.environ.update(prod_env())
    import django

    django.setup()
    run(args.count, args.capacity, args.threads, args.workers, args.mode)


if __name__ == "__main__":
    main()
