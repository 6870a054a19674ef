"""Which uploaded files pages use, and which files are withheld from the public because of it.

A file (image or document) used by content that is not live yet — a draft, a release under embargo, the
unpublished next version of a live page — and by no live content is *withheld*: every public URL of it (the
original, each rendition, the document link) answers 404 until that content goes live. Both tables are kept
up to date in the same transaction as the page save (`infrastructure.embargo`), never by a queued task.
"""

from django.db import models
from wagtail.models import Page


class MediaKind(models.TextChoices):
    IMAGE = "image", "image"
    DOCUMENT = "document", "document"


class MediaUse(models.Model):
    """One file used by one page, either in its live content (`live`) or in its pending content."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=MediaKind.choices)
    object_id = models.PositiveBigIntegerField()
    live = models.BooleanField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "kind", "object_id", "live"], name="hub_mediause_unique"),
        ]
        indexes = [models.Index(fields=["kind", "object_id"], name="hub_mediause_file")]

    def __str__(self):
        return f"{self.kind} {self.object_id} on page {self.page_id} ({'live' if self.live else 'pending'})"


class WithheldFile(models.Model):
    """A storage name (original, rendition or document file) the public must not get, and whose file it is."""

    path = models.CharField(max_length=255, unique=True)
    kind = models.CharField(max_length=8, choices=MediaKind.choices)
    object_id = models.PositiveBigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["kind", "object_id"], name="hub_withheld_file")]

    def __str__(self):
        return self.path
