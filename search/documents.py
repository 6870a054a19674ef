"""What an engine stores per page besides modelsearch's own fields: text per language, facet keywords.

The text has its accents folded (search.lexicon.fold) and the compound parts the shared lexicon finds appended,
as on the database backends, so every engine matches the same words.
"""

from . import facets, registry
from .lexicon import fold, parts_text
from .text import page_text

# One analyzer per language (search.engines.opensearch.index): Bokmål and Nynorsk each with their own dictionary.
GROUPS = ("nb", "nn", "en")


def language_group(code):
    return code if code in GROUPS else "nb"


def hub_document(page):
    """Extra fields for a registered page type, or {} for anything else."""
    if registry.type_for_page(page) is None:
        return {}
    group = language_group(page.locale.language_code)
    values = facets.page_values(page)
    text = fold(page.title + " " + page_text(page, kept=False))
    doc = {
        "hub_live": bool(page.live),
        "hub_path": page.path,
        "hub_suggest": page.title,
        f"hub_title_{group}": fold(page.title),
        f"hub_text_{group}": text + " " + parts_text(text, group),
    }
    for facet, items in values.items():
        doc[f"hub_{facet}"] = items
    return doc
