"""The home page's sections: each block rendered with its provider's context (`hub.home_sections`), in the editors'
order, or in the default order when they have set none. The rendered sections are kept per content generation
like the site chrome (`hub.chrome`), so a warm home page costs no queries for its events, stories, course and
figures.

A publish that the home page shows (infrastructure/cache_invalidation.py: each render notes the pages its sections list)
and a registration that changes an event's state (events/pagecache.py) renew the home page's own path version,
which is part of the key; settings and snippet changes renew the generation; so neither is ever stale. What
only time changes (an event starting) lasts at most the cache timeout.
"""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, npgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from hub import home_sections
from hub.chrome import chrome, enabled, in_language
from hub.home_blocks import FIGURES
from infrastructure.cache_invalidation import remember_home_shows

register = template.Library()

# (audience, heading, text, [(destination, link text)])
DEFAULT_PATHS = [
    (
        "library_staff",
        _("For library staff"),
        _("Start with the starter pack: co-creation methods for your next meeting with local organisations."),
        [("methods", _("Go to the starter pack")), ("events", _("Courses and events"))],
    ),
    (
        "volunteers",
        _("For volunteer organisations"),
        _("See what organisations like yours have done together with their library – and tell us what you did."),
        [("stories", _("Read the stories")), ("submit", _("Share your story"))],
    ),
    (
        "municipalities",
        _("For municipalities and KS"),
        _("Find cases from municipalities like yours, and see how co-creation moves from plans to practice."),
        [("stories", _("Find cases")), ("places", _("Co-creation county by county"))],
    ),
    (
        "press",
        _("For the press"),
        _("Press releases, facts and pictures you may use, and who to contact."),
        [("press", _("Go to the press room"))],
    ),
]
NAV_LABELS = {
    "methods": "methods.MethodIndexPage",
    "stories": "stories.CaseStoryIndexPage",
    "events": "events.EventIndexPage",
    "press": "press.PressRoomPage",
}
URL_NAMES = {"submit": "stories:submit", "search": "search:search", "places": "stories:places"}
FIGURE_LABELS = {  # a context of their own: the singulars are also model names elsewhere
    "stories": lambda n: npgettext("home figure", "story", "stories", n),
    "municipalities": lambda n: npgettext("home figure", "municipality", "municipalities", n),
    "counties": lambda n: npgettext("home figure", "county", "counties", n),
    "methods": lambda n: npgettext("home figure", "method", "methods", n),
    "participants": lambda n: npgettext("home figure", "participant", "participants", n),
}


def default_sections(page):
    """[(kind, value)] shown when the editors have set no sections: every section, in the order of the brief to
    the four audiences — promise and search, paths, what happens next, what others did, how to start, what it
    adds up to, and who is behind it."""
    return [
        ("intro", {"promise": page.title, "text": getattr(page, "lead", ""), "show_search": True}),
        ("audiences", {"heading": _("Find your way in"), "paths": []}),
        ("events", {"heading": _("Next events"), "pinned": [], "count": 3}),
        ("stories", {"heading": _("Newest stories"), "pinned": [], "count": 3}),
        ("course", {"heading": pgettext_lazy("home", "Start the course"), "text": "", "course": None}),
        ("figures", {"heading": _("The hub in figures"), "figures": []}),
        ("about", {"heading": _("About the project")}),
    ]


def _sections(page):
    sections = [(block.block_type, block.value, block.id) for block in page.sections]
    if not sections:
        return [(kind, value, kind) for kind, value in default_sections(page)]
    if not any(kind == "intro" for kind, _value, _id in sections):  # the page's h1 and the search come first
        kind, value = default_sections(page)[0]
        sections.insert(0, (kind, value, kind))
    return sections


def destination_url(request, destination):
    """The URL of a path's destination in the visitor's language (from the cached chrome), or None."""
    if destination in NAV_LABELS:
        link = in_language(chrome(request)["nav"].get(NAV_LABELS[destination], {}), get_language())
        return link["url"] if link else None
    try:
        return reverse(URL_NAMES[destination])
    except (KeyError, NoReverseMatch):
        return None


def _path(request, audience, heading, text, links):
    links = [{"url": destination_url(request, d), "text": label} for d, label in links]
    return {"audience": audience, "heading": heading, "text": text, "links": [link for link in links if link["url"]]}


def _audience_paths(request, value):
    given = [(p["audience"], p["heading"], p["text"], [(p["destination"], p["link_text"])]) for p in value["paths"]]
    paths = [_path(request, *path) for path in given or DEFAULT_PATHS]
    return [path for path in paths if path["links"]]


def _figures(page, value):
    wanted = list(value.get("figures") or []) or [key for key, _label in FIGURES]
    counted = home_sections.figures(page, wanted)
    return [{"key": key, "number": n, "label": FIGURE_LABELS[key](n)} for key, n in counted if n]  # no "0 …"


def _context(kind, value, block_id, request, page):
    context = {"value": value, "page": page, "request": request, "section_id": f"home-{block_id}"}
    if kind == "audiences":
        context["paths"] = _audience_paths(request, value)
    elif kind == "figures":
        context["figures"] = _figures(page, value)
        if not context["figures"]:
            return None
    elif kind in ("events", "stories", "course"):
        extra = home_sections.section_context(kind, request, page, value)
        if extra is None:
            return None
        context.update(extra)
        context["more_url"] = destination_url(request, kind) if kind in NAV_LABELS else None
    return context


def _pages_in(section):
    """The pages a section's context lists (events, stories, the course), for `remember_home_shows`."""
    found = []
    for name, value in section.items():
        if name in ("page", "request"):
            continue
        for item in value if isinstance(value, list | tuple) else [value]:
            if isinstance(item, Page):
                found.append(item)
    return found


def _cache_key(request, page):
    from infrastructure.cache import _generation_and_path_version

    generation, path_version = _generation_and_path_version(request)  # one cache round trip
    return f"hub:home:{generation}:{path_version}:{request.get_host()}:{get_language()}:{page.pk}"


@register.simple_tag(takes_context=True)
def home_sections_html(context, page):
    """All sections of `page`, rendered; kept per content generation when the fragment cache is on."""
    request = context["request"]
    key = None
    if enabled() and not getattr(request, "is_preview", False):
        key = _cache_key(request, page)
        html = cache.get(key)
        if html is not None:
            return html
    parts, shown = [], []
    for kind, value, block_id in _sections(page):
        section = _context(kind, value, block_id, request, page)
        if section is not None:
            parts.append(render_to_string(f"hub/home/{kind}.html", section, request=request))
            shown += _pages_in(section)
    html = mark_safe("".join(parts))  # noqa: S308 - our own rendered templates
    if not getattr(request, "is_preview", False):
        remember_home_shows(page, shown)
    if key:
        cache.set(key, html, timeout=getattr(settings, "HUB_PAGE_CACHE_SECONDS", 0) or 300)
    return html
