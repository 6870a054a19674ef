"""What the home page's sections show, supplied by the content apps without hub importing them.

Each content app registers a provider for a kind of section in its `AppConfig.ready()`:
``register("events", provider)``; a provider is called as ``provider(request, locale, value)`` with the block's
value (heading, pinned pages, how many) and returns the context its template needs. Pinned pages come first, in
the editors' order and in the visitor's language; the rest is filled automatically (the next events, the
newest stories …), so a section is never empty just because nobody pinned anything.

Figures work the same way: ``register_figures(provider)``; each returns {key: number} for the keys it knows.
"""

import logging

from django.db.models import Case, IntegerField, Value, When

logger = logging.getLogger(__name__)

_providers = {}
_figure_providers = []


def register(kind, provider):
    _providers[kind] = provider


def register_figures(provider):
    if provider not in _figure_providers:
        _figure_providers.append(provider)


def section_context(kind, request, locale, value):
    """The provider's context for a section, or None when no app supplies that kind."""
    provider = _providers.get(kind)
    if provider is None:
        logger.warning("No home section provider for %r; the section is left out.", kind)
        return None
    return provider(request, locale, value)


def figures(request, locale, wanted):
    values = {}
    for provider in _figure_providers:
        values.update(provider(request, locale))
    return [(key, values[key]) for key in wanted if key in values]


def pinned_first(queryset, pinned, locale, limit):
    """Pinned pages (any language; shown in `locale` where translated) in the editors' order, then the
    queryset's own order, at most `limit`, in one query. `queryset` is already limited to what may show."""
    keys = [p.translation_key for p in pinned if p is not None]
    if not keys:
        return list(queryset[:limit])
    order = Case(
        *[When(translation_key=key, then=Value(i)) for i, key in enumerate(keys)],
        default=Value(len(keys)),
        output_field=IntegerField(),
    )
    ordering = [order, *queryset.query.order_by]
    return list(queryset.annotate(_pin_order=order).order_by(*ordering)[:limit])
