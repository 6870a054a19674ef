"""Abuse of the public registration side: registering someone else's address reveals nothing about their
registration — the answer is the very same as for a new address, and only the address itself gets the status
and the cancel link by e-mail — and the cancel view is rate limited."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from events.models import EventPage, Registration
from events.registration import register
from events.tokens import make_cancel_token
from tests.factories.events import upcoming_event
from tests.helpers import browser, ui

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clear_cache")]
SECRET = "https://zoom.example/j/deltakerlenke-9090"
NEUTRAL = "We have sent an e-mail about your registration to the address you gave."


@pytest.fixture
def event():
    return upcoming_event("Sikkerhetstest", "sikkerhetstest", capacity=1, in_days=6, platform="Teams", join_url=SECRET)


def _form(n=1, **extra):
    return {"name": f"Navn {n}", "email": f"navn{n}@example.com", "consent": "on", **extra}


def _register_over_http(browser, event, capture, **form):
    with capture(execute=True):
        return browser.post(f"/nb/arrangement/{event.pk}/pamelding/", form)


def _answer(response):
    """What a visitor's browser receives: status, headers and body (the date header aside)."""
    headers = {k: v for k, v in response.headers.items() if k.lower() != "date"}
    cookies = {k: v.value for k, v in response.cookies.items()}
    return response.status_code, headers, cookies, response.content


def _without_nonce(html):
    return re.sub(r'nonce="[^"]*"', 'nonce=""', html)


def test_a_new_and_an_already_registered_address_get_byte_identical_answers(event, django_capture_on_commit_callbacks):
    register(event, name="Eier", email="eier@example.com")
    mail.outbox.clear()
    new = _register_over_http(browser(), event, django_capture_on_commit_callbacks, **_form(2))
    repeated = _register_over_http(
        browser(), event, django_capture_on_commit_callbacks, **_form(3, email="eier@example.com")
    )
    assert _answer(new) == _answer(repeated)
    assert new.status_code == 302 and new["Location"] == f"/nb/arrangement/{event.pk}/pamelding/sendt/"
    assert new.content == b"" and not new.cookies  # no session keeps anything about the registration
    after_new, after_repeated = browser().get(new["Location"]), browser().get(repeated["Location"])
    assert after_new.status_code == after_repeated.status_code == 200
    assert _without_nonce(after_new.content.decode()) == _without_nonce(after_repeated.content.decode())
    # Each address got one e-mail with its own status and cancel link; nobody got a second seat.
    assert sorted(m.to[0] for m in mail.outbox) == ["eier@example.com", "navn2@example.com"]
    assert Registration.objects.filter(event=event, email="eier@example.com").count() == 1
    waiting = next(m for m in mail.outbox if m.to == ["navn2@example.com"])
    assert "/nb/arrangement/avmelding/" in waiting.body and SECRET not in waiting.body
    assert Registration.objects.get(email="navn2@example.com").status == "waiting"


def test_same_email_from_another_browser_gets_the_same_answer_and_the_owner_gets_the_details(
    event, django_capture_on_commit_callbacks
):
    owner, stranger = browser(), browser()
    first = _register_over_http(owner, event, django_capture_on_commit_callbacks, **_form(1))
    registration = Registration.objects.get(event=event)
    assert first.status_code == 302 and first["Location"] == f"/nb/arrangement/{event.pk}/pamelding/sendt/"
    confirmation = mail.outbox[-1]
    assert confirmation.to == ["navn1@example.com"] and SECRET in confirmation.body
    assert "/nb/arrangement/avmelding/" in confirmation.body
    mail.outbox.clear()

    second = _register_over_http(
        stranger, event, django_capture_on_commit_callbacks, **_form(1, name="Noen andre", email=" NAVN1@example.com")
    )
    assert _answer(second) == _answer(first)
    page = stranger.get(second["Location"])
    html = page.content.decode()
    assert page.status_code == 200 and ui(NEUTRAL) in html
    assert _without_nonce(html) == _without_nonce(owner.get(first["Location"]).content.decode())
    assert "/avmelding/" not in html and str(registration.reference) not in html
    assert "navn1@example.com" not in html.lower()
    for status_text in (ui("You are registered. Welcome!"), "Du er nummer", "avmeldt"):
        assert status_text not in html
    assert stranger.get(f"/nb/arrangement/pamelding/{registration.reference}/").status_code == 404

    assert Registration.objects.filter(event=event).count() == 1
    registration.refresh_from_db()
    assert registration.name == "Navn 1" and registration.status == "confirmed"
    assert [m.to for m in mail.outbox] == [["navn1@example.com"]]
    resent = mail.outbox[0]
    assert ui("You are registered. Welcome!", registration.language) in resent.body  # the existing status
    assert SECRET in resent.body and "/nb/arrangement/avmelding/" in resent.body
    ics = [a for a in resent.attachments if a[2] == "text/calendar"]
    assert ics and SECRET in ics[0][1]


