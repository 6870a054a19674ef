"""Blocks of an event page: the programme and the materials published after the event."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from hub.blocks import VideoBlock


class ProgrammeItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label=_("Time"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    speaker = blocks.CharBlock(label=_("Speaker"), max_length=200, required=False)

    class Meta:
        icon = "time"
        label = _("Programme item")


class ProgrammeBlock(blocks.StreamBlock):
    item = ProgrammeItemBlock()

    class Meta:
        label = _("Programme")


class SlidesBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Slides"))
    title = blocks.CharBlock(label=_("Link text"), max_length=200, required=False)

    class Meta:
        icon = "doc-full"
        label = _("Slides")


class MaterialsBlock(blocks.StreamBlock):
    recording = VideoBlock(label=_("Recording"))
    slides = SlidesBlock()

    class Meta:
        label = _("Materials")
