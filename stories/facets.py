"""The story facets: one definition used by the index page, the CSV, the feeds, the embed and the API.

Each facet filters a queryset by one GET parameter and counts its values with an aggregate (GROUP BY in the
database), over the stories matched by every *other* active facet, so a visitor sees how many stories each
alternative would give. The index page asks for all facets at once: their aggregates run as one query (UNION
ALL of one part per facet, each row tagged with its facet), however many facets and stories there are.
"""

from django.db.models import CharField, Count, F, IntegerField, Value
from django.db.models.functions import Cast, ExtractYear
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

    def scope(self, qs):
        """The stories of qs that have a value for this facet."""
        return qs.order_by().exclude(**{f"{self.value_field}__isnull": True})

    def rows(self, qs):
        fields = [self.value_field] + ([self.label_field] if self.label_field else [])
        return self.scope(qs).values(*fields).annotate(n=Count("pk", distinct=self.many))

    def counts(self, qs):
        """[(value, label, count)], sorted by label."""
        return self.options((r[self.value_field], self.label_for(r), r["n"]) for r in self.rows(qs))

    def options(self, counted):
        """[(value, label, count)] from counted (value, label, count) rows, in the order the filter shows."""
        return sorted(counted, key=lambda item: str(item[1]).lower())

    def label_for(self, row):
        return row[self.label_field] if self.label_field else row[self.value_field]

    def tagged_rows(self, qs, tag):
        """`rows(qs)` as (tag, value as text, label, count), the shape every facet shares in the UNION."""
        label = F(self.label_field) if self.label_field else Cast(self.value_field, CharField())
        return (
            self.scope(qs)
            .annotate(_tag=Value(tag, output_field=IntegerField()), _value=Cast(self.value_field, CharField()))
            .annotate(_label=label)
            .values("_tag", "_value", "_label")
            .annotate(n=Count("pk", distinct=self.many))
            .values_list("_tag", "_value", "_label", "n")
        )

    def from_text(self, value):
        """The value as `clean()` gives it (a tagged row carries it as text)."""
        return value

    def label_from_row(self, value, label):
        return label


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

    def label_from_row(self, value, label):
        return dict(VolunteerOrganisation.ORG_TYPES).get(value, value)


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

    def scope(self, qs):
        # Only published methods are offered and counted: a draft method's title must not leak.
        return super().scope(qs.filter(methods_used__live=True))


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
        return self.options((r["y"], str(r["y"]), r["n"]) for r in self.rows(qs))

    def options(self, counted):
        return sorted(counted, reverse=True)

    def from_text(self, value):
        return int(value)

    def tagged_rows(self, qs, tag):
        return (
            qs.order_by()
            .annotate(
                _tag=Value(tag, output_field=IntegerField()), _value=Cast(ExtractYear("period_start"), CharField())
            )
            .annotate(_label=F("_value"))
            .values("_tag", "_value", "_label")
            .annotate(n=Count("pk"))
            .values_list("_tag", "_value", "_label", "n")
        )


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


def all_counts(base, chosen):
    """[[(value, label, count)] per facet of FACETS], each over the stories the other chosen facets match: one
    query for all of them."""
    parts = [facet.tagged_rows(apply(base, chosen, skip=facet.param), i) for i, facet in enumerate(FACETS)]
    counted = [[] for _ in FACETS]
    for tag, value, label, n in parts[0].union(*parts[1:], all=True):
        facet = FACETS[tag]
        if value is not None:
            value = facet.from_text(value)
            counted[tag].append((value, facet.label_from_row(value, label), n))
    return [facet.options(rows) for facet, rows in zip(FACETS, counted, strict=True)]


def facet_counts(base, chosen, counted=None):
    """For each facet: its options with counts (one aggregate query for all facets, unless `counted` gives what
    `all_counts` gave) and the chosen value."""
    counted = all_counts(base, chosen) if counted is None else counted
    result = []
    for facet, options in zip(FACETS, counted, strict=True):
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
    """What a CSV row, a feed item or an API item shows, fetched up front (no per-item queries).
    Methods: only live, public ones (`CaseStoryPage.live_methods_used`)."""
    return qs.select_related("county", "municipality", "locale").prefetch_related(
        "organisations", live_methods_prefetch(), "themes", "tags"
    )


def for_cards(qs):
    """What a story card shows (the index page, the embed): its places, organisations and tags. Not the methods
    and themes the other lists carry: a method is a whole page (a wide row and a page object each), and a card
    shows neither."""
    return qs.select_related("county", "municipality", "locale").prefetch_related("organisations", "tags")
