"""Page-cache hit rate on a mixed load while an editor publishes once a minute. Prints tables; never passes or fails.

Run: `BENCH_KEEP_DB=1 bash bench/run.sh --cache-hit-rate` (the bench database with the demo content; production
settings, in process through Django's test client, the page cache on).

The model, in compressed time:
- Anonymous visitors view the demo's public pages in a fixed mix (--seed): home pages 20 % (nb 14, nn 3, en 3),
  indexes 15 % (starter pack, stories, events), method pages 25 %, story pages 25 %, event pages 10 %, place
  pages 5 %; within each kind every page (every language) is equally likely. Search is left out: it is never
  cached (it varies by query).
- The site gets R anonymous requests per second. An editor publishes one content page (a method, a story or an
  event, chosen at random; its title changes) once a minute, i.e. after every 60 × R requests.
- Time is simulated: each request advances a clock by 1/R s and the page cache (a process-local cache here) expires
  entries on that clock, so the page cache's timeout (HUB_PAGE_CACHE_SECONDS, 300 s as in production) costs
  what it costs at that rate. R is measured in this run (the rate this process serves the mix, one client), and
  the table adds lower rates, where fewer views share each cached copy.
- "before": what the site did until now, a new page-cache generation on every publish (every cached page
  renewed). "after": infrastructure.cache_invalidation, only the pages that show the changed page.
Hit rate = share of anonymous page views answered from the page cache (`X-Hub-Page-Cache: hit`), after one
warm-up pass over every URL.
"""

import argparse
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

WEIGHTS = {"home": 20, "index": 15, "method": 25, "story": 25, "event": 10, "place": 5}
HOME_SHARE = {"nb": 14, "nn": 3, "en": 3}


class SimulatedClock:
    """Stands in for `time` in Django's local-memory cache, so cache entries expire on the simulated clock."""

    def __init__(self):
        self.now = time.time()

    def time(self):
        return self.now


def setup_django(page_cache_seconds):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.production")
    os.environ["CACHE_BACKEND"] = "django.core.cache.backends.locmem.LocMemCache"
    os.environ["CACHE_LOCATION"] = "bench-hit-rate"
    os.environ["PAGE_CACHE_SECONDS"] = str(page_cache_seconds)
    os.environ["FRAGMENT_CACHE"] = "true"
    os.environ.pop("FRONTEND_CACHE_URL", None)
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.cache.backends import base, locmem

    clock = SimulatedClock()
    base.time = locmem.time = clock  # expiry is set (base) and checked (locmem) with time.time()
    cache._max_entries = 1_000_000  # no culling: a shared cache (Redis) holds every page of this site
    return clock


def urls_by_kind():
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    from events.models import EventIndexPage, EventPage
    from hub.models import HomePage
    from methods.models import MethodIndexPage, MethodPage
    from stories.models import CaseStoryIndexPage, CaseStoryPage

    def urls(model):
        return [p.url for p in model.objects.live().public().select_related("locale") if p.url]

    kinds = {
        "home": [],
        "index": urls(MethodIndexPage) + urls(CaseStoryIndexPage) + urls(EventIndexPage),
        "method": urls(MethodPage),
        "story": urls(CaseStoryPage),
        "event": urls(EventPage),
        "place": [],
    }
    homes = {p.locale.language_code: p.url for p in HomePage.objects.live().select_related("locale")}
    kinds["home"] = [(homes[code], weight) for code, weight in HOME_SHARE.items() if code in homes]
    for story in CaseStoryPage.objects.live().select_related("county", "municipality", "locale"):
        with translation.override(story.locale.language_code):
            try:
                kinds["place"].append(reverse("stories:place_county", args=[story.county.slug]))
                kinds["place"].append(
                    reverse("stories:place_municipality", args=[story.county.slug, story.municipality.slug])
                )
            except NoReverseMatch:
                break
    kinds["place"] = sorted(set(kinds["place"]))
    return kinds


