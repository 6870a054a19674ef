"""Registrations: personal data, visible only to event organisers (see events/wagtail_hooks.py).

A registration belongs either to one event (not in a series) or to a series; the database enforces that, and
that one e-mail address holds at most one active registration per event or series.
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("Waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    reference = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event = models.ForeignKey(
        "events.EventPage", null=True, blank=True, on_delete=models.PROTECT, related_name="registrations"
    )
    series = models.ForeignKey(
        "events.EventSeries", null=True, blank=True, on_delete=models.PROTECT, related_name="registrations"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, db_index=True)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        "hub.Municipality", null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("municipality")
    )
    needs = models.TextField(_("accessibility or interpretation needs"), blank=True)
    language = models.CharField(_("language"), max_length=5, default="nb")
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.CheckConstraint(
                condition=(Q(event__isnull=False, series__isnull=True) | Q(event__isnull=True, series__isnull=False)),
                name="registration_event_xor_series",
            ),
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(event__isnull=False) & ~Q(status="cancelled") & ~Q(email=""),
                name="one_active_registration_per_event_email",
            ),
            models.UniqueConstraint(
                fields=["series", "email"],
                condition=Q(series__isnull=False) & ~Q(status="cancelled") & ~Q(email=""),
                name="one_active_registration_per_series_email",
            ),
        ]
        indexes = [models.Index(fields=["email"], name="registration_email_idx")]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"

    @property
    def target(self):
        return self.series if self.series_id else self.event

    def events(self):
        """The sessions this registration covers (one event, or every session of the series)."""
        if self.series_id:
            return list(self.series.sessions())
        return [self.event]


class Attendance(models.Model):
    """Who came to which session (a series registration has one row per attended session)."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="attendances")
    event = models.ForeignKey("events.EventPage", on_delete=models.CASCADE, related_name="attendances")
    marked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["registration", "event"], name="one_attendance_per_session")]

    def __str__(self):
        return f"registration {self.registration_id} attended event {self.event_id}"


class ReminderSent(models.Model):
    """Makes reminders idempotent: one row per registration and session once its reminder was queued."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="reminders")
    event = models.ForeignKey("events.EventPage", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["registration", "event"], name="one_reminder_per_session")]

    def __str__(self):
        return f"reminder to registration {self.registration_id} for event {self.event_id}"
