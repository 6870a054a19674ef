"""Admin: the synonym and equivalent-spelling snippets and the query report (most frequent searches, searches that
found nothing, each with its fixes one click away)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.contrib.search_promotions.views.settings import CreateView as PromotionCreateView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from . import admin_views
from .models import EquivalentForms, Synonym


class PrefilledCreateView(CreateView):
    """The add form filled in from the address (?terms=…), so a fix proposed by the search report opens ready to
    check and save. Only the form's own fields are taken, cut to their length; nothing is saved by a GET."""

    def get_initial(self):
        initial = super().get_initial()
        fields = self.get_form_class().base_fields
        for name, field in fields.items():
            value = self.request.GET.get(name)
            if value is not None:
                initial[name] = value[: getattr(field, "max_length", None) or 500]
        return initial


class PrefilledPromotionView(PromotionCreateView):
    """Wagtail's "promoted search results" add form with the search term filled in from ?q= (the form posts to
    Wagtail's own add view)."""

    def get_initial(self):
        initial = super().get_initial()
        initial["query_string"] = self.request.GET.get("q", "")[:255]
        return initial


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Search synonyms")
    list_display = ["terms"]
    search_fields = None
    add_view_class = PrefilledCreateView


register_snippet(SynonymViewSet)


class EquivalentFormsViewSet(SnippetViewSet):
    model = EquivalentForms
    icon = "search"
    menu_label = _("Equivalent spellings")
    list_display = ["forms"]
    search_fields = None
    add_view_class = PrefilledCreateView


register_snippet(EquivalentFormsViewSet)


@hooks.register("register_admin_urls")
def register_report_url():
    return [
        path("reports/search-queries/", admin_views.query_report, name="hubsearch_query_report"),
        path("reports/search-queries/promote/", PrefilledPromotionView.as_view(), name="hubsearch_promote"),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_view_report(request.user)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(_("Search queries"), reverse("hubsearch_query_report"), icon_name="search", order=900)
