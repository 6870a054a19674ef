"""Bokmål/Nynorsk parity: published pages per language and type, the Nynorsk share against the floor, and the
Bokmål pages still missing a Nynorsk or English version.

A page is the *original* when its language is the one its content was first written in: the locale of the
earliest wagtail-localize TranslationSource for its translation key (or, without any source, the oldest page of
the key). Aliases (copies that still show the source language) are not counted as pages in their locale.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

LANGUAGES = ("nb", "nn", "en")


def _published_pages():
    return Page.objects.live().filter(depth__gt=1, alias_of__isnull=True)


def original_locales(keys):
    """translation_key -> language code of the original, for keys that have a TranslationSource."""
    codes = dict(Locale.objects.values_list("pk", "language_code"))
    originals = {}
    for key, locale_id in (
        TranslationSource.objects.filter(object_id__in=keys)
        .order_by("created_at", "pk")
        .values_list("object_id", "locale_id")
    ):
        originals.setdefault(key, codes.get(locale_id))
    return originals


def page_rows():
    """Every published page as a dict with language, type and whether it is the original."""
    rows = list(
        _published_pages()
        .order_by("pk")
        .values("pk", "title", "translation_key", "content_type_id", "locale__language_code", "first_published_at")
    )
    originals = original_locales({r["translation_key"] for r in rows})
    first_seen = {}
    for r in rows:  # ordered by pk: the oldest page of each key stands in when there is no TranslationSource
        first_seen.setdefault(r["translation_key"], r["locale__language_code"])
    for r in rows:
        original = originals.get(r["translation_key"]) or first_seen[r["translation_key"]]
        r["language"] = r["locale__language_code"]
        r["is_original"] = r["language"] == original
    return rows


def _type_label(content_type_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return str(model._meta.verbose_name) if model else "?"


def report(floor_percent=25):
    rows = page_rows()
    per_type = defaultdict(lambda: {code: {"originals": 0, "translations": 0, "total": 0} for code in LANGUAGES})
    totals = {code: {"originals": 0, "translations": 0, "total": 0} for code in LANGUAGES}
    for r in rows:
        code = r["language"]
        if code not in totals:
            continue
        kind = "originals" if r["is_original"] else "translations"
        for bucket in (per_type[_type_label(r["content_type_id"])][code], totals[code]):
            bucket[kind] += 1
            bucket["total"] += 1
    written = totals["nb"]["total"] + totals["nn"]["total"]
    nn_share = round(100 * totals["nn"]["total"] / written, 1) if written else None
    nb_share = round(100 * totals["nb"]["total"] / written, 1) if written else None
    return {
        "languages": LANGUAGES,
        "per_type": sorted(per_type.items()),
        "totals": totals,
        "nn_share": nn_share,
        "nb_share": nb_share,
        "floor": floor_percent,
        "nn_below_floor": nn_share is not None and nn_share < floor_percent,
        "nb_below_floor": nb_share is not None and nb_share < floor_percent,
        "missing": missing_translations(rows),
        "chrome_fallbacks": chrome_fallbacks(),
    }


def submit_translation_url(page_id):
    try:
        return reverse("wagtail_localize:submit_page_translation", args=[page_id])
    except NoReverseMatch:
        return ""


def missing_translations(rows=None, wanted=("nn", "en")):
    """Published Bokmål pages without a published Nynorsk or English version, newest first."""
    rows = rows if rows is not None else page_rows()
    have = defaultdict(set)
    for r in rows:
        have[r["translation_key"]].add(r["language"])
    missing = []
    for r in rows:
        if r["language"] != "nb":
            continue
        lacking = [code for code in wanted if code not in have[r["translation_key"]]]
        if lacking:
            missing.append(
                {
                    "id": r["pk"],
                    "title": r["title"],
                    "type": _type_label(r["content_type_id"]),
                    "lacking": lacking,
                    "first_published_at": r["first_published_at"],
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[r["pk"]]),
                    "translate_url": submit_translation_url(r["pk"]),
                }
            )
    missing.sort(key=lambda m: (m["first_published_at"] is not None, m["first_published_at"], m["id"]), reverse=True)
    return missing


def chrome_fallbacks():
    """Pages the menu or the footer links to that lack a live version in some language, per site: a visitor in
    that language is sent to the Bokmål page instead (hub.chrome falls back to the default language)."""
    from django.conf import settings
    from wagtail.models import Site

    from hub import chrome
    from hub.models import SiteSettings

    rows = []
    for site in Site.objects.select_related("root_page"):
        homes = chrome.locale_homes(site)
        site_settings = SiteSettings.for_site(site)
        footer_ids = [getattr(site_settings, field) for field in chrome.FOOTER_FIELDS.values()]
        menu_ids = chrome._menu_ids(site_settings)
        targets = list(chrome.chosen_pages(homes, [*menu_ids, *footer_ids]).values())
        if not menu_ids:
            targets += list(chrome.nav_pages(homes).values())
        for by_code in targets:
            if not by_code:
                continue
            lacking = [code for code in LANGUAGES if code not in by_code]
            if not lacking:
                continue
            page = by_code.get(settings.LANGUAGE_CODE) or next(iter(by_code.values()))
            rows.append(
                {
                    "id": page.pk,
                    "title": page.title,
                    "site": site.site_name or site.hostname,
                    "lacking": lacking,
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    "translate_url": submit_translation_url(page.pk),
                }
            )
    return rows
