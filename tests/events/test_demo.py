"""The demo events stay current: every load moves them back to dates around today (idempotently), keeping a
past launch with materials and upcoming events open for registration."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page, Revision

from events.listing import attach_registration
from events.models import EventPage, EventSeries
from events.seats import OPEN

pytestmark = pytest.mark.django_db
DEMO_SLUGS = [
    "kursdag-1",
    "kursdag-2",
    "kursdag-3",
    "digital-samling-frivillige",
    "lansering-startpakke",
    "lansering-kommuner",
]


def _load_events_demo():
    call_command("load_demo", "--no-admin", "--only", "events", verbosity=0)


def _age_demo_events(days):
    """What the database looks like `days` after the demo was loaded: every date that many days further back."""
    delta = timedelta(days=days)
    EventPage.objects.filter(slug__in=DEMO_SLUGS).update(start=F("start") - delta, end=F("end") - delta)
    EventPage.objects.filter(slug="lansering-kommuner").update(registration_opens=F("registration_opens") - delta)
    EventSeries.objects.filter(slug="kursrekke-samskaping").update(registration_opens=F("registration_opens") - delta)


def test_loading_the_demo_again_re_dates_old_demo_events_around_today():
    _age_demo_events(200)
    now = timezone.now()
    assert not EventPage.objects.filter(slug__in=DEMO_SLUGS, end__gte=now).exists()  # all in the past
    pages_before = Page.objects.count()

    _load_events_demo()

    assert Page.objects.count() == pages_before
    nb = {p.slug: p for p in EventPage.objects.filter(slug__in=DEMO_SLUGS, locale__language_code="nb")}
    assert set(nb) == set(DEMO_SLUGS)
    past = [p for p in nb.values() if p.end < now]
    assert [p.slug for p in past] == ["lansering-startpakke"] and past[0].materials
    upcoming = [p for p in nb.values() if p.start > now]
    attach_registration(upcoming)
    assert upcoming and all(p.registration.state == OPEN for p in upcoming)
    english = EventPage.objects.get(
        translation_key=nb["lansering-kommuner"].translation_key, locale__language_code="en"
    )
    assert english.start == nb["lansering-kommuner"].start
    latest = nb["kursdag-1"].get_latest_revision().as_object()
    assert latest.start == nb["kursdag-1"].start  # the admin edits the new dates, not the old ones


def test_loading_the_demo_twice_on_one_day_changes_nothing():
    _age_demo_events(40)
    _load_events_demo()
    pages, revisions = Page.objects.count(), Revision.objects.count()
    starts = dict(EventPage.objects.filter(slug__in=DEMO_SLUGS).values_list("pk", "start"))
    _load_events_demo()
    assert Page.objects.count() == pages and Revision.objects.count() == revisions
    assert dict(EventPage.objects.filter(slug__in=DEMO_SLUGS).values_list("pk", "start")) == starts


def test_demo_event_edited_in_the_admin_keeps_the_editors_dates(superuser):
    page = EventPage.objects.get(slug="digital-samling-frivillige", locale__language_code="nb")
    page.start, page.end = page.start + timedelta(days=3), page.end + timedelta(days=3)
    page.save_revision(user=superuser).publish()
    chosen = EventPage.objects.get(pk=page.pk).start
    _load_events_demo()
    page.refresh_from_db()
    assert page.start == chosen and page.get_latest_revision().user_id == superuser.pk
