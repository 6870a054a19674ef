import json

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page

from hub.chrome import chrome, in_language

register = template.Library()

LANGUAGE_NAMES = {"nb": "Bokmål", "nn": "Nynorsk", "en": "English"}


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
    homes = chrome(request)["homes"]
    for code, _name in settings.LANGUAGES:
        if isinstance(page, Page) and page.pk:
            target = translations.get(code)
            exists = target is not None
            if target is not None:
                url = target.get_url(request)
            else:
                url = homes[code]["url"] if code in homes else f"/{code}/"
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
    """The home page link ({url, title}) in the visitor's language (hub.chrome)."""
    return in_language(chrome(context["request"])["homes"], get_language())


@register.simple_tag(takes_context=True)
def localized_page(context, model_label):
    """The link ({url, title}) to a menu target (e.g. 'methods.MethodIndexPage') in the visitor's language."""
    return in_language(chrome(context["request"])["nav"].get(model_label, {}), get_language())


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The main menu's links ({url, title}) in the visitor's language, in the editors' order (hub.chrome)."""
    code = get_language()
    return [link for link in (in_language(links, code) for links in chrome(context["request"])["menu"]) if link]


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """About, privacy and accessibility statement links in the visitor's language (falls back to Bokmål)."""
    code = get_language()
    return {name: in_language(links, code) for name, links in chrome(context["request"])["footer"].items()}


@register.simple_tag(takes_context=True)
def site_contact(context):
    """The contact details from the site settings (organisation, owner, e-mail, phone)."""
    return chrome(context["request"])["contact"]


@register.simple_tag(takes_context=True)
def json_ld_website(context):
    """The default JSON-LD: the site as a WebSite published by the project organisation."""
    request = context["request"]
    org_name = chrome(request)["contact"].get("organisation_name") or "Samskaping – fra planverk til hverdagspraksis"
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": "Samskapingshuben",
        "url": request.build_absolute_uri("/"),
        "inLanguage": get_language(),
        "publisher": {"@type": "Organization", "name": org_name},
    }
