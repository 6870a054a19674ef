""" "Did you mean …?": the closest words of the index's own vocabulary, and whether the correction is certain.

The vocabulary is every word of the indexed titles and texts of live pages in the language (accents folded),
counted, kept in the cache until the content changes. A correction is certain when each changed word has one
clear best candidate (similarity ≥ CERTAIN, ahead of the next other word by MARGIN or far more frequent; its own
inflections are no rivals: "lesesirkkel" is "lesesirkel" even though "lesesirkler" is close too): then the search
shows that correction's results at once, with a link to search for the words as typed.
"""

import difflib
from collections import Counter
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Max
from wagtail.models import Page

from . import facets as facet_mod
from .lexicon import fold, lemmas
from .text import WORD, stem

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
        from .engines.database.query import page_key_subquery

        counts = Counter()
        rows = entry.objects.filter(
            content_type_id__in=list(facet_mod.content_type_ids()), object_id__in=page_key_subquery(pages)
        ).values_list(*_text_columns(entry))
        for texts in rows[:20000]:
            counts.update(WORD.findall(" ".join(texts).lower()))
        vocab = {}
        for word, count in counts.items():  # accents folded once per distinct word, not per character of every text
            word = fold(word)
            if len(word) >= MIN_WORD:
                vocab[word] = vocab.get(word, 0) + count
        cache.set(key, vocab, 600)
    return vocab


def _text_columns(entry):
    """The index columns holding words as written: PostgreSQL keeps plain-text mirrors of title and body; SQLite's
    title and body are stemmed, so only its autocomplete column (titles as written) serves."""
    names = {f.name for f in entry._meta.get_fields()}
    return ("title_text", "body_text") if "body_text" in names else ("autocomplete",)


def _candidates(term, vocab, language):
    """(word, similarity, occurrences) of the closest indexed words, best first: same first letter, similar length.

    A word is also measured by its base form in the dictionary: a page that only says "lesesirkler" and
    "lesesirklene" is a clear match for "lesesirkkel", whose closest word is "lesesirkel". The correction is
    always a word the index holds (its most frequent inflection), which every engine finds as written.
    """
    lang = language or "nb"
    pool = {}  # form -> (indexed word, its occurrences)
    for word, count in vocab.items():
        if word[0] != term[0] or abs(len(word) - len(term)) > 4:
            continue
        for form in (word, *lemmas(word, lang)):
            if abs(len(form) - len(term)) > 2 or form[0] != term[0] or (form != word and form in vocab):
                continue
            if form not in pool or pool[form][1] < count:
                pool[form] = (word, count)
    close = difflib.get_close_matches(term, list(pool), n=3, cutoff=CLOSE)
    return [(pool[f][0], difflib.SequenceMatcher(None, term, f).ratio(), pool[f][1]) for f in close]


def _same_word(one, other, language):
    """Two inflections of one word ("lesesirkel", "lesesirkler") are no rival corrections of each other."""
    lang = language or "nb"
    if stem(one, lang) == stem(other, lang):
        return True
    return bool({one, *lemmas(one, lang)} & {other, *lemmas(other, lang)})


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
        found = _candidates(folded, vocab, language)
        if not found:
            fixed.append(term)
            continue
        best, score, count = found[0]
        rivals = [c for c in found[1:] if not _same_word(best, c[0], language)]
        runner_up = rivals[0] if rivals else None
        clear = runner_up is None or score - runner_up[1] >= MARGIN or count >= 5 * runner_up[2]
        certain &= score >= CERTAIN and clear
        fixed.append(best)
        changed = True
    if not changed:
        return None
    return Suggestion(" ".join(fixed), fixed, certain)
