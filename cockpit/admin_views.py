"""The cockpit's admin pages. Only editors (cockpit.view_cockpit) see them; organisers see the participants'
conversation progress (cockpit.view_conversation_progress)."""

import csv

from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cockpit import charts, conversations, figures, health, parity, translations
from cockpit.models import GoalTargets

VIEW_COCKPIT = "cockpit.view_cockpit"
VIEW_PROGRESS = "cockpit.view_conversation_progress"


def with_charts(items):
    for f in items:
        f["progress_chart"] = charts.progress(f["value"], f["target"])
        f["bars_chart"] = charts.bars(f["breakdown"])
    return items


class CockpitView(WagtailAdminTemplateMixin, TemplateView):
    permission = VIEW_COCKPIT
    header_icon = "crosshairs"
    url_name = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("cockpit_goals"), "label": _("Cockpit")},
            {"url": "", "label": self.get_page_title()},
        ]


class GoalsView(CockpitView):
    page_title = gettext_lazy("Project goals")
    template_name = "cockpit/admin/goals.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["figures"] = with_charts(figures.all_figures())
        context["can_set_targets"] = self.request.user.has_perm("cockpit.change_goaltargets")
        return context


def _csv_cell(value):
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text  # no formulas in spreadsheets


def goals_csv(request):
    if not request.user.has_perm(VIEW_COCKPIT):
        return permission_denied(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="maal-{timezone.localdate().isoformat()}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read UTF-8 (æøå)
    writer = csv.writer(response)
    writer.writerow([_("Sub-goal"), _("Figure"), _("Breakdown"), _("Value"), _("Target")])
    for f in figures.all_figures():
        writer.writerow([f["goal"], _csv_cell(f["label"]), "", _csv_cell(f["value"]), _csv_cell(f["target"])])
        for label, value in f["breakdown"]:
            writer.writerow([f["goal"], _csv_cell(f["label"]), _csv_cell(label), _csv_cell(value), ""])
    return response


class ParityView(CockpitView):
    page_title = gettext_lazy("Language parity")
    template_name = "cockpit/admin/parity.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = parity.report(GoalTargets.load().language_floor_percent)
        for code in ("nb", "nn"):
            share = report[f"{code}_share"]
            report[f"{code}_chart"] = charts.progress(share, report["floor"]) if share is not None else None
        names = {"nb": _("Bokmål"), "nn": _("Nynorsk"), "en": _("English")}
        for m in report["missing"] + report["chrome_fallbacks"]:
            m["lacking_names"] = [names.get(code, code) for code in m["lacking"]]
        context["report"] = report
        context["language_columns"] = [names.get(code, code) for code in report["languages"]]
        return context


class TranslationsView(CockpitView):
    page_title = gettext_lazy("Translations")
    template_name = "cockpit/admin/translations.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["out_of_date"] = translations.out_of_date()
        context["readiness"] = translations.readiness()
        return context


class HealthView(CockpitView):
    page_title = gettext_lazy("Content health")
    template_name = "cockpit/admin/health.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = health.report()
        context["sections"] = [(kind, label, report[kind]) for kind, label in health.SECTIONS]
        return context


class ChallengesView(CockpitView):
    page_title = gettext_lazy("Challenges found in the conversations")
    template_name = "cockpit/admin/challenges.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        data = conversations.aggregated_challenges()
        data["category_chart"] = charts.bars([(r["label"], r["count"]) for r in data["by_category"]])
        context["data"] = data
        return context


class ProgressView(CockpitView):
    permission = VIEW_PROGRESS
    page_title = gettext_lazy("Conversation progress per participant")
    template_name = "cockpit/admin/progress.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        target = GoalTargets.load().conversations_per_participant
        rows = conversations.progress_per_participant(target)
        context.update(rows=rows, target=target, done=sum(1 for r in rows if r["done"]))
        return context
