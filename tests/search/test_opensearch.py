"""Search on the real OpenSearch node: per-language analyzers, synonyms, facets, index following publishing, and the
fallback to the database index when the engine is down (the way to the node cut during the test)."""

import logging
import urllib.parse
import uuid

import pytest
from django.test import override_settings

from search.models import Synonym
from tests.factories.search import (
    COUNTY_MUNICIPALITIES,
    drop_indices,
    engine_settings,
    facet_counts,
    get,
    home_for,
    node_is_up,
    page,
    result_titles,
    story,
)
from tests.servers import Forwarder

pytestmark = [pytest.mark.django_db, pytest.mark.opensearch]
URL = "/nb/sok/"


def test_engine_answers_and_norwegian_inflections_match(client, home, opensearch):
    page(home, "Frivilligheten i kommunen", "Om frivilligheten og lokalsamfunnet.")
    page(home, "Nytt fra biblioteket", "Biblioteket åpner dørene.")
    opensearch.refresh()
    response = get(client, URL, q="frivillige")
    assert response.context["outcome"].engine == "opensearch"
    assert not response.context["outcome"].degraded
    assert "Frivilligheten i kommunen" in result_titles(response)
    assert "Nytt fra biblioteket" in result_titles(get(client, URL, q="bibliotekene"))


def test_compound_words_are_found_by_their_first_part(client, home, opensearch):
    page(home, "Reparasjonskafé i biblioteket", "Innbyggerne reparerer klær sammen. Evalueringen viser effekt.")
    page(home, "Barnebibliotekaren forteller", "Om lesing for de minste.")
    opensearch.refresh()
    assert "Reparasjonskafé i biblioteket" in result_titles(get(client, URL, q="reparasjon"))
    assert "Reparasjonskafé i biblioteket" in result_titles(get(client, URL, q="evaluere"))
    assert "Barnebibliotekaren forteller" in result_titles(get(client, URL, q="barnebibliotek"))
    assert "Reparasjonskafé i biblioteket" not in result_titles(get(client, URL, q="rep"))  # too short a stem


def test_english_pages_are_analysed_as_english(client, opensearch):
    page(home_for("en"), "Volunteering libraries", "How libraries work with volunteers.")
    opensearch.refresh()
    assert "Volunteering libraries" in result_titles(get(client, "/en/sok/", q="library volunteer"))


def test_synonyms_apply_after_an_editor_saves_them(client, home, opensearch):
    page(home, "Co-creation in practice", "A guide to co-creation.")
    opensearch.refresh()
    assert get(client, URL, q="samskapning", sprak="alle", eksakt="1").context["outcome"].hits.total == 0
    Synonym.objects.create(terms="samskaping, co-creation, samskapning")
    from search.tasks import apply_synonyms

    apply_synonyms.call()  # on_commit never fires inside the test transaction
    response = get(client, URL, q="samskapning", sprak="alle")
    assert response.context["outcome"].engine == "opensearch"
    assert "Co-creation in practice" in result_titles(response)


def test_facets_come_from_engine_aggregations_with_every_value(client, home, opensearch):
    for i in range(12):
        page(home, f"Lesesirkel {i}", "Lesesirkel for alle.")
    page(home_for("en"), "Reading circle", "Lesesirkel, a reading circle.")
    opensearch.refresh()
    response = get(client, URL, q="lesesirkel", sprak="alle", language="en")
    outcome = response.context["outcome"]
    assert outcome.engine == "opensearch" and outcome.hits.total == 1
    facets = {f: {v: n for v, _label, n, _sel in items} for f, _l, items in outcome.facets}
    assert facets["language"] == {"nb": 12, "en": 1}
    assert facets["type"] == {"hub.StandardPage": 1}


def test_county_and_tag_facets_count_every_value_and_combine(client, home, opensearch):
    word = "bokhyllevandring"
    for i, number in enumerate(COUNTY_MUNICIPALITIES.values()):
        story(f"{word} nummer {i}", number, tags=[f"emne-{i:02d}"])
    story(f"{word} igjen i Oslo", "0301", tags=["emne-00", "eldre"])
    opensearch.refresh()
    response = get(client, URL, q=word)
    outcome = response.context["outcome"]
    assert outcome.engine == "opensearch" and outcome.hits.total == 13
    counts = facet_counts(response)
    assert counts["county"] == {c: 2 if c == "oslo" else 1 for c in COUNTY_MUNICIPALITIES}  # twelve values
    assert counts["tag"] == {**{f"emne-{i:02d}": 2 if i == 0 else 1 for i in range(12)}, "eldre": 1}
    narrowed = get(client, URL, q=word, county="oslo", tag="eldre")
    assert [r.page.title for r in narrowed.context["outcome"].results] == [f"{word} igjen i Oslo"]
    counts = facet_counts(narrowed)
    assert counts["county"] == {"oslo": 1}  # with the tag filter, without its own
    assert counts["tag"] == {"emne-00": 1, "eldre": 1, "emne-07": 1}  # with the county filter, without its own
    either = get(client, URL, q=word, county=["oslo", "agder"])
    assert either.context["outcome"].hits.total == 3


