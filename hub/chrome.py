"""The site's chrome (header links, main menu, footer) as plain data, cached per content generation.

Every page shows the same locale home link, the menu entries and footer links the editors chose in the site
settings (each resolved to the visitor's language through the chosen page's translations, never by slug), and
the contact details from the site settings, all from the request's site. Built from the database that takes
a handful of queries per page view; here it is built once for all languages of a site and kept in Django's cache
under the page cache's *content generation* (`infrastructure.cache.current_generation`), which every publish, unpublish,
move, deletion, snippet or settings change renews. So the chrome is never stale, and a page view costs one cache
read instead.

It is only kept when the cache is shared by every process (`HUB_FRAGMENT_CACHE`, on by default in production
with Redis, Memcached or the database cache): with a per-process cache, a publish in one process could not
renew another's copy. Otherwise it is built per request, as before.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from wagtail.models import Page, Site

from hub.pictures import default_share

NAV_MODELS = ["methods.MethodIndexPage", "stories.CaseStoryIndexPage", "events.EventIndexPage", "press.PressRoomPage"]
FOOTER_FIELDS = {"about": "about_page_id", "privacy": "privacy_page_id", "accessibility": "accessibility_page_id"}
SETTINGS_FIELDS = ("organisation_name", "project_owner", "contact_email", "contact_phone")


def enabled():
    return bool(getattr(settings, "HUB_FRAGMENT_CACHE", False))


def _link(page, request):
    return {"url": page.get_url(request), "title": page.title, "pk": page.pk}


def locale_homes(site):
    """{language: home page}: the site's root page and its live translations (one query)."""
    if site is None:
        return {}
    homes = Page.objects.filter(translation_key=site.root_page.translation_key, live=True).select_related("locale")
    return {page.locale.language_code: page for page in homes}


def _in_site(homes):
    """Pages under any language's home of this site (every locale's tree is a translation of the site root)."""
    q = Q(pk__in=[])
    for home in homes.values():
        q |= Q(path__startswith=home.path)
    return Page.objects.live().filter(q)


def nav_pages(homes):
    """{model label: {language: page}} for every menu target of the site (one query)."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    cts = {ContentType.objects.get_for_model(apps.get_model(label)).pk: label for label in NAV_MODELS}
    result = {}
    for page in _in_site(homes).filter(content_type_id__in=cts).select_related("locale").order_by("path"):
        result.setdefault(cts[page.content_type_id], {}).setdefault(page.locale.language_code, page)
    return result


def chosen_pages(homes, chosen_ids):
    """{chosen page id: {language: page}}: each page an editor chose in the site settings, with its live
    translations in this site (one query). A chosen page that is not live itself is resolved through any live
    translation that shares its key."""
    ids = [pk for pk in chosen_ids if pk]
    if not ids:
        return {}
    keys = Page.objects.filter(pk__in=ids).values("translation_key")
    by_key, key_of = {}, {}
    for page in _in_site(homes).filter(translation_key__in=keys).select_related("locale"):
        by_key.setdefault(page.translation_key, {})[page.locale.language_code] = page
        key_of[page.pk] = page.translation_key
    missing = [pk for pk in ids if pk not in key_of]
    if missing:  # a draft or unpublished choice: one more query, only then
        key_of.update(Page.objects.filter(pk__in=missing).values_list("pk", "translation_key"))
    return {pk: by_key.get(key_of.get(pk), {}) for pk in ids}


def _menu_ids(site_settings):
    """Page ids of the main menu in the editors' order, read from the raw stream (no query per entry)."""
    raw = getattr(site_settings, "menu_pages", None)
    if not raw:
        return []
    return [item.get("value") for item in raw.raw_data if item.get("type") == "page" and item.get("value")]


def _site_settings(request):
    from hub.models import SiteSettings

    return SiteSettings.for_request(request)


def _contact(site_settings):
    return {name: getattr(site_settings, name, "") for name in SETTINGS_FIELDS}


def build(request, site):
    """The chrome of `site` for every language: {"homes": {code: link}, "nav": {label: {code: link}},
    "menu": [{code: link}], "footer": {name: {code: link}}, "contact": {...}}.
    Links are dicts, so the result pickles small."""
    homes = locale_homes(site)
    site_settings = _site_settings(request)

    def links(by_code):
        return {code: _link(p, request) for code, p in by_code.items()}

    nav = {label: links(by_code) for label, by_code in nav_pages(homes).items()}
    footer_ids = {name: getattr(site_settings, field, None) for name, field in FOOTER_FIELDS.items()}
    menu_ids = _menu_ids(site_settings)
    chosen = chosen_pages(homes, [*footer_ids.values(), *menu_ids])
    menu = [links(chosen[pk]) for pk in menu_ids if chosen.get(pk)] or [
        nav[label] for label in NAV_MODELS if label in nav
    ]
    return {
        "homes": links(homes),
        "nav": nav,
        "menu": menu,
        "footer": {name: links(chosen[pk]) for name, pk in footer_ids.items() if chosen.get(pk)},
        "contact": _contact(site_settings),
        "share": default_share(request),
    }


def chrome(request):
    """The chrome for this request's site, from the cache when enabled; memoised on the request."""
    data = getattr(request, "_hub_chrome", None)
    if data is not None:
        return data
    site = Site.find_for_request(request)
    if enabled():
        from infrastructure.cache import current_generation

        key = f"hub:chrome:{current_generation(request)}:{site.pk if site else 0}:{request.get_host()}"
        data = cache.get(key)
        if data is None:
            data = build(request, site)
            cache.set(key, data, timeout=getattr(settings, "HUB_PAGE_CACHE_SECONDS", 0) or 300)
    else:
        data = build(request, site)
    request._hub_chrome = data
    return data


def in_language(links, code):
    """The link in `code`, else in the default language, else None."""
    return links.get(code) or links.get(settings.LANGUAGE_CODE)