def make_mix(kinds, n, seed):
    rng = random.Random(seed)
    names = [k for k in WEIGHTS if kinds[k]]
    weights = [WEIGHTS[k] for k in names]
    mix = []
    for kind in rng.choices(names, weights, k=n):
        if kind == "home":
            urls, w = zip(*kinds["home"], strict=True)
            mix.append(rng.choices(urls, w)[0])
        else:
            mix.append(rng.choice(kinds[kind]))
    return mix


def editable_pages():
    from events.models import EventPage
    from methods.models import MethodPage
    from stories.models import CaseStoryPage

    pages = []
    for model in (MethodPage, CaseStoryPage, EventPage):
        pages += list(model.objects.live().filter(locale__language_code="nb"))
    return pages


def publish(page, n):
    """The editor's publish: the title changes, the new revision goes live (as in the admin)."""
    page = type(page).objects.get(pk=page.pk)
    base = page.title.split(" · ")[0]
    page.title = f"{base} · {n}"
    page.save_revision().publish()


def restore(pages):
    for page in pages:
        fresh = type(page).objects.get(pk=page.pk)
        if fresh.title != page.title:
            fresh.title = page.title
            fresh.save_revision().publish()


def run(mode, clock, mix, rate, every, seed, pages):
    """Returns (hits, views, publishes, seconds)."""
    from django.core.cache import cache
    from django.test import Client

    from infrastructure.cache import invalidate_pages

    cache.clear()
    client = Client(HTTP_HOST="bench.samskaping.test")
    for url in sorted(set(mix)):  # warm-up
        client.get(url)
    rng = random.Random(seed)
    hits = views = publishes = 0
    start = time.perf_counter()
    for i, url in enumerate(mix, start=1):
        clock.now += 1 / rate
        response = client.get(url)
        views += 1
        hits += response.get("X-Hub-Page-Cache") == "hit"
        if i % every == 0:
            publishes += 1
            publish(rng.choice(pages), publishes)
            if mode == "before":
                invalidate_pages()  # the former behaviour: a new generation for everything
    return hits, views, publishes, time.perf_counter() - start


def table(title, header, rows):
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=True)]
    print(f"\n{title}")
    print("  ".join(str(h).ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--publishes", type=int, default=6, help="publishes per row (one a minute)")
    parser.add_argument("--rates", default="measured,20,5,1", help="anonymous requests per second, per row")
    parser.add_argument("--max-requests", type=int, default=40000, help="cap on requests per row")
    parser.add_argument("--page-cache", type=int, default=300, help="HUB_PAGE_CACHE_SECONDS")
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()

    clock = setup_django(args.page_cache)
    kinds = urls_by_kind()
    pages = editable_pages()
    originals = [type(p).objects.get(pk=p.pk) for p in pages]
    counts = ", ".join(f"{k} {len(v)}" for k, v in kinds.items())
    print(f"URLs in the mix: {sum(len(v) for v in kinds.values())} ({counts})")

    rows = []
    try:
        # the rate this process serves the mix with the page cache on (publishes as in "after")
        probe = make_mix(kinds, 2000, args.seed)
        hits, views, _p, seconds = run("after", clock, probe, 100.0, 6000, args.seed, pages)
        measured = views / seconds
        print(f"Measured: {measured:.0f} requests/s in this process (one client, {hits / views:.0%} hits, no publish)")
        for rate_name in args.rates.split(","):
            rate = measured if rate_name == "measured" else float(rate_name)
            every = max(1, round(60 * rate))
            n = min(every * args.publishes, args.max_requests)
            mix = make_mix(kinds, n, args.seed)
            result = {}
            for mode in ("before", "after"):
                hits, views, publishes, _s = run(mode, clock, mix, rate, every, args.seed, pages)
                result[mode] = (hits / views, publishes)
            label = f"{rate:.0f}" + (" (measured)" if rate_name == "measured" else "")
            rows.append(
                [label, every, n, result["after"][1], f"{result['before'][0]:.1%}", f"{result['after'][0]:.1%}"]
            )
    finally:
        restore(originals)
    table(
        f"Page-cache hit rate, anonymous views, one publish a minute (page cache {args.page_cache} s, simulated time)",
        ["requests/s", "requests per publish", "requests", "publishes", "before (generation)", "after (targeted)"],
        rows,
    )


if __name__ == "__main__":
    main()
