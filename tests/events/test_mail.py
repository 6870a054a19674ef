"""E-mail through the queue: a failing mail server never loses or blocks a registration; failures are stored,
visible to organisers and retried."""

import socket

import pytest
from django.core import mail
from django.core.management import call_command

from events.models import Registration
from hub.models import OutboundEmail
from infrastructure.mail import queue_email
from tests.factories.events import upcoming_event

pytestmark = pytest.mark.django_db


def _closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def failing_smtp(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = _closed_port()
    settings.EMAIL_TIMEOUT = 2
    return settings


@pytest.fixture
def event():
    return upcoming_event("Posttest", "posttest", capacity=5, in_days=5, join_url="https://zoom.example/j/post")


def test_queue_email_stores_and_sends(settings):
    email = queue_email(
        ["a@example.com"],
        "Hei\nder",
        "Tekst",
        attachments=[("a.ics", "BEGIN:VCALENDAR", "text/calendar"), ("b.bin", b"\x00\x01", "application/octet-stream")],
    )
    email.refresh_from_db()
    assert email.status == "sent" and email.attempts == 1
    assert mail.outbox[0].subject == "Hei der"
    assert mail.outbox[0].attachments[1][1] == b"\x00\x01"


def test_failing_mail_server_does_not_lose_the_registration(
    client, event, failing_smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/nb/arrangement/{event.pk}/pamelding/",
            {"name": "Kari", "email": "kari@example.com", "consent": "on"},
        )
    registration = Registration.objects.get(event=event, email="kari@example.com")
    assert (response.status_code, response["Location"]) == (302, f"/nb/arrangement/{event.pk}/pamelding/sendt/")
    assert registration.status == "confirmed"
    stored = OutboundEmail.objects.get(to=["kari@example.com"])
    assert stored.status == "failed" and stored.attempts == 1
    assert "Connection refused" in stored.last_error  # the mail server's own answer, kept for the organisers
    assert mail.outbox == []


def test_failed_email_is_retried_by_the_command(event, failing_smtp):
    email = queue_email(["ola@example.com"], "Emne", "Tekst")
    email.refresh_from_db()
    assert email.status == "failed"
    call_command("retry_failed_emails")  # still failing: one more attempt recorded
    email.refresh_from_db()
    assert email.status == "failed" and email.attempts == 2
    failing_smtp.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("retry_failed_emails")
    email.refresh_from_db()
    assert email.status == "sent" and email.attempts == 3 and email.last_error == ""
    assert [m.to for m in mail.outbox] == [["ola@example.com"]]
    call_command("retry_failed_emails")  # nothing left: never sent twice
    assert len(mail.outbox) == 1


def test_failed_emails_are_visible_to_organisers(client, make_user, failing_smtp):
    queue_email(["synlig@example.com"], "Synlig feil", "Tekst")
    client.force_login(make_user("arr-outbox", "Arrangementsansvarlig"))
    response = client.get("/admin/pameldinger/utboks/")
    assert response.status_code == 200
    assert "Synlig feil" in response.content.decode()
    client.force_login(make_user("red-outbox", "Redaktør"))
    refused = client.get("/admin/pameldinger/utboks/")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # the dashboard, with a refusal
    assert "Synlig feil" not in client.get("/admin/").content.decode()


def test_email_rolled_back_with_its_transaction_is_never_sent(event):
    from django.db import transaction

    with pytest.raises(RuntimeError):
        with transaction.atomic():
            queue_email(["rollback@example.com"], "Aldri", "Tekst")
            raise RuntimeError
    assert not OutboundEmail.objects.filter(to=["rollback@example.com"]).exists()
    assert mail.outbox == []


def test_a_registration_post_stores_the_seat_and_one_task_and_the_worker_writes_the_e_mail(
    client, event, settings, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # the production queue
    client.get(f"/nb/arrangement/{event.pk}/pamelding/")
    with django_assert_max_num_queries(11), django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/nb/arrangement/{event.pk}/pamelding/", {"name": "Kari", "email": "kari@example.com", "consent": "on"}
        )
    assert response.status_code == 302
    registration = Registration.objects.get(event=event, email="kari@example.com")
    assert not OutboundEmail.objects.exists() and mail.outbox == []  # nothing composed in the request
    task = DBTaskResult.objects.get()
    assert task.task_path == "events.emails.compose_and_queue"
    assert task.args_kwargs == {"args": ["received", registration.pk], "kwargs": {}}

    queued = task.task  # what the worker runs: the stored task path with the stored arguments
    queued.call(*task.args_kwargs["args"], **task.args_kwargs["kwargs"])
    stored = OutboundEmail.objects.get(to=["kari@example.com"])
    assert "/nb/arrangement/avmelding/" in stored.body and "https://zoom.example/j/post" in stored.body


def test_with_the_database_queue_a_registration_and_its_e_mail_task_are_stored_together(
    event, settings, django_capture_on_commit_callbacks
):
    """The task row is written in the registration's transaction: a rolled-back registration leaves no task, and
    a stored one has its task without any commit hook having run."""
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    from events.registration import cancel, register

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with pytest.raises(RuntimeError), transaction.atomic():
        register(event, name="Ola", email="ola@example.com")
        assert DBTaskResult.objects.count() == 1  # inside the transaction, with the registration
        raise RuntimeError
    assert not Registration.objects.exists() and not DBTaskResult.objects.exists()

    with django_capture_on_commit_callbacks():  # the commit hooks (cached pages) are kept, not run
        kari = register(event, name="Kari", email="kari@example.com").registration
        cancel(kari)
    assert [t.args_kwargs["args"] for t in DBTaskResult.objects.order_by("enqueued_at")] == [
        ["received", kari.pk],
        ["cancelled", kari.pk],
    ]


def test_with_the_immediate_runner_the_e_mail_is_composed_after_the_commit(event, django_capture_on_commit_callbacks):
    """Composing an e-mail while the seat lock is held would make the crowd behind it wait: without a database
    queue, the task runs once the registration has committed, and not at all when it rolls back."""
    from django.db import transaction

    from events.registration import register

    with pytest.raises(RuntimeError), transaction.atomic():
        register(event, name="Ola", email="ola@example.com")
        assert not OutboundEmail.objects.exists()
        raise RuntimeError
    assert not OutboundEmail.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        register(event, name="Kari", email="kari@example.com")
        assert not OutboundEmail.objects.exists()  # not yet: the registration has not committed
    assert OutboundEmail.objects.filter(to=["kari@example.com"]).count() == 1
