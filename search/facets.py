"""Facet values: per page (for engine documents), aggregate counts and filters in SQL, and display labels.

A facet value is the related object's slug (county, theme, tag), the stored value (phase), the model label
(type) or the language code (language). Counts are GROUP BY queries over the matching page ids (a subquery),
one per facet and content type, never a loop over hits.
"""

import logging
from collections import Counter

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Q
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
    inside the database): type and language in one GROUP BY, then the field facets only for the types that
    occur among those pages."""
    result = {f: {} for f in wanted}
    if isinstance(page_ids, (list, tuple, set)) and not page_ids:
        return result
    cts = content_type_ids()
    rows = (
        Page.objects.filter(pk__in=page_ids)
        .values("content_type_id", "locale__language_code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    types, languages = Counter(), Counter()
    for r in rows:
        if r["content_type_id"] in cts:
            types[cts[r["content_type_id"]]] += r["n"]
            languages[r["locale__language_code"]] += r["n"]
    if "type" in result:
        result["type"] = dict(types)
    if "language" in result:
        result["language"] = dict(languages)
    present = [t for t in registry.types() if types.get(t.label)]
    for facet in wanted:
        if facet in ("type", "language"):
            continue
        total = Counter()
        for stype in present:
            field = stype.facet_fields().get(facet)
            if field is None:
                continue
            path = _value_path(field)
            rows = (
                stype.model.objects.filter(pk__in=page_ids)
                .exclude(**{f"{path}__isnull": True})
                .values(path)
                .annotate(n=Count("pk", distinct=True))
                .order_by()
            )
            for r in rows:
                if r[path] not in (None, ""):
                    total[str(r[path])] += r["n"]
        result[facet] = dict(total)
    return result


def labels(facet, values, language=None):
    """{value: label} for display, one query per facet."""
    values = list(values)
    if facet == "type":
        return {v: str(registry.get(v).name) for v in values if registry.get(v)}
    if facet == "language":
        names = dict(settings.LANGUAGE_LABELS)
        return {v: str(names.get(v, v)) for v in values}
    result = {}
    for stype in registry.types():
        field = stype.facet_fields().get(facet)
        if field is None:
            continue
        if field.is_relation:
            key = _value_path(field).split("__", 1)[1]
            objects = field.related_model._default_manager.filter(**{f"{key}__in": values})
            if any(f.name == "locale" for f in field.related_model._meta.fields):  # translatable: label per language
                objects = objects.select_related("locale")
            for obj in objects:
                lang = getattr(getattr(obj, "locale", None), "language_code", None)
                if str(getattr(obj, key)) not in result or lang == language:
                    result[str(getattr(obj, key))] = str(obj)
        else:
            choices = dict(field.flatchoices) if field.choices else {}
            for v in values:
                result.setdefault(v, str(choices.get(v, v)))
    return {v: result.get(v, v) for v in values}


def available():
    """The facets that have a field on at least one registered type (type and language always)."""
    present = {f for t in registry.types() for f in t.facet_fields()}
    return [f for f in registry.FACETS if f in ("type", "language") or f in present]
