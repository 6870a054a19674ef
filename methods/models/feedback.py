from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MethodFeedback(models.Model):
    """One answer to "Was this useful?" on a method. Never shown to the public; editors see the report."""

    class Role(models.TextChoices):
        LIBRARY = "library", _("Library staff")
        VOLUNTEER = "volunteer", _("Volunteer organisation")
        MUNICIPALITY = "municipality", _("Municipality or county")
        EDUCATION = "education", _("Education or research")
        OTHER = "other", _("Other")

    method = models.ForeignKey(
        "methods.MethodPage", verbose_name=_("method"), on_delete=models.CASCADE, related_name="feedback"
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    rating = models.PositiveSmallIntegerField(_("rating"))
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    role = models.CharField(_("role or organisation type"), max_length=20, choices=Role.choices, blank=True)
    created_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("method feedback")
        verbose_name_plural = _("method feedback")
        constraints = [
            models.CheckConstraint(condition=Q(rating__gte=1, rating__lte=5), name="method_feedback_rating_1_to_5")
        ]

    def __str__(self):
        return f"{self.method_id}: {self.rating}"
