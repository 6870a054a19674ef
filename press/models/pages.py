"""The press room (index) and press releases.

Embargo is Wagtail's scheduled publishing: a release published with `go_live_at` in the future stays not live
(only its revision carries `approved_go_live_at`) until `manage.py publish_scheduled` runs after that time.
Every public surface reads live pages only (`press.queries`), so nothing of the release shows before then.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.blocks import StreamBlock
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from hub.blocks import BodyBlock, ImageBlock, QuoteBlock
from hub.models.hub_page import HubPage
from press.serializers import AttachmentsField, ContactsField


def _today():
    return timezone.localdate()


class PressRoomPage(HubPage):
    """The press room: releases newest first, contacts, media kit, fact sheet and coverage."""

    lead = models.TextField(_("lead"), blank=True)
    fact_counties = models.TextField(
        _("participating counties"), blank=True, help_text=_("One county library per line.")
    )
    fact_goals = RichTextField(_("goals"), blank=True, features=["bold", "italic", "ol", "ul", "link"])
    fact_funding = models.CharField(_("funding"), max_length=300, blank=True)
    fact_period = models.CharField(_("period"), max_length=100, blank=True)
    fact_owner = models.CharField(_("project owner"), max_length=200, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        InlinePanel("contacts", label=_("Press contacts")),
    ]
    fact_panels = [
        MultiFieldPanel(
            [
                FieldPanel("fact_owner"),
                FieldPanel("fact_counties"),
                FieldPanel("fact_goals"),
                FieldPanel("fact_funding"),
                FieldPanel("fact_period"),
            ],
            heading=_("Fact sheet"),
        )
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(fact_panels, heading=_("Fact sheet")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
        ]
    )
    search_fields = Page.search_fields + [index.SearchField("lead")]
    api_fields = [
        APIField("lead"),
        APIField("fact_owner"),
        APIField("fact_counties"),
        APIField("fact_goals"),
        APIField("fact_funding"),
        APIField("fact_period"),
    ]

    parent_page_types = ["hub.HomePage"]
    subpage_types = ["press.PressReleasePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("press room")

    @property
    def county_list(self):
        return [line.strip() for line in self.fact_counties.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        from hub.pagination import paginate
        from press import queries

        context = super().get_context(request, *args, **kwargs)
        context["releases"] = paginate(request, queries.releases_in(self), per_page=10)
        context["press_contacts"] = queries.room_contacts(self)
        context["media_kit"] = queries.media_kit(self.locale)
        context["coverage"] = queries.coverage()
        return context


class PressRoomContact(Orderable):
    page = ParentalKey(PressRoomPage, on_delete=models.CASCADE, related_name="contacts")
    contact = models.ForeignKey(
        "press.PressContact", verbose_name=_("contact"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("contact")]


class QuotesBlock(StreamBlock):
    quote = QuoteBlock()

    class Meta:
        label = _("Quotes")


class ImagesBlock(StreamBlock):
    image = ImageBlock()

    class Meta:
        label = _("Images")


class PressReleasePage(HubPage):
    lead = models.TextField(_("lead"), help_text=_("The release in two or three sentences."))
    date = models.DateField(
        _("release date"),
        default=_today,
        help_text=_("Shown on the release. For an embargo, set “Go-live date/time” under the publishing schedule."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    quotes = StreamField(QuotesBlock(), blank=True, verbose_name=_("quotes"))
    images = StreamField(
        ImagesBlock(), blank=True, verbose_name=_("images"), help_text=_("The first image is used when shared.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("body"),
        FieldPanel("quotes"),
        FieldPanel("images"),
        InlinePanel("contact_persons", label=_("Contact persons")),
        InlinePanel("attachments", label=_("Attachments")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("quotes"),
        index.FilterField("date"),
    ]
    api_fields = [
        APIField("date"),
        APIField("lead"),
        APIField("body"),
        APIField("quotes"),
        APIField("images"),
        APIField("contact_persons", serializer=ContactsField(source="*")),
        APIField("attachments", serializer=AttachmentsField(source="*")),
    ]

    parent_page_types = ["press.PressRoomPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")

    def clean(self):
        super().clean()
        if self.go_live_at and self.date and self.date < timezone.localtime(self.go_live_at).date():
            raise ValidationError(
                {"date": _("The release date cannot be before the embargo lifts (the go-live date).")}
            )

    @property
    def released_at(self):
        """When the release came out: the publishing time, or the start of its date when it is backdated."""
        published = self.first_published_at
        if published and timezone.localtime(published).date() == self.date:
            return published
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time.min))

    @property
    def first_image(self):
        for block in self.images:
            return block.value
        return None

    def share_picture(self):
        """The first image, shown when the release is shared: (image, alt text) or None."""
        value = self.first_image
        if not value or not value.get("image"):
            return None
        alt = "" if value.get("decorative") else (value.get("alt_text") or value["image"].default_alt_text)
        return value["image"], alt

    def get_context(self, request, *args, **kwargs):
        from press import queries
        from press.structured_data import news_article

        context = super().get_context(request, *args, **kwargs)
        context["release_contacts"] = queries.release_contacts(self)
        context["release_attachments"] = self.attachments.select_related("document")
        context["news_article"] = news_article(self, request)
        context["press_room"] = self.get_parent().specific
        return context


class PressReleaseContact(Orderable):
    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="contact_persons")
    contact = models.ForeignKey(
        "press.PressContact", verbose_name=_("contact"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("contact")]


class PressReleaseAttachment(Orderable):
    page = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="press_release_attachments",
    )
    title = models.CharField(_("link text"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    @property
    def link_text(self):
        return self.title or self.document.title
