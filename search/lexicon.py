"""The Norwegian lexicon every engine shares: Debian's `hunspell-no` word lists (nb_NO, nn_NO).

Norwegian writes compounds as one word ("leksehjelp", "samfunnsutvikler", "språkkafé"), so a visitor's
"lekser" or "utvikler" only finds them if the index also holds the parts. This module reads the same hunspell
files that PostgreSQL's ispell dictionary and OpenSearch's hunspell filter are given (tools/search_dictionaries.py
places them) and splits compounds with them: every part but the last is a dictionary word (optionally with the
linking "s" or "e" of "samfunn-s-utvikler", "barn-e-hage"), the last is a dictionary word in any inflection the
affix file allows. The parts go into the index next to the text, on SQLite, PostgreSQL and OpenSearch alike.

Accents are folded before anything else (kafé → kafe, but æ, ø and å are letters of their own), in the
dictionary files as in the text, so "kafe" and "kafé" are the same word everywhere.
Without the files (a bare machine) nothing is split and a warning says so once; search works as before.
"""

import logging
import os
import re
import threading
import unicodedata
from functools import lru_cache

logger = logging.getLogger("search")

HUNSPELL_DIRS = ("/usr/share/hunspell", "/usr/share/myspell/dicts")
FILES = {"nb": "nb_NO", "nn": "nn_NO"}
KEEP = set("æøåÆØÅ")
MIN_PART = 4  # shorter parts split too much ("kurs-ene", "fri-villig")
MIN_COMPOUND = 8
LINKS = ("s", "e")
# Endings that look like words but are derivation or inflection ("frivillig-heten", "fortelj-ingar").
NOT_TAILS = frozenset(
    "het heten hetene hetens else elsen elser skap skapet skaper ing inga ingar ingane ingen ingens ning ninga "
    "ningen".split()
)
_lock = threading.Lock()


class _FoldTable(dict):
    """Code point → its character without accents, worked out the first time a character is met: folding is a
    table lookup per character, so the spelling vocabulary of every indexed text is counted quickly."""

    def __missing__(self, code):
        char = chr(code)
        if char in KEEP or code < 128:
            folded = char
        else:
            base = unicodedata.normalize("NFD", char)
            folded = "".join(c for c in base if not unicodedata.combining(c)) or char
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text):
    """Drop accents (é → e, ü → u) but keep æ, ø and å, which are letters in Norwegian."""
    if not text or text.isascii():
        return text
    return text.translate(_FOLD)


def dictionary_dirs():
    from django.conf import settings

    configured = getattr(settings, "SEARCH_HUNSPELL_DIR", "") or os.environ.get("SEARCH_HUNSPELL_DIR", "")
    return ([configured] if configured else []) + list(HUNSPELL_DIRS)


def find_files(lang):
    """(aff path, dic path) of the language's hunspell dictionary, or None."""
    name = FILES.get(lang)
    if not name:
        return None
    for folder in dictionary_dirs():
        aff, dic = os.path.join(folder, name + ".aff"), os.path.join(folder, name + ".dic")
        if os.path.exists(aff) and os.path.exists(dic):
            return aff, dic
    return None


def read_encoding(aff_path):
    with open(aff_path, "rb") as fh:
        for raw in fh:
            if raw.startswith(b"SET "):
                return raw.split()[1].decode("ascii").replace("ISO8859", "ISO-8859")
    return "ISO-8859-1"


def read_lines(path, encoding):
    with open(path, encoding=encoding, errors="replace") as fh:
        for line in fh:
            yield fold(line.rstrip("\n"))


