"""Filters for the pages endpoint of the API v2: /api/v2/pages/?type=stories.CaseStoryPage&county=innlandet
(also municipality=<slug> and tag=<slug>). The endpoint itself lists only live, public pages. The backend also
prefetches what the story fields need, so a listing costs the same number of queries for 2 or 20 stories."""

from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError

from . import facets
from .models import CaseStoryPage


class CaseStoryFilter(BaseFilterBackend):
    query_parameters = frozenset(facets.API_PARAMS)

    def filter_queryset(self, request, queryset, view):
        given = {p: request.GET[p] for p in self.query_parameters if p in request.GET}
        is_stories = issubclass(queryset.model, CaseStoryPage)
        if given and not is_stories:
            raise BadRequestError(f"filtering by {', '.join(sorted(given))} requires type=stories.CaseStoryPage")
        if not is_stories:
            return queryset
        if given:
            chosen = facets.selected({facets.API_PARAMS[p]: v for p, v in given.items()})
            queryset = facets.apply(queryset, chosen)
        # The listing's place, organisation_list, method_list, theme_list and tags: fetched once per page.
        return facets.for_list(queryset)
