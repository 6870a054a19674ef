"""Blocks only a method uses: its ordered steps. (Video, documents and images come from hub.blocks.)"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

STEP_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class StepBlock(blocks.StructBlock):
    """One step of a method: a short heading, what to do, and optionally an image (with alt text)."""

    heading = blocks.CharBlock(label=_("Step heading"), max_length=150)
    text = blocks.RichTextBlock(label=_("What to do"), features=STEP_FEATURES)
    image = ImageChooserBlock(label=_("Image"), required=False)
    image_alt = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        required=False,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not (value.get("image_alt") or "").strip():
            raise StructBlockValidationError(
                block_errors={"image_alt": ErrorList([ValidationError(_("Alternative text is required."))])}
            )
        return value

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "methods/blocks/step_block.html"


class StepsBlock(blocks.StreamBlock):
    step = StepBlock()

    class Meta:
        label = _("Steps")
