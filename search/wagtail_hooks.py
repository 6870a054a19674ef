"""Admin: the synonym snippet and the query report (most frequent searches, searches that found nothing)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import EquivalentForms, Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Search synonyms")
    list_display = ["terms"]
    search_fields = None


register_snippet(SynonymViewSet)


class EquivalentFormsViewSet(SnippetViewSet):
    model = EquivalentForms
    icon = "search"
    menu_label = _("Equivalent spellings")
    list_display = ["forms"]
    search_fields = None


register_snippet(EquivalentFormsViewSet)


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("reports/search-queries/", admin_views.query_report, name="hubsearch_query_report")]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_view_report(request.user)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(_("Search queries"), reverse("hubsearch_query_report"), icon_name="search", order=900)
