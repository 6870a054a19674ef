"""The goals panel on the Wagtail dashboard (construct_homepage_panels)."""

from wagtail.admin.ui.components import Component

from cockpit import charts, figures


class GoalsPanel(Component):
    name = "cockpit_goals"
    order = 90
    template_name = "cockpit/admin/goals_panel.html"

    def get_context_data(self, parent_context):
        items = figures.summary_figures()
        for f in items:
            f["progress_chart"] = charts.progress(f["value"], f["target"])
        return {"figures": items}
