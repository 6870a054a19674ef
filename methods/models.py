from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class MethodIndexPage(Page):
    """The starter pack "Startpakke i samskaping"."""

    lead = models.TextField(_("lead"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("lead")]
    parent_page_types = ["hub.HomePage"]
    subpage_types = ["methods.MethodPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("starter pack (method index)")


class MethodPage(Page):
    summary = models.TextField(_("summary"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary")]
    parent_page_types = ["methods.MethodIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("method")
