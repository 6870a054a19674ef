"""The conversation log follows the registrations: its link is in the course-series e-mail, and the privacy
commands export, erase and purge its entries together with the registration."""

import datetime
import json
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from cockpit.models import ConversationLog
from events.registration import register
from tests.factories import pages as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def series_event(home):
    index = f.event_index(home)
    course = f.series("kursrekke-personvern")
    return f.event(
        index,
        "Personvernkurs dag 1",
        series=course,
        days_from_now=5,
        registration_opens=timezone.now() - datetime.timedelta(days=1),
        registration_closes=timezone.now() + datetime.timedelta(days=3),
    )


def log_entry(registration, **extra):
    return ConversationLog.objects.create(
        registration_ref=registration.reference,
        organisation_name="Sjakklubben",
        org_type="culture",
        held_on=datetime.date.today(),
        challenges="Få unge møter opp.",
        **extra,
    )


def test_course_series_confirmation_mail_links_to_the_conversation_log(
    series_event, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(series_event, name="Kari", email="kari@example.com").registration
    assert registration.series_id
    body = mail.outbox[-1].body
    assert "/samtaler/" in body


def test_registrant_export_includes_conversations_and_delete_erases_them(series_event):
    registration = register(series_event, name="Ola", email="ola@example.com").registration
    log_entry(registration)
    out = StringIO()
    call_command("registrant_data", "--email", "ola@example.com", "--export", stdout=out)
    data = json.loads(out.getvalue())
    assert data["conversations"][0]["organisation"] == "Sjakklubben"
    assert data["registrations"]["registrations"][0]["name"] == "Ola"

    call_command("registrant_data", "--email", "ola@example.com", "--delete", stdout=StringIO())
    assert not ConversationLog.objects.filter(registration_ref=registration.reference).exists()
    registration.refresh_from_db()
    assert registration.name != "Ola"


def test_retention_purge_detaches_old_conversation_entries(series_event):
    registration = register(series_event, name="Per", email="per@example.com").registration
    entry = log_entry(registration)
    ConversationLog.objects.filter(pk=entry.pk).update(created_at=timezone.now() - datetime.timedelta(days=400))
    call_command("purge_registrations", "--days", "90", stdout=StringIO())
    entry.refresh_from_db()
    assert entry.registration_ref is None and entry.challenges == ""
    assert entry.organisation_name == "Sjakklubben"  # the totals survive
