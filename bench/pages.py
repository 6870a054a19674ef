"""Page benchmarks. Prints tables; never passes or fails. Run through `bash bench/run.sh`.

1. Server time per page type, in process (Django test client, production settings, PostgreSQL, page cache
   off): SQL queries per request, median and p95 over --requests requests. One page per type present in the
   database (discovered from the live pages), plus non-page URLs that exist (search).
2. Throughput under gunicorn (--workers workers) for the first pages of --throughput-types, next to the same
   HTML served as a static file (nginx if installed, else python's http.server) and, with nginx, through the
   nginx cache in front of gunicorn. Ratio = app / static.
3. Resident memory (RSS) of each gunicorn worker before and after --mixed mixed requests, and the OpenSearch
   node's JVM heap (tools/opensearch, port $OPENSEARCH_PORT or 9201) when it runs.
4. Registration under load (bench/registration_load.py): --reg-count people register at once for an event with
   --reg-capacity seats.
Before measuring, the story index is filled up to --stories published stories (bench/content.py; idempotent).
"""

import argparse
import http.client
import multiprocessing
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
HOST = "bench.samskaping.test"


def prod_env(**extra):
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="hub.settings.production",
        SECRET_KEY=os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS=f"{HOST},127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
        STATIC_ROOT=os.environ.get("STATIC_ROOT", str(ROOT / "var" / "bench-static")),
        LOG_LEVEL="ERROR",
        EMAIL_BACKEND=os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.dummy.EmailBackend"),
    )
    env.update(extra)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def stop_servers(procs, tmp):
    """Stop the benchmark's servers (a grace period each, then killed) and remove their scratch folder."""
    for proc in procs:
        proc.terminate()
    for proc in procs:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    shutil.rmtree(tmp, ignore_errors=True)


def table(title, header, rows):
    columns = zip(header, *rows, strict=True)
    widths = [max(len(str(x)) for x in col) for col in columns] if rows else [len(h) for h in header]
    print(f"\n{title}")
    print("  ".join(str(h).ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))


# --- 1. in-process server time ----------------------------------------------------------------------------


def discover_urls():
    """One URL per live page type (Bokmål first, the page with most children for index types), plus search."""
    from wagtail.models import Page

    urls = {}
    pages = Page.objects.live().filter(depth__gte=2).select_related("content_type", "locale").order_by("path")
    by_type = {}
    for page in pages:
        model = page.content_type.model_class()
        label = model._meta.label if model else "?"
        current = by_type.get(label)
        nb = page.locale.language_code == "nb"
        if current is None or (nb and (current.locale.language_code != "nb" or page.numchild > current.numchild)):
            by_type[label] = page
    for label, page in sorted(by_type.items()):
        url = page.get_url()
        if url:
            urls[f"{label} ({page.numchild} children)" if page.numchild > 5 else label] = url
    from django.urls import Resolver404, resolve

    for name, url in (("search (q=samskaping)", "/nb/sok/?q=samskaping"), ("autocomplete", "/nb/sok/forslag/?q=sam")):
        try:
            resolve(url.split("?")[0])
            urls[name] = url
        except Resolver404:
            pass
    return urls


