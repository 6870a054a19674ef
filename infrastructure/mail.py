"""Outgoing e-mail: stored first, sent by a task, retried when the mail server fails.

`queue_email(...)` is the one entry point for every app. It stores an `OutboundEmail` row in the caller's
transaction (so a rolled-back registration sends nothing) and enqueues the delivery task only after that
transaction commits. The task sends the message; on failure the row is marked failed with the error, and
is retried later (a deferred task where the backend supports it, else `manage.py retry_failed_emails`).
A slow or failing mail server therefore never loses or blocks the state change that caused the mail.
"""

import base64
import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import DatabaseError, transaction
from django.utils import timezone
from django_tasks import task

from hub.models import OutboundEmail

logger = logging.getLogger("infrastructure.mail")

MAX_ATTEMPTS = getattr(settings, "MAIL_MAX_ATTEMPTS", 5)
RETRY_BASE_SECONDS = getattr(settings, "MAIL_RETRY_BASE_SECONDS", 60)


def _stored_attachment(filename, content, mimetype):
    if isinstance(content, bytes):
        return {"filename": filename, "content": base64.b64encode(content).decode(), "mimetype": mimetype, "b64": True}
    return {"filename": filename, "content": content, "mimetype": mimetype, "b64": False}


def after_commit(func):
    """Run `func` once the surrounding transaction commits (at once outside a transaction).

    Test cases wrap every test in an atomic block that never commits; such wrapper blocks count as "no
    transaction", exactly like autocommit in production, so apps' tests still see their mail.
    """
    connection = transaction.get_connection()
    if connection.in_atomic_block and all(getattr(a, "_from_testcase", False) for a in connection.atomic_blocks):
        func()
    else:
        transaction.on_commit(func, robust=True)


def queue_email(to, subject, body, attachments=(), reply_to=()):
    """to: list of addresses; attachments: (filename, content str|bytes, mimetype) tuples. Returns the stored row."""
    email = OutboundEmail.objects.create(
        to=list(to),
        subject=subject.replace("\n", " ").replace("\r", " ")[:300],
        body=body,
        attachments=[_stored_attachment(*a) for a in attachments],
        reply_to=list(reply_to),
    )
    after_commit(lambda: enqueue_delivery(email.pk))
    return email


def enqueue_delivery(email_id, delay_seconds=0):
    """Hand one stored e-mail to the task queue; a broken queue is logged, the row stays for a retry."""
    try:
        t = deliver_email
        if delay_seconds and t.get_backend().supports_defer:
            t = t.using(run_after=timezone.now() + timedelta(seconds=delay_seconds))
        t.enqueue(email_id)
    except (DatabaseError, OSError):  # the queue's database or broker is down: the request must still succeed
        logger.exception("could not enqueue e-mail %s; it stays stored for the hourly retry", email_id)


def build_message(email):
    message = EmailMessage(
        subject=email.subject,
        body=email.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(email.to),
        reply_to=list(email.reply_to),
    )
    for a in email.attachments:
        content = base64.b64decode(a["content"]) if a.get("b64") else a["content"]
        message.attach(a["filename"], content, a["mimetype"])
    return message


def send_now(email_id):
    """Send one stored e-mail unless it was already sent. Returns the row (status sent or failed)."""
    with transaction.atomic():
        email = (
            OutboundEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id)
            .exclude(status=OutboundEmail.Status.SENT)
            .first()
        )
        if email is None:  # sent already, deleted, or another worker holds it
            return None
        email.attempts += 1
        email.last_attempt_at = timezone.now()
        try:
            build_message(email).send()
        except (smtplib.SMTPException, OSError, ValueError) as exc:  # refused, unreachable, or a bad address
            email.status = OutboundEmail.Status.FAILED
            email.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            logger.warning("e-mail %s failed (attempt %s): %s", email.pk, email.attempts, email.last_error)
        else:
            email.status = OutboundEmail.Status.SENT
            email.sent_at = timezone.now()
            email.last_error = ""
        email.save(update_fields=["attempts", "last_attempt_at", "status", "last_error", "sent_at"])
    return email


@task()
def deliver_email(email_id):
    email = send_now(email_id)
    if email is not None and email.status == OutboundEmail.Status.FAILED and email.attempts < MAX_ATTEMPTS:
        if deliver_email.get_backend().supports_defer:  # back off: 1, 2, 4, 8 … minutes
            enqueue_delivery(email.pk, delay_seconds=RETRY_BASE_SECONDS * 2 ** (email.attempts - 1))
    return email.status if email else None


def retry_failed(max_attempts=None, queued_older_than=None):
    """Re-enqueue failed e-mails (and ones stuck in the queue) for delivery. Returns how many."""
    failed = OutboundEmail.objects.filter(status=OutboundEmail.Status.FAILED)
    if max_attempts:
        failed = failed.filter(attempts__lt=max_attempts)
    ids = list(failed.values_list("pk", flat=True))
    if queued_older_than is not None:
        ids += list(
            OutboundEmail.objects.filter(
                status=OutboundEmail.Status.QUEUED, created_at__lt=timezone.now() - queued_older_than
            ).values_list("pk", flat=True)
        )
    for pk in ids:
        enqueue_delivery(pk)
    return len(ids)
