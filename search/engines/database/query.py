"""Search over modelsearch's own index table: the match evaluated once per search, facet counts as SQL aggregates.

PostgreSQL: `hub_vector @@ to_tsquery('hub_nb', …)` (the query language's configuration, search.pg_configs; the
stored `title || body` column of migration 0003, kept in the row by 0006), ranked with ts_rank over that same
vector (its title words weigh most) plus the short title's own rank: the body vector, stored out of line, is never
read. Pages that hold the visitor's own words come first (`Match.own`). SQLite: one FTS5 MATCH
ordered by bm25(), over text that our backend (`sqlite_index`) stored stemmed, instead of modelsearch's per-row
correlated BM25 subquery.

One query yields every matching page id, best first (ranking needs every match scored anyway); the total is its
length and the slice its head. The facet counts are GROUP BY queries over that id set, sent back as one array
parameter, so the full-text match is never re-run per count or per facet. On PostgreSQL the ids cross each way
as one string (string_agg, an array literal): adapting thousands of values one by one cost more than the query.
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
from ... import lexicon
from ...pg_configs import CONFIGS, config_for
from ...synonyms import Parts, expand, own
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
    string on PostgreSQL, an FTS5 MATCH expression on SQLite), `configs` the text search configurations, `own`
    the same kind of expression for the visitor's own words (search.synonyms.own): pages holding them rank before
    pages found only through a synonym, the start of a longer word or a compound's parts."""

    expression: str
    configs: tuple = ()
    own: str = ""  # the visitor's own words only (no synonyms, prefixes or parts): such pages rank first


def page_key_subquery(pages):
    """The page ids of `pages` as text, comparable with IndexEntry.object_id, as a subquery."""
    return pages.order_by().annotate(key=Cast("pk", CharField())).values("key")


