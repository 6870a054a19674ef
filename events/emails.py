"""The e-mails of a registration, each queued through infrastructure.mail.queue_email (stored, sent by a task,
retried).

The e-mails that follow a person's own action (registered, registered again, promoted, cancelled) are composed
by a task, not in the request: `enqueue(kind, pk)` only stores a task (one row with the production queue), so a
crowd registering at once waits for the seat lock, not for texts, calendar files and links being put together.
The task reads the registration as it is when it runs, so the e-mail tells its status then.

Only e-mails to confirmed participants contain the join link (in the text and the attached .ics).
"""

import logging

from django.core.exceptions import ObjectDoesNotExist
from django.db import DatabaseError, transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task
from django_tasks_db.backend import DatabaseBackend
from wagtail.models import Locale, Site

from events import seats
from events.ical import calendar_bytes
from events.models import Registration
from events.tokens import make_cancel_token
from infrastructure import extensions
from infrastructure.mail import queue_email

logger = logging.getLogger("events")


def site_root():
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


def absolute(path):
    return site_root() + path


def _when(page):
    start, end = timezone.localtime(page.start), timezone.localtime(page.end)
    return f"{formats.date_format(start, 'DATETIME_FORMAT')} – {formats.time_format(end, 'TIME_FORMAT')}"


def _localized(page, language):
    try:
        return page.get_translation(Locale.objects.get(language_code=language))
    except ObjectDoesNotExist:  # no such locale, or the page is not translated: the original language serves
        return page


def _sessions(registration):
    return [s for s in registration.events() if s is not None]


def _title(registration):
    return (
        registration.series.title
        if registration.series_id
        else _localized(registration.event, registration.language).title
    )


def cancel_url(registration):
    with translation.override(registration.language):
        return absolute(reverse("events:cancel", args=[make_cancel_token(registration)]))


def _compose(registration, intro, include_join):
    sessions = _sessions(registration)
    lines = [_("Hello %(name)s,") % {"name": registration.name}, "", intro, ""]
    calendar_items, join_urls = [], {}
    for session in sessions:
        local = _localized(session, registration.language)
        url = local.full_url or ""
        lines.append(f"• {local.title}: {_when(session)}")
        if session.platform or session.venue:
            lines.append("  " + ", ".join(p for p in (session.venue, session.platform) if p))
        if url:
            lines.append("  " + url)
        if include_join and session.join_url:
            lines.append("  " + _("Join link: %(url)s") % {"url": session.join_url})
            join_urls[session.pk] = session.join_url
        calendar_items.append((session, url))
    if include_join:
        for extra in extensions.call(extensions.REGISTRATION_EMAIL_LINES, registration):
            lines += extra
    lines += [
        "",
        _("Cannot come after all? Cancel here so someone on the waiting list gets your seat:"),
        cancel_url(registration),
    ]
    attachments = []
    if calendar_items:
        attachments.append(
            ("arrangement.ics", calendar_bytes(calendar_items, join_urls=join_urls).decode(), "text/calendar")
        )
    return "\n".join(lines) + "\n", attachments


def _send(registration, subject, intro, include_join):
    with translation.override(registration.language):
        body, attachments = _compose(registration, intro, include_join)
        subject = subject % {"title": _title(registration)}
    return queue_email([registration.email], subject, body, attachments=attachments)


def _get(pk):
    return Registration.objects.select_related("event", "series").filter(pk=pk).exclude(email="").first()


def registration_received(pk, resent=False):
    """The confirmation (with the join link) or the waiting-list notice. `resent`: the same address registered
    again, so the existing registration's details are sent to it once more (never shown on the web page)."""
    registration = _get(pk)
    if registration is None or registration.status == Registration.Status.CANCELLED:
        return None
    with translation.override(registration.language):
        note = (
            _(
                "Someone registered again with this e-mail address. You were already registered, so nothing has "
                "changed; here are your details."
            )
            + "\n\n"
            if resent
            else ""
        )
        if registration.status == Registration.Status.CONFIRMED:
            return _send(
                registration, _("Registration confirmed: %(title)s"), note + _("You are registered. Welcome!"), True
            )
        intro = _(
            "The event is full. You are number %(n)s on the waiting list; we will e-mail you if a seat becomes free."
        ) % {"n": seats.waiting_position(registration)}
        return _send(registration, _("Waiting list: %(title)s"), note + intro, False)


