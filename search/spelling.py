""" "Did you mean …?": the closest words of the index's own vocabulary, and whether the correction is certain.

The vocabulary is every word of the indexed titles and texts of live pages in the language (accents folded),
counted, kept in the cache until the content changes. A correction is certain when each changed word has one
clear best candidate (similarity ≥ CERTAIN, ahead of the next by MARGIN or far more frequent): then the search
shows that correction's results at once, with a link to search for the words as typed.
"""

import difflib
from collections import Counter
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Max
from wagtail.models import Page

from . import facets as facet_mod
from .lexicon import fold
from .text import WORD

CLOSE = 0.75
CERTAIN = 0.82
MARGIN = 0.06
MIN_WORD = 4


@dataclass
class Suggestion:
    text: str
    terms: list
    certain: bool


def vocabulary(language):
    """{word: occurrences} over the index entries of live pages (in `language`, or all)."""
    from modelsearch.conf import get_app_config

    entry = get_app_config().get_model("IndexEntry")
    pages = Page.objects.live().public().filter(content_type_id__in=list(facet_mod.content_type_ids()))
    if language:
        pages = pages.filter(locale__language_code=language)
    state = pages.order_by().aggregate(n=Count("pk"), last=Max("last_published_at"))  # new content, new vocabulary
    stamp = state["last"].timestamp() if state["last"] else 0  # no spaces in the key (memcached-safe)
    key = f"hubsearch:vocab:v2:{language or 'all'}:{state['n']}:{stamp}"
    vocab = cache.get(key)
    if vocab is None:
        from .engines.database import page_key_subquery

        counts = Counter()
        rows = entry.objects.filter(
            content_type_id__in=list(facet_mod.content_type_ids()), object_id__in=page_key_subquery(pages)
        ).values_list(*_text_columns(entry))
        for texts in rows[:20000]:
            counts.update(w for w in WORD.findall(fold(" ".join(texts).lower())) if len(w) >= MIN_WORD)
        vocab = dict(counts)
        cache.set(key, vocab, 600)
    return vocab


def _text_columns(entry):
    """The index columns holding words as written: PostgreSQL keeps plain-text mirrors of title and body; SQLite's
    title and body are stemmed, so only its autocomplete column (titles as written) serves."""
    names = {f.name for f in entry._meta.get_fields()}
    return ("title_text", "body_text") if "body_text" in names else ("autocomplete",)


def _candidates(term, vocab):
    """(word, similarity) of the closest vocabulary words, best first: same first letter, similar length."""
    pool = [w for w in vocab if w[0] == term[0] and abs(len(w) - len(term)) <= 2]
    close = difflib.get_close_matches(term, pool, n=3, cutoff=CLOSE)
    return [(w, difflib.SequenceMatcher(None, term, w).ratio()) for w in close]


def suggest(terms, language):
    """A Suggestion for the words not in the vocabulary, or None if none has a close word."""
    vocab = vocabulary(language)
    if not terms or not vocab:
        return None
    fixed, changed, certain = [], False, True
    for term in terms:
        folded = fold(term)
        if folded in vocab or len(folded) < MIN_WORD:
            fixed.append(term)
            continue
        found = _candidates(folded, vocab)
        if not found:
            fixed.append(term)
            continue
        best, score = found[0]
        runner_up = found[1] if len(found) > 1 else None
        clear = runner_up is None or score - runner_up[1] >= MARGIN or vocab[best] >= 5 * vocab[runner_up[0]]
        certain &= score >= CERTAIN and clear
        fixed.append(best)
        changed = True
    if not changed:
        return None
    return Suggestion(" ".join(fixed), fixed, certain)
