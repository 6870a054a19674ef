"""Facets on the database backend (PostgreSQL): county, method phase, theme and tag with their counts, combined
by GET parameters, and a facet with more values than ten — all through the search page."""

import pytest
from django.core.cache import cache

from tests.factories.search import COUNTY_MUNICIPALITIES, facet_counts, get, method, method_pack, story

pytestmark = pytest.mark.django_db
URL = "/nb/sok/"
WORD = "bokhyllevandring"  # in no demo page


@pytest.fixture
def mixed(home):
    """Three stories and four methods sharing WORD, with counties, themes, tags and phases to count."""
    cache.clear()
    story(f"{WORD} på Hamar", "3403", themes=["lesing"], tags=["ungdom"])
    story(f"{WORD} i Oslo", "0301", themes=["lesing", "idrett"], tags=["ungdom", "eldre"])
    story(f"{WORD} i Groruddalen", "0301")
    pack = method_pack(home)
    method(pack, f"{WORD} som samtale", "utforske", tags=["ungdom"])
    method(pack, f"{WORD} som kartlegging", "utforske")
    method(pack, f"{WORD} som verksted", "skape", tags=["verksted"])
    method(pack, f"{WORD} uten fase")


def test_county_phase_theme_and_tag_facets_count_every_matching_page(client, mixed):
    response = get(client, URL, q=WORD)
    assert response.context["outcome"].hits.total == 7
    counts = facet_counts(response)
    assert counts["type"] == {"stories.CaseStoryPage": 3, "methods.MethodPage": 4}
    assert counts["county"] == {"innlandet": 1, "oslo": 2}
    assert counts["phase"] == {"utforske": 2, "skape": 1}
    assert counts["theme"] == {"lesing": 2, "idrett": 1}
    assert counts["tag"] == {"ungdom": 3, "eldre": 1, "verksted": 1}  # story and method tags add up


def test_facet_values_show_their_names_and_counts_on_the_page(client, mixed):
    html = get(client, URL, q=WORD).content.decode()
    assert 'name="county" value="oslo"' in html and 'Oslo <span class="hub-meta">(2)</span>' in html
    assert 'name="phase" value="utforske"' in html
    assert 'name="theme" value="lesing"' in html and 'name="tag" value="ungdom"' in html


def test_one_facet_value_narrows_results_and_other_facets_count_within_it(client, mixed):
    response = get(client, URL, q=WORD, county="oslo")
    outcome = response.context["outcome"]
    assert outcome.hits.total == 2
    counts = facet_counts(response)
    assert counts["county"] == {"innlandet": 1, "oslo": 2}  # the chosen facet keeps its alternatives
    assert counts["theme"] == {"lesing": 1, "idrett": 1}
    assert counts["tag"] == {"ungdom": 1, "eldre": 1}
    assert counts["type"] == {"stories.CaseStoryPage": 2}
    assert "phase" not in counts  # no method is in a county


def test_one_chosen_facet_keeps_the_ranking_of_the_results_it_narrows(client, mixed):
    """With a facet chosen, the results are those of the whole search in the same order, only narrowed (the
    chosen facet's wider counts come from the same pass over the index)."""
    every = [r.page.title for r in get(client, URL, q=WORD).context["outcome"].results]
    narrowed = [r.page.title for r in get(client, URL, q=WORD, county="oslo").context["outcome"].results]
    assert len(every) == 7 and len(narrowed) == 2
    assert narrowed == [title for title in every if title in (f"{WORD} i Oslo", f"{WORD} i Groruddalen")]


def test_values_of_one_facet_are_alternatives_and_facets_combine_with_and(client, mixed):
    assert get(client, URL, q=WORD, county=["oslo", "innlandet"]).context["outcome"].hits.total == 3
    assert get(client, URL, q=WORD, phase=["utforske", "skape"]).context["outcome"].hits.total == 3
    both = get(client, URL, q=WORD, county="oslo", tag="eldre")
    assert [r.page.title for r in both.context["outcome"].results] == [f"{WORD} i Oslo"]
    counts = facet_counts(both)
    assert counts["county"] == {"oslo": 1}  # counted with the tag filter, without its own
    assert counts["tag"] == {"ungdom": 1, "eldre": 1}  # counted with the county filter, without its own
    across = get(client, URL, q=WORD, tag="ungdom", phase="utforske")
    assert across.context["outcome"].hits.total == 1
    assert facet_counts(across)["phase"] == {"utforske": 1}


def test_a_facet_with_more_than_ten_values_shows_them_all_with_counts(client, home):
    cache.clear()
    for i, (_county, number) in enumerate(COUNTY_MUNICIPALITIES.items()):
        story(f"{WORD} nummer {i}", number, tags=[f"emne-{i:02d}"])
    story(f"{WORD} igjen i Oslo", "0301", tags=["emne-00"])
    response = get(client, URL, q=WORD)
    counts = facet_counts(response)
    assert len(counts["county"]) == 12 and len(counts["tag"]) == 12
    assert counts["county"] == {c: 2 if c == "oslo" else 1 for c in COUNTY_MUNICIPALITIES}
    assert counts["tag"] == {f"emne-{i:02d}": 2 if i == 0 else 1 for i in range(12)}
    html = response.content.decode()
    assert html.count('name="county"') == 12 and html.count('name="tag"') == 12
    assert response.context["outcome"].hits.total == 13


def test_facet_counts_query_count_does_not_grow_with_matches(client, home, django_assert_max_num_queries):
    cache.clear()
    for i in range(30):
        story(f"{WORD} {i}", "0301", tags=[f"t{i % 3}"], themes=["lesing"])
    get(client, URL, q=WORD)  # warm caches (vocabulary, synonyms, content types)
    with django_assert_max_num_queries(40):
        response = get(client, URL, q=WORD, tag="t1")
    assert facet_counts(response)["tag"] == {"t0": 10, "t1": 10, "t2": 10}
