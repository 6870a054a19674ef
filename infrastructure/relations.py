"""Cross-links between content types without imports between content apps, through Wagtail hooks.

An app offers related items for a kind of page ("method", "place", "place_counts") by registering a hook named
`hook(kind)` in its wagtail_hooks.py that returns (heading, provider); provider(page, request) gives the items
(already prefetched). A page asks `related_sections(kind, page)` and gets [{heading, items}], e.g. a method page
showing the stories that used it (stories app) and the events that teach it (events app).

A section shows its items as links (title and URL); page providers fetch only those columns (`LINK_FIELDS`):
a whole story or event row, with its StreamFields, made each related link cost as much as a page of its own.
"""

from wagtail import hooks

#: What a related page needs to be shown as a link ({% pageurl %} and its title).
LINK_FIELDS = ("id", "title", "url_path", "path", "depth", "locale_id", "content_type_id", "translation_key", "live")


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
