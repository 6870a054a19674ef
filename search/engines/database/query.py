"""Search over modelsearch's own index table: the match evaluated once per search, facet counts as SQL aggregates.

PostgreSQL: `hub_vector @@ to_tsquery('hub_nb', …)` (the query language's configuration, search.pg_configs; the
stored `title || body` column of migration 0003, GIN-indexed), ranked with ts_rank. SQLite: one FTS5 MATCH
ordered by bm25(), over text that our backend (`sqlite_index`) stored stemmed, instead of modelsearch's per-row
correlated BM25 subquery.

One query yields every matching page id, best first (ranking needs every match scored anyway); the total is its
length and the slice its head. The facet counts are GROUP BY queries over that id set, sent back as one array
parameter, so the full-text match is never re-run per count or per facet. Only integers cross to Python.
"""

import json
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import BooleanField, CharField, F
from django.db.models.expressions import Expression, RawSQL
from django.db.models.functions import Cast
from modelsearch.conf import get_app_config
from wagtail.models import Page

from hub.view_restrictions import public

from ... import facets as facet_mod
from ...pg_configs import CONFIGS, config_for
from ...synonyms import expand
from ...text import compound_prefix, stem
from .. import Hits

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)
ENTRY_TABLE = IndexEntry._meta.db_table


class ColumnSQL(Expression):
    """Raw SQL with {column} placeholders compiled as the query's own aliases (safe inside subqueries)."""

    def __init__(self, template, columns, params, output_field):
        super().__init__(output_field=output_field)
        self.template, self.columns, self.params = template, list(columns), list(params)
        self.source = [F(c) for c in self.columns]

    def get_source_expressions(self):
        return self.source

    def set_source_expressions(self, exprs):
        self.source = list(exprs)

    def as_sql(self, compiler, connection):
        names, params = {}, []
        for column, expression in zip(self.columns, self.source, strict=True):
            sql, column_params = compiler.compile(expression)
            names[column] = sql
            params.extend(column_params)
        return self.template.format(**names), [*params, *self.params]


def base_pages(spec, exclude_facet=None):
    """Live, public pages of the registered types in the chosen language, narrowed by the facet filters."""
    qs = public(Page.objects.live()).filter(content_type_id__in=list(facet_mod.content_type_ids()))
    if spec.language:
        qs = qs.filter(locale__language_code=spec.language)
    for facet, values in spec.filters.items():
        if values and facet != exclude_facet:
            qs = qs.filter(facet_mod.filter_q(facet, values))
    return qs


@dataclass(frozen=True)
class Match:
    """One query's match, built per call and passed along: the engines are shared by every thread, so nothing
    about a query is ever stored on them. `expression` is the raw query the engine's SQL binds (a tsquery
    string on PostgreSQL, an FTS5 MATCH expression on SQLite), `configs` the text search configurations."""

    expression: str
    configs: tuple = ()


def page_key_subquery(pages):
    """The page ids of `pages` as text, comparable with IndexEntry.object_id, as a subquery."""
    return pages.order_by().annotate(key=Cast("pk", CharField())).values("key")


def id_set(ids):
    """A subquery yielding `ids` from one bound parameter (an array on PostgreSQL, a JSON list on SQLite), for
    `pk__in=`: thousands of ids cost one parameter, not thousands of placeholders."""
    ids = [int(i) for i in ids]
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [ids])
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])


class DatabaseEngine:
    name = "database"

    def match(self, spec):
        """A Match for spec, or None when there is nothing to search for."""
        raise NotImplementedError

    def match_sql(self, match, ct_marks, page_sql, ranked):
        """(SQL selecting IndexEntry.object_id of the matches, params before the content types and pages)."""
        raise NotImplementedError

    def matching_ids(self, match, pages, ranked=True):
        """The ids of every page in `pages` that matches, best first when `ranked` (one query)."""
        cts = list(facet_mod.content_type_ids())
        if not cts:
            return []
        try:
            page_sql, page_params = page_key_subquery(pages).query.sql_with_params()
        except EmptyResultSet:  # the filters exclude every page (e.g. an unknown type)
            return []
        sql, params = self.match_sql(match, ",".join("%s" for _ in cts), page_sql, ranked)
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *cts, *page_params])
            return [int(r[0]) for r in cursor.fetchall()]

    def search(self, spec):
        """One query for every match in rank order, then the facet counts as GROUP BY queries over those ids; a
        chosen facet counts over the matches without its own filter (one unranked match query each)."""
        match = self.match(spec)
        if match is None:
            return Hits([], 0, {f: {} for f in spec.facets}, self.name)
        found = self.matching_ids(match, base_pages(spec))
        counts = {f: {} for f in spec.facets}
        if found:
            unfiltered = [f for f in spec.facets if not spec.filters.get(f)]
            counts.update(facet_mod.counts_for(id_set(found), unfiltered))
        for facet in spec.facets:
            if spec.filters.get(facet):
                scope = self.matching_ids(match, base_pages(spec, exclude_facet=facet), ranked=False)
                counts[facet] = facet_mod.counts_for(id_set(scope), [facet])[facet] if scope else {}
        return Hits(found[spec.offset : spec.offset + spec.limit], len(found), counts, self.name)

    def autocomplete(self, terms, language, limit=8):
        raise NotImplementedError


