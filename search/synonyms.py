"""Editor-maintained synonyms and equivalent spellings (Bokmål/Nynorsk, spelling reforms): query expansion on every
engine (database backends and OpenSearch alike), plus a synonym_graph filter on OpenSearch."""

from django.core.cache import cache

from . import lexicon
from .text import WORD, stem

CACHE_KEY = "hubsearch:synonyms:v2"


def synonym_sets():
    """[[term, ...], ...] for every synonym set and equivalent spelling, cached until one changes."""
    sets = cache.get(CACHE_KEY)
    if sets is None:
        from .models import EquivalentForms, Synonym

        sets = [s.term_list() for s in Synonym.objects.all()]
        sets += [[lexicon.fold(t) for t in s.term_list()] for s in EquivalentForms.objects.all()]
        sets = [s for s in sets if len(s) > 1]
        cache.set(CACHE_KEY, sets, 3600)
    return sets


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


def expand(terms, lang="nb"):
    """Each query word as a group of alternatives; an alternative is a list of words (a phrase if several).

    A word's base forms in the dictionary are alternatives too ("kursene": kurs, "strikking": strikke), so an
    engine whose stemmer cuts the two differently still finds the page. A set matches a word by its exact form,
    its stem or a base form, so "samskapingen" expands like "samskaping", "forteljingane" like "forteljing" and
    "innbyggere" like "innbygger"; the set's inflected words bring their base forms ("broen": brua, so bru).
    A compound also matches its parts as a phrase ("leksehjelp": "lekse hjelp"),
    which is how the index holds the parts of the compounds in the text.
    """
    sets = synonym_sets()
    groups = []
    for term in terms:
        alternatives = [[term]]
        split = list(lexicon.parts(term, lang if lang in lexicon.FILES else "nb"))
        if split:
            alternatives.append(split)
        term_stem = stem(term, lang)
        bases = lexicon.lemmas(term, lang)
        # only base forms the stemmer cuts apart from the word add something ("kursene" → kurs, not "kurs" → kur)
        alternatives += [[base] for base in bases if stem(base, lang) != term_stem]
        keys = {term, term_stem, *bases}
        for terms_in_set in sets:
            single = [t for t in terms_in_set if " " not in t and "-" not in t]
            if term in terms_in_set or keys & ({*single} | {stem(t, lang) for t in single}):
                for other in terms_in_set:
                    words = WORD.findall(other.lower())
                    forms = [words] + ([[b] for b in lexicon.base_forms(words[0], lang)] if len(words) == 1 else [])
                    alternatives += [f for f in forms if f and f not in alternatives]
        groups.append(alternatives)
    return groups
