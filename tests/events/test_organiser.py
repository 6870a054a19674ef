"""Organiser side: counts, list, exports, attendance, message — only for "Arrangementsansvarlig" (and
superusers); nobody else sees personal data. Also GDPR retention, per-person export/delete, reminders."""

import io
import json
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook

from events.models import Attendance, EventIndexPage, EventPage, Registration
from events.registration import register
from tests.helpers import publish_child, ui

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    index = EventIndexPage.objects.get(slug="arrangementer", locale__language_code="nb")
    now = timezone.now()
    page = publish_child(
        index,
        EventPage(
            title="Arrangørtest",
            slug="arrangortest",
            capacity=1,
            start=now + timedelta(days=6),
            end=now + timedelta(days=6, hours=2),
            join_url="https://zoom.example/j/arr",
        ),
    )
    register(page, name="Kari Nordmann", email="kari@example.com", organisation='=HYPERLINK("x")', needs="Teksting")
    register(page, name="Ola Venter", email="ola@example.com")
    cancelled = register(page, name="Per Avmeldt", email="per@example.com").registration
    from events.registration import cancel

    cancel(cancelled)
    return page


@pytest.fixture
def organiser(client, make_user):
    client.force_login(make_user("arrangor", "Arrangementsansvarlig"))
    return client


def test_organiser_sees_counts_and_the_list(organiser, event):
    index = organiser.get("/admin/pameldinger/").content.decode()
    assert "Arrangørtest" in index
    html = organiser.get(f"/admin/pameldinger/event/{event.pk}/").content.decode()
    assert (
        'data-count="confirmed">1<' in html
        and 'data-count="waiting">1<' in html
        and 'data-count="cancelled">1<' in html
    )
    assert "kari@example.com" in html and "Teksting" in html