class PostgresEngine(DatabaseEngine):
    name = "postgresql"

    def __init__(self, config="hub_nb"):
        self.config = config or "hub_nb"

    @staticmethod
    def _lexeme(word):
        return "'" + word + "'"

    def _word(self, word):
        """A single query word: itself, or as a prefix (`:*`, after the configuration's stemming) when it may
        start a compound (search.text.compound_prefix)."""
        return self._lexeme(word) + (":*" if compound_prefix(word) else "")

    def tsquery(self, spec):
        groups = []
        for alternatives in expand(spec.terms, spec.language or "nb"):
            alts = [
                self._word(words[0]) if len(words) == 1 else " <-> ".join(self._lexeme(w) for w in words)
                for words in alternatives
            ]
            groups.append("(" + " | ".join(alts) + ")")
        joiner = " & " if spec.operator == "and" else " | "
        return joiner.join(groups)

    def configs(self, language):
        """The text search configurations the query is parsed with: the one the index used for that language,
        or every language's (ORed) when the visitor searches all of them."""
        return (config_for(language),) if language else tuple(dict.fromkeys(CONFIGS.values()))

    def _tsquery_sql(self, configs):
        return "(" + " || ".join("to_tsquery(%s::regconfig, %s)" for _ in configs) + ")"

    def _tsquery_params(self, match):
        return [p for config in match.configs for p in (config, match.expression)]

    def match(self, spec):
        if not spec.terms:
            return None
        return Match(self.tsquery(spec), self.configs(spec.language))

    def match_sql(self, match, ct_marks, page_sql, ranked):
        order = (
            "ORDER BY ts_rank(ie.title, t.q) * ie.title_norm * 2 + ts_rank(ie.body, t.q) DESC, ie.id DESC"
            if ranked
            else ""
        )
        sql = (
            f'SELECT ie.object_id FROM "{ENTRY_TABLE}" ie CROSS JOIN (SELECT {self._tsquery_sql(match.configs)} '
            f"AS q) t WHERE ie.content_type_id IN ({ct_marks}) AND ie.hub_vector @@ t.q "
            f"AND ie.object_id IN ({page_sql}) {order}"
        )
        return sql, self._tsquery_params(match)

    def autocomplete(self, terms, language, limit=8):
        if not terms:
            return []
        tsq = " & ".join(self._lexeme(t) for t in terms[:-1]) + (" & " if len(terms) > 1 else "")
        tsq += self._lexeme(terms[-1]) + ":*"
        condition = ColumnSQL("{autocomplete} @@ to_tsquery('simple', %s)", ["autocomplete"], [tsq], BooleanField())
        entries = IndexEntry.objects.filter(content_type_id__in=list(facet_mod.content_type_ids())).filter(condition)
        keys = page_key_subquery(base_pages(_Lang(language)))
        rows = entries.filter(object_id__in=keys).order_by("-title_norm", "id").values_list("object_id", flat=True)
        return [int(r) for r in rows[:limit]]


class _Lang:
    def __init__(self, language):
        self.language, self.filters = language, {}


class SQLiteEngine(DatabaseEngine):
    name = "sqlite"
    FTS = f"{ENTRY_TABLE}_fts"

    def match_expression(self, spec):
        langs = [spec.language] if spec.language else ["nb", "en"]
        groups = []
        for alternatives in expand(spec.terms, spec.language or "nb"):
            alts = set()
            for words in alternatives:
                for lang in langs:
                    prefix = compound_prefix(words[0], lang) if len(words) == 1 else None
                    alts.add(f'"{prefix}"*' if prefix else '"' + " ".join(stem(w, lang) for w in words) + '"')
            groups.append("(" + " OR ".join(sorted(alts)) + ")")
        joiner = " AND " if spec.operator == "and" else " OR "
        return "{title body} : (" + joiner.join(groups) + ")"

    def match(self, spec):
        if not spec.terms:
            return None
        return Match(self.match_expression(spec))

    def match_sql(self, match, ct_marks, page_sql, ranked):
        order = f'ORDER BY bm25("{self.FTS}", 0.0, 1.0, 4.0), ie.id DESC' if ranked else ""
        sql = (
            f'SELECT ie.object_id FROM "{self.FTS}" f JOIN "{ENTRY_TABLE}" ie ON ie.id = f.rowid '
            f'WHERE "{self.FTS}" MATCH %s AND ie.content_type_id IN ({ct_marks}) '
            f"AND ie.object_id IN ({page_sql}) {order}"
        )
        return sql, [match.expression]

    def autocomplete(self, terms, language, limit=8):
        if not terms:
            return []
        expr = " AND ".join(f'"{t}"' for t in terms[:-1])
        expr = (expr + " AND " if expr else "") + f'"{terms[-1]}"*'
        rowids = RawSQL(
            f'SELECT rowid FROM "{self.FTS}" WHERE "{self.FTS}" MATCH %s', ["{autocomplete} : (" + expr + ")"]
        )
        entries = IndexEntry.objects.filter(content_type_id__in=list(facet_mod.content_type_ids()), id__in=rowids)
        keys = page_key_subquery(base_pages(_Lang(language)))
        rows = entries.filter(object_id__in=keys).order_by("-title_norm", "id").values_list("object_id", flat=True)
        return [int(r) for r in rows[:limit]]


def for_connection(config=None):
    if connection.vendor == "postgresql":
        return PostgresEngine(config)
    if connection.vendor == "sqlite":
        return SQLiteEngine()
    raise NotImplementedError(f"no search engine for {connection.vendor}")
