"""Filters of the starter pack: plain GET parameters (shareable, no JavaScript), AND across facets and OR
within one, with a count per value computed as "how many methods would match if I ticked this too".

All fixed facets are counted in one aggregate query and the tags in one grouped query, whatever the number of
methods (no per-card, per-value or per-facet queries).
"""

from urllib.parse import urlencode

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from methods.models import MethodPageTag, Phase
from methods.models.method import Difficulty

DURATION_BUCKETS = {
    "kort": (_("Up to 30 minutes"), 0, 30),
    "middels": (_("30 to 90 minutes"), 31, 90),
    "lang": (_("More than 90 minutes"), 91, 100_000),
}
GROUP_BUCKETS = {
    "liten": (_("Small (up to 5)"), 1, 5),
    "middels": (_("Medium (6 to 15)"), 6, 15),
    "stor": (_("Large (16 or more)"), 16, 100_000),
}


def _overlap(field, low, high):
    return Q(**{f"{field}_min__lte": high, f"{field}_max__gte": low})


class Facet:
    """A filter: its GET parameter, how a set of chosen values becomes a Q, and how values are counted."""

    def __init__(self, param, legend, options, to_q):
        self.param, self.legend, self._options, self._to_q = param, legend, options, to_q
        self.selected = []
        self.counts = {}

    def bind(self, data):
        known = {value for value, _label in self._options}
        self.selected = [v for v in dict.fromkeys(data.getlist(self.param)) if v in known]

    def q(self):
        return self._to_q(self.selected) if self.selected else Q()

    def count(self, queryset):
        raise NotImplementedError

    @property
    def options(self):
        return [
            {"value": v, "label": label, "count": self.counts.get(v, 0), "checked": v in self.selected}
            for v, label in self._options
        ]

    def labels(self):
        return dict(self._options)


class AggregateFacet(Facet):
    """Counts all values with one aggregate query (conditional counts)."""

    def count(self, queryset):
        aggregates = {f"n_{i}": Count("pk", filter=self._to_q([v])) for i, (v, _l) in enumerate(self._options)}
        result = queryset.aggregate(**aggregates) if aggregates else {}
        self.counts = {v: result[f"n_{i}"] for i, (v, _l) in enumerate(self._options)}


class TagFacet(Facet):
    """Tags used by the methods in this starter pack, counted in one grouped query."""

    def __init__(self, param, legend):
        super().__init__(
            param,
            legend,
            [],
            lambda values: Q(pk__in=MethodPageTag.objects.filter(tag__slug__in=values).values("content_object_id")),
        )

    def bind(self, data):
        self.selected = [v for v in dict.fromkeys(data.getlist(self.param)) if v]

    def count(self, queryset):
        rows = (
            MethodPageTag.objects.filter(content_object__in=queryset.values("pk"))
            .values("tag__slug", "tag__name")
            .annotate(n=Count("content_object", distinct=True))
            .order_by("tag__name")
        )
        self._options = [(r["tag__slug"], r["tag__name"]) for r in rows]
        self.counts = {r["tag__slug"]: r["n"] for r in rows}
        for value in self.selected:  # keep a chosen tag visible (and removable) even when nothing matches
            if value not in self.counts:
                self._options.append((value, value))


class MethodFilter:
    def __init__(self, data, methods, locale_id):
        self.data = data
        self.base = methods
        phases = [(p.slug, p.name) for p in Phase.objects.filter(locale_id=locale_id)]
        self.facets = [
            AggregateFacet("fase", _("Co-creation phase"), phases, lambda v: Q(phase__slug__in=v)),
            AggregateFacet(
                "digital",
                _("Digital co-creation"),
                [("ja", _("Suits digital co-creation"))],
                lambda v: Q(digital_suitable=True),
            ),
            AggregateFacet(
                "varighet",
                _("Duration"),
                [(k, b[0]) for k, b in DURATION_BUCKETS.items()],
                lambda v: _any(_overlap("duration", *DURATION_BUCKETS[k][1:]) for k in v),
            ),
            AggregateFacet(
                "gruppe",
                _("Group size"),
                [(k, b[0]) for k, b in GROUP_BUCKETS.items()],
                lambda v: _any(_overlap("group", *GROUP_BUCKETS[k][1:]) for k in v),
            ),
            AggregateFacet("niva", _("Difficulty"), list(Difficulty.choices), lambda v: Q(difficulty__in=v)),
            TagFacet("tagg", _("Tag")),
        ]
        for facet in self.facets:
            facet.bind(data)
        self._counted = False
        self.total = None

    @property
    def active(self):
        return [f for f in self.facets if f.selected]

    def _filtered(self, skip=None):
        qs = self.base
        for facet in self.facets:
            if facet is not skip and facet.selected:
                qs = qs.filter(facet.q())
        return qs

    def results(self):
        return self._filtered()

    def result_count(self):
        """How many methods match every choice (from the same aggregate query as the counts)."""
        self.count()
        return self.total

    def _others_q(self, skip):
        q = Q()
        for facet in self.facets:
            if facet is not skip and facet.selected:
                q &= facet.q()
        return q

    def count(self):
        """Counts per value: the other facets applied, this one replaced by the value. The conditional counts of
        every aggregate facet come from one query over the whole starter pack (each count filtered by the other
        facets' choices and its own value); the tags need their own grouped query."""
        if not self._counted:
            aggregate = [f for f in self.facets if isinstance(f, AggregateFacet)]
            names, counts = {}, {}
            for i, facet in enumerate(aggregate):
                others = self._others_q(facet)
                for j, (value, _label) in enumerate(facet._options):
                    names[(i, value)] = f"n_{i}_{j}"
                    counts[f"n_{i}_{j}"] = Count("pk", filter=others & facet._to_q([value]))
            counts["total"] = Count("pk", filter=self._others_q(None))
            result = self.base.aggregate(**counts)
            self.total = result["total"]
            for i, facet in enumerate(aggregate):
                facet.counts = {value: result[names[(i, value)]] for value, _label in facet._options}
            for facet in self.facets:
                if not isinstance(facet, AggregateFacet):
                    facet.count(self._filtered(skip=facet))
            self._counted = True
        return self.facets

    def chosen(self):
        """The active choices as (label, URL without that choice), for "remove this filter" links."""
        chips = []
        for facet in self.active:
            labels = facet.labels()
            for value in facet.selected:
                chips.append(
                    {"facet": facet.legend, "label": labels.get(value, value), "url": self._url(facet.param, value)}
                )
        return chips

    def widen_suggestions(self):
        """For an empty result: per active facet, how many methods dropping it would show (one count each)."""
        suggestions = []
        for facet in self.active:
            n = self._filtered(skip=facet).count()
            if n:
                suggestions.append({"facet": facet.legend, "count": n, "url": self._url(facet.param)})
        return suggestions

    def _url(self, param, value=None):
        pairs = [
            (k, v)
            for k in self.data
            for v in self.data.getlist(k)
            if k != "side" and not (k == param and (value is None or v == value))
        ]
        return "?" + urlencode(pairs) if pairs else "?"


def _any(qs):
    result = Q()
    for q in qs:
        result |= q
    return result
