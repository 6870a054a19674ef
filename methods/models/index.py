from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from hub.models.hub_page import HubPage
from hub.pagination import paginate


class MethodIndexPage(HubPage):
    """The starter pack "Startpakke i samskaping": every method as a card, filterable by plain GET parameters."""

    lead = models.TextField(_("lead"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("lead")]
    search_fields = Page.search_fields + [index.SearchField("lead")]
    api_fields = [APIField("lead")]
    parent_page_types = ["hub.HomePage"]
    subpage_types = ["methods.MethodPage", "methods.CoursePage"]
    max_count_per_parent = 1
    template = "methods/method_index_page.html"

    class Meta:
        verbose_name = _("starter pack (method index)")

    def methods(self):
        from methods.models import MethodPage

        return MethodPage.objects.live().child_of(self)

    def get_context(self, request, *args, **kwargs):
        from methods.filters import MethodFilter
        from methods.models import CoursePage

        context = super().get_context(request, *args, **kwargs)
        method_filter = MethodFilter(request.GET, self.methods(), self.locale_id)
        results = (
            method_filter.results()
            .select_related("phase")
            .prefetch_related("tags")
            .order_by(F("phase__sort_order").asc(nulls_last=True), "title")
        )
        context["filter"] = method_filter
        context["methods"] = paginate(request, results, per_page=24, count=method_filter.result_count())
        context["course"] = CoursePage.objects.live().child_of(self).first()
        return context
