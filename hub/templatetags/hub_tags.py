import json

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page

register = template.Library()

LANGUAGE_NAMES = {"nb": "Bokmål", "nn": "Nynorsk", "en": "English"}


def _locale_homes(request):
    """Home page of each locale (the site's root page and its translations), cached on the request."""
    cache = getattr(request, "_hub_locale_homes", None)
    if cache is None:
        cache = {}
        site_root = Page.objects.filter(depth=2).order_by("path").first()
        if site_root is not None:
            for page in Page.objects.filter(translation_key=site_root.translation_key, live=True).select_related(
                "locale"
            ):
                cache[page.locale.language_code] = page
        request._hub_locale_homes = cache
    return cache


@register.simple_tag(takes_context=True)
def language_versions(context):
    """For each site language: the URL of this page in it (or that language's home), and whether it exists."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    versions = []
    translations = {}
    if isinstance(page, Page) and page.pk:
        for t in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[t.locale.language_code] = t
    homes = _locale_homes(request)
    for code, _name in settings.LANGUAGES:
        if isinstance(page, Page) and page.pk:
            target = translations.get(code)
            exists = target is not None
            target = target or homes.get(code)
            url = target.get_url(request) if target else f"/{code}/"
        else:
            url, exists = translate_url(request.get_full_path(), code), True
        versions.append(
            {"code": code, "name": LANGUAGE_NAMES[code], "url": url, "exists": exists, "current": code == current}
        )
    return versions


@register.simple_tag
def json_ld(data):
    """Render a dict as a JSON-LD script; '<' is escaped so content can never close the tag."""
    payload = json.dumps(data, ensure_ascii=False, default=str).replace("<", "\\u003c")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.filter
def og_locale(code):
    return {"nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}.get(code, "nb_NO")


@register.simple_tag(takes_context=True)
def locale_home(context):
    homes = _locale_homes(context["request"])
    return homes.get(get_language()) or homes.get(settings.LANGUAGE_CODE)


@register.simple_tag(takes_context=True)
def localized_page(context, model_label):
    """The live page of a model (e.g. 'methods.MethodIndexPage') in the visitor's language, for navigation."""
    request = context["request"]
    cache = getattr(request, "_hub_nav_pages", None)
    if cache is None:
        cache = request._hub_nav_pages = _nav_pages()
    code = get_language()
    pages = cache.get(model_label, {})
    return pages.get(code) or pages.get(settings.LANGUAGE_CODE)


NAV_MODELS = ["methods.MethodIndexPage", "stories.CaseStoryIndexPage", "events.EventIndexPage", "press.PressRoomPage"]
FOOTER_SLUGS = {"about": "om-prosjektet", "privacy": "personvern", "accessibility": "tilgjengelighetserklaering"}


def _nav_pages():
    """One query for every navigation target in every language."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    cts = {ContentType.objects.get_for_model(apps.get_model(label)).pk: label for label in NAV_MODELS}
    result = {}
    for page in Page.objects.live().filter(content_type_id__in=cts).select_related("locale"):
        result.setdefault(cts[page.content_type_id], {})[page.locale.language_code] = page
    return result


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """About, privacy and accessibility statement in the visitor's language (falls back to Bokmål)."""
    request = context["request"]
    cache = getattr(request, "_hub_footer_pages", None)
    if cache is None:
        nb_pages = {
            p.slug: p
            for p in Page.objects.live().filter(slug__in=FOOTER_SLUGS.values(), locale__language_code="nb")
        }
        keys = [p.translation_key for p in nb_pages.values()]
        by_key = {}
        for p in Page.objects.live().filter(translation_key__in=keys).select_related("locale"):
            by_key.setdefault(p.translation_key, {})[p.locale.language_code] = p
        cache = {}
        for name, slug in FOOTER_SLUGS.items():
            page = nb_pages.get(slug)
            if page:
                versions = by_key.get(page.translation_key, {})
                cache[name] = versions
        request._hub_footer_pages = cache
    code = get_language()
    return {name: versions.get(code) or versions.get("nb") for name, versions in cache.items()}


@register.simple_tag(takes_context=True)
def json_ld_website(context):
    """The default JSON-LD: the site as a WebSite published by the project organisation."""
    request = context["request"]
    site_settings = context.get("settings")
    org_name = "Samskaping – fra planverk til hverdagspraksis"
    try:
        org_name = site_settings.hub.SiteSettings.organisation_name
    except AttributeError:
        pass
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": "Samskapingshuben",
        "url": request.build_absolute_uri("/"),
        "inLanguage": get_language(),
        "publisher": {"@type": "Organization", "name": org_name},
    }
