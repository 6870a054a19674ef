from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from infrastructure import cache_invalidation
from methods import home_section
from methods.admin_views import PERMISSION, FeedbackReportView
from methods.models import Phase
from methods.navigation import pages_showing_outline


class PhaseViewSet(SnippetViewSet):
    model = Phase
    icon = "list-ol"
    menu_label = _("Co-creation phases")
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]


register_snippet(PhaseViewSet)


@hooks.register("register_admin_urls")
def register_feedback_report_url():
    return [path("metoder/tilbakemeldinger/", FeedbackReportView.as_view(), name="methods_feedback_report")]


class FeedbackReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def register_feedback_report_menu_item():
    return FeedbackReportMenuItem(_("Method feedback"), reverse("methods_feedback_report"), icon_name="form", order=900)


# The home page's section and figures from this app (hub/home_sections.py).
hooks.register("hub_home_section_course", home_section.starter_course)
hooks.register("hub_home_figures", home_section.figures)
# A course's pages all show its outline (infrastructure/cache_invalidation.py).
hooks.register(cache_invalidation.RENEW_HOOK, pages_showing_outline)
