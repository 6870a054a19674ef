"""The capacity invariant under real concurrency on PostgreSQL: row locks, not luck."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone
from wagtail.models import Locale, Page

from events.models import EventPage, EventSeries, Registration
from events.registration import register


def _parent_page():
    """Committed pages this test can hang events on (the tree may be empty after an earlier flush)."""
    nb, _ = Locale.objects.get_or_create(language_code="nb")
    for code in ("nn", "en"):
        Locale.objects.get_or_create(language_code=code)
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root", locale=nb)
    return root


def _hammer(event, n):
    barrier = threading.Barrier(n)
    errors, results = [], []

    def worker(i):
        try:
            barrier.wait(timeout=30)
            results.append(register(event, name=f"Deltaker {i}", email=f"deltaker{i}@example.com").registration.status)
        except Exception as exc:  # noqa: BLE001 - any failure in a thread is reported below
            errors.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results, errors


@pytest.mark.django_db(transaction=True)
def test_sixty_simultaneous_registrations_for_ten_seats_confirm_exactly_ten():
    assert connection.vendor == "postgresql"
    now = timezone.now()
    event = _parent_page().add_child(
        instance=EventPage(
            title="Trengsel",
            slug="trengsel-samtidig",
            capacity=10,
            start=now + timedelta(days=3),
            end=now + timedelta(days=3, hours=3),
            registration_opens=now - timedelta(days=1),
        )
    )
    results, errors = _hammer(event, 60)
    assert errors == []
    assert len(results) == 60
    rows = Registration.objects.filter(event=event)
    assert rows.count() == 60  # none lost
    assert rows.filter(status="confirmed").count() == 10
    assert rows.filter(status="waiting").count() == 50
    assert rows.values("email").distinct().count() == 60


@pytest.mark.django_db(transaction=True)
def test_simultaneous_registrations_for_a_series_respect_the_series_capacity():
    now = timezone.now()
    series = EventSeries.objects.create(title="Samtidig rekke", slug="samtidig-rekke", capacity=10)
    parent = _parent_page()
    session = parent.add_child(
        instance=EventPage(
            title="Økt",
            slug="samtidig-okt",
            series=series,
            start=now + timedelta(days=3),
            end=now + timedelta(days=3, hours=3),
        )
    )
    results, errors = _hammer(session, 50)
    assert errors == []
    rows = Registration.objects.filter(series=series)
    assert rows.count() == 50
    assert rows.filter(status="confirmed").count() == 10


@pytest.mark.django_db(transaction=True)
def test_the_same_email_registering_simultaneously_gets_one_registration():
    now = timezone.now()
    event = _parent_page().add_child(
        instance=EventPage(
            title="Dobbel",
            slug="dobbel-samtidig",
            capacity=5,
            start=now + timedelta(days=3),
            end=now + timedelta(days=3, hours=1),
        )
    )
    barrier = threading.Barrier(20)
    pks = []

    def worker():
        try:
            barrier.wait(timeout=30)
            pks.append(register(event, name="Samme", email="samme@example.com").registration.pk)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(pks) == 20 and len(set(pks)) == 1
    assert Registration.objects.filter(event=event).count() == 1
