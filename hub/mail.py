"""Outgoing e-mail goes through the task queue, so a slow or failing mail server never blocks a request.

queue_email(...) is the one entry point for every app. (The events work extends this with stored messages,
retries and an organiser view.)"""

from django.conf import settings
from django.core.mail import EmailMessage
from django_tasks import task


@task()
def deliver_email(to, subject, body, attachments=(), reply_to=()):
    message = EmailMessage(
        subject=subject.replace("\n", " ").replace("\r", " "),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        reply_to=list(reply_to),
    )
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()


def queue_email(to, subject, body, attachments=(), reply_to=()):
    """to: list of addresses; attachments: (filename, content, mimetype) tuples."""
    return deliver_email.enqueue(list(to), subject, body, [list(a) for a in attachments], list(reply_to))
