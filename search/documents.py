"""What an engine stores per page besides modelsearch's own fields: text per language group, facet keywords."""

from . import facets, registry
from .text import page_text

# Analyzer group per language: Bokmål and Nynorsk share the Norwegian analyzer.
LANGUAGE_GROUP = {"nb": "no", "nn": "no", "en": "en"}
GROUPS = ("no", "en")


def language_group(code):
    return LANGUAGE_GROUP.get(code, "no")


def hub_document(page):
    """Extra fields for a registered page type, or {} for anything else."""
    if registry.type_for_page(page) is None:
        return {}
    group = language_group(page.locale.language_code)
    values = facets.page_values(page)
    doc = {
        "hub_live": bool(page.live),
        "hub_path": page.path,
        "hub_suggest": page.title,
        f"hub_title_{group}": page.title,
        f"hub_text_{group}": page.title + " " + page_text(page),
    }
    for facet, items in values.items():
        doc[f"hub_{facet}"] = items
    return doc