def _time_url(client, url, n):
    """(queries of one request, median ms, p95 ms) over n requests after a warm-up request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    queries = len(ctx.captured_queries)  # now: the next request's request_started resets the log
    times = []
    for _ in range(n):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return queries, f"{statistics.median(times):.1f}", f"{times[int(len(times) * 0.95) - 1]:.1f}"


def server_times(urls, n):
    """Each page rendered in full (page cache off): first with the site chrome built per request, then with it
    kept per content generation in the shared cache, as production runs it (hub/chrome.py)."""
    from django.conf import settings
    from django.test import Client

    settings.HUB_PAGE_CACHE_SECONDS = 0
    client = Client(HTTP_HOST=HOST)
    rows = []
    for name, url in urls.items():
        settings.HUB_FRAGMENT_CACHE = False
        response = client.get(url)
        if response.status_code != 200:
            rows.append((name, url, response.status_code, "-", "-", "-", "-", "-", "-"))
            continue
        plain = _time_url(client, url, n)
        settings.HUB_FRAGMENT_CACHE = True
        client.get(url)
        cached = _time_url(client, url, n)
        rows.append((name, url, 200, *plain, *cached))
    table(
        f"Server time per page type (in process, {n} requests each, page cache off; "
        f"chrome: header/menu/footer built per request | kept per content generation in the shared cache)",
        [
            "page type",
            "url",
            "status",
            "queries",
            "median ms",
            "p95 ms",
            "queries (chrome cached)",
            "median ms",
            "p95 ms",
        ],
        rows,
    )
    return rows


# --- 2. throughput ----------------------------------------------------------------------------------------


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _client(args):
    port, path, seconds, host = args
    done, errors, end = 0, 0, time.time() + seconds
    while time.time() < end:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            conn.request("GET", path, headers={"Host": host})
            response = conn.getresponse()
            response.read()
            done += response.status == 200
            errors += response.status != 200
        except OSError:
            errors += 1
        finally:
            conn.close()
    return done, errors


def throughput(port, path, seconds, concurrency, host=HOST):
    with multiprocessing.Pool(concurrency) as pool:
        results = pool.map(_client, [(port, path, seconds, host)] * concurrency)
    ok = sum(r[0] for r in results)
    return ok / seconds, sum(r[1] for r in results)


def wait_http(port, path="/healthz", timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", path, headers={"Host": HOST})
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"port {port} did not answer")


def fetch(port, path):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    conn.request("GET", path, headers={"Host": HOST})
    response = conn.getresponse()
    return response.status, response.read()


def rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def worker_pids(master_pid):
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(master_pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def run_servers(args, urls):
    tmp = Path(tempfile.mkdtemp(prefix="hub-bench-"))
    procs = []
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    try:
        app_port = free_port()
        env = prod_env(PAGE_CACHE_SECONDS=str(args.page_cache), FRONTEND_CACHE_MAX_AGE="300")
        gunicorn = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "hub.wsgi:application",
                "-b",
                f"127.0.0.1:{app_port}",
                "-w",
                str(args.workers),
                "--max-requests",
                "0",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(tmp / "gunicorn.log", "w"),
        )
        procs.append(gunicorn)
        cached_port = free_port()  # the same app as deployed with a shared cache: whole-page cache on
        procs.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "hub.wsgi:application",
                    "-b",
                    f"127.0.0.1:{cached_port}",
                    "-w",
                    str(args.workers),
                    "--max-requests",
                    "0",
                ],
                cwd=ROOT,
                env=dict(env, PAGE_CACHE_SECONDS="300"),
                stdout=subprocess.DEVNULL,
                stderr=open(tmp / "gunicorn-cached.log", "w"),
            )
        )
        wait_http(app_port)
        wait_http(cached_port)
        static_dir = tmp / "static-html"
        static_dir.mkdir()
        static_port = free_port()
        proxy_port = free_port() if nginx else None
        if nginx:
            token = secrets.token_hex(8)
            nginx_env = dict(
                env,
                HUB_UPSTREAMS=f"127.0.0.1:{app_port}",
                HUB_NGINX_LISTEN=f"127.0.0.1:{proxy_port}",
                HUB_NGINX_DIR=str(tmp / "nginx"),
                HUB_NGINX_USER="root",
                FRONTEND_CACHE_TOKEN=token,
                HUB_NGINX_ACCESS_LOG="off",
                HUB_NGINX_WORKERS=str(args.workers),
            )
            procs.append(
                subprocess.Popen(
                    ["bash", "tools/nginx/run.sh"],
                    cwd=ROOT,
                    env=nginx_env,
                    stdout=subprocess.DEVNULL,
                    stderr=open(tmp / "nginx.log", "w"),
                )
            )
            static_conf = tmp / "static.conf"
            static_conf.write_text(
                f"user root; worker_processes {args.workers}; daemon off; pid {tmp}/static.pid; "
                f"error_log {tmp}/static-error.log;"
                f"events {{ worker_connections 1024; }} http {{ access_log off; include /etc/nginx/mime.types;"
                f"client_body_temp_path {tmp}/sb; proxy_temp_path {tmp}/sp; fastcgi_temp_path {tmp}/sf; "
                f"uwsgi_temp_path {tmp}/su; scgi_temp_path {tmp}/ss;"
                f"server {{ listen 127.0.0.1:{static_port}; root {static_dir}; index index.html; }} }}"
            )
            procs.append(
                subprocess.Popen(
                    [nginx, "-p", str(tmp), "-c", str(static_conf), "-e", str(tmp / "static-error.log")],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            static_server = "nginx"
        else:
            procs.append(
                subprocess.Popen(
                    [sys.executable, "-m", "http.server", str(static_port), "-b", "127.0.0.1", "-d", str(static_dir)],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            static_server = "python http.server"
        time.sleep(1)
        if proxy_port:
            wait_http(proxy_port)

        wanted = [u for t in args.throughput_types for name, u in urls.items() if name.split(" ")[0].endswith("." + t)]
        wanted = wanted or list(urls.values())[:2]
        rows = []
        for path in wanted[: args.throughput_pages]:
            status, body = fetch(app_port, path)
            if status != 200:
                continue
            file_dir = static_dir / path.strip("/").split("?")[0]
            file_dir.mkdir(parents=True, exist_ok=True)
            (file_dir / "index.html").write_bytes(body)
            static_path = "/" + path.strip("/").split("?")[0] + "/"
            for _ in range(4 * args.workers):  # every worker has served the page (imports, template loading, cache)
                fetch(app_port, path)
                fetch(cached_port, path)
            app_rps, app_err = throughput(app_port, path, args.seconds, args.concurrency)
            cached_rps, cached_err = throughput(cached_port, path, args.seconds, args.concurrency)
            static_rps, _ = throughput(static_port, static_path, args.seconds, args.concurrency)
            row = [
                path,
                f"{len(body) / 1024:.0f} KiB",
                f"{app_rps:.0f}",
                f"{cached_rps:.0f}",
                f"{static_rps:.0f}",
                f"{app_rps / static_rps:.3f}",
                f"{cached_rps / static_rps:.3f}",
            ]
            app_err += cached_err
            if proxy_port:
                fetch(proxy_port, path)
                proxy_rps, _ = throughput(proxy_port, path, args.seconds, args.concurrency)
                row += [f"{proxy_rps:.0f}", f"{proxy_rps / static_rps:.3f}"]
            rows.append(row + [app_err])
        header = [
            "url",
            "size",
            "gunicorn rendering req/s",
            "gunicorn + page cache req/s",
            f"static ({static_server}) req/s",
            "ratio rendering/static",
            "ratio page cache/static",
        ]
        if proxy_port:
            header += ["nginx cache req/s", "ratio cache/static"]
        rendering_cache = f"on {args.page_cache} s" if args.page_cache else "off"
        cache_name = os.environ.get("CACHE_BACKEND", "locmem").rsplit(".", 1)[-1]
        table(
            f"Throughput: gunicorn {args.workers} workers each (rendering: page cache {rendering_cache}; "
            f"page cache: PAGE_CACHE_SECONDS=300, cache {cache_name}), "
            f"{args.concurrency} concurrent clients, {args.seconds} s each, new connection per request",
            header + ["app errors"],
            rows,
        )

        # 3. memory
        pids = worker_pids(gunicorn.pid)
        before = {pid: rss_mb(pid) for pid in pids}
        paths = list(urls.values())
        per_client = max(1, args.mixed // args.concurrency)
        start = time.time()
        with multiprocessing.Pool(args.concurrency) as pool:
            pool.map(_mixed, [(app_port, paths, per_client, i) for i in range(args.concurrency)])
        elapsed = time.time() - start
        rows = [(pid, f"{before[pid]:.0f}", f"{rss_mb(pid):.0f}", f"{rss_mb(pid) - before[pid]:+.0f}") for pid in pids]
        table(
            f"Memory per gunicorn worker after {per_client * args.concurrency} mixed requests over {len(paths)} URLs "
            f"({elapsed:.0f} s)",
            ["worker pid", "RSS before MB", "RSS after MB", "growth MB"],
            rows,
        )
        opensearch_heap()
    finally:
        stop_servers(procs, tmp)


def opensearch_heap():
    import json

    port = int(os.environ.get("OPENSEARCH_PORT", "9201"))
    up = (
        subprocess.run(["bash", "tools/opensearch/opensearch.sh", "status"], cwd=ROOT, capture_output=True).returncode
        == 0
    )
    if not up:
        print("\nOpenSearch heap: the node is not running (bash tools/opensearch/opensearch.sh status); not measured")
        return
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/_nodes/stats/jvm")
        nodes = json.loads(conn.getresponse().read())["nodes"]
    except (OSError, ValueError, KeyError) as exc:
        print(f"\nOpenSearch heap: could not read /_nodes/stats/jvm on port {port}: {exc}")
        return
    rows = []
    for node in nodes.values():
        mem = node["jvm"]["mem"]
        rows.append(
            (
                node.get("name", "?"),
                f"{mem['heap_used_in_bytes'] / 2**20:.0f}",
                f"{mem['heap_max_in_bytes'] / 2**20:.0f}",
                f"{mem['heap_used_percent']}%",
            )
        )
    table(
        f"OpenSearch node heap (http://127.0.0.1:{port}/_nodes/stats/jvm)",
        ["node", "heap used MB", "heap max MB", "used"],
        rows,
    )


def ensure_stories(n):
    from content import ensure_stories as make

    index, before, made, seconds = make(n)
    if index is None:
        print(f"Stories: no story index (slug 'historier') in this database; the {n} stories were not made")
    elif made:
        print(f"Stories: {before} live under {index.url_path}, made {made} in {seconds:.1f} s (bulk insert)")
    else:
        print(f"Stories: {before} live under {index.url_path} (>= {n}), none made")


def _mixed(args):
    port, paths, count, offset = args
    for i in range(count):
        try:
            fetch(port, paths[(i + offset) % len(paths)])
        except OSError:
            pass


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--mixed", type=int, default=10000, help="mixed requests before measuring memory")
    parser.add_argument("--page-cache", type=int, default=0, help="PAGE_CACHE_SECONDS for the gunicorn run")
    parser.add_argument(
        "--throughput-types", nargs="*", default=["MethodPage", "CaseStoryIndexPage", "StandardPage", "HomePage"]
    )
    parser.add_argument("--throughput-pages", type=int, default=2)
    parser.add_argument("--skip-servers", action="store_true")
    parser.add_argument("--stories", type=int, default=500, help="live stories in the story index before measuring")
    parser.add_argument("--skip-pages", action="store_true", help="skip the in-process server-time table")
    parser.add_argument("--skip-registrations", action="store_true")
    parser.add_argument("--only-registrations", action="store_true")
    from registration_load import add_arguments

    add_arguments(parser, prefix="reg-")
    args = parser.parse_args()

    os.environ.update(prod_env())
    import django

    django.setup()
    from django.db import connection

    print(
        f"Database: {connection.vendor} {connection.settings_dict['NAME']}; CPUs: {os.cpu_count()}; "
        f"Python {sys.version.split()[0]}"
    )
    if not args.only_registrations:
        ensure_stories(args.stories)
        urls = discover_urls()
        if not args.skip_pages:
            server_times(urls, args.requests)
        connection.close()
        if not args.skip_servers:
            run_servers(args, urls)
    if not args.skip_registrations:
        from registration_load import run

        run(args.reg_count, args.reg_capacity, args.reg_threads, args.workers, args.reg_mode)


if __name__ == "__main__":
    main()
