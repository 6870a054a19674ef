"""The hub's pages rendered with no page cache at all, side by side with a static file and a reference Wagtail site.

What a visitor gets when no cache helps (right after a publish, in previews, for signed-in editors, for searches
and filtered lists) is the rendering speed of the app itself. This run prints it next to what the same machine
can do at best (nginx serving the method page's HTML as a file) and, with `--bakerydemo PATH`, next to the
comparable pages of wagtail/bakerydemo, Wagtail's own demo site, started in the same run on the same setup:

- gunicorn, `--workers` (2) sync workers each, production settings, SQLite, the page cache off on both sides
  (the hub: PAGE_CACHE_SECONDS=0, as `check --deploy` accepts it with two workers: a cache shared by the
  processes, here the database cache in the same SQLite file (no extra service), which keeps the site's chrome
  and the home page's sections per content generation, as production does; bakerydemo: its production
  settings have no page cache, and the local-memory cache without REDIS_URL);
- `wrk -t2 -c8` (`apt-get install -y wrk`; without it, the Python load generator of bench/pages.py) for
  `--seconds` on each URL, in `--rounds` rounds that take every URL in turn, so a busy neighbour on a shared
  machine slows both sides alike. The table shows the median and the range over the rounds.

Pages compared (REFERENCE): the hub's home with bakerydemo's home, method and story pages with a blog post,
the method and story indexes with the blog index, the hub's search for "frivillige" with its search for "bread".

Page weight: each hub page type as production serves it, through nginx (tools/nginx) in front of gunicorn, with
`Accept-Encoding: gzip, br`: the HTML, every stylesheet, script and image the page names (stylesheets and fonts
they import too; of each picture the WebP candidate a 1280 px wide window takes), the bytes on the wire, and the
requests that block the first render (stylesheets for every medium and scripts without defer/async in the head).

The hub's database: `--hub-db` (default var/bench-compare/hub.sqlite3) is made with `migrate` and `load_demo`
when missing. The bakerydemo checkout is never part of this repository: the bench only takes its path. It
expects what bakerydemo's own readme sets up: a virtualenv at PATH/.venv with its requirements (base.txt, plus
whitenoise from production.txt, and gunicorn; on Python 3.11 Django held at 5.2, which its Wagtail supports), its
SQLite database (PATH/bakerydemodb) migrated with its initial data loaded, and its static files collected.

    .venv/bin/python bench/compare.py --bakerydemo /path/to/bakerydemo --rounds 3
"""

import argparse
import gzip
import http.client
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pages import HOST, free_port, prod_env, stop_servers, table, throughput, wait_http  # noqa: E402

# bakerydemo's pages, as its demo data (load_initial_data) makes them.
REFERENCE = {
    "home": "/",
    "blog post": "/blog/wild-yeast/",
    "blog index": "/blog/",
    "search": "/search/?q=bread",
}
# hub page -> the bakerydemo page it is compared with
PAIRS = {
    "home": "home",
    "method": "blog post",
    "story": "blog post",
    "method index": "blog index",
    "story index": "blog index",
    "event": None,
    "event index": None,
    "search": "search",
}
SEARCH_URL = "/nb/sok/?q=frivillige"


# --- servers -------------------------------------------------------------------------------------------------


def hub_env(db, media, static_root):
    return prod_env(
        DATABASE_URL=f"sqlite:///{db}",
        MEDIA_ROOT=str(media),
        STATIC_ROOT=str(static_root),
        PAGE_CACHE_SECONDS="0",
        CACHE_BACKEND="django.core.cache.backends.db.DatabaseCache",
        CACHE_LOCATION="hub_cache",
        FRONTEND_CACHE_MAX_AGE="0",
        SEARCH_RATE_LIMIT="100000000",  # one load generator is one address: measure the search, not the refusal
    )


def ensure_hub_db(db, env):
    def manage(*args):
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)

    fresh = not db.exists()
    if fresh:
        db.parent.mkdir(parents=True, exist_ok=True)
        print(f"Making the hub's database {db} (migrate, load_demo) …", flush=True)
    manage("migrate", "--noinput", "-v0")
    manage("createcachetable")  # the shared cache; publishing the demo reads and renews it
    if fresh:
        manage("load_demo", "--no-admin", "-v0")
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)


