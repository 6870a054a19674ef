"""Cross-links between content types without imports between content apps, through Wagtail hooks.

An app offers related items for a kind of page ("method", "place", "place_counts") by registering a hook named
`hook(kind)` in its wagtail_hooks.py that returns (heading, provider); provider(page, request) gives the items
(already prefetched). A page asks `related_sections(kind, page)` and gets [{heading, items}], e.g. a method page
showing the stories that used it (stories app) and the events that teach it (events app).
"""

from wagtail import hooks


def hook(kind):
    return f"hub_related_{kind}"


def providers(kind):
    """[(heading, provider)] offered for `kind`, in hook order."""
    return [offer() for offer in hooks.get_hooks(hook(kind))]


def related_sections(kind, page, request=None):
    sections = []
    for heading, provider in providers(kind):
        items = list(provider(page, request))
        if items:
            sections.append({"heading": heading, "items": items})
    return sections
