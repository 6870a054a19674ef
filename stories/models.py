"""Case stories: what a library and volunteer organisations did together, structured so that others can find
the ones like their own (county, municipality, organisation type, method, theme, tag, year)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from hub.blocks import BodyBlock, QuoteBlock
from hub.models.hub_page import HubPage
from hub.models.taxonomy import VOLUNTEER_ORG_TYPES

from .serializers import TagNamesField

TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class VolunteerOrganisation(TranslatableMixin, index.Indexed, models.Model):
    """A volunteer organisation that took part in one or more stories (a translatable snippet)."""

    SPORTS, CULTURE, HUMANITARIAN, IMMIGRANT, NEIGHBOURHOOD, OTHER = (
        "sports",
        "culture",
        "humanitarian",
        "immigrant",
        "neighbourhood",
        "other",
    )
    ORG_TYPES = VOLUNTEER_ORG_TYPES

    name = models.CharField(_("name"), max_length=200)
    org_type = models.CharField(_("organisation type"), max_length=20, choices=ORG_TYPES, default=OTHER)
    website = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("org_type"), FieldPanel("website")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("org_type")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("volunteer organisation")
        verbose_name_plural = _("volunteer organisations")

    def __str__(self):
        return self.name


class CaseStoryIndexPage(HubPage):
    lead = models.TextField(_("lead"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("lead")]
    search_fields = Page.search_fields + [index.SearchField("lead")]
    api_fields = [APIField("lead")]
    parent_page_types = ["hub.HomePage"]
    subpage_types = ["stories.CaseStoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("case story index")

    def get_context(self, request, *args, **kwargs):
        from .listing import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(request, self))
        return context


class CaseStoryPageTag(TaggedItemBase):
    content_object = ParentalKey("stories.CaseStoryPage", on_delete=models.CASCADE, related_name="tagged_items")


class CaseStoryPage(HubPage):
    ONGOING, FINISHED = "ongoing", "finished"
    STATUSES = [(ONGOING, _("Ongoing")), (FINISHED, _("Finished"))]

    lead = models.TextField(_("lead"), help_text=_("One or two sentences: who did what, and what came of it."))
    library_name = models.CharField(_("library"), max_length=200)
    municipality = models.ForeignKey(
        "hub.Municipality", on_delete=models.PROTECT, related_name="case_stories", verbose_name=_("municipality")
    )
    # Derived from the municipality on save; stored so that lists filter and count by county in the database.
    county = models.ForeignKey(
        "hub.County", on_delete=models.PROTECT, related_name="case_stories", editable=False, verbose_name=_("county")
    )
    organisations = ParentalManyToManyField(
        VolunteerOrganisation, blank=True, related_name="case_stories", verbose_name=_("volunteer organisations")
    )
    shared_challenge = RichTextField(_("the shared challenge"), features=TEXT_FEATURES, blank=True)
    what_they_did = StreamField(BodyBlock(), blank=True, verbose_name=_("what they did"))
    methods_used = ParentalManyToManyField(
        "methods.MethodPage", blank=True, related_name="case_stories", verbose_name=_("methods used")
    )
    outcomes = RichTextField(_("outcomes"), features=TEXT_FEATURES, blank=True)
    lessons_learned = RichTextField(_("lessons learned"), features=TEXT_FEATURES, blank=True)
    quotes = StreamField([("quote", QuoteBlock())], blank=True, verbose_name=_("quotes"))
    period_start = models.DateField(_("started"))
    period_end = models.DateField(_("ended"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=STATUSES, default=ONGOING)
    target_groups = models.CharField(
        _("target groups"), max_length=255, blank=True, help_text=_("E.g. children and young people, seniors.")
    )
    themes = ParentalManyToManyField("hub.Theme", blank=True, related_name="case_stories", verbose_name=_("themes"))
    tags = ClusterTaggableManager(through=CaseStoryPageTag, blank=True, verbose_name=_("tags"))

    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_consent = models.BooleanField(
        _("consent to show the contact person"),
        default=False,
        help_text=_("Tick only when the person has agreed to be shown as contact on the public page."),
    )
    contact_consent_date = models.DateField(_("consent recorded on"), null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("library_name"), FieldPanel("municipality"), FieldPanel("organisations")],
            heading=_("Who took part"),
        ),
        FieldPanel("shared_challenge"),
        FieldPanel("what_they_did"),
        FieldPanel("methods_used"),
        FieldPanel("outcomes"),
        FieldPanel("lessons_learned"),
        FieldPanel("quotes"),
        InlinePanel("images", label=_("Images")),
    ]
    facts_panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]), FieldPanel("status")],
            heading=_("Period"),
        ),
        FieldPanel("target_groups"),
        FieldPanel("themes"),
        FieldPanel("tags"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldRowPanel([FieldPanel("contact_consent"), FieldPanel("contact_consent_date")]),
            ],
            heading=_("Contact person (shown only with recorded consent)"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(facts_panels, heading=_("Facts")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("library_name"),
        index.SearchField("shared_challenge"),
        index.SearchField("what_they_did"),
        index.SearchField("outcomes"),
        index.SearchField("lessons_learned"),
        index.SearchField("target_groups"),
        index.RelatedFields("municipality", [index.SearchField("name")]),
        index.RelatedFields("county", [index.SearchField("name")]),
        index.RelatedFields("organisations", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("county"),
        index.FilterField("municipality"),
        index.FilterField("status"),
        index.FilterField("period_start"),
    ]
    api_fields = [
        APIField("lead"),
        APIField("library_name"),
        APIField("place"),
        APIField("organisation_list"),
        APIField("shared_challenge"),
        APIField("what_they_did"),
        APIField("outcomes"),
        APIField("lessons_learned"),
        APIField("quotes"),
        APIField("period_start"),
        APIField("period_end"),
        APIField("status"),
        APIField("target_groups"),
        APIField("method_list"),
        APIField("theme_list"),
        APIField("tags", serializer=TagNamesField()),
    ]
    # Relations are kept on translations (wagtail-localize skips many-to-many fields by default).
    override_translatable_fields = [
        SynchronizedField("organisations"),
        SynchronizedField("methods_used"),
        SynchronizedField("themes"),
    ]

    parent_page_types = ["stories.CaseStoryIndexPage"]
    subpage_types = []
    serve_select_related = ("municipality", "county")
    serve_prefetch_related = ("images",)

    class Meta:
        verbose_name = _("case story")
        verbose_name_plural = _("case stories")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__isnull=True) | Q(period_end__gte=models.F("period_start")),
                name="case_story_period_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(contact_consent=False) | Q(contact_consent_date__isnull=False),
                name="case_story_consent_has_date",
            ),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.period_end and self.period_start and self.period_end < self.period_start:
            errors["period_end"] = _("The end date cannot be before the start date.")
        if self.contact_consent and not self.contact_consent_date:
            errors["contact_consent_date"] = _("Record the date the consent was given.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.municipality_id:
            from hub.models import Municipality

            self.county_id = Municipality.objects.values_list("county_id", flat=True).get(pk=self.municipality_id)
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from hub.pictures import share_image

        from . import structured_data

        context = super().get_context(request, *args, **kwargs)
        organisations = list(self.organisations.all())
        tags = list(self.tags.all())
        themes = _localized(self.themes.all(), self.locale_id)
        methods = _localized(self.methods_used.live().public(), self.locale_id)
        image = share_image(self, request)
        context.update(
            organisations=organisations,
            story_tags=tags,
            themes=themes,
            methods=methods,
            og_image=image,
            article_ld=structured_data.article(self, request, image, tags, themes, organisations),
        )
        return context

    def share_picture(self):
        """The story's first photo (with its alt text): its hero, its card picture and its share picture."""
        item = next(iter(self.images.all()), None)
        return (item.image, item.alt_text) if item else None

    @property
    def show_contact(self):
        return bool(self.contact_consent and self.contact_consent_date and self.contact_name)

    @property
    def year(self):
        return self.period_start.year if self.period_start else None

    # Read-only shapes for the API (no personal data: the contact person is never exposed).
    @property
    def place(self):
        return {
            "municipality": {
                "name": self.municipality.name,
                "slug": self.municipality.slug,
                "number": self.municipality.number,
            },
            "county": {"name": self.county.name, "slug": self.county.slug, "number": self.county.number},
        }

    @property
    def organisation_list(self):
        return [{"name": o.name, "type": o.org_type, "website": o.website} for o in self.organisations.all()]

    @property
    def method_list(self):
        return [{"id": m.pk, "title": m.title} for m in self.live_methods_used()]

    def live_methods_used(self):
        """The published, public methods of the story: from `live_methods_prefetch()` when the list was fetched
        with it (API listings, CSV), otherwise one query. Drafts and private methods never show."""
        prefetched = getattr(self, LIVE_METHODS_ATTR, None)
        if prefetched is not None:
            return prefetched
        return list(self.methods_used.live().public())

    @property
    def theme_list(self):
        return [{"name": t.name, "slug": t.slug} for t in self.themes.all()]


