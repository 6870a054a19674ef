"""Several machines: two gunicorn app servers (production settings) on one PostgreSQL database and one shared
cache (the database cache), with nginx's cache in front of both when nginx is installed. An editor publishes on
one app server; the other app server and nginx show the change at once.

Both app servers use the real OpenSearch node (tools/opensearch, under an index prefix of their own): a page
published on one is found by the other's search at once. Files of a page that is not live yet answer 404
through nginx until it goes live (the app decides, nginx sends the bytes from its internal location); uploaded
media are never served as a document that could run script.
"""

import gzip
import http.cookies
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
import requests

from tests import demo_database
from tests.factories.search import drop_indices, refresh
from tests.helpers import missing
from tests.servers import free_port, wait_until_answering

pytestmark = pytest.mark.e2e  # starts the hub, or a part of it, in processes of its own

ROOT = Path(__file__).resolve().parents[2]
HOST = "samskaping.test"
EDITOR, PASSWORD = "node-editor", secrets.token_urlsafe(12)
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


HEALTH_TOKEN = secrets.token_urlsafe(24)


def manage(env, *args):
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"manage.py {' '.join(args)}: {result.stderr[-3000:]}"
    return result.stdout


def production_env(tmp, dbname, nginx_port, search_url, index_prefix):
    base = os.environ.get("DATABASE_URL", "postgres:///samskaping").rsplit("/", 1)[0]
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="hub.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=f"{HOST},127.0.0.1,localhost",
        DATABASE_URL=f"{base}/{dbname}",
        SECURE_SSL_REDIRECT="false",
        CACHE_BACKEND="django.core.cache.backends.db.DatabaseCache",
        CACHE_LOCATION="hub_cache",
        TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
        STATIC_ROOT=str(tmp / "static"),
        MEDIA_ROOT=str(tmp / "media"),
        WAGTAILADMIN_BASE_URL=f"https://{HOST}",
        FRONTEND_CACHE_URL=f"http://127.0.0.1:{nginx_port}" if NGINX else "",
        FRONTEND_CACHE_TOKEN=secrets.token_hex(16),
        LOG_FORMAT="json",
        SEARCH_BACKEND="opensearch",
        SEARCH_URL=search_url,
        SEARCH_INDEX_PREFIX=index_prefix,
        MEDIA_ACCEL_REDIRECT="/_media/" if NGINX else "",  # the app decides, nginx sends the bytes
        HEALTH_TOKEN=HEALTH_TOKEN,
    )
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, opensearch_url, django_db_blocker):  # noqa: F811
    from django.db import connections

    tmp = tmp_path_factory.mktemp("multinode")
    dbname = os.environ.get("DATABASE_URL", "postgres:///samskaping").rsplit("/", 1)[1] + f"_multinode_{os.getpid()}"
    nginx_port = free_port()
    index_prefix = f"multinode_{secrets.token_hex(5)}_"
    env = production_env(tmp, dbname, nginx_port, opensearch_url, index_prefix)
    with django_db_blocker.unblock():  # a copy of the migrated schema, as a deploy's `migrate` leaves it
        demo_database.clone(connections["default"].settings_dict, demo_database.ensure_schema(), dbname)
    # A deploy's steps in one process (each manage.py start costs seconds): migrate (nothing left to apply, the
    # post-migrate steps run as in production), the cache table, the hub demo with its editor, static files; then
    # the Site's host name is the public one: page URLs (and so the front-end cache refreshes) use it.
    manage(
        env,
        "shell",
        "-c",
        "from django.core.management import call_command\n"
        "call_command('migrate', interactive=False, verbosity=0)\n"
        "call_command('createcachetable')\n"
        f"call_command('load_demo', only='hub', admin_user={EDITOR!r}, admin_password={PASSWORD!r}, verbosity=0)\n"
        "call_command('collectstatic', interactive=False, verbosity=0)\n"
        "from wagtail.models import Site\n"
        f"for s in Site.objects.all(): s.hostname, s.port = {HOST!r}, 443; s.save()",
    )
    procs, nodes = [], []
    try:
        for _ in range(2):
            port = free_port()
            proc = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "hub.wsgi:application", "-b", f"127.0.0.1:{port}", "-w", "2"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=open(tmp / f"node{port}.log", "w"),
            )
            procs.append(proc)
            nodes.append(f"http://127.0.0.1:{port}")
        for url, proc in zip(nodes, procs, strict=True):
            wait_until_answering(url + "/healthz", proc, headers={"Host": HOST})
        get(nodes[0], "/nb/")  # first view creates the site settings row (which renews the page cache once)
        proxy = None
        if NGINX:
            nginx_env = dict(
                env,
                HUB_UPSTREAMS=",".join(n.removeprefix("http://") for n in nodes),
                HUB_NGINX_LISTEN=f"127.0.0.1:{nginx_port}",
                HUB_NGINX_DIR=str(tmp / "nginx"),
                HUB_FORWARDED_PROTO="https",
                HUB_NGINX_USER="root",  # the pytest temporary directory is private to this user
            )
            proc = subprocess.Popen(
                ["bash", "tools/nginx/run.sh"],
                cwd=ROOT,
                env=nginx_env,
                stdout=subprocess.DEVNULL,
                stderr=open(tmp / "nginx.log", "w"),
            )
            procs.append(proc)
            proxy = f"http://127.0.0.1:{nginx_port}"
            wait_until_answering(proxy + "/healthz", proc, headers={"Host": HOST})
        yield {"env": env, "nodes": nodes, "proxy": proxy, "tmp": tmp, "search_url": opensearch_url}
    finally:
        drop_indices(opensearch_url, index_prefix)
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture
def nginx():
    """tools/test.sh installs nginx; without it the proxy tests are skipped on a developer's machine only."""
    if not NGINX:
        missing("nginx is not installed (apt-get install -y nginx)")