def id_set(ids):
    """A subquery yielding `ids` from one bound parameter (an array on PostgreSQL, a JSON list on SQLite), for
    `pk__in=`: thousands of ids cost one parameter, not thousands of placeholders."""
    ids = [int(i) for i in ids]
    if connection.vendor == "postgresql":  # an array literal: one string to send, not thousands of adapted ints
        return RawSQL("SELECT unnest(%s::bigint[])", ["{" + ",".join(map(str, ids)) + "}"])
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
            return self.read_ids(cursor)

    def read_ids(self, cursor):
        return [int(r[0]) for r in cursor.fetchall()]

    def search(self, spec):
        """One query for every match in rank order, then the facet counts as GROUP BY queries over those ids; a
        chosen facet counts over the matches without its own filter (one unranked match query each)."""
        match = self.match(spec)
        if match is None:
            return Hits([], 0, {f: {} for f in spec.facets}, self.name)
        chosen = [f for f in spec.facets if spec.filters.get(f)]
        scopes = {}
        if len(chosen) == 1:  # the usual case: the matches and the chosen facet's wider scope from one query
            found, scopes[chosen[0]] = self.matching_ids_and_scope(
                match, base_pages(spec), base_pages(spec, exclude_facet=chosen[0])
            )
        else:
            found = self.matching_ids(match, base_pages(spec))
        counts = {f: {} for f in spec.facets}
        if found:
            unfiltered = [f for f in spec.facets if not spec.filters.get(f)]
            counts.update(facet_mod.counts_for(id_set(found), unfiltered))
        for facet in chosen:
            scope = scopes.get(facet)
            if scope is None:
                scope = self.matching_ids(match, base_pages(spec, exclude_facet=facet), ranked=False)
            counts[facet] = facet_mod.counts_for(id_set(scope), [facet])[facet] if scope else {}
        return Hits(found[spec.offset : spec.offset + spec.limit], len(found), counts, self.name)

    def matching_ids_and_scope(self, match, pages, scope_pages):
        """(the ids of `pages` that match, best first; the ids of `scope_pages` that match, unordered), where
        `pages` narrows `scope_pages` by one more filter. Two queries here; one where the engine can."""
        return self.matching_ids(match, pages), self.matching_ids(match, scope_pages, ranked=False)

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

    def _alternative(self, words):
        """One word, a compound's parts (all of them, anywhere on the page) or a phrase (side by side)."""
        if isinstance(words, Parts):
            return "(" + " & ".join(self._word(w) for w in words) + ")"
        return self._word(words[0]) if len(words) == 1 else " <-> ".join(self._lexeme(w) for w in words)

    def _exact(self, words):
        return " <-> ".join(self._lexeme(w) for w in words)

    def tsquery(self, spec, groups=None):
        """The tsquery of every alternative of every word (`groups`: search.synonyms.expand of the terms)."""
        groups = expand(spec.terms, spec.language or "nb") if groups is None else groups
        joiner = " & " if spec.operator == "and" else " | "
        return joiner.join("(" + " | ".join(self._alternative(w) for w in alts) + ")" for alts in groups)

    def own_tsquery(self, spec, groups):
        """The visitor's own words only, as written (no prefix): pages holding them are ranked first."""
        joiner = " & " if spec.operator == "and" else " | "
        return joiner.join("(" + " | ".join(self._exact(w) for w in own(alts)) + ")" for alts in groups)

    def configs(self, language):
        """The text search configurations the query is parsed with: the one the index used for that language,
        or every language's (ORed) when the visitor searches all of them."""
        return (config_for(language),) if language else tuple(dict.fromkeys(CONFIGS.values()))

    def _tsquery_sql(self, configs):
        return "(" + " || ".join("to_tsquery(%s::regconfig, %s)" for _ in configs) + ")"

    def _tsquery_params(self, match, expression=None):
        return [p for config in match.configs for p in (config, expression or match.expression)]

    def match(self, spec):
        if not spec.terms:
            return None
        groups = expand(spec.terms, spec.language or "nb")
        return Match(self.tsquery(spec, groups), self.configs(spec.language), self.own_tsquery(spec, groups))

    @staticmethod
    def _rank_order(entry):
        """Best first: pages holding the visitor's own words, then by rank (title words weigh most)."""
        return (
            f"ORDER BY {entry}.hub_vector @@ t.own DESC, "
            f"ts_rank({entry}.hub_vector, t.q) + ts_rank({entry}.title, t.q) * {entry}.title_norm DESC, {entry}.id DESC"
        )

    @staticmethod
    def _split_ids(value):
        return [int(i) for i in value.split(",")] if value else []

    def match_sql(self, match, ct_marks, page_sql, ranked):
        """The ids as one comma-separated string (`read_ids`): thousands of matches cross as one value."""
        tsquery = self._tsquery_sql(match.configs)
        order = self._rank_order("ie") if ranked else ""
        sql = (
            f"SELECT string_agg(ie.object_id, ',' {order}) "
            f'FROM "{ENTRY_TABLE}" ie CROSS JOIN (SELECT {tsquery} AS q, {tsquery} AS own) t '
            f"WHERE ie.content_type_id IN ({ct_marks}) AND ie.hub_vector @@ t.q AND ie.object_id IN ({page_sql})"
        )
        return sql, self._tsquery_params(match) + self._tsquery_params(match, match.own)

    def read_ids(self, cursor):
        row = cursor.fetchone()
        return self._split_ids(row[0] if row else None)

    def matching_ids_and_scope(self, match, pages, scope_pages):
        """One pass over the index: every match in the scope, and of those the ones in `pages` ranked (only they
        are scored). A visitor who ticks a facet gets the result and that facet's counts for the price of one
        full-text match instead of two."""
        cts = list(facet_mod.content_type_ids())
        if not cts:
            return [], []
        try:
            page_sql, page_params = page_key_subquery(pages).query.sql_with_params()
            scope_sql, scope_params = page_key_subquery(scope_pages).query.sql_with_params()
        except EmptyResultSet:
            return self.matching_ids(match, pages), self.matching_ids(match, scope_pages, ranked=False)
        tsquery = self._tsquery_sql(match.configs)
        sql = (
            f"WITH t AS (SELECT {tsquery} AS q, {tsquery} AS own), "
            f'm AS (SELECT ie.id, ie.object_id, ie.hub_vector, ie.title, ie.title_norm FROM "{ENTRY_TABLE}" ie, t '
            f"WHERE ie.content_type_id IN ({','.join('%s' for _ in cts)}) AND ie.hub_vector @@ t.q "
            f"AND ie.object_id IN ({scope_sql})) "
            f"SELECT string_agg(m.object_id, ',' {self._rank_order('m')}) "
            f"FILTER (WHERE m.object_id IN ({page_sql})), string_agg(m.object_id, ',') FROM m, t"
        )
        params = [*self._tsquery_params(match), *self._tsquery_params(match, match.own), *cts]
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *scope_params, *page_params])
            ranked, scope = cursor.fetchone()
        return self._split_ids(ranked), self._split_ids(scope)

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

    @staticmethod
    def _word(word, lang):
        """A query word stemmed as the index holds it, or as a prefix when it may start a compound; with the stems
        of its inflections where Snowball cuts them differently ("sirkel" → sirkel, "sirklene" → sirkl): the text
        is stored stemmed, and no dictionary joins the forms afterwards as on the other engines."""
        prefix = compound_prefix(word, lang)
        word_stem = prefix or stem(word, lang)
        forms = {stem(form, lang) for form in lexicon.inflections(word, lang)}
        others = sorted(s for s in forms if not s.startswith(word_stem))
        first = f'"{prefix}"*' if prefix else f'"{word_stem}"'
        return "(" + " OR ".join([first, *(f'"{s}"' for s in others)]) + ")" if others else first

    @staticmethod
    def _exact(words, lang):
        return '"' + " ".join(stem(w, lang) for w in words) + '"'

    def match_expression(self, spec, groups=None, exact=False):
        """Every alternative of every word (`groups`: search.synonyms.expand), or with `exact` the visitor's own
        words only, as written (no prefix), for ranking the pages that hold them first."""
        langs = [spec.language] if spec.language else ["nb", "en"]
        groups = expand(spec.terms, spec.language or "nb") if groups is None else groups
        clauses = []
        for alternatives in groups:
            alts = set()
            for words in own(alternatives) if exact else alternatives:
                for lang in langs:
                    if exact or (len(words) > 1 and not isinstance(words, Parts)):
                        alts.add(self._exact(words, lang))
                    elif isinstance(words, Parts):  # every part, anywhere in the text
                        alts.add("(" + " AND ".join(self._word(w, lang) for w in words) + ")")
                    else:
                        alts.add(self._word(words[0], lang))
            clauses.append("(" + " OR ".join(sorted(alts)) + ")")
        joiner = " AND " if spec.operator == "and" else " OR "
        return "{title body} : (" + joiner.join(clauses) + ")"

    def match(self, spec):
        if not spec.terms:
            return None
        groups = expand(spec.terms, spec.language or "nb")
        return Match(self.match_expression(spec, groups), own=self.match_expression(spec, groups, exact=True))

    def match_sql(self, match, ct_marks, page_sql, ranked):
        fts = f'"{self.FTS}"'
        where = f"WHERE {fts} MATCH %s AND ie.content_type_id IN ({ct_marks}) AND ie.object_id IN ({page_sql})"
        entries = f'FROM {fts} f JOIN "{ENTRY_TABLE}" ie ON ie.id = f.rowid'
        if not ranked:
            return f"SELECT ie.object_id {entries} {where}", [match.expression]
        own_rows = f"LEFT JOIN (SELECT rowid AS own_id FROM {fts} WHERE {fts} MATCH %s) o ON o.own_id = f.rowid"
        order = f"ORDER BY o.own_id IS NULL, bm25({fts}, 0.0, 1.0, 4.0), ie.id DESC"
        return f"SELECT ie.object_id {entries} {own_rows} {where} {order}", [match.own, match.expression]

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
