"""Filtered story lists for the index page, the embed, the CSV and the feeds (published stories only)."""

from django.conf import settings
from django.core.cache import cache
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from hub.pagination import paginate
from infrastructure.cache import generation_and_path_version

from . import facets
from .models import CaseStoryIndexPage, CaseStoryPage


def published(locale=None, index=None):
    """Live, public stories under `index` (or in `locale`, default: the active language)."""
    qs = CaseStoryPage.objects.live().public()
    if index is not None:
        return qs.child_of(index)
    return qs.filter(locale=locale or Locale.get_active())


def index_for_locale(locale=None):
    locale = locale or Locale.get_active()
    index = CaseStoryIndexPage.objects.live().filter(locale=locale).first()
    return index or CaseStoryIndexPage.objects.live().filter(locale__language_code="nb").first()


def filtered(params, base):
    chosen = facets.selected(params)
    qs = facets.apply(base, chosen).order_by(*facets.SORTS[facets.sort_key(params)])
    return chosen, qs


def filter_query(chosen, **extra):
    """The query string that reproduces the chosen filters (for CSV, feed and embed links)."""
    return urlencode({**chosen, **extra})


def describe(chosen):
    """A human description of the active filters, e.g. "Innlandet, Theme: Reading"."""
    parts = []
    names = _names(chosen)
    for param, value in chosen.items():
        facet = facets.BY_PARAM[param]
        parts.append(f"{facet.label}: {names.get(param, value)}")
    return ", ".join(parts)


def _names(chosen):
    from taggit.models import Tag

    from hub.models import County, Municipality, Theme

    lookups = {"fylke": County, "kommune": Municipality, "tema": Theme, "emne": Tag}
    names = {}
    for param, model in lookups.items():
        if param in chosen:
            obj = model.objects.filter(slug=chosen[param]).first()
            if obj:
                names[param] = obj.name
    if "organisasjonstype" in chosen:
        from .models import VolunteerOrganisation

        names["organisasjonstype"] = dict(VolunteerOrganisation.ORG_TYPES)[chosen["organisasjonstype"]]
    if "metode" in chosen:
        methods = CaseStoryPage.methods_used.field.related_model.objects.live().public()
        title = methods.filter(slug=chosen["metode"]).values_list("title", flat=True).first()
        if title:
            names["metode"] = title
    return names


def cached_counts(request, index, base, chosen):
    """`facets.all_counts` for the index's stories, kept in the shared cache (with the fragment cache on) under
    the index page's version: publishing, changing or withdrawing one of its stories renews the index's cached
    copies and with them these counts, while a publish elsewhere leaves them. Counting every facet costs a
    quarter of rendering the index, and the counts without filters (or with a popular one) are asked again and
    again."""
    from hub.chrome import enabled

    parts = index.get_url_parts(request) if enabled() else None
    if not parts:
        return facets.all_counts(base, chosen)
    generation, version = generation_and_path_version(request, parts[2])
    key = f"hub:storyfacets:{generation}:{version}:{index.pk}:{get_language()}:{urlencode(sorted(chosen.items()))}"
    found = cache.get(key)
    if found is None:
        # Labels as text in the language of the key (some are lazy translations).
        found = [[(value, str(label), n) for value, label, n in rows] for rows in facets.all_counts(base, chosen)]
        cache.set(key, found, timeout=getattr(settings, "HUB_PAGE_CACHE_SECONDS", 0) or 300)
    return found


def indexes_offering_method(change):
    """The story indexes, whose method filter offers every live method a story used by its title: renewed (their
    cached copies and facet counts) when a method goes live, leaves, moves or is renamed
    (`infrastructure.cache_invalidation.RENEW_HOOK`)."""
    if not isinstance(change.page, CaseStoryPage.methods_used.field.related_model):
        return []
    renamed = len({version.title for version in change.versions()}) > 1
    return list(CaseStoryIndexPage.objects.live()) if change.listing_changed or renamed else []


def listing_context(request, index, per_page=12):
    base = published(index=index)
    chosen, qs = filtered(request.GET, base)
    page_obj = paginate(request, facets.for_cards(qs), per_page=per_page)
    return {
        "stories": page_obj,
        "page_obj": page_obj,
        "facets": facets.facet_counts(base, chosen, cached_counts(request, index, base, chosen)),
        "chosen": chosen,
        "sort": facets.sort_key(request.GET),
        "sorts": [("nyeste", _("Newest first")), ("tittel", _("Title (A–Z)"))],
        "filter_query": filter_query(chosen),
        "filter_description": describe(chosen),
    }
