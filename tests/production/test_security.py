"""Security headers, CSP on every public page, embeddable views, login throttle, rate limits, error pages,
`check --deploy`, and the common attacks on the forms that exist (the language switch)."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.template.loader import render_to_string
from django.test import RequestFactory
from wagtail.models import Page

from infrastructure.antispam import ratelimit
from infrastructure.security import SecurityHeadersMiddleware, embeddable
from tests.attacks import HEADER_INJECTION, XSS_PAYLOADS, assert_csrf_enforced, assert_not_reflected_raw

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def csp_directives(response):
    return {
        part.split()[0]: part.split()[1:] for part in response["Content-Security-Policy"].split(";") if part.strip()
    }


def test_public_page_sends_strict_csp_and_security_headers(client):
    response = client.get("/nb/")
    assert response.status_code == 200
    csp = csp_directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"] and csp["style-src"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert csp["frame-ancestors"] == ["'none'"] and csp["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"]
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


def test_admin_gets_its_own_policy_with_same_origin_frames_for_preview(client):
    response = client.get("/admin/login/")
    csp = csp_directives(response)
    assert csp["frame-ancestors"] == ["'self'"]
    assert (
        "'unsafe-inline'" in csp["script-src"]
    )  # Wagtail's admin ships inline scripts (see infrastructure/security.py)
    assert csp["object-src"] == ["'none'"]


def test_every_live_page_renders_without_inline_script_or_style(client):
    """What the strict CSP would block: inline JavaScript, event handler attributes, style attributes/elements."""
    checked = 0
    live = Page.objects.live().filter(depth__gte=2).specific()
    for page in live:
        url = page.get_url()
        if not url:
            continue
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for attrs, body in re.findall(r"<script\b([^>]*)>(.*?)</script>", html, flags=re.S):
            executable = not re.search(r'type="(application/(ld\+)?json)"', attrs)
            assert not (executable and body.strip()), f"inline script on {url}"
            assert not (executable and "src=" not in attrs), f"script without src on {url}"
        assert not re.search(r"<[a-z][^>]*\sstyle=", html), f"style attribute on {url}"
        assert "<style" not in html, f"style element on {url}"
        assert not re.search(r"<[a-z][^>]*\son[a-z]+=", html), f"event handler attribute on {url}"
        checked += 1
    assert checked == live.count() > 50  # every live page of the demo has a URL and was looked at


def _through_middlewares(view, path="/nb/embed/"):
    request = RequestFactory().get(path)
    return SecurityHeadersMiddleware(XFrameOptionsMiddleware(view))(request)


def test_embeddable_view_may_be_framed_anywhere_and_others_may_not():
    @embeddable
    def embed_view(request):
        return HttpResponse("<p>stories</p>")

    def plain_view(request):
        return HttpResponse("<p>page</p>")

    embedded = _through_middlewares(embed_view)
    assert "X-Frame-Options" not in embedded
    assert csp_directives(embedded)["frame-ancestors"] == ["*"]
    assert csp_directives(embedded)["script-src"] == ["'self'"]  # the rest of the policy stays strict

    plain = _through_middlewares(plain_view)
    assert plain["X-Frame-Options"] == "DENY"
    assert csp_directives(plain)["frame-ancestors"] == ["'none'"]


def test_admin_login_is_throttled_after_repeated_failures(client, settings):
    settings.HUB_LOGIN_RATE = (5, 300)
    statuses = [
        client.post("/admin/login/", {"username": "someone", "password": f"wrong-{i}"}).status_code for i in range(7)
    ]
    assert statuses[:5] == [200] * 5  # the form again, with an error
    assert statuses[5:] == [429, 429]
    response = client.post("/admin/login/", {"username": "someone", "password": "x"})
    assert response["Retry-After"] == "300"
    assert b"Too many requests" in response.content or b"For mange" in response.content


def test_login_throttle_counts_per_user_name_across_addresses(client, settings):
    settings.HUB_LOGIN_RATE = (3, 300)
    for i in range(3):
        attempt = client.post("/admin/login/", {"username": "target", "password": "x"}, REMOTE_ADDR=f"10.0.0.{i}")
        assert attempt.status_code == 200  # the form again, with an error
    assert (
        client.post("/admin/login/", {"username": "Target", "password": "x"}, REMOTE_ADDR="10.9.9.9").status_code == 429
    )


def test_password_reset_is_throttled_like_the_login(client, settings):
    settings.HUB_LOGIN_RATE = (2, 300)
    answers = [client.post("/admin/password_reset/", {"email": f"x{i}@example.com"}) for i in range(3)]
    assert [(a.status_code, a.get("Location")) for a in answers[:2]] == [(302, "/admin/password_reset/done/")] * 2
    assert answers[2].status_code == 429 and answers[2]["Retry-After"] == "300"


def test_spoofed_forwarded_for_does_not_escape_the_rate_limit(settings):
    """Behind one proxy (nginx appends the address it saw), only the last X-Forwarded-For entry counts."""
    settings.HUB_PROXY_HOPS = 1

    @ratelimit("spoof-scope", 2, 60)
    def view(request):
        return HttpResponse("ok")

    factory = RequestFactory()
    codes = [
        view(
            factory.get("/nb/sok/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"10.1.1.{i}, 198.51.100.9")
        ).status_code
        for i in range(3)
    ]
    assert codes == [200, 200, 429]
    another = factory.get("/nb/sok/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.10")
    assert view(another).status_code == 200


def test_without_trusted_proxies_the_forwarded_header_is_ignored(settings):
    settings.HUB_PROXY_HOPS = 0
    from infrastructure.antispam import client_address

    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="10.0.0.1")
    assert client_address(request) == "203.0.113.5"


def test_ratelimit_decorator_answers_429_with_friendly_page():
    @ratelimit("test-scope", 3, 60)
    def view(request):
        return HttpResponse("ok")

    factory = RequestFactory()
    codes = [view(factory.get("/nb/sok/", REMOTE_ADDR="192.0.2.7")).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    other_client = view(factory.get("/nb/sok/", REMOTE_ADDR="192.0.2.8"))
    assert other_client.status_code == 200
    limited = view(factory.get("/nb/sok/", REMOTE_ADDR="192.0.2.7"))
    assert limited["Retry-After"] == "60" and "no-cache" in limited["Cache-Control"]
    assert b"<h1" in limited.content and b"<main" in limited.content


def test_ratelimit_can_count_only_posts():
    @ratelimit("post-only", 1, 60, methods=("POST",))
    def view(request):
        return HttpResponse("ok")

    factory = RequestFactory()
    assert [view(factory.get("/")).status_code for _ in range(3)] == [200, 200, 200]
    assert [view(factory.post("/")).status_code for _ in range(2)] == [200, 429]


def test_unknown_page_gets_accessible_404(client):
    response = client.get("/nb/finnes-ikke/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<main" in html and "<h1" in html and 'lang="nb"' in html
    assert "Content-Security-Policy" in response


def test_500_page_renders_without_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")
    assert "<h1" in html and "<main" in html and "css/hub.css" in html


def test_healthz_and_robots_are_not_framed_or_sniffed(client):
    for url in ("/robots.txt", "/healthz"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["X-Frame-Options"] == "DENY", url


@pytest.mark.e2e  # manage.py in a process of its own
def test_check_deploy_has_no_warnings_with_production_environment():
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="hub.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="samskaping.example",
        DATABASE_URL=os.environ.get("DATABASE_URL", "postgres:///samskaping"),
    )
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the test session only (tests/conftest.py)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)" in result.stdout


# --- attacks on the language switch (Django's set_language form, /i18n/setlang/) ----------------------------


def test_language_switch_refuses_post_without_csrf_token():
    assert_csrf_enforced("/i18n/setlang/", {"language": "en", "next": "/en/"})


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", "/\\evil.example"]
)
def test_language_switch_never_redirects_off_site(client, next_url):
    response = client.post("/i18n/setlang/", {"language": "en", "next": next_url})
    assert (response.status_code, response["Location"]) == (302, "/")  # home instead of the foreign address
    assert response.cookies["django_language"].value == "en"  # the switch itself still works


@pytest.mark.parametrize("payload", XSS_PAYLOADS + HEADER_INJECTION + ["' OR '1'='1", "x" * 100_000])
def test_language_switch_survives_hostile_values(client, payload):
    response = client.post("/i18n/setlang/", {"language": payload, "next": f"/nb/?q={payload}"})
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("/nb/?q=") or (len(payload) > 10_000 and location == "/"), location
    assert not set(location) & set('\r\n<>" '), location  # percent-encoded: no header or markup breaks out
    assert "django_language" not in response.cookies  # not a language: nothing is set
    assert_not_reflected_raw(response.content)


def test_oversized_body_is_refused_not_crashed(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "x" * (3 * 1024 * 1024)})
    assert response.status_code == 400
