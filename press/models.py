from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class PressRoomPage(Page):
    lead = models.TextField(_("lead"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("lead")]
    parent_page_types = ["hub.HomePage"]
    subpage_types = ["press.PressReleasePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("press room")


class PressReleasePage(Page):
    lead = models.TextField(_("lead"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("lead")]
    parent_page_types = ["press.PressRoomPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("press release")
