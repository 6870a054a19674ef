"""Text handling shared by every backend: cleaning visitor input, stemming, page text and highlighted snippets.

The visitor's query is reduced to word tokens before any backend sees it, so quotes, operators, control
characters and 2 000-character pastes cannot reach an engine's query parser.
"""

import html
import re
import threading
import unicodedata
from collections import OrderedDict

import Stemmer
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from .lexicon import fold

MAX_QUERY_CHARS = 200
MAX_TERMS = 12
MAX_TERM_CHARS = 40
WORD = re.compile(r"[^\W_]+", re.UNICODE)
STEMMER_LANG = {"nb": "norwegian", "nn": "norwegian", "en": "english"}
_local = threading.local()


def clean(raw):
    """Drop control/format characters, collapse whitespace, cut to MAX_QUERY_CHARS."""
    raw = (raw or "")[: MAX_QUERY_CHARS * 4]
    chars = [" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in raw]
    return " ".join("".join(chars).split())[:MAX_QUERY_CHARS]


def tokens(text):
    return [t for t in WORD.findall((text or "").lower()) if len(t) <= MAX_TERM_CHARS][:MAX_TERMS]


def normalise(raw):
    """The form a query is logged and promoted under: lower-case word tokens joined by one space."""
    return " ".join(tokens(clean(raw)))


def stemmer(lang):
    """A PyStemmer instance per thread (they are not thread safe)."""
    cache = getattr(_local, "stemmers", None)
    if cache is None:
        cache = _local.stemmers = {}
    algo = STEMMER_LANG.get(lang, "norwegian")
    if algo not in cache:
        cache[algo] = Stemmer.Stemmer(algo)
    return cache[algo]


def stem(word, lang="nb"):
    return stemmer(lang).stemWord(fold(word.lower()))


# Norwegian writes compounds as one word ("reparasjonskafé", "barnebibliotekaren", "evaluering" for
# "evaluere"): a query word whose stem has at least this many letters also matches words that begin with that
# stem. Shorter stems would match too much ("kur" → "kurv", "kursted").
PREFIX_MIN = 5


def compound_prefix(word, lang="nb"):
    """The stem that `word` also matches as the start of longer words, or None if it is too short."""
    word_stem = stem(word, lang)
    return word_stem if len(word_stem) >= PREFIX_MIN and word_stem.isalnum() else None


def stem_text(text, lang="nb"):
    words = WORD.findall(fold(strip_tags(text or "").lower()))
    return " ".join(stemmer(lang).stemWords(words))


# Page texts kept per process, keyed by the page's live revision: a live page's text only changes when a new
# revision goes live, which makes a new key, so an entry is never stale and nothing needs to invalidate it.
PAGE_TEXTS_KEPT = 2000
_page_texts = OrderedDict()
_page_texts_lock = threading.Lock()


def page_text(page, limit=20000, kept=True):
    """Plain text of what the page's search_fields index besides the title (plus the search description).

    Working it out runs every rich text and StreamField block of the page through the HTML parser, which took
    longer than the rest of a result, ten times per results page; so a live page's text is kept per live
    revision (above). Indexing passes kept=False: it must read the fields as they are saved right now."""
    revision = getattr(page, "live_revision_id", None)
    if not kept or not revision or not getattr(page, "live", False):
        return _page_text(page, limit)
    key = (page.pk, revision, getattr(page, "last_published_at", None), limit)
    with _page_texts_lock:
        text = _page_texts.get(key)
        if text is not None:
            _page_texts.move_to_end(key)
            return text
    text = _page_text(page, limit)
    with _page_texts_lock:
        _page_texts[key] = text
        while len(_page_texts) > PAGE_TEXTS_KEPT:
            _page_texts.popitem(last=False)
    return text


def _page_text(page, limit):
    from wagtail.search import index

    parts = [getattr(page, "search_description", "") or ""]
    for f in page.get_search_fields():
        if isinstance(f, index.SearchField) and f.field_name != "title":
            try:
                value = f.get_value(page)
            except (AttributeError, LookupError, TypeError, ValueError):  # a half-built field must not break search
                continue
            if isinstance(value, (list, tuple)):
                value = " ".join(str(v) for v in value)
            if value:
                parts.append(strip_tags(str(value)))
    text = " ".join(" ".join(parts).split())
    return html.unescape(text)[:limit]


def highlight(text, terms, lang="nb", width=220):
    """An HTML-escaped snippet around the first matching word, query words (any inflection) in <mark>."""
    if not text:
        return ""
    stems = {stem(t, lang) for t in terms} | {stem(t, "en") for t in terms} | set(terms)
    prefixes = tuple(p for p in (compound_prefix(t, lang) for t in terms) if p)  # as the engines match compounds
    words = list(WORD.finditer(text))

    def matches(word):
        word = word.lower()
        return word in stems or stem(word, lang) in stems or bool(prefixes and word.startswith(prefixes))

    hits = [m for m in words if matches(m.group())]
    if hits:
        start = max(0, hits[0].start() - width // 3)
        start = text.rfind(" ", 0, start) + 1 if start else 0
    else:
        start = 0
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    marks = [m for m in hits if m.start() >= start and m.end() <= end]
    out, pos = [], start
    for m in marks:
        out.append(html.escape(text[pos : m.start()]))
        out.append("<mark>" + html.escape(m.group()) + "</mark>")
        pos = m.end()
    out.append(html.escape(text[pos:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(out) + suffix)