def get(base, path, **headers):
    return requests.get(
        base + path, headers={"Host": HOST, "X-Forwarded-Proto": "https", **headers}, timeout=20, allow_redirects=False
    )


class Editor:
    """An editor's browser against one app server (cookies kept by hand: production cookies are Secure)."""

    def __init__(self, base):
        self.base, self.cookies = base, {}

    def _headers(self, path):
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return {"Host": HOST, "X-Forwarded-Proto": "https", "Referer": f"https://{HOST}{path}", "Cookie": cookie}

    def _keep(self, response):
        for header in response.raw.headers.getlist("Set-Cookie"):
            jar = http.cookies.SimpleCookie(header)
            self.cookies.update({k: m.value for k, m in jar.items()})
        return response

    def get(self, path):
        return self._keep(
            requests.get(self.base + path, headers=self._headers(path), allow_redirects=False, timeout=20)
        )

    def post(self, path, data):
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.get(path).text).group(1)
        data = dict(data, csrfmiddlewaretoken=token)
        return self._keep(
            requests.post(self.base + path, data=data, headers=self._headers(path), allow_redirects=False, timeout=20)
        )

    def login(self):
        response = self.post("/admin/login/", {"username": EDITOR, "password": PASSWORD})
        assert response.status_code == 302, response.text[:500]
        return self


def save_draft_title(env, slug, title):
    """The editor's draft (saved earlier): a new revision that is not yet live. Returns the page id."""
    code = (
        "from wagtail.models import Page;"
        f"p=Page.objects.get(slug={slug!r}, locale__language_code='nb').specific;"
        f"p.title={title!r}; p.save_revision(); print(p.pk)"
    )
    return int(manage(env, "shell", "-c", code).strip().splitlines()[-1])


def test_healthz_on_every_node_checks_the_shared_services(cluster):
    for node in cluster["nodes"]:
        assert get(node, "/healthz").text == "ok\n"
        data = get(node, "/healthz/ready", Authorization=f"Bearer {HEALTH_TOKEN}").json()
        assert data["status"] == "ok"
        assert data["checks"]["cache"]["detail"] == "DatabaseCache"


