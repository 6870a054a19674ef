"""Seats always go to the waiting list first, in order, whichever way they appear: a participant cancels, the
capacity of an event is raised and published in the admin, a series' capacity is raised in its snippet form, an
organiser cancels or deletes registrations in bulk. The promoted are e-mailed; newcomers after that wait."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.test.utils.form_data import querydict_from_html

from events.models import EventIndexPage, EventPage, EventSeries, Registration
from events.registration import register
from events.tokens import make_cancel_token
from tests.helpers import browser, publish_child

pytestmark = pytest.mark.django_db
EMPTY_STREAMS = {"body-count": "0", "programme-count": "0", "materials-count": "0"}  # rendered by JS in the admin


def _dates(days=8):
    now = timezone.now()
    return {"start": now + timedelta(days=days), "end": now + timedelta(days=days, hours=2)}


@pytest.fixture
def event():
    index = EventIndexPage.objects.get(slug="arrangementer", locale__language_code="nb")
    return publish_child(index, EventPage(title="Ventelistetest", slug="ventelistetest", capacity=2, **_dates()))


def _fill(target_event, n, capture):
    with capture(execute=True):
        return [register(target_event, name=f"P{i}", email=f"p{i}@example.com").registration for i in range(n)]


def _statuses(**scope):
    return dict(Registration.objects.filter(**scope).values_list("email", "status"))


def test_a_participant_cancelling_gives_the_seat_to_the_first_waiting(
    client, event, django_capture_on_commit_callbacks
):
    people = _fill(event, 4, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/nb/arrangement/avmelding/{make_cancel_token(people[0])}/").status_code == 200
    assert _statuses(event=event) == {
        "p0@example.com": "cancelled",
        "p1@example.com": "confirmed",
        "p2@example.com": "confirmed",
        "p3@example.com": "waiting",
    }
    assert {tuple(m.to) for m in mail.outbox} >= {("p2@example.com",)}


def test_raising_the_capacity_and_publishing_in_the_admin_promotes_the_waiting(
    admin_client, event, django_capture_on_commit_callbacks
):
    _fill(event, 5, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    url = f"/admin/pages/{event.pk}/edit/"
    data = querydict_from_html(admin_client.get(url).content.decode(), form_id="page-edit-form")
    data.update({"capacity": "4", "action-publish": "action-publish", **EMPTY_STREAMS})
    data["registration_enabled"] = "on"  # a ticked switch, as the browser sends it
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    event.refresh_from_db()
    assert event.capacity == 4
    statuses = _statuses(event=event)
    assert [statuses[f"p{i}@example.com"] for i in range(5)] == ["confirmed"] * 4 + ["waiting"]
    assert sorted(m.to[0] for m in mail.outbox) == ["p2@example.com", "p3@example.com"]
    newcomer = register(event, name="Ny", email="ny@example.com").registration
    assert newcomer.status == "waiting"  # the waiting were served first


def test_raising_a_series_capacity_in_the_snippet_form_promotes_the_waiting(
    admin_client, django_capture_on_commit_callbacks
):
    series = EventSeries.objects.create(title="Rekke", slug="ventelisterekke", capacity=1)
    index = EventIndexPage.objects.get(slug="arrangementer", locale__language_code="nb")
    session = publish_child(index, EventPage(title="Økt 1", slug="venteliste-okt", series=series, **_dates()))
    _fill(session, 3, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    url = f"/admin/snippets/events/eventseries/edit/{series.pk}/"
    data = querydict_from_html(admin_client.get(url).content.decode(), form_id="w-editor-form")
    data["capacity"] = "3"
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert set(_statuses(series=series).values()) == {"confirmed"}
    assert sorted(m.to[0] for m in mail.outbox) == ["p1@example.com", "p2@example.com"]


@pytest.mark.parametrize("action", ["cancel", "delete"])
def test_an_organiser_removing_fake_sign_ups_in_one_action_fills_the_seats_from_the_waiting_list(
    admin_client, event, action, django_capture_on_commit_callbacks
):
    people = _fill(event, 2, django_capture_on_commit_callbacks)  # two fakes took both seats
    for i in range(3):
        browser().post(
            f"/nb/arrangement/{event.pk}/pamelding/",
            {"name": f"Ekte {i}", "email": f"ekte{i}@example.com", "consent": "on", "website_url": ""},
        )
    mail.outbox.clear()
    url = f"/admin/pameldinger/event/{event.pk}/"
    page = admin_client.get(url).content.decode()
    assert f'name="registration" value="{people[0].pk}"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"action": action, "registration": [p.pk for p in people]})
    assert response.status_code == 302
    statuses = _statuses(event=event)
    assert [statuses[f"ekte{i}@example.com"] for i in range(3)] == ["confirmed", "confirmed", "waiting"]
    if action == "delete":
        assert not Registration.objects.filter(pk__in=[p.pk for p in people]).exists()
        assert sorted(m.to[0] for m in mail.outbox) == ["ekte0@example.com", "ekte1@example.com"]
    else:
        assert {statuses["p0@example.com"], statuses["p1@example.com"]} == {"cancelled"}
    admin_page = admin_client.get(url).content.decode()
    assert 'data-count="confirmed">2<' in admin_page and 'data-count="waiting">1<' in admin_page


def test_nobody_is_promoted_once_the_event_has_started(event, django_capture_on_commit_callbacks):
    from events.registration import cancel

    people = _fill(event, 3, django_capture_on_commit_callbacks)
    EventPage.objects.filter(pk=event.pk).update(start=timezone.now() - timedelta(minutes=5))
    cancel(people[0])
    assert _statuses(event=event)["p2@example.com"] == "waiting"
