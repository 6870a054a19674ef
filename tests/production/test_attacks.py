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

from events.models import EventIndexPage, EventPage, Registration
from methods.models import MethodFeedback, MethodPage
from stories.models import CaseStoryPage
from tests.attacks import (
    HEADER_INJECTION,
    INVALID,
    ODD_INPUT,
    SQL_PAYLOADS,
    STORED,
    XSS_PAYLOADS,
    assert_csrf_enforced,
    assert_no_header_injection,
    assert_oversized_rejected,
    attack_form,
    attack_query,
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


def _values(queryset, **fields):
    """`stored` for attack_form: the stored values of a form field (named by the model's field), oldest first."""
    return lambda field: list(queryset.order_by("pk").values_list(fields.get(field, field), flat=True))


ALL_PAYLOADS = XSS_PAYLOADS + SQL_PAYLOADS + HEADER_INJECTION + ODD_INPUT


def text_outcomes(field, max_length=None, required=False):
    """What a free-text field must do with each payload: markup, SQL and line breaks are only text, so they are
    stored as written; blank input is refused where the field is required, a NUL byte always (it is never text),
    and input longer than the field's limit."""
    outcomes = {(field, p): STORED for p in XSS_PAYLOADS + SQL_PAYLOADS + HEADER_INJECTION}
    outcomes |= {(field, p): INVALID if required else STORED for p in ("", " ")}
    outcomes[field, "\u202e\u0000"] = INVALID
    outcomes |= {(field, p): STORED if max_length is None or len(p) <= max_length else INVALID for p in ODD_INPUT[3:]}
    return outcomes


def refused_outcomes(field, payloads=ALL_PAYLOADS, blank=INVALID):
    """A field with a fixed set of answers (a rating, a choice, an e-mail address) refuses every payload."""
    return {(field, p): blank if p == "" else INVALID for p in payloads}


def test_story_submission_survives_attacks(client, django_capture_on_commit_callbacks):
    valid = story_form()
    stored = _values(CaseStoryPage.objects.all(), name="contact_name")  # shared_challenge is stored as HTML
    fields = ["name", "title", "lead", "shared_challenge"]
    with django_capture_on_commit_callbacks(execute=True):
        outcomes = attack_form(client, STORY_URL, valid, fields, ALL_PAYLOADS, stored=stored)
    assert outcomes == (
        text_outcomes("name", 150, required=True)
        | text_outcomes("title", 200, required=True)
        | text_outcomes("lead", 600, required=True)
        | text_outcomes("shared_challenge", required=True)
    )
    assert_no_header_injection(mail.outbox)
    assert_csrf_enforced(STORY_URL, valid)
    assert_oversized_rejected(client, STORY_URL, valid, "lead", stored=stored)


def test_event_registration_survives_attacks(client, open_event, django_capture_on_commit_callbacks):
    url = f"/nb/arrangement/{open_event.pk}/pamelding/"
    addresses = (f"deltaker{n}@example.com" for n in range(10_000))

    def valid():  # a new person each time: an address already registered is not registered twice
        return {"name": "Kari", "email": next(addresses), "consent": "on"}

    stored = _values(Registration.objects.filter(event=open_event))
    email_payloads = HEADER_INJECTION + ["a@b.c\nX-Injected: 1"] + SQL_PAYLOADS
    with django_capture_on_commit_callbacks(execute=True):
        text = attack_form(client, url, valid, ["name", "organisation", "role", "needs"], ALL_PAYLOADS, stored=stored)
        email = attack_form(client, url, valid, ["email"], email_payloads, stored=stored)
    assert text == (
        text_outcomes("name", 200, required=True)
        | text_outcomes("organisation", 200)
        | text_outcomes("role", 200)
        | text_outcomes("needs", 2000)
    )
    assert email == refused_outcomes("email", email_payloads)
    assert_no_header_injection(mail.outbox)
    assert_csrf_enforced(url, valid())
    assert_oversized_rejected(client, url, valid, "needs", stored=stored)


def test_method_feedback_survives_attacks(client):
    method = MethodPage.objects.live().filter(locale__language_code="nb").first()
    url = reverse("methods:feedback", args=[method.pk])
    valid = {"rating": "4", "comment": "Nyttig."}
    stored = _values(MethodFeedback.objects.all())
    outcomes = attack_form(client, url, valid, ["comment", "rating", "role"], ALL_PAYLOADS, stored=stored)
    assert outcomes == (
        text_outcomes("comment", 2000) | refused_outcomes("rating") | refused_outcomes("role", blank=STORED)
    )
    # The method page is shared by the caches, so its form has no token: a forged post is refused by origin.
    forged = Client(enforce_csrf_checks=True).post(url, valid, HTTP_ORIGIN="https://evil.example")
    assert forged.status_code == 403
    assert_oversized_rejected(client, url, valid, "comment", stored=stored)


def test_search_and_autocomplete_survive_attacks(client):
    """Payloads in every parameter the search page reads: the query (shown back, escaped), each facet, the
    page number, the all-languages and exact-words switches."""
    params = ["q", "type", "county", "phase", "theme", "tag", "side", "sprak", "eksakt"]
    attack_query(client, "/nb/sok/", {"q": "samskaping"}, params, echoed=["q"])
    attack_query(client, "/nb/sok/", {"q": "samskaping", "sprak": "alle"}, ["language", "q"], echoed=["q"])
    for response in attack_query(client, "/nb/sok/forslag/", {"q": "sam"}, ["q"]):
        assert response["Content-Type"] == "application/json" and "suggestions" in response.json()
