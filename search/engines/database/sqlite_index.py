"""SQLite FTS5 with Norwegian (and English) stemming.

modelsearch's SQLite backend stores words as written, so "frivillige" never finds "frivilligheten". This
subclass stores title and body stemmed with PyStemmer in the page's language (Norwegian for nb/nn, English for
en), accents folded, with the compound parts the shared lexicon finds (search.lexicon) added to the body, and
stems query words the same way. The autocomplete column stays unstemmed for prefix matching.
Our own query engine (`search.engines.database.query.SQLiteEngine`) ranks inside one FTS query.
"""

from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite.query import Lexeme
from modelsearch.backends.database.sqlite.sqlite import (
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.conf import get_app_config
from modelsearch.query import PlainText
from modelsearch.utils import get_content_type_pk

from ...lexicon import parts_text
from ...public_index import PublicPagesIndexMixin
from ...text import stem, stem_text

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)


def object_language(obj):
    locale = getattr(obj, "locale", None)
    return getattr(locale, "language_code", "nb") or "nb"


class StemmedObjectIndexer(ObjectIndexer):
    # modelsearch's own computations, called directly: through super() its cached_property would store the raw
    # text under "title"/"body" and shadow the stemmed values below.
    @cached_property
    def raw_title(self):
        return ObjectIndexer.title.func(self)

    @cached_property
    def raw_body(self):
        return ObjectIndexer.body.func(self)

    @cached_property
    def title(self):
        return stem_text(self.raw_title, object_language(self.obj))

    @cached_property
    def body(self):
        lang = object_language(self.obj)
        text = self.raw_body
        return stem_text(text + " " + parts_text(self.raw_title + " " + text, lang), lang)


class StemmedSQLiteIndex(SQLiteIndex):
    """modelsearch's add_items with the stemming indexer (same upsert, same title norms)."""

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        data = {}
        for obj in objs:
            indexer = StemmedObjectIndexer(obj, self.backend)
            data[indexer.id] = {"title": indexer.title, "autocomplete": indexer.autocomplete, "body": indexer.body}
        if not data:
            return
        entries = self.entries.filter(content_type_id=get_content_type_pk(model))
        existing = set(entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True))
        for object_id in existing:
            entries.filter(object_id=object_id).update(**data[object_id])
        self.entries.bulk_create(
            [
                IndexEntry(content_type_id=get_content_type_pk(model), object_id=object_id, **values)
                for object_id, values in data.items()
                if object_id not in existing
            ]
        )
        self._refresh_title_norms()


class StemmedQueryCompiler(SQLiteSearchQueryCompiler):
    """Admin and API searches through the backend stem their words too."""

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            words = [stem(w) for w in query.query_string.split()]
            if not words:
                return None
            lexemes = Lexeme(words.pop())
            for word in words:
                lexemes = lexemes & Lexeme(word) if query.operator.upper() == "AND" else lexemes | Lexeme(word)
            from modelsearch.backends.database.sqlite.query import SearchQueryExpression

            return SearchQueryExpression(lexemes, config=config)
        return super().build_search_query_content(query, config)


class PublicStemmedSQLiteIndex(PublicPagesIndexMixin, StemmedSQLiteIndex):
    """Only pages the public may find (search.public_index), stemmed."""


class StemmedSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = PublicStemmedSQLiteIndex
    query_compiler_class = StemmedQueryCompiler
    autocomplete_query_compiler_class = SQLiteAutocompleteQueryCompiler


SearchBackend = StemmedSQLiteSearchBackend