def test_csv_and_xlsx_exports(organiser, event):
    csv_text = organiser.get(f"/admin/pameldinger/event/{event.pk}/eksport.csv").content.decode("utf-8-sig")
    assert "Kari Nordmann" in csv_text and "'=HYPERLINK" in csv_text  # formulas neutralised
    response = organiser.get(f"/admin/pameldinger/event/{event.pk}/eksport.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert "ola@example.com" in values


def test_marking_attendance(organiser, event):
    kari = Registration.objects.get(email="kari@example.com")
    url = f"/admin/pameldinger/event/{event.pk}/"
    marked = organiser.post(url, {"session": event.pk, "attended": [kari.pk]})
    assert (marked.status_code, marked["Location"]) == (302, url)
    assert list(Attendance.objects.filter(event=event).values_list("registration", flat=True)) == [kari.pk]
    cleared = organiser.post(url, {"session": event.pk})
    assert (cleared.status_code, cleared["Location"]) == (302, url)
    assert not Attendance.objects.filter(registration=kari).exists()


def test_message_goes_to_confirmed_participants_only(organiser, event, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser.post(
            f"/admin/pameldinger/event/{event.pk}/melding/", {"subject": "Praktisk info", "body": "Husk kaffe"}
        )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["kari@example.com"]]


@pytest.mark.parametrize("group", ["Redaktør", "Fylkesredaktør", "Presseansvarlig"])
def test_other_roles_see_no_personal_data(client, make_user, event, group, django_capture_on_commit_callbacks):
    client.force_login(make_user(f"user-{group}", group))
    denied = ui("Sorry, you do not have permission to access this area.")
    for url in (
        "/admin/pameldinger/",
        f"/admin/pameldinger/event/{event.pk}/",
        f"/admin/pameldinger/event/{event.pk}/eksport.csv",
        f"/admin/pameldinger/event/{event.pk}/eksport.xlsx",
        f"/admin/pameldinger/event/{event.pk}/melding/",
    ):
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url  # the dashboard, refused
        dashboard = client.get("/admin/").content.decode()
        assert denied in dashboard, url
        assert "kari@example.com" not in dashboard

    # Nor can they act: a message is not sent, attendance is neither recorded nor removed.
    kari, ola = Registration.objects.filter(event=event, email__in=["kari@example.com", "ola@example.com"])
    Attendance.objects.create(registration=ola, event=event)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(f"/admin/pameldinger/event/{event.pk}/melding/", {"subject": "Spam", "body": "Kjøp"})
        marked = client.post(f"/admin/pameldinger/event/{event.pk}/", {"session": event.pk, "attended": [kari.pk]})
    assert (sent.status_code, sent["Location"]) == (302, "/admin/")
    assert (marked.status_code, marked["Location"]) == (302, "/admin/")
    assert mail.outbox == []
    assert list(Attendance.objects.filter(event=event).values_list("registration__email", flat=True)) == [
        "ola@example.com"
    ]


def test_anonymous_and_api_see_no_personal_data(client, event):
    response = client.get(f"/admin/pameldinger/event/{event.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")
    for url in (
        "/api/v2/pages/?type=events.EventPage&fields=*",
        f"/api/v2/pages/{event.pk}/",
        f"/nb/arrangement/{event.pk}.ics",
        event.url,
    ):
        response = client.get(url)
        assert response.status_code == 200, url  # the public surfaces answer, without the participants
        assert b"kari@example.com" not in response.content and b"Kari Nordmann" not in response.content, url
    django_admin = client.get("/django-admin/events/registration/")
    assert django_admin.status_code == 302 and django_admin["Location"].startswith("/django-admin/login/")


def test_superuser_sees_registrations(admin_client, event):
    assert b"kari@example.com" in admin_client.get(f"/admin/pameldinger/event/{event.pk}/").content
    # Registrations are not in Django's own admin at all: only the organisers' views above show them.
    assert admin_client.get("/django-admin/events/registration/", follow=True).status_code == 404


def test_purge_anonymises_old_registrations_and_keeps_counts(event):
    now = timezone.now()
    EventPage.objects.filter(pk=event.pk).update(
        start=now - timedelta(days=100), end=now - timedelta(days=100) + timedelta(hours=2)
    )
    recent = EventPage.objects.get(slug="lansering-kommuner", locale__language_code="nb")
    register(recent, name="Ny", email="ny@example.com")
    call_command("purge_registrations", stdout=io.StringIO())
    old = Registration.objects.filter(event=event)
    assert old.count() == 3 and old.filter(status="confirmed").count() == 1
    assert set(old.values_list("email", flat=True)) == {""} and set(old.values_list("name", flat=True)) == {""}
    assert Registration.objects.get(event=recent).email == "ny@example.com"
    kept = list(Registration.objects.order_by("pk").values_list("pk", "name", "email", "status"))
    call_command("purge_registrations", "--days", "200", stdout=io.StringIO())  # idempotent
    assert list(Registration.objects.order_by("pk").values_list("pk", "name", "email", "status")) == kept


def test_registrant_data_export_and_delete(event, django_capture_on_commit_callbacks):
    out = io.StringIO()
    call_command("registrant_data", "--email", "KARI@example.com", "--export", stdout=out)
    data = json.loads(out.getvalue())["registrations"]
    assert data["registrations"][0]["name"] == "Kari Nordmann" and data["registrations"][0]["needs"] == "Teksting"
    with django_capture_on_commit_callbacks(execute=True):
        call_command("registrant_data", "--email", "kari@example.com", "--delete", stdout=io.StringIO())
    assert not Registration.objects.filter(email="kari@example.com").exists()
    assert Registration.objects.get(email="ola@example.com").status == "confirmed"  # the freed seat was passed on
    out = io.StringIO()
    call_command("registrant_data", "--email", "kari@example.com", "--export", stdout=out)
    assert json.loads(out.getvalue()) == {
        "registrations": {"email": "kari@example.com", "registrations": [], "emails": []},
        "conversations": [],
    }


def test_reminders_are_sent_once(event, settings, django_capture_on_commit_callbacks):
    settings.EVENT_REMINDER_HOURS = 24
    now = timezone.now()
    EventPage.objects.filter(pk=event.pk).update(start=now + timedelta(hours=5), end=now + timedelta(hours=7))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [["kari@example.com"]]
    assert "https://zoom.example/j/arr" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 1
