"""Relevance of search per backend and per query class: hit@3, MRR and nDCG@10 over queries with a known best page.

Run:  .venv/bin/python bench/search_relevance.py            (all backends: postgresql, opensearch, sqlite)
      .venv/bin/python bench/search_relevance.py sqlite     (one)
The queries are what visitors type (bench/search_relevance_data.py): other inflections than the pages, parts of
compounds, Nynorsk and Bokmål spellings of one word, English, misspellings, missing accents, spellings before and
after the 2005 reform, editors' synonyms. Each runs the way the search page runs it (service.search: the visitor's
language, the certain spelling correction when nothing matched, any word when no page has every word).
Relevance is binary: the known best page and the query's other relevant pages count 1, every other page 0.
A benchmark prints tables against the targets; it never passes or fails.
"""

import json
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.search_common import bench_parent, django_setup, prepare_databases, run_children  # noqa: E402
from bench.search_relevance_data import CLASSES, PAGES, QUERIES, SYNONYMS  # noqa: E402

BACKENDS = ["postgresql", "opensearch", "sqlite"]
TARGETS = {"hit@3": 0.97, "mrr": 0.93, "class": 0.9}
DEPTH = 10


def ndcg(ranked, relevant, depth=DEPTH):
    """Normalised discounted cumulative gain of the first `depth` results with binary relevance."""
    dcg = sum(1 / math.log2(i + 2) for i, key in enumerate(ranked[:depth]) if key in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(len(relevant), depth)))
    return dcg / ideal if ideal else 0.0


def score(ranked, best, others=()):
    """hit@3, reciprocal rank of the best page (0 if not in the first DEPTH) and nDCG@DEPTH of one query."""
    rank = ranked.index(best) + 1 if best in ranked[:DEPTH] else 0
    return {
        "hit@3": 1.0 if 0 < rank <= 3 else 0.0,
        "mrr": 1 / rank if rank else 0.0,
        "ndcg": ndcg(ranked, {best, *others}),
        "rank": rank,
    }


def create_pages():
    """The bench pages under one fresh parent per language; {page id: key}."""
    from hub.models import StandardPage

    parents = {lang: bench_parent("bench-relevance", language=lang) for lang in {p[2] for p in PAGES.values()}}
    keys = {}
    for key, (title, text, lang) in PAGES.items():
        page = StandardPage(title=title, lead=text, slug=f"rel-{key}")
        parents[lang].add_child(instance=page)
        page.save_revision().publish()
        keys[page.pk] = key
    return parents, keys


def child(backend):
    django_setup()
    from django.core.cache import cache
    from django.core.management import call_command

    from search import service
    from search.models import Synonym
    from search.tasks import apply_synonyms
    from search.text import clean, tokens

    parents, keys = create_pages()
    Synonym.objects.all().delete()
    for terms in SYNONYMS:
        Synonym.objects.create(terms=terms)
    call_command("update_index", stdout=open("/dev/null", "w"))
    apply_synonyms.call()
    cache.clear()  # synonym sets and spelling vocabularies of earlier runs
    time.sleep(1.2)  # engine refresh interval
    rows, engine = [], ""
    for query, lang, kind, best, others in QUERIES:
        outcome = service.search(tokens(clean(query)), lang, {}, 0, DEPTH)
        ranked = [keys.get(r.page.pk, f"other:{r.page.pk}") for r in outcome.results]
        row = {"query": query, "class": kind, "top": ranked[:3], "corrected": outcome.corrected}
        row.update(score(ranked, best, others))
        rows.append(row)
        engine = outcome.engine
    for parent in parents.values():
        parent.delete()
    print(json.dumps({"engine": engine, "rows": rows}))


def mean(rows, metric):
    return sum(r[metric] for r in rows) / len(rows) if rows else float("nan")


def mark(value, target):
    return " " if value >= target else "<"


def print_tables(results):
    ok = {b: r for b, r in results.items() if "error" not in r}
    for backend, r in results.items():
        if "error" in r:
            print(f"{backend}: ERROR {r['error']}")
    if not ok:
        return
    print(
        f"\nPer engine ({len(QUERIES)} queries; targets hit@3 ≥ {TARGETS['hit@3']}, MRR ≥ {TARGETS['mrr']};"
        " '<' marks a shortfall)"
    )
    print(f"{'backend':<11} {'engine':<11} {'hit@3':>7} {'MRR':>7} {'nDCG@10':>8}")
    for backend, r in ok.items():
        h, m, n = mean(r["rows"], "hit@3"), mean(r["rows"], "mrr"), mean(r["rows"], "ndcg")
        print(
            f"{backend:<11} {r['engine']:<11} {h:>6.3f}{mark(h, TARGETS['hit@3'])} "
            f"{m:>6.3f}{mark(m, TARGETS['mrr'])} {n:>8.3f}"
        )
    print(f"\nPer query class: hit@3 / MRR / nDCG@10 (target: no class below {TARGETS['class']})")
    print(f"{'class':<20} {'n':>3}  " + "  ".join(f"{b:^22}" for b in ok))
    for kind in CLASSES:
        line = f"{kind:<20} {sum(1 for q in QUERIES if q[2] == kind):>3}  "
        cells = []
        for r in ok.values():
            rows = [x for x in r["rows"] if x["class"] == kind]
            h, m, n = mean(rows, "hit@3"), mean(rows, "mrr"), mean(rows, "ndcg")
            low = "<" if min(h, m) < TARGETS["class"] else " "
            cells.append(f"{h:.2f} / {m:.2f} / {n:.2f}{low}".center(22))
        print(line + "  ".join(cells))
    print("\nBest page not in the first three (rank 0: not in the first ten; top three shown)")
    for backend, r in ok.items():
        for x in r["rows"]:
            if not x["hit@3"]:
                fixed = " (corrected)" if x["corrected"] else ""
                print(f"  {backend:<11} {x['class']:<20} {x['query']!r:<26} rank {x['rank']}{fixed}  {x['top']}")


def main(argv):
    if argv and argv[0] == "--child":
        return child(argv[1])
    if argv and argv[0] == "--from-json":  # re-print saved results without running the engines again
        return print_tables(json.loads(Path(argv[1]).read_text()))
    backends = argv or BACKENDS
    prepare_databases(backends)
    results = run_children(__file__, backends)
    (Path(__file__).resolve().parents[1] / "var" / "search_relevance.json").write_text(json.dumps(results))
    print_tables(results)


if __name__ == "__main__":
    main(sys.argv[1:])