def test_publish_on_one_node_is_visible_on_the_other_at_once(cluster):
    node_a, node_b = cluster["nodes"]
    first = get(node_a, "/nb/om-prosjektet/")
    assert first.status_code == 200
    assert get(node_a, "/nb/om-prosjektet/").headers["X-Hub-Page-Cache"] == "hit"  # in the shared cache
    assert get(node_b, "/nb/om-prosjektet/").headers["X-Hub-Page-Cache"] == "hit"  # ... for node B too

    page_id = save_draft_title(cluster["env"], "om-prosjektet", "Om prosjektet (publisert på node B)")
    editor = Editor(node_b).login()
    response = editor.post(f"/admin/bulk/wagtailcore/page/publish/?id={page_id}", {"include_descendants": ""})
    assert response.status_code == 302, response.text[:1000]

    on_a = get(node_a, "/nb/om-prosjektet/")
    assert "Om prosjektet (publisert på node B)" in on_a.text
    # "hit" when nginx's refresh already rendered the new version into the shared cache, else "miss"
    assert get(node_a, "/nb/om-prosjektet/").headers["X-Hub-Page-Cache"] == "hit"


def test_editor_on_one_node_stays_signed_in_on_the_other(cluster):
    node_a, node_b = cluster["nodes"]
    editor = Editor(node_a).login()
    editor.base = node_b  # the load balancer sends the next request elsewhere: sessions live in PostgreSQL
    assert editor.get("/admin/").status_code == 200


@pytest.mark.usefixtures("nginx")
def test_nginx_cache_serves_hits_and_is_refreshed_on_publish(cluster):
    proxy, node_b = cluster["proxy"], cluster["nodes"][1]
    path = "/nb/personvern/"  # a standard page of the hub demo
    assert get(proxy, path).status_code == 200
    hit = get(proxy, path)
    assert hit.headers["X-Cache-Status"] == "HIT"
    assert "s-maxage" in hit.headers["Cache-Control"]
    page_id = save_draft_title(cluster["env"], "personvern", "Personvern (ny versjon)")
    editor = Editor(node_b).login()
    assert (
        editor.post(f"/admin/bulk/wagtailcore/page/publish/?id={page_id}", {"include_descendants": ""}).status_code
        == 302
    )
    after = get(proxy, path)
    assert "Personvern (ny versjon)" in after.text
    assert after.headers["X-Cache-Status"] == "HIT"  # refreshed in place by the publish, not expired


@pytest.mark.usefixtures("nginx")
def test_nginx_never_caches_for_signed_in_editors_or_the_admin(cluster):
    proxy = cluster["proxy"]
    editor = Editor(proxy).login()
    assert editor.get("/nb/").headers.get("X-Cache-Status") == "BYPASS"
    assert get(proxy, "/admin/login/").headers.get("X-Cache-Status") in ("MISS", "BYPASS", None)
    assert get(proxy, "/admin/login/").headers.get("X-Cache-Status") != "HIT"


@pytest.mark.usefixtures("nginx")
def test_refresh_header_without_the_token_does_not_bypass(cluster):
    proxy = cluster["proxy"]
    get(proxy, "/nb/")
    assert get(proxy, "/nb/", **{"X-Hub-Cache-Refresh": "guess"}).headers["X-Cache-Status"] == "HIT"


@pytest.mark.usefixtures("nginx")
def test_nginx_sends_pages_and_stylesheets_compressed_to_browsers_that_accept_it(cluster):
    proxy = cluster["proxy"]
    plain = get(proxy, "/nb/", **{"Accept-Encoding": "identity"})
    assert plain.status_code == 200 and "Content-Encoding" not in plain.headers
    page = requests.get(
        proxy + "/nb/",
        headers={"Host": HOST, "X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"},
        timeout=20,
        stream=True,
    )
    wire = page.raw.read(decode_content=False)
    assert page.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in page.headers["Vary"]
    assert len(wire) < len(plain.content) / 3
    assert gzip.decompress(wire).rstrip().endswith(b"</html>")
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', plain.text).group(1)
    css = get(proxy, stylesheet, **{"Accept-Encoding": "gzip"})
    assert css.status_code == 200 and css.headers["Content-Encoding"] == "gzip"


