from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from hub.blocks import BodyBlock
from hub.home_blocks import HomeSectionsBlock
from hub.models.hub_page import HubPage


class HomePage(HubPage):
    """The front door for four audiences (library staff, volunteer organisations, municipalities and KS, the
    press): a promise and the search, a path for each, the next events, the newest stories, the starter pack as
    a course and live figures. Editors order the sections and pin items (`sections`); purpose, goals and
    partners are the project description shown by the "about" section."""

    lead = models.TextField(_("lead"), blank=True)
    purpose = RichTextField(_("purpose"), blank=True, features=["bold", "italic", "link"])
    goal_one = RichTextField(_("main goal 1"), blank=True, features=["bold", "italic", "link"])
    goal_two = RichTextField(_("main goal 2"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    sections = StreamField(
        HomeSectionsBlock(),
        blank=True,
        verbose_name=_("sections"),
        help_text=_("The home page's sections in order. Pinned items come first; the rest fills itself."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("sections"),
        FieldPanel("lead"),
        FieldPanel("purpose"),
        MultiFieldPanel([FieldPanel("goal_one"), FieldPanel("goal_two")], heading=_("Main goals")),
        InlinePanel("partners", label=_("Partner county libraries")),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("purpose")]
    api_fields = [APIField("lead"), APIField("purpose"), APIField("goal_one"), APIField("goal_two")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    def route(self, request, path_components):
        from hub.routing import route_in_one_query

        return route_in_one_query(self, request, path_components)

    class Meta:
        verbose_name = _("home page")


class HomePagePartner(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("name"), max_length=150)
    county_then = models.CharField(
        _("county (as in the project period)"), max_length=100, help_text=_("E.g. Viken, as the county was in 2022.")
    )
    url = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("county_then"), FieldPanel("url")]


class StandardPage(HubPage):
    """About, privacy, accessibility statement and other plain pages."""

    lead = models.TextField(_("lead"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]
    api_fields = [APIField("lead"), APIField("body")]

    parent_page_types = ["hub.HomePage", "hub.StandardPage"]
    subpage_types = ["hub.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