def test_after_registration_closes_a_registered_and_a_new_address_get_the_same_refusal(
    event, django_capture_on_commit_callbacks
):
    register(event, name="Eier", email="eier@example.com")
    EventPage.objects.filter(pk=event.pk).update(registration_closes=timezone.now() - timedelta(minutes=1))
    mail.outbox.clear()
    new = _register_over_http(browser(), event, django_capture_on_commit_callbacks, **_form(2))
    repeated = _register_over_http(
        browser(), event, django_capture_on_commit_callbacks, **_form(2, email="eier@example.com")
    )
    assert new.status_code == repeated.status_code == 409
    assert _without_nonce(new.content.decode()) == _without_nonce(repeated.content.decode()).replace(
        "eier@example.com", "navn2@example.com"
    )  # the form comes back with what each person typed
    assert mail.outbox == [] and Registration.objects.filter(event=event).count() == 1


def test_details_resent_to_a_waiting_person_have_no_join_link(event, django_capture_on_commit_callbacks):
    register(event, name="Sete", email="sete@example.com")
    register(event, name="Venter", email="venter@example.com")
    mail.outbox.clear()
    response = _register_over_http(
        browser(), event, django_capture_on_commit_callbacks, name="X", email="venter@example.com", consent="on"
    )
    assert response["Location"].endswith("/pamelding/sendt/")
    assert [m.to for m in mail.outbox] == [["venter@example.com"]]
    assert SECRET not in mail.outbox[0].body and SECRET not in str(mail.outbox[0].attachments)
    assert Registration.objects.filter(event=event, email="venter@example.com").count() == 1


def test_resending_the_details_to_one_address_is_rate_limited(event, django_capture_on_commit_callbacks, settings):
    settings.EVENTS_RESEND_LIMIT = 2
    register(event, name="Eier", email="eier@example.com")
    mail.outbox.clear()
    for _ in range(4):
        response = _register_over_http(
            browser(), event, django_capture_on_commit_callbacks, name="X", email="eier@example.com", consent="on"
        )
        assert response["Location"].endswith("/pamelding/sendt/")  # the page does not tell either
    assert len(mail.outbox) == 2


def test_the_registering_browser_submitting_again_gets_the_same_answer_and_the_details_again(
    event, django_capture_on_commit_callbacks
):
    visitor = browser()
    first = _register_over_http(visitor, event, django_capture_on_commit_callbacks, **_form(1))
    mail.outbox.clear()
    again = _register_over_http(visitor, event, django_capture_on_commit_callbacks, **_form(1))
    assert _answer(again) == _answer(first)
    assert [m.to for m in mail.outbox] == [["navn1@example.com"]]
    assert Registration.objects.filter(event=event).count() == 1


def test_cancel_posts_are_rate_limited_per_client(client, event):
    from events.views import CANCEL_RATE_LIMIT

    registration = register(event, name="Avmelder", email="avmelder@example.com").registration
    token = make_cancel_token(registration)
    for _ in range(CANCEL_RATE_LIMIT):
        assert client.post(f"/nb/arrangement/avmelding/{token[:-3]}zzz/").status_code == 400
    limited = client.post(f"/nb/arrangement/avmelding/{token}/")
    assert limited.status_code == 429 and limited["Retry-After"]
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    page = client.get(f"/nb/arrangement/avmelding/{token}/")  # reading the confirm page is not limited
    assert page.status_code == 200 and re.search(r'<form method="post"', page.content.decode())
    assert browser(REMOTE_ADDR="10.9.8.7").post(f"/nb/arrangement/avmelding/{token}/").status_code == 200
    registration.refresh_from_db()
    assert registration.status == "cancelled"