def test_page_published_on_one_node_is_found_by_the_other_nodes_search(cluster):
    node_a, node_b = cluster["nodes"]
    word = "Multelandet"
    assert f"Tilgjengelighet i {word}" not in get(node_a, f"/nb/sok/?q={word}").text
    page_id = save_draft_title(cluster["env"], "tilgjengelighetserklaering", f"Tilgjengelighet i {word}")
    editor = Editor(node_b).login()
    assert (
        editor.post(f"/admin/bulk/wagtailcore/page/publish/?id={page_id}", {"include_descendants": ""}).status_code
        == 302
    )
    refresh(cluster["search_url"], cluster["env"]["SEARCH_INDEX_PREFIX"])
    found = get(node_a, f"/nb/sok/?q={word.lower()}")
    assert found.status_code == 200
    assert f"Tilgjengelighet i {word}" in found.text
    prefix = cluster["env"]["SEARCH_INDEX_PREFIX"]
    with urllib.request.urlopen(f"{cluster['search_url']}/{prefix}*/_search?q={word}", timeout=10) as response:
        assert json.load(response)["hits"]["total"]["value"] >= 1  # in the engine's index itself


@pytest.mark.usefixtures("nginx")
def test_nginx_serves_uploaded_media_and_never_as_a_document(cluster):
    media = cluster["tmp"] / "media" / "uploads"
    media.mkdir(parents=True, exist_ok=True)
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
    (media / "photo.png").write_bytes(png)
    (media / "evil.html").write_text("<script>alert(1)</script>")
    (media / "evil.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>")
    photo = get(cluster["proxy"], "/media/uploads/photo.png")
    assert photo.status_code == 200 and photo.content == png
    assert photo.headers["Content-Type"] == "image/png"
    for name in ("evil.html", "evil.svg"):
        response = get(cluster["proxy"], f"/media/uploads/{name}")
        assert response.status_code == 200
        assert response.headers["Content-Type"] == "application/octet-stream"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in response.headers["Content-Security-Policy"]


DRAFT_WITH_FILES = """
import io, json
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from hub.models import HomePage, StandardPage
buf = io.BytesIO(); PILImage.new("RGB", (60, 40), (10, 90, 200)).save(buf, format="PNG")
image = get_image_model()(title="Embargo-foto", file=ContentFile(buf.getvalue(), name="embargo-foto.png")); image.save()
rendition = image.get_rendition("fill-30x20")
document = get_document_model()(title="Embargo-notat", file=ContentFile(b"%PDF-1.4 notat", name="notat.pdf"))
document.save()
home = HomePage.objects.get(locale__language_code="nb", depth=2)
page = StandardPage(title="Kommer snart", slug="kommer-snart", live=False, has_unpublished_changes=True)
page.body = [
    ("image", {"image": image, "alt_text": "Foto", "decorative": False, "caption": "", "credit": ""}),
    ("document", {"document": document, "title": "Notat", "description": ""}),
]
home.add_child(instance=page)
page.save_revision()
print(json.dumps({"page": page.pk, "original": image.file.url, "rendition": rendition.url,
                  "document": document.url, "document_file": "/media/" + document.file.name}))
"""


@pytest.mark.usefixtures("nginx")
def test_files_of_a_page_not_yet_live_answer_404_through_nginx_until_it_goes_live(cluster):
    proxy = cluster["proxy"]
    made = json.loads(manage(cluster["env"], "shell", "-c", DRAFT_WITH_FILES).strip().splitlines()[-1])
    urls = {key: made[key] for key in ("original", "rendition", "document", "document_file")}
    assert {key: get(proxy, url).status_code for key, url in urls.items()} == dict.fromkeys(urls, 404)
    assert get(proxy, "/_media/" + urls["original"].removeprefix("/media/")).status_code == 404  # internal only

    editor = Editor(proxy).login()  # may edit the page: sees the files in the preview, never cached
    preview = editor.get(urls["rendition"])
    assert preview.status_code == 200 and preview.content.startswith(b"\x89PNG")
    assert preview.headers["Cache-Control"] == "private, no-store"

    page_id = made["page"]
    assert (
        editor.post(f"/admin/bulk/wagtailcore/page/publish/?id={page_id}", {"include_descendants": ""}).status_code
        == 302
    )
    for key, url in urls.items():
        response = get(proxy, url)
        assert response.status_code == 200, (key, url)
        assert "X-Accel-Redirect" not in response.headers  # nginx followed it
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    rendition = get(proxy, urls["rendition"])
    assert rendition.content.startswith(b"\x89PNG")
    assert rendition.headers["Content-Type"] == "image/png"
    assert rendition.headers["Cache-Control"] == "public, max-age=86400"
    assert get(proxy, urls["document"]).content == b"%PDF-1.4 notat"
