"""The home page's sections: each block rendered with its provider's context (`hub.home_sections`), and the
section list kept per content generation like the site chrome (`hub.chrome`), so a warm home page costs no
queries for its events, stories, course and figures.

Every publish, registration change, settings or snippet change renews the generation, so the seats left and the
newest stories are never stale; what only time changes (an event starting) lasts at most the cache timeout.
"""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from hub import home_sections
from hub.chrome import chrome, enabled, in_language
from hub.home_blocks import FIGURES

register = template.Library()

DEFAULT_PATHS = [
    (
        "library_staff",
        "methods",
        _("For library staff"),
        _("Start with the starter pack: methods you can use in your next meeting with local organisations."),
        _("Go to the starter pack"),
    ),
    (
        "volunteers",
        "stories",
        _("For volunteer organisations"),
        _("See what organisations like yours have done together with their library."),
        _("Read the stories"),
    ),
    (
        "municipalities",
        "stories",
        _("For municipalities and KS"),
        _("Find cases from municipalities like yours, and see how co-creation moves from plans to practice."),
        _("Find cases"),
    ),
    (
        "press",
        "press",
        _("For the press"),
        _("Press releases, facts and photos you may use."),
        _("Go to the press room"),
    ),
]
NAV_LABELS = {
    "methods": "methods.MethodIndexPage",
    "stories": "stories.CaseStoryIndexPage",
    "events": "events.EventIndexPage",
    "press": "press.PressRoomPage",
}


def _reverse(name):
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def destination_url(request, destination):
    """The URL of a path's destination in the visitor's language (from the cached chrome), or None."""
    if destination in NAV_LABELS:
        link = in_language(chrome(request)["nav"].get(NAV_LABELS[destination], {}), get_language())
        return link["url"] if link else None
    return _reverse({"submit": "stories:submit", "search": "search:search"}.get(destination, ""))


def _audience_paths(request, value):
    paths = [
        {
            "audience": p["audience"],
            "heading": p["heading"],
            "text": p["text"],
            "url": destination_url(request, p["destination"]),
            "link_text": p["link_text"],
        }
        for p in value["paths"]
    ]
    if not paths:
        paths = [
            {"audience": a, "heading": h, "text": t, "url": destination_url(request, d), "link_text": lt}
            for a, d, h, t, lt in DEFAULT_PATHS
        ]
    return [p for p in paths if p["url"]]


def _context(block, request, page):
    kind, value = block.block_type, block.value
    context = {"value": value, "page": page, "request": request, "block_id": block.id}
    if kind == "audiences":
        context["paths"] = _audience_paths(request, value)
    elif kind == "figures":
        wanted = value["figures"] or [key for key, _label in FIGURES]
        context["figures"] = home_sections.figures(request, Locale.get_active(), wanted)
    elif kind in ("events", "stories", "course"):
        extra = home_sections.section_context(kind, request, Locale.get_active(), value)
        if extra is None:
            return None
        context.update(extra)
    return context


@register.simple_tag(takes_context=True)
def home_sections_html(context, page):
    """All sections of `page`, rendered; kept per content generation when the chrome cache is on."""
    request = context["request"]
    cacheable = enabled() and not getattr(request, "is_preview", False)
    key = None
    if cacheable:
        from hub.cache import current_generation

        key = f"hub:home:{current_generation(request)}:{request.get_host()}:{get_language()}:{page.pk}"
        html = cache.get(key)
        if html is not None:
            return html
    parts = []
    for block in page.sections:
        section = _context(block, request, page)
        if section is not None:
            parts.append(render_to_string(f"hub/home/{block.block_type}.html", section, request=request))
    html = mark_safe("".join(parts))  # noqa: S308 - our own rendered templates
    if key:
        cache.set(key, html, timeout=getattr(settings, "HUB_PAGE_CACHE_SECONDS", 0) or 300)
    return html