def registration_resent(pk):
    """The details of an existing registration, to its own address (after a second registration with it)."""
    return registration_received(pk, resent=True)


def promoted(pk):
    registration = _get(pk)
    if registration is None or registration.status != Registration.Status.CONFIRMED:
        return None
    with translation.override(registration.language):
        return _send(registration, _("You got a seat: %(title)s"), _("A seat became free and it is yours."), True)


def cancelled(pk):
    registration = _get(pk)
    if registration is None:
        return None
    with translation.override(registration.language):
        subject = _("Registration cancelled: %(title)s") % {"title": _title(registration)}
        body = "\n".join(
            [_("Hello %(name)s,") % {"name": registration.name}, "", _("Your registration is cancelled."), ""]
        )
        return queue_email([registration.email], subject, body)


def reminder(registration, session):
    with translation.override(registration.language):
        local = _localized(session, registration.language)
        subject = _("Reminder: %(title)s") % {"title": local.title}
        lines = [
            _("Hello %(name)s,") % {"name": registration.name},
            "",
            _("Welcome to %(title)s, %(when)s.") % {"title": local.title, "when": _when(session)},
        ]
        if session.join_url:
            lines.append(_("Join link: %(url)s") % {"url": session.join_url})
        lines += ["", _("Cannot come after all? Cancel here:"), cancel_url(registration)]
        ics = calendar_bytes(
            [(session, local.full_url or "")], join_urls={session.pk: session.join_url} if session.join_url else None
        )
        return queue_email(
            [registration.email],
            subject,
            "\n".join(lines) + "\n",
            attachments=[("arrangement.ics", ics.decode(), "text/calendar")],
        )


def message_participants(registrations, subject, body, reply_to=()):
    """One e-mail per confirmed participant (nobody sees the others' addresses)."""
    sent = 0
    for registration in registrations:
        if registration.status == Registration.Status.CONFIRMED and registration.email:
            queue_email([registration.email], subject, body, reply_to=reply_to)
            sent += 1
    return sent


COMPOSERS = {
    "received": registration_received,
    "resent": registration_resent,
    "promoted": promoted,
    "cancelled": cancelled,
}


@task()
def compose_and_queue(kind, pk):
    """Compose one e-mail of COMPOSERS for registration `pk` and queue it for delivery; the stored e-mail's id."""
    email = COMPOSERS[kind](pk)
    return email.pk if email is not None else None


def enqueue(kind, pk):
    """Hand the composing of one registration e-mail to the task queue. A broken queue is logged with the
    registration, which stays stored: the organisers' list shows it, and nothing about the request fails."""
    try:
        compose_and_queue.enqueue(kind, pk)
    except (DatabaseError, OSError):  # the queue's database or broker is down
        logger.exception("could not enqueue the %s e-mail of registration %s", kind, pk)


def enqueue_with_change(kind, pk):
    """Queue the e-mail of a registration change being made in the current transaction.

    With the database queue (production), the task row is written in that same transaction: the change and the
    promise to tell the person are stored together or not at all, so no confirmation can be lost between the
    commit and the enqueue. A queue outside the database (or the immediate runner, which would compose the
    e-mail while the seat lock is held) gets the task once the change has committed."""
    if isinstance(compose_and_queue.get_backend(), DatabaseBackend):
        compose_and_queue.enqueue(kind, pk)  # a database error here rolls the change back: the caller sees it
    else:
        transaction.on_commit(lambda: enqueue(kind, pk), robust=True)
