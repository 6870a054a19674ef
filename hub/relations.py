"""Cross-links between content types without imports between content apps.

An app registers a provider for a kind of page ("method", "story", "event"); a page asks for the related
items of its kind and gets a list of (heading, queryset-or-list) sections, e.g. a method page showing the
stories that used it (stories app) and the events that teach it (events app).
"""

_providers = {}


def register(kind, heading, provider):
    """provider(page, request) -> iterable of pages (already prefetched)."""
    _providers.setdefault(kind, []).append((heading, provider))


def related_sections(kind, page, request=None):
    sections = []
    for heading, provider in _providers.get(kind, []):
        items = list(provider(page, request))
        if items:
            sections.append({"heading": heading, "items": items})
    return sections


def providers(kind):
    """[(heading, provider)] registered for `kind`, for callers that need more than lists of pages."""
    return list(_providers.get(kind, []))
