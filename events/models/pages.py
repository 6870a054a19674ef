"""The event index and the event page."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from events.blocks import MaterialsBlock, ProgrammeBlock
from hub.blocks import BodyBlock
from hub.locales import default_locale
from hub.models.hub_page import HubPage
from hub.models.images import picture_errors, picture_field


class EventIndexPage(HubPage):
    lead = models.TextField(_("lead"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("lead")]
    parent_page_types = ["hub.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    api_fields = [APIField("lead")]

    class Meta:
        verbose_name = _("event index")

    def get_context(self, request, *args, **kwargs):
        from events.listing import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context


class EventPage(HubPage):
    class Kind(models.TextChoices):
        LAUNCH = "launch", _("Launch")
        INTRO_COURSE = "intro_course", _("Introduction course")
        COURSE_SESSION = "course_session", _("Course session")
        GATHERING = "gathering", _("Gathering")
        MEETING = "meeting", _("Meeting")

    class Format(models.TextChoices):
        DIGITAL = "digital", _("Digital")
        PHYSICAL = "physical", _("Physical")
        HYBRID = "hybrid", _("Hybrid")

    class Audience(models.TextChoices):
        LIBRARY_STAFF = "library_staff", _("Library staff")
        VOLUNTEERS = "volunteers", _("Volunteer organisations")
        MUNICIPALITIES = "municipalities", _("Municipalities and counties")
        EVERYONE = "everyone", _("Everyone")

    lead = models.TextField(_("lead"), blank=True)
    image = picture_field()
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.LAUNCH, db_index=True)
    start = models.DateTimeField(_("start"), default=timezone.now, db_index=True)
    end = models.DateTimeField(_("end"), default=timezone.now)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices, default=Format.DIGITAL)
    venue = models.CharField(_("venue"), max_length=250, blank=True, help_text=_("Address for physical events."))
    municipality = models.ForeignKey(
        "hub.Municipality",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_("Where it happens or who hosts it: the event is listed on that municipality's place page."),
    )
    platform = models.CharField(_("platform"), max_length=100, blank=True, help_text=_("E.g. Zoom or Teams."))
    join_url = models.URLField(
        _("join link (private)"),
        blank=True,
        help_text=_("Sent only to confirmed participants by e-mail; never shown on the website."),
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE, db_index=True
    )
    series = models.ForeignKey(
        "events.EventSeries",
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_("Sessions in a series share one registration (capacity and dates of the series)."),
    )
    registration_enabled = models.BooleanField(_("registration"), default=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True, help_text=_("Empty means unlimited."))
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Empty: when the event starts.")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    programme = StreamField(ProgrammeBlock(), blank=True, verbose_name=_("programme"))
    materials = StreamField(
        MaterialsBlock(), blank=True, verbose_name=_("materials"), help_text=_("Recording and slides after the event.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("audience")]),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldRowPanel([FieldPanel("format"), FieldPanel("platform")]),
                FieldPanel("venue"),
                FieldPanel("municipality"),
                FieldPanel("series"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("body"),
        FieldPanel("programme"),
        InlinePanel("speaker_links", label=_("Speakers")),
        InlinePanel("related_methods", label=_("Related methods")),
        InlinePanel("related_stories", label=_("Related stories")),
    ]
    registration_panels = [
        FieldPanel("registration_enabled"),
        FieldPanel("capacity"),
        FieldRowPanel([FieldPanel("registration_opens"), FieldPanel("registration_closes")]),
        FieldPanel("join_url"),
    ]
    materials_panels = [FieldPanel("materials")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(registration_panels, heading=_("Registration")),
            ObjectList(materials_panels, heading=_("Materials")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    # join_url is deliberately absent from search, API and translation segments.
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("programme"),
        index.FilterField("kind"),
        index.FilterField("audience"),
        index.FilterField("start"),
    ]
    api_fields = [
        APIField(name)
        for name in ("lead", "kind", "start", "end", "format", "venue", "platform", "audience", "body", "programme")
    ] + [APIField("materials")]
    override_translatable_fields = [
        SynchronizedField("join_url"),
        SynchronizedField("series"),
        SynchronizedField("speaker_links"),
        SynchronizedField("related_methods"),
        SynchronizedField("related_stories"),
        TranslatableField("programme"),
        TranslatableField("materials"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    serve_select_related = ("series", "image", "municipality__county")
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        if self.registration_opens and self.registration_closes and self.registration_closes <= self.registration_opens:
            errors["registration_closes"] = _("Registration must close after it opens.")
        errors.update(picture_errors(self.image))
        if errors:
            raise ValidationError(errors)

    def share_picture(self):
        """The picture shown on cards and when the page is shared: (image, alt text) or None."""
        return (self.image, self.image.default_alt_text) if self.image else None

    @property
    def is_past(self):
        return self.end < timezone.now()

    def canonical(self):
        """Registrations belong to the event in the default language, whichever translation was used."""
        default = default_locale()
        if self.locale_id == default.pk:
            return self
        return EventPage.objects.filter(translation_key=self.translation_key, locale=default).first() or self

    def get_context(self, request, *args, **kwargs):
        from events.listing import event_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(self, request))
        return context


class EventPageSpeaker(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speaker_links")
    speaker = models.ForeignKey("events.Speaker", on_delete=models.CASCADE, related_name="+", verbose_name=_("speaker"))

    panels = [FieldPanel("speaker")]


class EventPageRelatedMethod(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="related_methods")
    method = models.ForeignKey(
        "methods.MethodPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("method")
    )

    panels = [FieldPanel("method")]


class EventPageRelatedStory(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="related_stories")
    story = models.ForeignKey(
        "stories.CaseStoryPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("story")
    )

    panels = [FieldPanel("story")]
