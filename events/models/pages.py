from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class EventIndexPage(Page):
    lead = models.TextField(_("lead"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("lead")]
    parent_page_types = ["hub.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")


class EventPage(Page):
    lead = models.TextField(_("lead"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("lead")]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
