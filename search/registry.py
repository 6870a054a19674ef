"""The one list of searchable page types. Adding a type is two lines:

    register("stories.CaseStoryPage", _("Case story"), facts=county_fact, facets={"county": "county", ...})

Every field named here is optional on the model: a facet whose field does not exist (yet) is skipped, a key fact
that raises AttributeError shows nothing. Facet values are (value, label) pairs: the related object's slug and
name for foreign keys, many-to-many and tags; the stored value and its display text for choice fields.
"""

from dataclasses import dataclass, field
from functools import lru_cache

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils import formats
from django.utils.translation import gettext_lazy as _

# Facet names shown on the search page, in this order. "type" and "language" come from every page.
FACETS = {
    "type": _("Content type"),
    "county": _("County"),
    "phase": _("Method phase"),
    "theme": _("Theme"),
    "tag": _("Tag"),
    "language": _("Language"),
}
FIELD_FACETS = ("county", "phase", "theme", "tag")


@dataclass
class SearchType:
    label: str
    name: str
    facts: object = None  # callable(page) -> list of short strings
    facets: dict = field(default_factory=dict)  # facet name -> model field name
    text_fields: tuple = ("search_description", "lead", "summary", "intro", "body")

    @property
    def model(self):
        return apps.get_model(self.label)

    def facet_fields(self):
        """{facet name: model field} for the fields that exist on the model now."""
        result = {}
        for facet, name in self.facets.items():
            try:
                result[facet] = self.model._meta.get_field(name)
            except (FieldDoesNotExist, LookupError):
                continue
        return result

    def key_facts(self, page):
        if not self.facts:
            return []
        try:
            return [str(f) for f in self.facts(page) if f not in (None, "")]
        except (AttributeError, ValueError, TypeError):
            return []


_REGISTRY: dict[str, SearchType] = {}


def register(label, name, facts=None, facets=None, **kwargs):
    _REGISTRY[label] = SearchType(label, name, facts, dict(facets or {}), **kwargs)
    _models.cache_clear()


def types():
    """The registered types whose model is installed."""
    return [t for label, t in _REGISTRY.items() if label.lower() in _models()]


def get(label):
    return _REGISTRY.get(label)


@lru_cache
def _models():
    return {m._meta.label_lower for m in apps.get_models()}


def type_for_page(page):
    return _REGISTRY.get(page._meta.label) if page is not None else None


# --- key facts -------------------------------------------------------------------------------------------------


def _attr(page, *names):
    for name in names:
        value = getattr(page, name, None)
        if value not in (None, ""):
            return value
    return None


def _display(page, name):
    getter = getattr(page, f"get_{name}_display", None)
    return getter() if callable(getter) else getattr(page, name, None)


def _date(value):
    if value is None:
        return None
    if hasattr(value, "tzinfo") and getattr(value, "hour", None) is not None:
        from django.utils import timezone

        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return formats.date_format(value, "DATETIME_FORMAT")
    return formats.date_format(value, "DATE_FORMAT")


def method_facts(page):
    return [_display(page, "phase")]


def story_facts(page):
    return []  # the place is shown as links to its place pages (search_page.html, place_links)


def event_facts(page):
    return [_date(_attr(page, "start", "starts_at", "start_date", "date"))]


def release_facts(page):
    return [_date(_attr(page, "release_date", "date", "first_published_at"))]


def page_facts(page):
    return []


register("hub.StandardPage", _("Page"), facts=page_facts)
register(
    "methods.MethodPage", _("Method"), facts=method_facts, facets={"phase": "phase", "theme": "themes", "tag": "tags"}
)
register(
    "stories.CaseStoryPage",
    _("Case story"),
    facts=story_facts,
    facets={"county": "county", "theme": "themes", "tag": "tags"},
)
register(
    "events.EventPage", _("Event"), facts=event_facts, facets={"county": "county", "theme": "themes", "tag": "tags"}
)
register("press.PressReleasePage", _("Press release"), facts=release_facts, facets={"theme": "themes", "tag": "tags"})
