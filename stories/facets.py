"""The story facets: one definition used by the index page, the CSV, the feeds, the embed and the API.

Each facet filters a queryset by one GET parameter and counts its values with one aggregate query
(GROUP BY in the database), over the stories matched by every *other* active facet, so a visitor sees
how many stories each alternative would give.
"""

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from .models import CaseStoryPage, VolunteerOrganisation, live_methods_prefetch


class Facet:
    param = ""
    label = ""
    value_field = ""  # path of the value in a .values() query
    label_field = ""  # path of its display name
    many = False  # True when a story can have several values (count distinct stories)

    def clean(self, raw):
        raw = (raw or "").strip()
        return raw[:100] or None

    def filter(self, qs, value):
        if self.many:
            return qs.filter(pk__in=CaseStoryPage.objects.filter(**{self.value_field: value}).values("pk"))
        return qs.filter(**{self.value_field: value})

    def rows(self, qs):
        fields = [self.value_field] + ([self.label_field] if self.label_field else [])
        return (
            qs.order_by()
            .exclude(**{f"{self.value_field}__isnull": True})
            .values(*fields)
            .annotate(n=Count("pk", distinct=self.many))
        )

    def counts(self, qs):
        """[(value, label, count)], sorted by label."""
        out = [(r[self.value_field], self.label_for(r), r["n"]) for r in self.rows(qs)]
        return sorted(out, key=lambda item: str(item[1]).lower())

    def label_for(self, row):
        return row[self.label_field] if self.label_field else row[self.value_field]


class CountyFacet(Facet):
    param, label, value_field, label_field = "fylke", _("County"), "county__slug", "county__name"


class MunicipalityFacet(Facet):
    param, label, value_field, label_field = "kommune", _("Municipality"), "municipality__slug", "municipality__name"


class OrgTypeFacet(Facet):
    param, label, value_field, many = "organisasjonstype", _("Organisation type"), "organisations__org_type", True

    def clean(self, raw):
        value = super().clean(raw)
        return value if value in dict(VolunteerOrganisation.ORG_TYPES) else None

    def label_for(self, row):
        return dict(VolunteerOrganisation.ORG_TYPES).get(row[self.value_field], row[self.value_field])


class MethodFacet(Facet):
    param, label, value_field, label_field, many = (
        "metode",
        _("Method used"),
        "methods_used__slug",
        "methods_used__title",
        True,
    )

    def filter(self, qs, value):
        linked = CaseStoryPage.objects.filter(methods_used__slug=value, methods_used__live=True).values("pk")
        return qs.filter(pk__in=linked)

    def rows(self, qs):
        # Only published methods are offered and counted: a draft method's title must not leak.
        return super().rows(qs.filter(methods_used__live=True))


class ThemeFacet(Facet):
    param, label, value_field, label_field, many = "tema", _("Theme"), "themes__slug", "themes__name", True


class TagFacet(Facet):
    param, label, value_field, label_field, many = "emne", _("Tag"), "tags__slug", "tags__name", True


class YearFacet(Facet):
    param, label, value_field = "aar", _("Year"), "period_start__year"

    def clean(self, raw):
        value = super().clean(raw)
        return int(value) if value and value.isdigit() and 1900 < int(value) < 2200 else None

    def rows(self, qs):
        return qs.order_by().annotate(y=ExtractYear("period_start")).values("y").annotate(n=Count("pk"))

    def counts(self, qs):
        return sorted(((r["y"], str(r["y"]), r["n"]) for r in self.rows(qs)), reverse=True)


FACETS = [CountyFacet(), MunicipalityFacet(), OrgTypeFacet(), MethodFacet(), ThemeFacet(), TagFacet(), YearFacet()]
BY_PARAM = {f.param: f for f in FACETS}
# The API uses English parameter names for the same filters.
API_PARAMS = {"county": "fylke", "municipality": "kommune", "tag": "emne"}

SORTS = {"nyeste": ("-first_published_at", "-pk"), "tittel": ("title", "pk")}
DEFAULT_SORT = "nyeste"


def selected(params, facets=FACETS):
    """{param: cleaned value} for the facets present in `params` (a QueryDict or dict)."""
    chosen = {}
    for facet in facets:
        value = facet.clean(params.get(facet.param))
        if value is not None:
            chosen[facet.param] = value
    return chosen


def apply(qs, chosen, skip=None):
    for param, value in chosen.items():
        if param != skip:
            qs = BY_PARAM[param].filter(qs, value)
    return qs


def facet_counts(base, chosen):
    """For each facet: its options with counts (one aggregate query per facet) and the chosen value."""
    result = []
    for facet in FACETS:
        options = facet.counts(apply(base, chosen, skip=facet.param))
        current = chosen.get(facet.param)
        if current is not None and current not in {o[0] for o in options}:
            options.append((current, str(current), 0))
        result.append(
            {"facet": facet, "param": facet.param, "label": facet.label, "options": options, "current": current}
        )
    return result


def sort_key(params):
    key = params.get("sorter")
    return key if key in SORTS else DEFAULT_SORT


def for_list(qs):
    """What a card, a CSV row, a feed item or an API item shows, fetched up front (no per-item queries).
    Methods: only live, public ones (`CaseStoryPage.live_methods_used`)."""
    return qs.select_related("county", "municipality", "locale").prefetch_related(
        "organisations", live_methods_prefetch(), "themes", "tags"
    )
