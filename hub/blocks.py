"""The shared StreamField blocks every content type builds its body from."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class ImageBlock(blocks.StructBlock):
    """An image always carries alt text (unless marked decorative), and may carry caption and credit."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        required=False,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative only"), required=False, help_text=_("Tick only if the image adds no information.")
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("Photo credit"), required=False, max_length=200)

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        own_alt = bool(image and not image.is_decorative and (image.description or "").strip())
        if not value.get("decorative") and not (value.get("alt_text") or "").strip() and not own_alt:
            raise StructBlockValidationError(
                block_errors={"alt_text": ErrorList([ValidationError(_("Alternative text is required."))])}
            )
        return value

    class Meta:
        icon = "image"
        label = _("Image")
        template = "hub/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=200)
    role = blocks.CharBlock(label=_("Role or organisation"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "hub/blocks/quote_block.html"


class VideoBlock(blocks.StructBlock):
    """A video is either an uploaded file or a link to a video service; it always has a transcript.

    The hub never embeds a third-party player (no network fetches, no tracking): links open the service.
    """

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    video_file = DocumentChooserBlock(label=_("Video file (MP4/WebM)"), required=False)
    captions = DocumentChooserBlock(label=_("Captions (WebVTT)"), required=False)
    url = blocks.URLBlock(label=_("Link to the video elsewhere"), required=False)
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        features=["bold", "italic", "ol", "ul", "link"],
        required=False,
        help_text=_("Required unless a captions file is attached."),
    )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value.get("video_file") and not value.get("url"):
            errors["url"] = ErrorList([ValidationError(_("Upload a video file or give a link to the video."))])
        transcript = value.get("transcript")
        if not value.get("captions") and not (transcript and transcript.source.strip()):
            errors["transcript"] = ErrorList([ValidationError(_("A transcript or a captions file is required."))])
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "media"
        label = _("Video")
        template = "hub/blocks/video_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False, max_length=200)
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "hub/blocks/document_block.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=150)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("or external link"), required=False)
    button_text = blocks.CharBlock(label=_("Button text"), max_length=80)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={"page": ErrorList([ValidationError(_("Choose a page or give a link."))])}
            )
        return value

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "hub/blocks/cta_block.html"


class BodyBlock(blocks.StreamBlock):
    """The one body block shared by every page type."""

    heading = blocks.CharBlock(label=_("Heading"), form_classname="title", template="hub/blocks/heading_block.html")
    paragraph = blocks.RichTextBlock(label=_("Text"), features=RICH_FEATURES)
    image = ImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    document = DocumentBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        label = _("Content")
