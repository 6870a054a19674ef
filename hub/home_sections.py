"""What the home page's sections show, supplied by the content apps without hub importing them.

A content app answers for a kind of section through a Wagtail hook in its ``wagtail_hooks.py``::

    @hooks.register("hub_home_section_events")
    def next_events(request, home, value): ...

The provider gets the request, the home page being shown (its locale and tree decide what is listed) and the
block's value (heading, pinned pages, how many), and returns the context its template needs. Pinned pages come
first, in the editors' order and in the visitor's language; the rest is filled automatically (the next events,
the newest stories …), so a section is never empty just because nobody pinned anything.

Figures work the same way: every ``hub_home_figures`` hook returns ``{key: expression}`` — a count as a
database expression — and all of them are computed together in one query.
"""

import logging

from django.db.models import Case, Count, IntegerField, Subquery, Value, When
from django.db.models.functions import Coalesce, Substr
from wagtail import hooks
from wagtail.models import Page

from hub.view_restrictions import public  # noqa: F401 - the sections' lists filter with it

logger = logging.getLogger(__name__)

SECTION_HOOK = "hub_home_section_{kind}"
FIGURES_HOOK = "hub_home_figures"


def provider(kind):
    """The function that fills sections of `kind`, or None when no app supplies it (the first one registered)."""
    found = hooks.get_hooks(SECTION_HOOK.format(kind=kind))
    return found[0] if found else None


def section_context(kind, request, home, value):
    """The provider's context for a section, or None when no app supplies that kind."""
    fn = provider(kind)
    if fn is None:
        logger.warning("No home section provider for %r; the section is left out.", kind)
        return None
    return fn(request, home, value)


def figures(home, wanted):
    """[(key, number)] for the wanted keys that some app can count, in the order asked, in one query."""
    expressions = {}
    for fn in hooks.get_hooks(FIGURES_HOOK):
        expressions.update(fn(home))
    keys = [key for key in wanted if key in expressions]
    if not keys:
        return []
    row = Page.objects.filter(pk=home.pk).values(**{f"figure_{key}": expressions[key] for key in keys}).first()
    return [(key, row[f"figure_{key}"] if row else 0) for key in keys]


def count_of(queryset, field="pk", distinct=False):
    """A scalar subquery counting `queryset` (0 when empty), for `figures`."""
    rows = (
        queryset.order_by()
        .annotate(_all=Value(1, output_field=IntegerField()))
        .values("_all")
        .annotate(n=Count(field, distinct=distinct))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def in_site(queryset, home):
    """Pages of `queryset` in the same site as `home`, in any language (every locale's tree under one of the
    site root's translations), so a second site's stories are never counted here."""
    prefix = home.depth * Page.steplen
    roots = Page.objects.filter(translation_key=home.translation_key, depth=home.depth).values("path")
    return queryset.annotate(_site_root=Substr("path", 1, prefix)).filter(_site_root__in=roots)


def pinned_first(queryset, pinned, limit):
    """Pinned pages (chosen in any language; listed in the queryset's own language where translated) in the
    editors' order, then the queryset's own order, at most `limit`, in one query. `queryset` is already
    limited to what may show, so a pinned page that is not (a past event, a draft) simply does not appear."""
    keys = list(dict.fromkeys(p.translation_key for p in pinned or [] if p is not None))
    if not keys:
        return list(queryset[:limit])
    order = Case(
        *[When(translation_key=key, then=Value(i)) for i, key in enumerate(keys)],
        default=Value(len(keys)),
        output_field=IntegerField(),
    )
    ordering = [order, *queryset.query.order_by]
    return list(queryset.annotate(_pin_order=order).order_by(*ordering)[:limit])
