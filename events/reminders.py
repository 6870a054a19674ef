"""Reminder e-mails a configurable time before each session; ReminderSent makes them idempotent."""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale

from events import emails
from events.models import EventPage, Registration, ReminderSent


def send_reminders(now=None, hours=None):
    """Queue a reminder for every confirmed participant of sessions starting within `hours`. Returns the count."""
    now = now or timezone.now()
    hours = getattr(settings, "EVENT_REMINDER_HOURS", 24) if hours is None else hours
    sessions = EventPage.objects.live().filter(
        locale=Locale.get_default(), start__gt=now, start__lte=now + timedelta(hours=hours)
    )
    sent = 0
    for session in sessions:
        scope = Q(series_id=session.series_id) if session.series_id else Q(event_id=session.pk)
        registrations = (
            Registration.objects.filter(scope, status=Registration.Status.CONFIRMED)
            .exclude(email="")
            .exclude(reminders__event=session)
            .select_related("event", "series")
        )
        for registration in registrations:
            try:
                with transaction.atomic():
                    ReminderSent.objects.create(registration=registration, event=session)
                    emails.reminder(registration, session)
            except IntegrityError:  # another run got there first
                continue
            sent += 1
    return sent
