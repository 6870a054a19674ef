"""The media kit: logos and photos journalists may use, with credit and licence.

A photo that shows people is offered only when the people pictured have consented. The rule is checked in
`clean()` (the admin form), held by a database check constraint, and applied again in the one query every
public surface uses (`MediaKitItem.objects.offerable()`), so a withdrawn consent takes the photo down at once.
"""

import mimetypes
import os

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model_string
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

WEB_RENDITION = "max-1600x1600"
CONSENT_MISSING = Q(shows_people=True, people_consented=False)


class MediaKitQuerySet(models.QuerySet):
    def offerable(self):
        """Items that may be shown and downloaded: offered, and never people without consent."""
        return self.filter(offered=True).exclude(CONSENT_MISSING)

    def for_locale(self, locale):
        """Items in `locale`, or in the default locale when nothing has been translated into it."""
        items = self.filter(locale=locale)
        if locale is not None and not items.exists():
            items = self.filter(locale=Locale.get_default())
        return items


class MediaKitItem(TranslatableMixin, models.Model):
    class Kind(models.TextChoices):
        LOGO = "logo", _("Logo")
        PHOTO = "photo", _("Photo")

    class Licence(models.TextChoices):
        CC_BY = "CC BY 4.0", "CC BY 4.0"
        CC_BY_SA = "CC BY-SA 4.0", "CC BY-SA 4.0"
        CC0 = "CC0 1.0", "CC0 1.0"
        EDITORIAL = "editorial", _("Free for editorial use about the project")

    title = models.CharField(_("title"), max_length=200)
    image = models.ForeignKey(
        get_image_model_string(), verbose_name=_("image"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PHOTO)
    description = models.TextField(_("description"), help_text=_("What the image shows; also used as alt text."))
    credit = models.CharField(
        _("credit"), max_length=200, help_text=_("Photographer or designer, as it must be printed.")
    )
    licence = models.CharField(_("licence"), max_length=20, choices=Licence.choices, default=Licence.CC_BY)
    shows_people = models.BooleanField(_("shows people"), default=False)
    people_consented = models.BooleanField(
        _("the people pictured have consented"),
        default=False,
        help_text=_("Tick only when every recognisable person has agreed to the photo being offered to the press."),
    )
    consent_note = models.CharField(
        _("consent record"), max_length=300, blank=True, help_text=_("Where and when the consent was recorded.")
    )
    offered = models.BooleanField(_("offered in the media kit"), default=True)
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    objects = MediaKitQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("image"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("credit"),
        FieldPanel("licence"),
        MultiFieldPanel(
            [FieldPanel("shows_people"), FieldPanel("people_consented"), FieldPanel("consent_note")],
            heading=_("People in the photo"),
        ),
        FieldPanel("offered"),
        FieldPanel("sort_order"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("description"),
        SynchronizedField("image"),
        SynchronizedField("kind"),
        SynchronizedField("credit"),
        SynchronizedField("licence"),
        SynchronizedField("shows_people"),
        SynchronizedField("people_consented"),
        SynchronizedField("consent_note"),
        SynchronizedField("offered"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["kind", "sort_order", "title"]
        verbose_name = _("media kit item")
        verbose_name_plural = _("media kit")
        constraints = [
            models.CheckConstraint(
                condition=~Q(offered=True, shows_people=True, people_consented=False),
                name="press_mediakit_people_need_consent",
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.offered and self.shows_people and not self.people_consented:
            raise ValidationError(
                {
                    "people_consented": _(
                        "A photo of people can only be offered when the people pictured have consented. "
                        "Record the consent, or untick “offered in the media kit”."
                    )
                }
            )

    # Downloads -----------------------------------------------------------------------------------------------
    def download_name(self, suffix=""):
        ext = os.path.splitext(self.image.file.name)[1].lower() or ".jpg"
        return f"{slugify(self.title) or 'bilde'}{suffix}{ext}"

    @staticmethod
    def content_type_for(filename):
        return mimetypes.guess_type(filename)[0] or "application/octet-stream"

    def web_rendition(self):
        return self.image.get_rendition(WEB_RENDITION)
