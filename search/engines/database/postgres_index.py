"""modelsearch's PostgreSQL backend, analysing each object in its own language.

modelsearch builds every vector with one configuration. Here a page is analysed with its locale's configuration
(search.pg_configs: hub_nb, hub_nn, english), its text has accents folded (kafé = kafe), and the compound parts
found by the shared lexicon (search.lexicon) are added to the body at the lowest weight, so "lekser" finds
"leksehjelp" and "utvikler" finds "samfunnsutvikleren".
"""

from django.db.models.sql.subqueries import InsertQuery
from django.utils.functional import cached_property
from modelsearch.backends.database.postgres.postgres import (
    ObjectIndexer,
    PostgresIndex,
    PostgresSearchBackend,
)
from modelsearch.conf import get_app_config
from modelsearch.index import SearchField
from modelsearch.utils import get_content_type_pk

from ...lexicon import fold, parts_text
from ...pg_configs import config_for
from ...public_index import PublicPagesIndexMixin

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)


def object_language(obj):
    locale = getattr(obj, "locale", None)
    return getattr(locale, "language_code", "nb") or "nb"


class LocaleObjectIndexer(ObjectIndexer):
    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.lang = object_language(obj)
        self.config = config_for(self.lang)
        self._values = {}

    def prepare_field(self, obj, field):
        """Each of the object's search fields read once: the title, body, autocomplete and both plain texts each
        walk every field, and a related field (tags, places, organisations) or a StreamField's text would
        otherwise be fetched and extracted five times per indexed page."""
        if obj is not self.obj:
            yield from super().prepare_field(obj, field)
            return
        values = self._values.get(id(field))
        if values is None:
            values = self._values[id(field)] = list(super().prepare_field(obj, field))
        yield from values

    def prepare_value(self, value):
        return fold(super().prepare_value(value))

    @cached_property
    def body(self):
        texts = [
            (value, boost)
            for field in self.search_fields
            for current, boost, value in self.prepare_field(self.obj, field)
            if isinstance(current, SearchField) and current.field_name != "title"
        ]
        compounds = parts_text(self.title_text + " " + self.body_text, self.lang)
        if compounds:
            texts.append((compounds, "D"))
        return self.as_vector(texts)


class LocalePostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        """modelsearch's upsert (same columns, same conflict rule), with LocaleObjectIndexer, and each row written
        once: its title weight (`title_norm`: the average title length over this title's length, as modelsearch
        computes it) goes in with the row, instead of a second UPDATE of every new row, which doubled the writes of
        each publish and left the table twice its size until vacuumed (every search reads it whole)."""
        if not model.get_search_fields():
            return
        indexers = [LocaleObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            sqls = []
            for column in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(IndexEntry._meta.get_field(column), getattr(indexer, column))
                sql, value_params = value.as_sql(compiler, self.write_connection)
                sqls.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {sqls[0]}, {sqls[1]}, {sqls[2]}, %s, %s)")
        table = IndexEntry._meta.db_table
        # The average over the titles already indexed, else over this batch's (a first index of an empty table).
        average = (
            f"COALESCE((SELECT avg(length(title)) FROM {table} WHERE length(title) > 0), "
            "avg(length(v.title)) FILTER (WHERE length(v.title) > 0) OVER ())"
        )
        norm = f"COALESCE(({average}) / NULLIF(length(v.title), 0), 1.0)"
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, "
                f"body_text) SELECT v.content_type_id, v.object_id, v.title, v.autocomplete, v.body, {norm}, "
                f"v.title_text, v.body_text FROM (VALUES {', '.join(rows)}) AS v(content_type_id, object_id, title, "
                "autocomplete, body, title_text, body_text) "
                "ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title, "
                "title_norm = EXCLUDED.title_norm, autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body, "
                "title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                params,
            )


class PublicLocalePostgresIndex(PublicPagesIndexMixin, LocalePostgresIndex):
    """Only pages the public may find (search.public_index), written per language."""


class LocalePostgresSearchBackend(PostgresSearchBackend):
    index_class = PublicLocalePostgresIndex


SearchBackend = LocalePostgresSearchBackend
