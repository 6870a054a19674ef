"""Facet values: per page (for engine documents), aggregate counts and filters in SQL, and display labels.

A facet value is the related object's slug (county, theme, tag), the stored value (phase), the model label
(type) or the language code (language). Counts are GROUP BY queries over the matching page ids (a subquery),
one per facet and content type, never a loop over hits, sent as one query (UNION ALL); so are the labels.
"""

import logging
from collections import Counter

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import CharField, Count, F, Q, Value
from django.db.models.functions import Cast
from wagtail.models import Page

from . import registry

logger = logging.getLogger("search")


def _value_path(field):
    """The lookup that yields a facet value for a model field (slug of related objects if they have one)."""
    if field.is_relation:
        related = field.related_model
        names = {f.name for f in related._meta.get_fields()}
        return f"{field.name}__slug" if "slug" in names else f"{field.name}__pk"
    return field.name


def content_type_ids(labels=None):
    models = [t.model for t in registry.types() if labels is None or t.label in labels]
    return {ct.pk: m._meta.label for m, ct in ContentType.objects.get_for_models(*models).items()} if models else {}


def page_values(page):
    """{facet: [values]} for one page, used in engine documents."""
    stype = registry.type_for_page(page)
    values = {"type": [page._meta.label], "language": [page.locale.language_code]}
    if stype is None:
        return values
    for facet, field in stype.facet_fields().items():
        path = _value_path(field)
        try:
            if field.many_to_many or field.one_to_many:
                attr = path.split("__", 1)[1]
                values[facet] = [getattr(o, attr) for o in getattr(page, field.name).all()]
            elif field.is_relation:
                obj = getattr(page, field.name)
                values[facet] = [getattr(obj, path.split("__", 1)[1])] if obj is not None else []
            else:
                value = getattr(page, field.name)
                values[facet] = [value] if value not in (None, "") else []
        except (AttributeError, ObjectDoesNotExist) as exc:  # a missing related row must not stop indexing
            logger.warning("facet %s of page %s left empty: %s", facet, page.pk, exc)
            values[facet] = []
        values[facet] = [str(v) for v in values[facet]]
    return values


def filter_q(facet, values):
    """A Q on Page for "facet is one of values" (OR within a facet)."""
    if facet == "type":
        return Q(content_type_id__in=list(content_type_ids(set(values))))
    if facet == "language":
        return Q(locale__language_code__in=values)
    q = Q(pk__in=[])
    for stype in registry.types():
        field = stype.facet_fields().get(facet)
        if field is not None:
            ids = stype.model.objects.filter(**{f"{_value_path(field)}__in": values}).values("pk")
            q |= Q(pk__in=ids)
    return q


def counts_for(page_ids, wanted):
    """{facet: {value: count}} for the pages `page_ids` (a list, or a subquery of page ids so the counting stays
    inside the database), in one query: type and language in one GROUP BY, and one GROUP BY per field facet and
    page type that has it, joined by UNION ALL (a type absent from the pages adds no rows)."""
    result = {f: {} for f in wanted}
    if isinstance(page_ids, (list, tuple, set)) and not page_ids:
        return result
    cts = content_type_ids()
    parts = [
        Page.objects.filter(pk__in=page_ids)
        .order_by()
        .annotate(_part=Value(-1), _key=Cast("content_type_id", CharField()), _extra=F("locale__language_code"))
        .values("_part", "_key", "_extra")
        .annotate(n=Count("pk"))
        .values_list("_part", "_key", "_extra", "n")
    ]
    field_facets = [f for f in wanted if f not in ("type", "language")]
    for i, facet in enumerate(field_facets):
        for stype in registry.types():
            field = stype.facet_fields().get(facet)
            if field is None:
                continue
            path = _value_path(field)
            parts.append(
                stype.model.objects.filter(pk__in=page_ids)
                .exclude(**{f"{path}__isnull": True})
                .order_by()
                .annotate(_part=Value(i), _key=Cast(path, CharField()), _extra=Value(""))
                .values("_part", "_key", "_extra")
                .annotate(n=Count("pk", distinct=True))
                .values_list("_part", "_key", "_extra", "n")
            )
    types, languages = Counter(), Counter()
    totals = [Counter() for _ in field_facets]
    for part, key, extra, n in parts[0].union(*parts[1:], all=True):
        if part == -1:
            if int(key) in cts:
                types[cts[int(key)]] += n
                languages[extra] += n
        elif key not in (None, ""):
            totals[part][key] += n
    if "type" in result:
        result["type"] = dict(types)
    if "language" in result:
        result["language"] = dict(languages)
    for facet, total in zip(field_facets, totals, strict=True):
        result[facet] = dict(total)
    return result


def labels(facet, values, language=None):
    """{value: label} for display."""
    return all_labels({facet: values}, language)[facet]


def _label_sources(facet):
    """(related model, key field) of every registered type's field for the facet, each once (methods and stories
    share the tag model), and the plain fields' choices."""
    sources, choices = [], {}
    for stype in registry.types():
        field = stype.facet_fields().get(facet)
        if field is None:
            continue
        if field.is_relation:
            source = (field.related_model, _value_path(field).split("__", 1)[1])
            if source not in sources:
                sources.append(source)
        elif field.choices:
            choices.update({str(k): str(v) for k, v in dict(field.flatchoices).items()})
    return sources, choices


def _label_query(facet, model, key, values):
    """Rows (facet, value, label, language) of one related model; the label is its name (what str() shows)."""
    translatable = any(f.name == "locale" for f in model._meta.fields)
    return (
        model._default_manager.filter(**{f"{key}__in": values})
        .order_by()
        .annotate(
            _facet=Value(facet),
            _key=Cast(key, CharField()),
            _label=Cast("name", CharField()),
            _lang=F("locale__language_code") if translatable else Value(""),
        )
        .values_list("_facet", "_key", "_label", "_lang")
    )


def all_labels(wanted, language=None):
    """{facet: {value: label}} for display, for every facet of `wanted` ({facet: values}) at once: the labels of
    all related models (counties, phases, themes, tags) in one query. A translatable label is shown in
    `language` where it has a translation."""
    result, found, queries = {}, {}, []
    for facet, values in wanted.items():
        values = [str(v) for v in values]
        if facet == "type":
            result[facet] = {v: str(registry.get(v).name) for v in values if registry.get(v)}
            continue
        if facet == "language":
            names = dict(settings.LANGUAGE_LABELS)
            result[facet] = {v: str(names.get(v, v)) for v in values}
            continue
        sources, choices = _label_sources(facet)
        found[facet] = {}
        result[facet] = {v: choices[v] for v in values if v in choices}
        for model, key in sources:
            if any(f.name == "name" for f in model._meta.fields):
                queries.append(_label_query(facet, model, key, values))
            else:  # no name column to select: str() of each, in a query of its own
                for obj in model._default_manager.filter(**{f"{key}__in": values}):
                    found[facet].setdefault(str(getattr(obj, key)), str(obj))
    if queries:
        for facet, key, label, lang in queries[0].union(*queries[1:], all=True):
            if key not in found[facet] or lang == language:
                found[facet][key] = label
    for facet, labels_found in found.items():
        result[facet] = {v: labels_found.get(v, result[facet].get(v, v)) for v in wanted[facet]}
    return result


def available():
    """The facets that have a field on at least one registered type (type and language always)."""
    present = {f for t in registry.types() for f in t.facet_fields()}
    return [f for f in registry.FACETS if f in ("type", "language") or f in present]
