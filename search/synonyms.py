"""Editor-maintained synonyms and equivalent spellings (Bokmål/Nynorsk, spelling reforms): query expansion on every
engine (database backends and OpenSearch alike), plus a synonym_graph filter on OpenSearch."""

import difflib

from django.core.cache import cache

from . import lexicon
from .text import WORD, stem

CACHE_KEY = "hubsearch:synonyms:v3"
# A synonym spelled this much like the visitor's word (difflib ratio, as spelling.CERTAIN) is a spelling of it:
# editors list common misspellings and variants ("samskapning") in synonym sets.
VARIANT = 0.82


def _sets():
    """([synonym set, ...], [equivalent spellings, ...]), each a list of terms, cached until one changes."""
    sets = cache.get(CACHE_KEY)
    if sets is None:
        from .models import EquivalentForms, Synonym

        synonyms = [s.term_list() for s in Synonym.objects.all()]
        equivalents = [[lexicon.fold(t) for t in s.term_list()] for s in EquivalentForms.objects.all()]
        sets = ([s for s in synonyms if len(s) > 1], [s for s in equivalents if len(s) > 1])
        cache.set(CACHE_KEY, sets, 3600)
    return sets


def synonym_sets():
    """[[term, ...], ...] for every synonym set and equivalent spelling."""
    synonyms, equivalents = _sets()
    return synonyms + equivalents


def forget():
    cache.delete(CACHE_KEY)


def engine_rules():
    """Solr-style rules for OpenSearch's synonym_graph filter: "samskaping, co-creation, samskapning"."""
    rules = []
    for terms in synonym_sets():
        words = [" ".join(WORD.findall(t)) for t in terms]
        words = [w for w in words if w]
        if len(words) > 1:
            rules.append(", ".join(words))
    return rules or ["samskapingshuben, samskapingshuben"]


class Related(list):
    """A word the editors listed as meaning the same ("dugnad" for "frivillighet", "co-creation" for "samskaping"):
    it finds pages, but pages that hold the visitor's own word come first (`own`)."""


class Parts(tuple):
    """The parts of a compound the visitor typed as one word ("nettbrettkurs": nett, brett, kurs). A page matches
    when it holds every part anywhere ("Kurs i bruk av nettbrett"): people write the compound's idea out in words
    as often as they join it. An alternative that is a list is a phrase instead (a synonym of several words)."""


def expand(terms, lang="nb"):
    """Each query word as a group of alternatives; an alternative is a list of words (a phrase if several).

    A word's base forms in the dictionary are alternatives too ("kursene": kurs, "strikking": strikke), so an
    engine whose stemmer cuts the two differently still finds the page. A set matches a word by its exact form,
    its stem or a base form, so "samskapingen" expands like "samskaping", "forteljingane" like "forteljing" and
    "innbyggere" like "innbygger"; the set's inflected words bring their base forms ("broen": brua, so bru).
    A compound also matches its parts (`Parts`: "leksehjelp" → lekse, hjelp) wherever they stand on the page; the
    index holds the parts of the page's own compounds next to its text, so that covers both ways of writing it.
    """
    synonyms, equivalents = _sets()
    sets = [(terms, False) for terms in equivalents] + [(terms, True) for terms in synonyms]
    groups = []
    for term in terms:
        alternatives = [[term]]
        split = list(lexicon.parts(term, lang if lang in lexicon.FILES else "nb"))
        if split:
            alternatives.append(Parts(split))
        term_stem = stem(term, lang)
        bases = lexicon.lemmas(term, lang)
        # only base forms the stemmer cuts apart from the word add something ("kursene" → kurs, not "kurs" → kur)
        alternatives += [[base] for base in bases if stem(base, lang) != term_stem]
        keys = {term, term_stem, *bases}
        for terms_in_set, related in sets:
            single = [t for t in terms_in_set if " " not in t and "-" not in t]
            if term in terms_in_set or keys & ({*single} | {stem(t, lang) for t in single}):
                for other in terms_in_set:
                    words = WORD.findall(other.lower())
                    forms = [words] + ([[b] for b in lexicon.base_forms(words[0], lang)] if len(words) == 1 else [])
                    kind = Related if related and not _spelling_of(term, keys, other, lang) else list
                    forms = [kind(f) for f in forms if f]
                    split = lexicon.parts(words[0], lang if lang in lexicon.FILES else "nb") if len(words) == 1 else ()
                    forms += [Parts(split)] if split else []  # "bokklubb" finds "Lesesirkler" (lese, sirkel)
                    alternatives += [f for f in forms if f not in alternatives]
        groups.append(alternatives)
    return groups


def _spelling_of(term, keys, other, lang):
    """Whether a synonym of `term` is the same word: an inflection of it or a variant spelling listed as a synonym."""
    if other in keys or stem(other, lang) in keys:
        return True
    return difflib.SequenceMatcher(None, term, other).ratio() >= VARIANT


def own(alternatives):
    """The alternatives that are the visitor's own word: as typed, its base forms, its spellings in the other
    written standard or before a reform. Not a synonym (`Related`) and not a compound's parts (`Parts`)."""
    return [a for a in alternatives if not isinstance(a, (Related, Parts))]