LIVE_METHODS_ATTR = "prefetched_live_methods"


def live_methods_prefetch():
    """Prefetch for lists of stories: only the live, public methods, stored where `live_methods_used` looks."""
    method_model = CaseStoryPage.methods_used.field.related_model
    return Prefetch("methods_used", queryset=method_model.objects.live().public(), to_attr=LIVE_METHODS_ATTR)


def _localized(queryset, locale_id):
    """The items of a translatable queryset in the page's locale where a translation exists (one extra query)."""
    items = list(queryset)
    keys = [item.translation_key for item in items if item.locale_id != locale_id]
    if not keys:
        return items
    model = queryset.model
    if hasattr(model.objects, "live"):
        local_qs = model.objects.live()
    else:
        local_qs = model.objects.all()
    local = {i.translation_key: i for i in local_qs.filter(translation_key__in=keys, locale_id=locale_id)}
    return [local.get(item.translation_key, item) for item in items]


class CaseStoryImage(Orderable):
    """A photo from the story; alt text is required, the credit shown under it."""

    page = ParentalKey(CaseStoryPage, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey(
        get_image_model_string(), on_delete=models.CASCADE, related_name="+", verbose_name=_("image")
    )
    alt_text = models.CharField(_("alternative text"), max_length=250, help_text=_("Describe what the image shows."))
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("photo credit"), max_length=200, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption"), FieldPanel("credit")]

    class Meta(Orderable.Meta):
        constraints = [models.CheckConstraint(condition=~Q(alt_text=""), name="case_story_image_has_alt_text")]
