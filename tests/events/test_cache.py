"""The page cache never shows a stale registration state: after registrations fill an event (or a cancellation
frees a seat), the event page in every language and the event index are rendered afresh."""

import re

import pytest
from django.core.cache import cache

from events.models import EventPage, Registration
from events.registration import cancel
from tests.factories.events import upcoming_event
from tests.helpers import browser, ui

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.HUB_PAGE_CACHE_SECONDS = 300
    settings.HUB_FRONTEND_MAX_AGE = 120  # as in production (with 0, infrastructure.cache labels hits "miss")
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def event():
    return upcoming_event("Hurtigbuffertest", "hurtigbuffertest", capacity=2, in_days=3, hours=1)


def _register_over_http(event, n, capture):
    with capture(execute=True):
        response = browser().post(
            f"/nb/arrangement/{event.pk}/pamelding/",
            {"name": f"Gjest {n}", "email": f"gjest{n}@example.com", "consent": "on"},
        )
    assert response.status_code == 302


def _card_state(index_html, title):
    card = re.search(
        rf"<li class=\"hub-card ds-card\">(?:(?!</li>).)*?{title}(?:(?!</li>).)*</li>", index_html, re.S
    ).group(0)
    return re.search(r"hub-event-state--(\w+)", card).group(1)


def test_cached_event_page_shows_full_after_http_registrations_fill_it(
    page_cache, event, django_capture_on_commit_callbacks
):
    visitor = browser()
    assert visitor.get(event.url)["X-Hub-Page-Cache"] == "miss"
    cached = visitor.get(event.url)
    assert cached["X-Hub-Page-Cache"] == "hit" and ui("Registration open") in cached.content.decode()
    assert _card_state(visitor.get("/nb/arrangementer/").content.decode(), "Hurtigbuffertest") == "open"
    assert visitor.get("/nb/arrangementer/")["X-Hub-Page-Cache"] == "hit"

    _register_over_http(event, 1, django_capture_on_commit_callbacks)
    one_left = visitor.get(event.url)
    assert one_left["X-Hub-Page-Cache"] == "miss"
    assert one_left.content != cached.content
    _register_over_http(event, 2, django_capture_on_commit_callbacks)

    full = visitor.get(event.url)
    assert full["X-Hub-Page-Cache"] == "miss"
    assert ui("Full – waiting list") in full.content.decode()
    assert _card_state(visitor.get("/nb/arrangementer/").content.decode(), "Hurtigbuffertest") == "full"


def test_cancellation_renews_the_cached_page_of_every_language(page_cache, django_capture_on_commit_callbacks):
    launch = EventPage.objects.get(slug="lansering-kommuner", locale__language_code="nb")
    english = EventPage.objects.get(translation_key=launch.translation_key, locale__language_code="en")
    EventPage.objects.filter(translation_key=launch.translation_key).update(capacity=1)
    _register_over_http(launch, 1, django_capture_on_commit_callbacks)
    cache.clear()
    visitor = browser()
    visitor.get(english.url)
    cached = visitor.get(english.url)
    assert cached["X-Hub-Page-Cache"] == "hit" and ui("Full – waiting list", "en") in cached.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        cancel(Registration.objects.get(event=launch, email="gjest1@example.com"))
    fresh = visitor.get(english.url)
    assert fresh["X-Hub-Page-Cache"] == "miss"
    assert ui("Registration open", "en") in fresh.content.decode()


def test_joining_the_waiting_list_leaves_cached_pages_alone(page_cache, event, django_capture_on_commit_callbacks):
    _register_over_http(event, 1, django_capture_on_commit_callbacks)
    _register_over_http(event, 2, django_capture_on_commit_callbacks)
    visitor = browser()
    visitor.get(event.url)
    _register_over_http(event, 3, django_capture_on_commit_callbacks)  # waiting: the page shows the same
    assert Registration.objects.get(email="gjest3@example.com").status == "waiting"
    assert visitor.get(event.url)["X-Hub-Page-Cache"] == "hit"


def test_registration_renews_only_the_pages_of_its_event(page_cache, event, django_capture_on_commit_callbacks):
    visitor = browser()
    for url in ("/nb/", event.url, "/nb/arrangementer/"):
        visitor.get(url)
        assert visitor.get(url)["X-Hub-Page-Cache"] == "hit", url
    _register_over_http(event, 1, django_capture_on_commit_callbacks)  # a seat taken
    assert visitor.get(event.url)["X-Hub-Page-Cache"] == "miss"
    assert visitor.get("/nb/arrangementer/")["X-Hub-Page-Cache"] == "miss"
    assert visitor.get("/nb/")["X-Hub-Page-Cache"] == "hit"  # the rest of the site stays cached
