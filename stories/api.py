"""Filters for the pages endpoint of the API v2: /api/v2/pages/?type=stories.CaseStoryPage&county=innlandet
(also municipality=<slug> and tag=<slug>). The endpoint itself lists only live, public pages."""

from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError

from . import facets
from .models import CaseStoryPage


class CaseStoryFilter(BaseFilterBackend):
    query_parameters = frozenset(facets.API_PARAMS)

    def filter_queryset(self, request, queryset, view):
        given = {p: request.GET[p] for p in self.query_parameters if p in request.GET}
        if not given:
            return queryset
        if not issubclass(queryset.model, CaseStoryPage):
            raise BadRequestError(
                "filtering by %s requires type=stories.CaseStoryPage" % ", ".join(sorted(given))
            )
        chosen = facets.selected({facets.API_PARAMS[p]: v for p, v in given.items()})
        return facets.apply(queryset, chosen)