class Lexicon:
    """Base forms with their affix flags, and the suffix rules that inflect them."""

    def __init__(self, lang, aff_path, dic_path):
        self.lang = lang
        encoding = read_encoding(aff_path)
        self.suffixes = {}  # added ending -> [(flag, stripped ending, condition regex)]
        self.by_flag = {}  # flag -> [(stripped ending, added ending, condition regex)]
        for line in read_lines(aff_path, encoding):
            parts = line.split()
            if len(parts) >= 5 and parts[0] == "SFX":
                flag, strip, add, cond = parts[1], parts[2], parts[3].split("/")[0], parts[4]
                strip, add = ("" if strip == "0" else strip), ("" if add == "0" else add)
                condition = re.compile("(?:" + cond + ")$")
                self.suffixes.setdefault(add, []).append((flag, strip, condition))
                self.by_flag.setdefault(flag, []).append((strip, add, condition))
        self.words = {}
        lines = read_lines(dic_path, encoding)
        next(lines, None)  # the count
        for line in lines:
            word, _, flags = line.partition("/")
            word = word.strip()
            if word and word.isalpha():
                key = word.lower()
                self.words[key] = self.words.get(key, "") + flags.split()[0] if flags else self.words.get(key, "")
        self.max_ending = max((len(a) for a in self.suffixes), default=0)

    def lemmas(self, form):
        """The base forms `form` inflects (hunspell's suffix rules read backwards); empty if unknown."""
        found = [form] if form in self.words else []
        for cut in range(1, min(self.max_ending, len(form) - 2) + 1):
            for flag, strip, cond in self.suffixes.get(form[-cut:], ()):
                base = form[:-cut] + strip
                flags = self.words.get(base)
                if flags is not None and flag in flags and cond.search(base) and base not in found:
                    found.append(base)
        return found

    def inflections(self, word):
        """The forms the affix file makes of a dictionary word ("sirkel": sirkelen, sirkler, sirklene …)."""
        found = []
        for flag in dict.fromkeys(self.words.get(word) or ""):
            for strip, add, cond in self.by_flag.get(flag, ()):
                if word.endswith(strip) and cond.search(word):
                    form = word[: len(word) - len(strip)] + add
                    if form != word and form not in found:
                        found.append(form)
        return found

    def is_head(self, part):
        return len(part) >= MIN_PART and part in self.words

    def split(self, word):
        """The parts of a compound ([] if it is none): fewest parts, longest first part on a tie."""
        word = word.lower()
        if len(word) < MIN_COMPOUND or not word.isalpha():
            return []
        best = self._split(word, 0)
        return best if best and len(best) > 1 else []

    def _split(self, word, depth):
        if depth > 3:
            return None
        options = []
        if depth and len(word) >= MIN_PART and word not in NOT_TAILS and self.lemmas(word):
            options.append([word])
        for end in range(len(word) - MIN_PART, MIN_PART - 1, -1):
            head = word[:end]
            if not self.is_head(head):
                continue
            for rest in [word[end:]] + [word[end + 1 :] for link in LINKS if word[end:].startswith(link)]:
                if len(rest) < MIN_PART:
                    continue
                tail = self._split(rest, depth + 1)
                if tail:
                    options.append([head, *tail])
            if options and len(options[-1]) == 2:
                break
        if not options:
            return None
        return min(options, key=lambda o: (len(o), -len(o[0])))


@lru_cache(maxsize=4)
def _load(lang):
    files = find_files(lang)
    if files is None:
        logger.warning(
            "search: no hunspell dictionary for %s in %s (install Debian's hunspell-no); compounds are not split",
            lang,
            ", ".join(dictionary_dirs()),
        )
        return None
    return Lexicon(lang, *files)


def get(lang):
    """The lexicon for nb or nn (loaded once per process), or None (English, or no dictionary installed)."""
    if lang not in FILES:
        return None
    with _lock:
        return _load(lang)


@lru_cache(maxsize=50000)
def parts(word, lang):
    """The compound parts of one lower-case word in that language, as a tuple (empty if not a compound)."""
    lexicon = get(lang)
    return tuple(lexicon.split(word)) if lexicon else ()


@lru_cache(maxsize=50000)
def lemmas(word, lang):
    """The base forms of one lower-case query word other than itself ("kursene" → kurs, "broen" → bro), in Bokmål
    and Nynorsk both for a Norwegian query (visitors mix them); none for English or without the dictionaries."""
    if lang not in FILES:
        return ()
    found = []
    for code in dict.fromkeys((lang, *FILES)):
        lexicon = get(code)
        for base in lexicon.lemmas(word) if lexicon else ():
            if base != word and base not in found:
                found.append(base)
    return tuple(found)


@lru_cache(maxsize=50000)
def inflections(word, lang):
    """The inflected forms of a dictionary word in that language, as a tuple (none for English or an unknown word)."""
    lexicon = get(lang) if lang in FILES else None
    return tuple(lexicon.inflections(word)) if lexicon else ()


def base_forms(word, lang):
    """The base forms of an inflected form ("brua" → bru); none for a word the dictionaries hold as it is
    ("leder" stays leder, not also lede or led)."""
    if lang not in FILES or any((lexicon := get(code)) and word in lexicon.words for code in FILES):
        return ()
    return lemmas(word, lang)


WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def parts_text(text, lang):
    """The compound parts of every word in `text`, space separated: indexed next to the text itself."""
    if lang not in FILES or not text:
        return ""
    seen, out = set(), []
    for word in WORD.findall(fold(text).lower()):
        if word in seen or len(word) < MIN_COMPOUND:
            continue
        seen.add(word)
        out.extend(parts(word, lang))
    return " ".join(out)
