"""Wagtail's read-only API v2: published pages only, no personal data.

The images and documents endpoints are deliberately not exposed: they would list files of embargoed
releases and of draft story submissions."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from stories.api import CaseStoryFilter  # noqa: E402


class HubPagesAPIViewSet(PagesAPIViewSet):
    """Pages endpoint plus the stories filters (?type=stories.CaseStoryPage&county=…&municipality=…&tag=…)."""

    filter_backends = [CaseStoryFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters | CaseStoryFilter.query_parameters


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", HubPagesAPIViewSet)
