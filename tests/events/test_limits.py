"""Abuse limits on public registration that never lock out a real group: a whole office behind one address may
register far more people than a person would; what identifies abuse (a filled-in honeypot, again and again) is
limited, and a refusal is a page that says what happened and what to do."""

import pytest

from events.models import Registration
from tests.factories.events import upcoming_event
from tests.helpers import browser, ui

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clear_cache")]
REFUSED = "Registration not received"


@pytest.fixture
def event():
    return upcoming_event("Grensetest", "grensetest", capacity=5, in_days=6)


def _post(event, n, **extra):
    data = {"name": f"Kollega {n}", "email": f"kollega{n}@example.com", "consent": "on", "website_url": "", **extra}
    return browser().post(f"/nb/arrangement/{event.pk}/pamelding/", data)


def test_one_address_registers_two_hundred_people_in_an_hour(event):
    assert all(_post(event, n).status_code == 302 for n in range(200))
    rows = Registration.objects.filter(event=event)
    assert rows.filter(status="confirmed").count() == 5 and rows.filter(status="waiting").count() == 195


def test_past_the_burst_limit_the_address_gets_a_page_that_explains(event, settings):
    settings.EVENTS_REGISTRATION_RATE_LIMIT = 3
    assert [_post(event, n).status_code for n in range(3)] == [302, 302, 302]
    refused = _post(event, 3)
    html = refused.content.decode()
    assert refused.status_code == 429 and refused["Retry-After"] == "3600"
    assert "no-store" in refused["Cache-Control"]
    assert ui(REFUSED) in html and 'role="alert"' in html and event.url in html
    assert not Registration.objects.filter(event=event, email="kollega3@example.com").exists()


def test_a_filled_honeypot_is_answered_with_the_form_and_repeated_failures_refuse_the_address(event, settings):
    settings.EVENTS_SPAM_LIMIT = 2
    first = _post(event, 1, website_url="http://spam.example")
    assert first.status_code == 400 and 'class="ds-error-summary' in first.content.decode()
    assert _post(event, 2, website_url="http://spam.example").status_code == 400
    refused = _post(event, 3)  # even a clean post: this address has shown it is a robot
    assert refused.status_code == 429 and ui(REFUSED) in refused.content.decode()
    assert not Registration.objects.filter(event=event).exists()
    other = browser(REMOTE_ADDR="10.1.2.3").post(
        f"/nb/arrangement/{event.pk}/pamelding/", {"name": "Annen", "email": "annen@example.com", "consent": "on"}
    )
    assert other.status_code == 302  # other addresses are not affected


def test_an_already_registered_address_is_answered_like_a_new_one(event):
    first = _post(event, 1)
    again = _post(event, 1, name="Noen andre")
    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"] == f"/nb/arrangement/{event.pk}/pamelding/sendt/"
    assert Registration.objects.filter(event=event).count() == 1
