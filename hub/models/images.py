"""The hub's image library: every picture carries alternative text (or is marked decorative), a credit, a licence
and a record of consent when people are pictured.

Editors write the alt text once, on the image; a place that shows the image may still give its own (a story's
photo caption context). The rules are checked where an image is edited in full (`hub.image_forms`) and again
where a page picks an image as its hero or card picture (`image_problems`), so an image that came in through
the multiple uploader without those details cannot be published on a page before they are filled in.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model_string
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class Licence(models.TextChoices):
    CC_BY = "CC BY 4.0", "CC BY 4.0"
    CC_BY_SA = "CC BY-SA 4.0", "CC BY-SA 4.0"
    CC0 = "CC0 1.0", "CC0 1.0"
    PERMISSION = "permission", _("Used with permission (all rights reserved)")


class HubImage(AbstractImage):
    description = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        default="",
        help_text=_("Describe what the image shows for people who cannot see it. Required unless decorative."),
    )
    is_decorative = models.BooleanField(
        _("decorative only"),
        default=False,
        help_text=_("Tick only if the image adds no information; screen readers will skip it."),
    )
    credit = models.CharField(
        _("credit"), max_length=200, blank=True, help_text=_("Photographer or illustrator, as it must be printed.")
    )
    licence = models.CharField(_("licence"), max_length=20, choices=Licence.choices, blank=True)
    shows_people = models.BooleanField(_("shows people"), default=False)
    people_consented = models.BooleanField(
        _("the people pictured have consented"),
        default=False,
        help_text=_("Tick only when every recognisable person has agreed to the photo being published."),
    )
    consent_note = models.CharField(
        _("consent record"), max_length=300, blank=True, help_text=_("Where and when the consent was recorded.")
    )

    admin_form_fields = Image.admin_form_fields + (
        "is_decorative",
        "credit",
        "licence",
        "shows_people",
        "people_consented",
        "consent_note",
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @property
    def default_alt_text(self):
        """Decorative images get alt=""; never the title, which is usually a file name."""
        return "" if self.is_decorative else self.description

    @property
    def licence_label(self):
        return self.get_licence_display() if self.licence else ""


class HubRendition(AbstractRendition):
    image = models.ForeignKey(HubImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def image_problems(image):
    """Why `image` may not be shown on a public page yet (empty list when it may)."""
    if image is None:
        return []
    problems = []
    if not image.is_decorative and not (image.description or "").strip():
        problems.append(
            _("The image “%(title)s” has no alternative text and is not marked decorative.") % {"title": image.title}
        )
    if image.shows_people and not image.people_consented:
        problems.append(_("The image “%(title)s” shows people whose consent is not recorded.") % {"title": image.title})
    return problems


def picture_errors(image, field="image"):
    """Form errors for a page's picture field: {field: [messages]} or {} (for `Page.clean`)."""
    problems = image_problems(image)
    return {field: problems} if problems else {}


def picture_field(verbose_name=None, help_text=None):
    """An optional picture of a page or setting: kept when the image is deleted elsewhere (set to empty)."""
    return models.ForeignKey(
        get_image_model_string(),
        verbose_name=verbose_name or _("picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text or _("Shown at the top of the page and on cards, and when the page is shared."),
    )
