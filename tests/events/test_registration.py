"""Registration services: state transitions, duplicates, waiting list order and promotion, windows, series."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from events.models import EventPage, EventSeries, Registration
from events.registration import RegistrationUnavailable, cancel, fill_from_waiting_list, register
from events.seats import CLOSED, NOT_OPEN
from tests.helpers import publish_child

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    from events.models import EventIndexPage

    return EventIndexPage.objects.get(slug="arrangementer", locale__language_code="nb")


@pytest.fixture
def make_event(index):
    def _make(slug="testarrangement", capacity=2, days=10, **fields):
        now = timezone.now()
        defaults = dict(
            title=f"Test {slug}",
            slug=slug,
            capacity=capacity,
            start=now + timedelta(days=days),
            end=now + timedelta(days=days, hours=2),
            registration_opens=now - timedelta(days=1),
            join_url="https://zoom.example/j/hemmelig-lenke-123",
        )
        defaults.update(fields)
        return publish_child(index, EventPage(**defaults))

    return _make


def person(n, **extra):
    return dict(name=f"Person {n}", email=f"person{n}@example.com", organisation="Biblioteket", **extra)


def test_registrations_are_confirmed_until_capacity_then_waiting(make_event, django_capture_on_commit_callbacks):
    event = make_event(capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [register(event, **person(i)).registration.status for i in range(4)]
    assert statuses == ["confirmed", "confirmed", "waiting", "waiting"]
    assert len(mail.outbox) == 4
    confirmed_mail = [m for m in mail.outbox if m.to == ["person0@example.com"]][0]
    waiting_mail = [m for m in mail.outbox if m.to == ["person2@example.com"]][0]
    assert "hemmelig-lenke-123" in confirmed_mail.body
    assert confirmed_mail.attachments and confirmed_mail.attachments[0][2] == "text/calendar"
    assert "hemmelig-lenke-123" not in waiting_mail.body
    assert "hemmelig-lenke-123" not in str(waiting_mail.attachments)


def test_unlimited_capacity_confirms_everyone(make_event):
    event = make_event(capacity=None)
    assert {register(event, **person(i)).registration.status for i in range(5)} == {"confirmed"}


def test_second_registration_with_same_email_returns_first(make_event):
    event = make_event()
    first = register(event, **person(1))
    second = register(event, name="Someone Else", email="  PERSON1@Example.com ")
    assert first.created and not second.created
    assert second.registration.pk == first.registration.pk
    assert Registration.objects.filter(event=event).count() == 1


def test_cancel_promotes_first_on_waiting_list_and_emails_them(make_event, django_capture_on_commit_callbacks):
    event = make_event(capacity=1)
    seat = register(event, **person(1)).registration
    first_waiting = register(event, **person(2)).registration
    second_waiting = register(event, **person(3)).registration
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        result = cancel(seat)
    assert [p.pk for p in result.promoted] == [first_waiting.pk]
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert first_waiting.status == "confirmed" and second_waiting.status == "waiting"
    promoted_mail = [m for m in mail.outbox if m.to == ["person2@example.com"]]
    assert len(promoted_mail) == 1 and "hemmelig-lenke-123" in promoted_mail[0].body


def test_waiting_list_is_served_in_registration_order(make_event):
    event = make_event(capacity=1)
    regs = [register(event, **person(i)).registration for i in range(5)]
    cancel(regs[0])
    cancel(regs[1])
    statuses = {r.pk: Registration.objects.get(pk=r.pk).status for r in regs}
    assert [statuses[r.pk] for r in regs] == ["cancelled", "cancelled", "confirmed", "waiting", "waiting"]


def test_cancelling_a_waiting_registration_promotes_nobody(make_event):
    event = make_event(capacity=1)
    register(event, **person(1))
    waiting = register(event, **person(2)).registration
    register(event, **person(3))
    assert cancel(waiting).promoted == []


def test_cancel_is_idempotent(make_event):
    event = make_event()
    reg = register(event, **person(1)).registration
    assert not cancel(reg).already_cancelled
    assert cancel(reg).already_cancelled


def test_cancelled_person_can_register_again(make_event):
    event = make_event()
    reg = register(event, **person(1)).registration
    cancel(reg)
    again = register(event, **person(1))
    assert again.created and again.registration.pk != reg.pk


def test_raising_capacity_fills_from_waiting_list(make_event):
    event = make_event(capacity=1)
    register(event, **person(1))
    waiting = register(event, **person(2)).registration
    EventPage.objects.filter(pk=event.pk).update(capacity=2)
    assert [p.pk for p in fill_from_waiting_list(event)] == [waiting.pk]


def test_registration_not_yet_open_is_refused(make_event):
    event = make_event(registration_opens=timezone.now() + timedelta(days=1))
    with pytest.raises(RegistrationUnavailable) as exc:
        register(event, **person(1))
    assert exc.value.state == NOT_OPEN


def test_registration_after_closing_is_refused(make_event):
    event = make_event(registration_closes=timezone.now() - timedelta(minutes=1))
    with pytest.raises(RegistrationUnavailable) as exc:
        register(event, **person(1))
    assert exc.value.state == CLOSED


def test_registration_closes_when_event_starts_by_default(make_event):
    event = make_event(days=-1)
    with pytest.raises(RegistrationUnavailable):
        register(event, **person(1))


def test_one_registration_covers_every_session_of_a_series(index, make_event):
    series = EventSeries.objects.create(title="Testrekke", slug="testrekke", capacity=1)
    day1 = make_event(slug="okt-1", series=series, capacity=None, days=5)
    day2 = make_event(slug="okt-2", series=series, capacity=None, days=12)
    first = register(day1, **person(1))
    again = register(day2, **person(1))
    assert again.registration.pk == first.registration.pk
    assert first.registration.series_id == series.pk and first.registration.event_id is None
    assert [e.pk for e in first.registration.events()] == [day1.pk, day2.pk]
    # the series' capacity (1) governs, not the sessions' (unlimited)
    assert register(day2, **person(2)).registration.status == "waiting"


def test_registration_on_a_translation_counts_against_the_original(make_event):
    launch = EventPage.objects.get(slug="lansering-kommuner", locale__language_code="nb")
    english = EventPage.objects.get(translation_key=launch.translation_key, locale__language_code="en")
    reg = register(english, language="en", **person(1)).registration
    assert reg.event_id == launch.pk and reg.language == "en"
    assert register(launch, **person(1)).registration.pk == reg.pk
