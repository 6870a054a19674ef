"""The course: an ordered path through the starter pack.

CoursePage (one per starter pack) → CourseModulePage (ordered in the page tree) → steps: CourseLessonPage
(short content) or CourseMethodStepPage (shows a method inside the course). The order is the page tree's
order, which editors change by dragging in the admin. Only these pages carry course chrome; the method's
own page never does.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from hub.blocks import BodyBlock
from hub.models.hub_page import HubPage


class CoursePage(HubPage):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("body")]
    parent_page_types = ["methods.MethodIndexPage"]
    subpage_types = ["methods.CourseModulePage"]
    max_count_per_parent = 1
    template = "methods/course_page.html"

    class Meta:
        verbose_name = _("course")

    def get_context(self, request, *args, **kwargs):
        from methods.navigation import CourseNavigation

        context = super().get_context(request, *args, **kwargs)
        context["course_nav"] = CourseNavigation(self, request, current=self)
        return context


class CourseModulePage(HubPage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["methods.CoursePage"]
    subpage_types = ["methods.CourseLessonPage", "methods.CourseMethodStepPage"]
    template = "methods/course_module_page.html"

    class Meta:
        verbose_name = _("course module")

    def get_context(self, request, *args, **kwargs):
        from methods.navigation import CourseNavigation

        context = super().get_context(request, *args, **kwargs)
        context["course_nav"] = CourseNavigation.for_page(self, request)
        return context


class CourseStepMixin:
    """Steps of the course find their place (table of contents, previous/next) through CourseNavigation."""

    parent_page_types = ["methods.CourseModulePage"]
    subpage_types = []

    def get_context(self, request, *args, **kwargs):
        from methods.navigation import CourseNavigation

        context = super().get_context(request, *args, **kwargs)
        context["course_nav"] = CourseNavigation.for_page(self, request)
        return context


class CourseLessonPage(CourseStepMixin, HubPage):
    lead = models.TextField(_("lead"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]
    api_fields = [APIField("lead"), APIField("body")]
    template = "methods/course_lesson_page.html"

    class Meta:
        verbose_name = _("course lesson")


class CourseMethodStepPage(CourseStepMixin, HubPage):
    """A method as a step of the course: a short introduction, then the method itself."""

    method = models.ForeignKey(
        "methods.MethodPage", verbose_name=_("method"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    intro = models.TextField(_("why this method here"), blank=True)

    content_panels = Page.content_panels + [PageChooserPanel("method", "methods.MethodPage"), FieldPanel("intro")]
    api_fields = [APIField("intro")]
    template = "methods/course_method_step_page.html"
    serve_select_related = ("method", "method__image", "method__phase")

    class Meta:
        verbose_name = _("course step: method")

    def get_context(self, request, *args, **kwargs):
        from methods.models.method import localize_pages
        from methods.views import method_context

        context = super().get_context(request, *args, **kwargs)
        method = None
        if self.method_id:
            found = localize_pages([self.method], self.locale_id)
            method = found[0] if found else None
        context["method"] = method
        if method is not None:
            context.update(method_context(method, request))
        return context