def test_language_filter_defaults_to_visitor_language(client, home, opensearch):
    page(home, "Kvistkafé på biblioteket", "Kvistkafé hver torsdag.")
    page(home_for("en"), "Language café", "Kvistkafé for newcomers.")
    opensearch.refresh()
    assert result_titles(get(client, URL, q="kvistkafé")) == ["Kvistkafé på biblioteket"]
    assert len(result_titles(get(client, URL, q="kvistkafé", sprak="alle"))) == 2


def test_index_follows_publish_unpublish_and_delete(client, home, opensearch):
    from wagtail.models import PageViewRestriction

    page(home, "Kladd om sjakkgrupper", "sjakkgrupper", live=False)
    private = page(home, "Privat om sjakkgrupper", "sjakkgrupper")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    from django.core.cache import cache

    cache.delete("hubsearch:restricted-paths")
    public = page(home, "Offentlig om sjakkgrupper", "sjakkgrupper")
    gone = page(home, "Avpublisert om sjakkgrupper", "sjakkgrupper")
    deleted = page(home, "Slettet om sjakkgrupper", "sjakkgrupper")
    opensearch.refresh()
    assert set(result_titles(get(client, URL, q="sjakkgrupper"))) == {public.title, gone.title, deleted.title}
    gone.unpublish()
    deleted.delete()
    opensearch.refresh()
    response = get(client, URL, q="sjakkgrupper")
    assert response.context["outcome"].engine == "opensearch"
    assert response.context["outcome"].hits.total == 1
    assert result_titles(response) == [public.title]


@pytest.mark.parametrize(
    "q", ['"unclosed', "a AND OR NOT (", "x" * 2000, "bell\x07\x00", "图书馆 Библиотека", "*:* ~2 ^3"]
)
def test_odd_queries_return_a_page(client, opensearch, q):
    assert client.get(URL, {"q": q}).status_code == 200
    assert client.get("/nb/sok/forslag/", {"q": q}).status_code == 200


def test_autocomplete_uses_the_engine(client, home, opensearch):
    page(home, "Verkstedsmetoder for ungdom", "tekst")
    opensearch.refresh()
    data = get(client, "/nb/sok/forslag/", q="verksted").json()
    assert [s["title"] for s in data["suggestions"]] == ["Verkstedsmetoder for ungdom"]


def test_search_falls_back_to_database_when_the_node_stops(client, home, opensearch_url, caplog):
    """The hub reaches the node through a forwarder, which is cut mid-test: to the hub, the node has stopped
    (connections closed, then refused), while the node itself stays up for the rest of the run. Stopping and
    restarting a real node under load is the fault run of bench/fault_run.py."""
    node = urllib.parse.urlsplit(opensearch_url)
    forwarder = Forwarder((node.hostname, node.port))
    url = f"http://127.0.0.1:{forwarder.port}"
    prefix = f"fallback_{uuid.uuid4().hex[:8]}_"
    try:
        with override_settings(WAGTAILSEARCH_BACKENDS=engine_settings(url, prefix)):
            from django.core.management import call_command

            call_command("update_index", backend_name="public", stdout=open("/dev/null", "w"))
            page(home, "Fjellreolen på fjellet", "fjellreolen")
            from tests.factories.search import refresh

            refresh(opensearch_url, prefix)
            assert get(client, URL, q="fjellreolen").context["outcome"].engine == "opensearch"
            forwarder.cut()
            assert not node_is_up(url)
            with caplog.at_level(logging.WARNING, logger="search"):
                response = get(client, URL, q="fjellreolen")
                suggestions = get(client, "/nb/sok/forslag/", q="fjellre").json()["suggestions"]
            assert response.context["outcome"].degraded
            assert result_titles(response) == ["Fjellreolen på fjellet"]
            assert suggestions[0]["title"] == "Fjellreolen på fjellet"
            assert any("falling back" in r.message for r in caplog.records)
            # Publishing while the engine is down does not fail either; the database index still follows.
            page(home, "Fjellreolen nummer to", "fjellreolen")
            assert get(client, URL, q="fjellreolen").context["outcome"].hits.total == 2
    finally:
        forwarder.cut()
        drop_indices(opensearch_url, prefix)
