"""The embedded default, for real: SQLite FTS5 with our stemming backend, under hub.settings.dev, reached over HTTP.

A fresh SQLite database is migrated (a copy of the migrated file of tests/sqlite_database.py, since migrating
takes most of a minute), the demo content is loaded, a few pages and a synonym set are added, and
`manage.py runserver` serves the site on a free port. The tests are plain HTTP GETs, as a visitor's.
"""

import html
import json
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests import sqlite_database
from tests.servers import free_port, wait_until_answering

pytestmark = pytest.mark.e2e  # starts the hub, or a part of it, in processes of its own

ROOT = Path(__file__).resolve().parents[2]
SETUP = """
import json
from django.core.management import call_command
call_command("load_demo", no_admin=True, only="hub,methods,stories", verbosity=0)
from hub.models import HomePage, StandardPage
from search import service
from search.models import Synonym
from tests.helpers import publish_child
home = HomePage.objects.get(locale__language_code="nb", depth=2)
publish_child(home, StandardPage(title="Frivilligheten i kommunen", slug="sq-frivillighet",
                                 lead="Om frivilligheten og lokalsamfunnet."))
publish_child(home, StandardPage(title="Nytt fra biblioteket", slug="sq-bibliotek",
                                 lead="Et bibliotek åpner dørene for lag og foreninger."))
publish_child(home, StandardPage(title="Co-creation in practice", slug="sq-cocreation",
                                 lead="A guide to co-creation with volunteers."))
publish_child(home, StandardPage(title="Reparasjonskafé i biblioteket", slug="sq-reparasjon",
                                 lead="Innbyggerne reparerer klær sammen. Evalueringen viser at det virker."))
publish_child(home, StandardPage(title="Kurs for bibliotekansatte", slug="sq-kurs",
                                 lead="Opplæring i fasilitering og prosessledelse."))
publish_child(home, StandardPage(title="Strikkeklubb på lørdager", slug="sq-strikk",
                                 lead="Garn og pinner lånes ut til alle som vil lære."))
publish_child(home, StandardPage(title="Bru mellom generasjoner", slug="sq-bru",
                                 lead="Unge og gamle møtes for å snakke om lokalhistorie."))
Synonym.objects.create(terms="samskaping, co-creation, samskapning")
publish_child(home, StandardPage(title="Kurs i bruk av nettbrett", slug="sq-nettbrett",
                                 lead="Pensjonister lærer å lese aviser og ringe med video."))
publish_child(home, StandardPage(title="Lesesirkler for voksne", slug="sq-lesesirkel",
                                 lead="Lesesirklene samler lesere hver måned."))
publish_child(home, StandardPage(title="Dugnad for nytt lesehjørne", slug="sq-dugnad",
                                 lead="Naboene bygde et lesehjørne på dugnad."))
Synonym.objects.create(terms="lesesirkel, bokklubb")
Synonym.objects.create(terms="frivillighet, dugnad")
backend = type(service.get_search_backend("public")).__name__
print(json.dumps({"engine": service.engine_for().name, "backend": backend}))
"""


_env = sqlite_database.dev_env


def _manage(env, *args, timeout=300):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    command = " ".join(args[:2])
    assert result.returncode == 0, f"manage.py {command} failed:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    return result.stdout


@pytest.fixture(scope="module")
def site(tmp_path_factory, sqlite_migrated):
    work = tmp_path_factory.mktemp("sqlite-site")
    env = _env(work / "hub.sqlite3", work / "media")
    shutil.copyfile(sqlite_migrated, work / "hub.sqlite3")
    info = json.loads(_manage(env, "shell", "-c", SETUP, timeout=600).strip().splitlines()[-1])
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(base + "/nb/sok/", server, what="runserver")
        yield type("Site", (), {"url": base, **info})
    finally:
        server.terminate()
        server.wait(timeout=20)


def fetch(site, path, **params):
    url = site.url + path + ("?" + urllib.parse.urlencode(params, doseq=True) if params else "")
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def titles(body):
    section = body.split('id="results-heading"', 1)[-1]
    pattern = r'<h3 class="ds-heading" data-size="xs"><a [^>]*>([^<]+)</a>'
    return [html.unescape(t) for t in re.findall(pattern, section)]


def total(body):
    match = re.search(r'id="results-heading"[^>]*>\s*(\d+)', body)
    return int(match.group(1)) if match else 0


def facets(body):
    """{facet: {value: count}} from the facet form's checkboxes and labels."""
    found = {}
    pattern = r'name="(\w+)" value="([^"]+)"[^>]*>\s*<label [^>]*>[^<]*<span class="hub-meta">\((\d+)\)</span>'
    for facet, value, count in re.findall(pattern, body):
        found.setdefault(facet, {})[html.unescape(value)] = int(count)
    return found


def test_the_default_runs_our_stemming_fts5_backend_and_engine(site):
    assert site.engine == "sqlite"
    assert site.backend == "StemmedSQLiteSearchBackend"