def hub_urls(env):
    """{page name: URL} of one Bokmål page per type, found in the hub's database by a child process."""
    code = (
        "import django; django.setup()\n"
        "from wagtail.models import Locale\n"
        "from methods.models import MethodPage, MethodIndexPage\n"
        "from stories.models import CaseStoryPage, CaseStoryIndexPage\n"
        "from events.models import EventPage, EventIndexPage\n"
        "from hub.models import HomePage\n"
        "nb = Locale.objects.get(language_code='nb')\n"
        "models = {'home': HomePage, 'method': MethodPage, 'method index': MethodIndexPage,\n"
        "          'story': CaseStoryPage, 'story index': CaseStoryIndexPage, 'event': EventPage,\n"
        "          'event index': EventIndexPage}\n"
        "for name, model in models.items():\n"
        "    page = model.objects.live().public().filter(locale=nb).order_by('path').first()\n"
        "    if page: print(name + '\\t' + page.url)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    urls = dict(line.split("\t", 1) for line in out.stdout.splitlines() if "\t" in line)
    urls["search"] = SEARCH_URL
    return {name: urls[name] for name in PAIRS if name in urls}


def gunicorn(python, cwd, env, port, workers, log):
    return subprocess.Popen(
        [str(python), "-m", "gunicorn", "-b", f"127.0.0.1:{port}", "-w", str(workers), "--max-requests", "0"]
        + [env.pop("WSGI_APP")],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(log, "w"),
    )


def static_nginx(tmp, static_dir, port, workers):
    conf = tmp / "static.conf"
    conf.write_text(
        f"user root; worker_processes {workers}; daemon off; pid {tmp}/static.pid; error_log {tmp}/static-error.log;"
        f"events {{ worker_connections 1024; }} http {{ access_log off; include /etc/nginx/mime.types;"
        f"client_body_temp_path {tmp}/sb; proxy_temp_path {tmp}/sp; fastcgi_temp_path {tmp}/sf; "
        f"uwsgi_temp_path {tmp}/su; scgi_temp_path {tmp}/ss;"
        f"server {{ listen 127.0.0.1:{port}; root {static_dir}; index index.html; }} }}"
    )
    return subprocess.Popen(
        [nginx_binary(), "-p", str(tmp), "-c", str(conf), "-e", str(tmp / "static-error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def nginx_binary():
    return shutil.which("nginx") or "/usr/sbin/nginx"


def get(port, path, headers=None, host=HOST):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path, headers={"Host": host, **(headers or {})})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


# --- load --------------------------------------------------------------------------------------------------


def rps(port, path, seconds, host, threads=2, connections=8):
    """Requests per second of successful answers, and the count of failed ones."""
    wrk = shutil.which("wrk")
    if not wrk:
        ok, errors = throughput(port, path, seconds, connections, host=host)
        return ok, errors
    out = subprocess.run(
        [wrk, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "-H", f"Host: {host}"]
        + [f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
    ).stdout
    found = re.search(r"Requests/sec:\s+([\d.]+)", out)
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read \d+, write \d+, timeout (\d+)", out)
    errors = int(bad.group(1)) if bad else 0
    if socket_errors:
        errors += int(socket_errors.group(1)) + int(socket_errors.group(2))
    return (float(found.group(1)) if found else 0.0), errors


def spread(values):
    if not values:
        return "–"
    med = statistics.median(values)
    return f"{med:.0f} ({min(values):.0f}–{max(values):.0f})" if len(values) > 1 else f"{med:.0f}"


# --- page weight -------------------------------------------------------------------------------------------


VIEWPORT = 1280  # px: the window the image candidates are picked for, at 1 device pixel per CSS pixel


def _length(value):
    """A sizes length in px at VIEWPORT (rem = 16 px); None when it cannot be read."""
    value = value.strip()
    calc = re.fullmatch(r"calc\(\s*100vw\s*-\s*([\d.]+)rem\s*\)", value)
    if calc:
        return VIEWPORT - float(calc.group(1)) * 16
    number = re.fullmatch(r"([\d.]+)(rem|px|vw)", value)
    if not number:
        return None
    amount, unit = float(number.group(1)), number.group(2)
    return amount * 16 if unit == "rem" else amount if unit == "px" else VIEWPORT * amount / 100


def slot_width(sizes):
    """The width the sizes attribute gives the image at VIEWPORT (min-/max-width conditions in rem or px)."""
    for entry in (sizes or "").split(","):
        entry = entry.strip()
        condition = re.match(r"\((min|max)-width:\s*([\d.]+)(rem|px)\)\s*(.*)", entry)
        if condition:
            limit = float(condition.group(2)) * (16 if condition.group(3) == "rem" else 1)
            if (VIEWPORT >= limit) if condition.group(1) == "min" else (VIEWPORT <= limit):
                return _length(condition.group(4)) or VIEWPORT
            continue
        return _length(entry) or VIEWPORT
    return VIEWPORT


def pick_candidate(srcset, sizes):
    """The srcset candidate a browser at VIEWPORT takes: the narrowest at least as wide as the slot."""
    candidates = []
    for part in srcset.split(","):
        bits = part.split()
        if bits:
            width = int(bits[1][:-1]) if len(bits) > 1 and bits[1].endswith("w") else 0
            candidates.append((width, bits[0]))
    slot = slot_width(sizes)
    wide = sorted(c for c in candidates if c[0] >= slot)
    return (wide[0] if wide else max(candidates))[1]


class Assets(HTMLParser):
    """The stylesheets, scripts and images a page names, and which of them block the first render. A <picture>
    counts its first <source> (WebP: every current browser takes it), an image its srcset candidate for VIEWPORT."""

    def __init__(self):
        super().__init__()
        self.found, self.in_head, self.source = [], False, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "head":
            self.in_head = True
        elif tag == "body":
            self.in_head = False
        elif tag == "picture":
            self.source = None
        elif tag == "source" and a.get("srcset") and self.source is None:
            self.source = a
        elif tag == "link" and "stylesheet" in (a.get("rel") or "").split() and a.get("href"):
            blocking = (a.get("media") or "all") in ("all", "screen")
            self.found.append(("css", a["href"], blocking))
        elif tag == "script" and a.get("src"):
            blocking = self.in_head and "defer" not in a and "async" not in a and a.get("type") != "module"
            self.found.append(("js", a["src"], blocking))
        elif tag == "img":
            chosen = self.source or a
            sizes = chosen.get("sizes") or a.get("sizes")
            url = pick_candidate(chosen["srcset"], sizes) if chosen.get("srcset") else a.get("src")
            if url:
                self.found.append(("img", url, False))

    def handle_endtag(self, tag):
        if tag == "picture":
            self.source = None


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


def page_weight(port, path):
    """(HTML bytes, CSS bytes, JS bytes, image bytes, requests, render-blocking requests), compressed as sent."""
    accept = {"Accept-Encoding": "gzip, br"}
    response, html = get(port, path, accept)
    text = gzip.decompress(html) if response.getheader("Content-Encoding") == "gzip" else html
    parser = Assets()
    parser.feed(text.decode("utf-8", "replace"))
    sizes = {"css": 0, "js": 0, "img": 0, "font": 0}
    seen, queue, requests, blocking = set(), list(parser.found), 1, 0
    while queue:
        kind, url, blocks = queue.pop(0)
        parts = urlsplit(urljoin(path, url))
        if parts.netloc and parts.netloc != HOST or url.startswith("data:") or parts.path in seen:
            continue
        seen.add(parts.path)
        asset_response, body = get(port, parts.path + (f"?{parts.query}" if parts.query else ""), accept)
        if asset_response.status != 200:
            continue
        requests += 1
        blocking += blocks
        sizes[kind] += len(body)
        if kind == "css":
            css = gzip.decompress(body) if asset_response.getheader("Content-Encoding") == "gzip" else body
            for match in CSS_URL.finditer(css.decode("utf-8", "replace")):
                ref = match.group(1) or match.group(2)
                if ref and not ref.startswith("data:"):
                    is_css = bool(match.group(2)) or ref.split("?")[0].endswith(".css")
                    queue.append(("css" if is_css else "font", urljoin(parts.path, ref), blocks and is_css))
    return len(html), sizes, requests, blocking


def kib(n):
    return f"{n / 1024:.1f}"


# --- the run -----------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bakerydemo", type=Path, help="a prepared wagtail/bakerydemo checkout (see above)")
    parser.add_argument("--hub-db", type=Path, default=ROOT / "var" / "bench-compare" / "hub.sqlite3")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--only", nargs="*", help="hub pages to measure (names as in the table)")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="hub-compare-"))
    work = args.hub_db.parent
    env = hub_env(args.hub_db, work / "media", work / "static")
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    ensure_hub_db(args.hub_db, env)
    urls = hub_urls(env)
    if args.only:
        urls = {k: v for k, v in urls.items() if k in args.only}
    procs = []
    try:
        hub_port, proxy_port, static_port = free_port(), free_port(), free_port()
        procs.append(
            gunicorn(
                sys.executable,
                ROOT,
                dict(env, WSGI_APP="hub.wsgi:application"),
                hub_port,
                args.workers,
                tmp / "hub.log",
            )
        )
        procs.append(
            subprocess.Popen(
                ["bash", "tools/nginx/run.sh"],
                cwd=ROOT,
                env=dict(
                    env,
                    HUB_UPSTREAMS=f"127.0.0.1:{hub_port}",
                    HUB_NGINX_LISTEN=f"127.0.0.1:{proxy_port}",
                    HUB_NGINX_DIR=str(tmp / "nginx"),
                    HUB_NGINX_USER="root",
                    FRONTEND_CACHE_TOKEN=secrets.token_hex(8),
                    HUB_NGINX_ACCESS_LOG="off",
                    HUB_NGINX_WORKERS=str(args.workers),
                ),
                stdout=subprocess.DEVNULL,
                stderr=open(tmp / "nginx.log", "w"),
            )
        )
        static_dir = tmp / "static-html"
        static_dir.mkdir()
        procs.append(static_nginx(tmp, static_dir, static_port, args.workers))
        bakery_port, bakery_host = None, "localhost"
        if args.bakerydemo:
            bakery_port = free_port()
            bakery_env = {
                k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "DATABASE", "HUB_", "CACHE"))
            }
            bakery_env.update(
                DJANGO_SETTINGS_MODULE="bakerydemo.settings.production",
                DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
                DJANGO_ALLOWED_HOSTS=f"{bakery_host},127.0.0.1",
                SECURE_SSL_REDIRECT="false",
                DJANGO_LOG_LEVEL="ERROR",
                WSGI_APP="bakerydemo.wsgi:application",
            )
            procs.append(
                gunicorn(
                    args.bakerydemo / ".venv" / "bin" / "python",
                    args.bakerydemo,
                    bakery_env,
                    bakery_port,
                    args.workers,
                    tmp / "bakerydemo.log",
                )
            )
        wait_http(hub_port, timeout=300)  # a busy shared machine can take minutes to import both apps
        wait_http(proxy_port, timeout=300)
        if bakery_port:
            wait_http(bakery_port, "/", timeout=300)

        method_html = get(hub_port, urls.get("method", "/"))[1]
        (static_dir / "index.html").write_bytes(method_html)
        targets = [(f"hub {name}", hub_port, url, HOST) for name, url in urls.items()]
        if bakery_port:
            wanted = {PAIRS[name] for name in urls if PAIRS[name]}
            targets += [
                (f"bakerydemo {name}", bakery_port, REFERENCE[name], bakery_host)
                for name in REFERENCE
                if name in wanted
            ]
        for label, port, url, host in targets:  # every worker has loaded its templates and warmed its caches
            for _ in range(4 * args.workers):
                status = get(port, url, host=host)[0].status
            if status != 200:
                print(f"{label} {url}: HTTP {status}; not measured")
        targets = [t for t in targets if get(t[1], t[2], host=t[3])[0].status == 200]
        targets.append(("static", static_port, "/", HOST))
        results = {t[0]: [] for t in targets}
        errors = dict.fromkeys(results, 0)
        for round_no in range(args.rounds):
            for label, port, url, host in targets:
                value, failed = rps(port, url, args.seconds, host)
                results[label].append(value)
                errors[label] += failed
            load = "/".join(f"{x:.1f}" for x in os.getloadavg())
            print(f"round {round_no + 1}/{args.rounds} done; load average {load} on {os.cpu_count()} CPUs", flush=True)

        rows = []
        for name, url in urls.items():
            ref = PAIRS[name]
            hub = results.get(f"hub {name}", [])
            bakery = results.get(f"bakerydemo {ref}", []) if ref else []
            ratio = f"{statistics.median(hub) / statistics.median(bakery):.2f}×" if hub and bakery else "–"
            rows.append(
                (
                    f"{name} {url}",
                    spread(hub),
                    ref or "–",
                    spread(bakery),
                    ratio,
                    errors.get(f"hub {name}", 0) + (errors.get(f"bakerydemo {ref}", 0) if ref else 0),
                )
            )
        rows.append(("static HTML (nginx, the method page)", spread(results["static"]), "", "", "", errors["static"]))
        tool = "wrk -t2 -c8" if shutil.which("wrk") else "python load generator, 8 clients"
        table(
            f"Rendering without any page cache: gunicorn {args.workers} sync workers each, production settings, "
            f"SQLite; {tool}, {args.seconds} s per URL, {args.rounds} rounds (median (range) req/s)",
            ["page", "hub req/s", "reference page", "bakerydemo req/s", "hub / bakerydemo", "errors"],
            rows,
        )

        rows = []
        for name, url in urls.items():
            html, sizes, requests, blocking = page_weight(proxy_port, url)
            total = html + sum(sizes.values())
            rows.append(
                (
                    name,
                    url,
                    kib(html),
                    kib(sizes["css"]),
                    kib(sizes["font"]),
                    kib(sizes["js"]),
                    kib(sizes["img"]),
                    kib(total),
                    requests,
                    blocking,
                )
            )
        table(
            "Page weight as production sends it (nginx in front of gunicorn, Accept-Encoding: gzip, br), KiB on the "
            "wire; requests = the HTML and every asset it names; blocking = requests that hold the first render",
            ["page", "url", "HTML", "CSS", "fonts", "JS", "images", "total", "requests", "blocking"],
            rows,
        )
    finally:
        stop_servers(procs, tmp)


if __name__ == "__main__":
    main()
