"""The three public forms (method feedback, story submission, event registration) through HTTP with Django's
CSRF checks enforced: they work with or without a session (an editor signed in to the admin reading the public
site), and a post forged on another site is refused with 403 and stores nothing."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from events.models import EventIndexPage, EventPage, Registration
from methods.models import MethodFeedback, MethodPage
from stories.models import CaseStoryPage
from tests.helpers import publish_child, ui
from tests.stories.test_submission import URL as STORY_URL
from tests.stories.test_submission import form_data as story_data

pytestmark = pytest.mark.django_db

OWN = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}  # what a browser sends here
FOREIGN = {
    "foreign Origin": {"HTTP_ORIGIN": "https://evil.example", "HTTP_SEC_FETCH_SITE": "cross-site"},
    "foreign Origin only": {"HTTP_ORIGIN": "https://evil.example"},
    "Sec-Fetch-Site only": {"HTTP_SEC_FETCH_SITE": "cross-site"},
    "opaque Origin": {"HTTP_ORIGIN": "null"},
    "foreign Referer": {"HTTP_REFERER": "https://evil.example/side"},
    "sibling subdomain": {"HTTP_ORIGIN": "http://evil.testserver", "HTTP_SEC_FETCH_SITE": "same-site"},
    "look-alike host": {"HTTP_ORIGIN": "http://testserver.evil.example"},
}


@pytest.fixture(autouse=True)
def fresh_rate_limits(settings):
    cache.clear()
    settings.STORIES_SUBMIT_RATE = (100, 3600)
    yield
    cache.clear()


@pytest.fixture
def method():
    return MethodPage.objects.get(slug="idemyldring", locale__language_code="nb")


@pytest.fixture
def event():
    index = EventIndexPage.objects.get(slug="arrangementer", locale__language_code="nb")
    start = timezone.now() + timedelta(days=5)
    return publish_child(
        index, EventPage(title="Skjematest", slug="skjematest", capacity=5, start=start, end=start + timedelta(hours=2))
    )


@pytest.fixture(params=["feedback", "story", "registration"])
def form(request, method, story_index):
    """(url, data, stored(): how many answers the form has stored, where a success redirects)."""
    if request.param == "feedback":
        url = reverse("methods:feedback", args=[method.pk])
        return url, {"rating": "4"}, MethodFeedback.objects.count, method.url + "?tilbakemelding=takk#tilbakemelding"
    if request.param == "story":
        title = story_data()["title"]
        return STORY_URL, story_data(), CaseStoryPage.objects.filter(title=title).count, "/nb/historier/del/takk/"
    event = request.getfixturevalue("event")
    url = f"/nb/arrangement/{event.pk}/pamelding/"
    data = {"name": "Kari Nordmann", "email": "kari@example.com", "consent": "on"}
    return url, data, Registration.objects.filter(event=event).count, f"/nb/arrangement/{event.pk}/pamelding/sendt/"


@pytest.fixture
def signed_in(superuser):
    """An editor's browser: signed in to the admin (session cookie), then reading the public site."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(superuser)
    assert browser.get("/admin/").status_code == 200
    return browser


def assert_accepted(response, stored, success):
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"].startswith(success)
    assert stored() == 1


def assert_refused(response, stored):
    assert response.status_code == 403
    html = response.content.decode()
    assert ui("The form was not sent") in html and "<main" in html  # the site's own page, not a bare text
    assert "no-cache" in response["Cache-Control"]
    assert stored() == 0


def test_visitor_without_cookies_sends_the_form(form):
    url, data, stored, success = form
    assert_accepted(Client(enforce_csrf_checks=True).post(url, data, **OWN), stored, success)


def test_client_that_names_no_origin_and_carries_no_session_sends_the_form(form):
    """No browser involved (nothing of a visitor's could be borrowed): honeypot and rate limits apply as usual."""
    url, data, stored, success = form
    assert_accepted(Client(enforce_csrf_checks=True).post(url, data), stored, success)


def test_editor_signed_in_to_the_admin_sends_the_form_without_a_token(form, signed_in):
    url, data, stored, success = form
    assert "csrfmiddlewaretoken" not in data
    assert_accepted(signed_in.post(url, data, **OWN), stored, success)


def test_signed_in_browser_that_only_sends_sec_fetch_site_same_origin_is_accepted(form, signed_in):
    url, data, stored, success = form
    assert_accepted(signed_in.post(url, data, HTTP_SEC_FETCH_SITE="same-origin"), stored, success)


def test_signed_in_browser_with_a_same_origin_referer_is_accepted(form, signed_in):
    url, data, stored, success = form
    assert_accepted(signed_in.post(url, data, HTTP_REFERER=f"http://testserver{url}"), stored, success)


@pytest.mark.parametrize("headers", FOREIGN.values(), ids=FOREIGN.keys())
def test_cross_site_post_without_cookies_is_refused(form, headers):
    url, data, stored, _success = form
    assert_refused(Client(enforce_csrf_checks=True).post(url, data, **headers), stored)


@pytest.mark.parametrize("headers", FOREIGN.values(), ids=FOREIGN.keys())
def test_cross_site_post_with_an_editors_session_is_refused(form, signed_in, headers):
    url, data, stored, _success = form
    assert_refused(signed_in.post(url, data, **headers), stored)


def test_foreign_origin_wins_over_a_claimed_same_origin(form, signed_in):
    url, data, stored, _success = form
    forged = signed_in.post(url, data, HTTP_ORIGIN="https://evil.example", HTTP_SEC_FETCH_SITE="same-origin")
    assert_refused(forged, stored)


def test_post_with_a_session_that_names_no_origin_is_refused(form, signed_in):
    """Every current browser sends Origin with a form post; one carrying a session without it is not trusted."""
    url, data, stored, _success = form
    assert_refused(signed_in.post(url, data), stored)


def test_origin_listed_in_csrf_trusted_origins_is_accepted(form, signed_in, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://*.samskaping.example"]
    url, data, stored, success = form
    accepted = signed_in.post(url, data, HTTP_ORIGIN="https://www.samskaping.example", HTTP_SEC_FETCH_SITE="same-site")
    assert_accepted(accepted, stored, success)


def test_django_csrf_still_guards_the_admin(signed_in, superuser):
    """The admin keeps Django's token: the same signed-in browser, same origin, without a token is refused."""
    response = signed_in.post("/admin/logout/", {}, **OWN)
    assert response.status_code == 403
    assert signed_in.get("/admin/").status_code == 200  # still signed in
