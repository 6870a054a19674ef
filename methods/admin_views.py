"""The feedback report in Wagtail's admin, for users with methods.view_methodfeedback only."""

from django import forms
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from methods import report

PERMISSION = "methods.view_methodfeedback"


class DateRangeForm(forms.Form):
    fra = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    til = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("fra") and data.get("til") and data["fra"] > data["til"]:
            self.add_error("til", _("The end date cannot be before the start date."))
        return data


class FeedbackReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "methods/admin/feedback_report.html"
    page_title = _("Method feedback")
    header_icon = "form"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        form = DateRangeForm(request.GET or None)
        date_from = date_to = None
        if form.is_bound and form.is_valid():
            date_from, date_to = form.cleaned_data["fra"], form.cleaned_data["til"]
        rows = report.feedback_rows(date_from, date_to) if not form.errors else []
        export = request.GET.get("export")
        if export == "csv" and not form.errors:
            response = HttpResponse(report.to_csv(rows), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = 'attachment; filename="metode-tilbakemeldinger.csv"'
            return response
        if export == "xlsx" and not form.errors:
            response = HttpResponse(
                report.to_xlsx(rows),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            response["Content-Disposition"] = 'attachment; filename="metode-tilbakemeldinger.xlsx"'
            return response
        query = request.GET.copy()
        query.pop("export", None)
        context = self.get_context_data(form=form, rows=rows, query=query.urlencode())
        return self.render_to_response(context)
