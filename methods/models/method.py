"""A method of the starter pack: what a person planning a workshop needs at a glance, then the steps."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from hub.blocks import DocumentBlock, VideoBlock
from hub.models.hub_page import HubPage
from hub.models.images import picture_errors, picture_field
from methods.blocks import StepsBlock

TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class Difficulty(models.TextChoices):
    # Values are the filter words in shareable URLs (?niva=lett).
    EASY = "lett", _("Easy")
    MEDIUM = "middels", _("Medium")
    DEMANDING = "krevende", _("Demanding")


class PhaseSerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.CharField()


class MethodPage(HubPage):
    summary = models.TextField(_("summary"), help_text=_("One or two sentences shown on the card."))
    image = picture_field()
    purpose = RichTextField(_("what the method is for"), features=TEXT_FEATURES, blank=True)
    when_to_use = RichTextField(_("when to use it"), features=TEXT_FEATURES, blank=True)
    phase = models.ForeignKey(
        "methods.Phase",
        verbose_name=_("co-creation phase"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    duration_min = models.PositiveSmallIntegerField(_("duration from (minutes)"), default=30)
    duration_max = models.PositiveSmallIntegerField(_("duration to (minutes)"), default=60)
    group_min = models.PositiveSmallIntegerField(_("group size from"), default=3)
    group_max = models.PositiveSmallIntegerField(_("group size to"), default=12)
    difficulty = models.CharField(_("difficulty"), max_length=10, choices=Difficulty.choices, default=Difficulty.EASY)
    materials = RichTextField(_("materials"), features=TEXT_FEATURES, blank=True)
    preparation = RichTextField(_("preparation"), features=TEXT_FEATURES, blank=True)
    steps = StreamField(StepsBlock(), blank=True, verbose_name=_("steps"))
    tips = RichTextField(_("tips"), features=TEXT_FEATURES, blank=True)
    pitfalls = RichTextField(_("pitfalls"), features=TEXT_FEATURES, blank=True)
    worksheets = StreamField(
        [("worksheet", DocumentBlock())],
        blank=True,
        verbose_name=_("worksheets"),
        help_text=_("Downloadable worksheets and templates."),
    )
    video = StreamField([("video", VideoBlock())], blank=True, max_num=1, verbose_name=_("video"))
    digital_suitable = models.BooleanField(_("suits digital co-creation"), default=False)
    online_tools = RichTextField(_("online: tools"), features=TEXT_FEATURES, blank=True)
    online_roles = RichTextField(_("online: roles"), features=TEXT_FEATURES, blank=True)
    online_timing = RichTextField(_("online: timing"), features=TEXT_FEATURES, blank=True)
    tags = ClusterTaggableManager(through="methods.MethodPageTag", blank=True, verbose_name=_("tags"))
    is_new = models.BooleanField(_("new method"), default=False, help_text=_("Shows a 'New' mark on the method."))
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("phase"),
        FieldPanel("purpose"),
        FieldPanel("when_to_use"),
        FieldPanel("steps"),
    ]
    practical_panels = [
        FieldRowPanel([FieldPanel("duration_min"), FieldPanel("duration_max")], heading=_("Duration (minutes)")),
        FieldRowPanel([FieldPanel("group_min"), FieldPanel("group_max")], heading=_("Group size")),
        FieldPanel("difficulty"),
        FieldPanel("materials"),
        FieldPanel("preparation"),
        FieldPanel("tips"),
        FieldPanel("pitfalls"),
    ]
    media_panels = [FieldPanel("worksheets"), FieldPanel("video")]
    digital_panels = [
        FieldPanel("digital_suitable"),
        MultiFieldPanel(
            [FieldPanel("online_tools"), FieldPanel("online_roles"), FieldPanel("online_timing")],
            heading=_("How to run it online"),
        ),
    ]
    relation_panels = [
        InlinePanel("related_methods", label=_("Related methods")),
        FieldPanel("tags"),
        FieldPanel("is_new"),
        FieldPanel("last_reviewed"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(practical_panels, heading=_("Practical")),
            ObjectList(media_panels, heading=_("Worksheets and video")),
            ObjectList(digital_panels, heading=_("Digital")),
            ObjectList(relation_panels, heading=_("Relations")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("purpose"),
        index.SearchField("when_to_use"),
        index.SearchField("steps"),
        index.SearchField("tips"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("phase", [index.SearchField("name")]),
        index.FilterField("digital_suitable"),
        index.FilterField("difficulty"),
        index.FilterField("is_new"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("purpose"),
        APIField("when_to_use"),
        APIField("phase", serializer=PhaseSerializer()),
        APIField("duration_min"),
        APIField("duration_max"),
        APIField("group_min"),
        APIField("group_max"),
        APIField("difficulty"),
        APIField("materials"),
        APIField("preparation"),
        APIField("steps"),
        APIField("tips"),
        APIField("pitfalls"),
        APIField("digital_suitable"),
        APIField("online_tools"),
        APIField("online_roles"),
        APIField("online_timing"),
        APIField("tags"),
        APIField("is_new"),
        APIField("last_reviewed"),
    ]

    parent_page_types = ["methods.MethodIndexPage"]
    subpage_types = []
    template = "methods/method_page.html"
    serve_select_related = ("image", "phase")

    class Meta:
        verbose_name = _("method")
        constraints = [
            models.CheckConstraint(condition=Q(duration_min__lte=F("duration_max")), name="method_duration_range"),
            models.CheckConstraint(condition=Q(group_min__lte=F("group_max")), name="method_group_range"),
            models.CheckConstraint(condition=Q(group_min__gte=1), name="method_group_min_positive"),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.duration_min is not None and self.duration_max is not None and self.duration_min > self.duration_max:
            errors["duration_max"] = _("The duration cannot end before it starts.")
        if self.group_min is not None and self.group_max is not None and self.group_min > self.group_max:
            errors["group_max"] = _("The largest group cannot be smaller than the smallest.")
        if self.group_min is not None and self.group_min < 1:
            errors["group_min"] = _("A group has at least one person.")
        if self.digital_suitable and not (self.online_tools or "").strip():
            errors["online_tools"] = _("Describe how to run the method online when it suits digital co-creation.")
        errors.update(picture_errors(self.image))
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from methods.forms import FeedbackForm
        from methods.views import method_context

        context = super().get_context(request, *args, **kwargs)
        context.update(method_context(self, request))
        context.setdefault("feedback_form", FeedbackForm())
        context["feedback_action"] = reverse("methods:feedback", args=[self.pk])
        context["feedback_thanks"] = request.GET.get("tilbakemelding") == "takk"
        return context

    def share_picture(self):
        """The picture shown on cards and when the page is shared: (image, alt text) or None."""
        return (self.image, self.image.default_alt_text) if self.image else None

    def localized_related_methods(self):
        """Related methods in this page's language where translated (falls back to the linked page)."""
        links = [r.method for r in self.related_methods.select_related("method") if r.method_id]
        return localize_pages(links, self.locale_id)


def localize_pages(pages, locale_id):
    """Map pages to their live translation in locale_id (no query when they are in that language already, else
    one); keep the original when not translated."""
    keys = [p.translation_key for p in pages if p.locale_id != locale_id]
    translated = {}
    if keys:
        models = {type(p) for p in pages}
        query = next(iter(models)).objects if len(models) == 1 and Page not in models else Page.objects
        found = query.live().filter(translation_key__in=keys, locale_id=locale_id)
        translated = {p.translation_key: p for p in (found if query is not Page.objects else found.specific())}
    return [translated.get(p.translation_key, p) for p in pages if p.live]


class MethodPageRelated(Orderable):
    page = ParentalKey(MethodPage, on_delete=models.CASCADE, related_name="related_methods")
    method = models.ForeignKey(MethodPage, verbose_name=_("method"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("method", page_type="methods.MethodPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related method")
