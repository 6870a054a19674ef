"""Registration under load (issue 8): many concurrent registrations for one capped event, on PostgreSQL.

A published event (slug "bench-pamelding", made by bench/content.py, its registrations wiped first) gets
--capacity seats; --count people register from --threads threads at once. Mode "http" (default) takes the path
users take: GET the registration form from gunicorn (--workers workers), read the CSRF cookie and token, POST the
form; each person comes from its own address (X-Forwarded-For) so the per-client rate limit does not apply.
Mode "service" calls events.registration.register() directly, one database connection per thread.
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


def add_arguments(parser, prefix=""):
    parser.add_argument(f"--{prefix}count", type=int, default=300, help="registrations to fire")
    parser.add_argument(f"--{prefix}capacity", type=int, default=50, help="seats of the capped event")
    parser.add_argument(f"--{prefix}threads", type=int, default=32, help="concurrent clients")
    parser.add_argument(f"--{prefix}mode", choices=["http", "service"], default="http")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(parser)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    os.environ.update(prod_env())
    import django

    django.setup()
    run(args.count, args.capacity, args.threads, args.workers, args.mode)


if __name__ == "__main__":
    main()