def test_bokmal_inflections_find_each_other(site):
    status, body = fetch(site, "/nb/sok/", q="frivillige")
    assert status == 200 and "Frivilligheten i kommunen" in titles(body)
    assert "Nytt fra biblioteket" in titles(fetch(site, "/nb/sok/", q="bibliotekene")[1])


def test_synonyms_expand_the_query(site):
    body = fetch(site, "/nb/sok/", q="samskapning", sprak="alle")[1]
    assert "Co-creation in practice" in titles(body)


@pytest.mark.parametrize(
    "q",
    [
        '"unclosed',
        "a AND OR NOT (",
        "NEAR(a b) title:x {title}",
        "-minus +plus ~tilde* ^3",
        "x" * 2000,
        "bell\x07 tab\t null\x00 end",
        "图书馆 مكتبة Библиотека",
        "' OR 1=1; --",
        '"*" AND "',
        "",
    ],
)
def test_odd_queries_return_a_page_not_an_error(site, q):
    assert fetch(site, "/nb/sok/", q=q)[0] == 200
    assert fetch(site, "/nb/sok/forslag/", q=q)[0] == 200


def test_facet_counts_match_the_results_each_value_filters_to(site):
    body = fetch(site, "/nb/sok/", q="bibliotek")[1]
    counts = facets(body)
    assert total(body) > 3 and {"type", "county", "tag"} <= set(counts)
    assert sum(counts["type"].values()) == total(body)
    for facet in ("type", "county", "tag"):
        for value, count in list(counts[facet].items())[:4]:
            narrowed = fetch(site, "/nb/sok/", q="bibliotek", **{facet: value})[1]
            assert total(narrowed) == count, (facet, value)


def test_autocomplete_suggests_by_prefix(site):
    status, body = fetch(site, "/nb/sok/forslag/", q="frivillighet")
    assert status == 200
    assert "Frivilligheten i kommunen" in [s["title"] for s in json.loads(body)["suggestions"]]


@pytest.mark.parametrize("params", [{"type": "finnes.Ikke"}, {"county": "finnes-ikke"}, {"type": ["finnes.Ikke", "x"]}])
def test_filters_that_exclude_every_page_give_an_empty_result_page(site, params):
    status, body = fetch(site, "/nb/sok/", q="bibliotek", **params)
    assert status == 200 and total(body) == 0 and titles(body) == []


def test_compound_words_are_found_by_their_first_part(site):
    assert "Reparasjonskafé i biblioteket" in titles(fetch(site, "/nb/sok/", q="reparasjon")[1])
    assert "Reparasjonskafé i biblioteket" in titles(fetch(site, "/nb/sok/", q="evaluere")[1])
    assert "Reparasjonskafé i biblioteket" not in titles(fetch(site, "/nb/sok/", q="rep")[1])  # too short a stem


def test_words_the_stemmer_cuts_apart_from_their_base_form_still_find_it(site):
    """Snowball cuts "kursene" to kurs but "kurs" to kur, "strikking" stays whole while "strikke" becomes strikk:
    the dictionary's base form of the query word brings them together."""
    assert "Kurs for bibliotekansatte" in titles(fetch(site, "/nb/sok/", q="kursene")[1])
    assert "Strikkeklubb på lørdager" in titles(fetch(site, "/nb/sok/", q="strikking")[1])


def test_spellings_before_and_after_the_reform_find_each_other(site):
    """ "broen" is an equivalent of "brua" (seeded); the page says "Bru", which the stemmer keeps apart from
    "brua": the base form of the equivalent spelling joins them."""
    assert "Bru mellom generasjoner" in titles(fetch(site, "/nb/sok/", q="broen")[1])


def test_a_compound_finds_the_page_that_writes_its_parts_apart(site):
    assert "Kurs i bruk av nettbrett" in titles(fetch(site, "/nb/sok/", q="nettbrettkurs")[1])


def test_a_synonym_finds_the_inflected_parts_of_its_compound(site):
    """ "bokklubb" means "lesesirkel"; the page says "Lesesirkler", which Snowball cuts to lesesirkl and the parts
    to "les sirkl", never to the stem of "sirkel": the dictionary's inflections of the part bridge them."""
    assert "Lesesirkler for voksne" in titles(fetch(site, "/nb/sok/", q="bokklubb")[1])


def test_pages_with_the_visitors_own_word_rank_before_pages_found_through_a_synonym(site):
    found = titles(fetch(site, "/nb/sok/", q="frivillige")[1])
    assert "Frivilligheten i kommunen" in found
    assert "Dugnad for nytt lesehjørne" not in found[: found.index("Frivilligheten i kommunen")]
    found = titles(fetch(site, "/nb/sok/", q="dugnaden")[1])
    assert "Dugnad for nytt lesehjørne" in found
    assert "Frivilligheten i kommunen" not in found[: found.index("Dugnad for nytt lesehjørne")]
