"""The common attacks on every public form: XSS payloads, SQL metacharacters, header injection and odd input in
every text field, a POST without CSRF token, an oversized body. Nothing may execute, be reflected raw, leak into
an e-mail header, or answer 500."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from events.models import EventIndexPage, EventPage
from methods.models import MethodPage
from tests.attacks import (
    SQL_PAYLOADS,
    XSS_PAYLOADS,
    assert_csrf_enforced,
    assert_no_header_injection,
    assert_oversized_rejected,
    attack_form,
)
from tests.helpers import publish_child
from tests.stories.test_submission import URL as STORY_URL
from tests.stories.test_submission import form_data as story_form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def generous_limits(settings, monkeypatch):
    """Rate limits have their own tests; here every payload must reach the form."""
    import methods.views

    cache.clear()
    settings.STORIES_SUBMIT_RATE = (10_000, 3600)
    settings.EVENTS_REGISTRATION_RATE_LIMIT = 10_000
    monkeypatch.setattr(methods.views, "FEEDBACK_LIMIT", 10_000)
    mail.outbox.clear()


@pytest.fixture
def open_event():
    index = EventIndexPage.objects.get(slug="arrangementer", locale__language_code="nb")
    start = timezone.now() + timedelta(days=6)
    return publish_child(
        index,
        EventPage(
            title="Angrepstest",
            slug="angrepstest",
            start=start,
            end=start + timedelta(hours=2),
            capacity=500,
        ),
    )


def test_story_submission_survives_attacks(client, django_capture_on_commit_callbacks):
    valid = story_form()
    with django_capture_on_commit_callbacks(execute=True):
        attack_form(
            client,
            STORY_URL,
            valid,
            fields=["name", "title", "lead", "shared_challenge"],
            payloads=XSS_PAYLOADS + SQL_PAYLOADS + ["Ola\r\nBcc: everyone@example.com\r\nX-Injected: 1"],
        )
    assert_no_header_injection(mail.outbox)
    assert_csrf_enforced(STORY_URL, valid)
    assert_oversized_rejected(client, STORY_URL, valid, "lead")


def test_event_registration_survives_attacks(client, open_event, django_capture_on_commit_callbacks):
    url = f"/nb/arrangement/{open_event.pk}/pamelding/"
    valid = {"name": "Kari", "email": "kari@example.com", "consent": "on"}
    with django_capture_on_commit_callbacks(execute=True):
        attack_form(client, url, valid, fields=["name", "organisation", "role", "needs"])
        attack_form(
            client,
            url,
            valid,
            fields=["email"],
            payloads=["kari@example.com\r\nBcc: everyone@example.com", "a@b.c\nX-Injected: 1"] + SQL_PAYLOADS,
        )
    assert_no_header_injection(mail.outbox)
    assert_csrf_enforced(url, valid)
    assert_oversized_rejected(client, url, valid, "needs")


def test_method_feedback_survives_attacks(client):
    method = MethodPage.objects.live().filter(locale__language_code="nb").first()
    url = reverse("methods:feedback", args=[method.pk])
    valid = {"rating": "4", "comment": "Nyttig."}
    attack_form(client, url, valid, fields=["comment", "rating", "role"])
    # The method page is shared by the caches, so its form has no token: a forged post is refused by origin.
    forged = Client(enforce_csrf_checks=True).post(url, valid, HTTP_ORIGIN="https://evil.example")
    assert forged.status_code == 403
    assert_oversized_rejected(client, url, valid, "comment")


def test_search_and_autocomplete_survive_attacks(client):
    attack_form(client, "/nb/sok/", {"q": "samskaping"}, fields=["q", "type", "fylke"], method="get")
    attack_form(client, "/nb/sok/forslag/", {"q": "sam"}, fields=["q"], method="get")
