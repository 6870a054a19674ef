"""The search page and autocomplete as visitors meet them: rate limits, the language switch keeping the chosen
facets, the language facet only where it does something, and the autocomplete's spoken count."""

import pytest
from django.core.cache import cache
from django.utils import translation

from tests.factories.search import facet_counts, get, home_for, page, story

pytestmark = pytest.mark.django_db
URL = "/nb/sok/"
SUGGEST = "/nb/sok/forslag/"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # rate-limit buckets and cached synonym sets of earlier tests


def test_search_page_answers_429_with_retry_after_past_the_limit(client, home, settings):
    settings.SEARCH_RATE_LIMIT = (3, 60)
    for _ in range(3):
        assert client.get(URL, {"q": "bibliotek"}).status_code == 200
    response = client.get(URL, {"q": "bibliotek"})
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert client.get(URL, {"q": "bibliotek"}, REMOTE_ADDR="10.1.2.3").status_code == 200  # per client


def test_autocomplete_has_its_own_limit(client, home, settings):
    settings.SEARCH_AUTOCOMPLETE_RATE_LIMIT = (2, 30)
    settings.SEARCH_RATE_LIMIT = (100, 60)
    assert client.get(SUGGEST, {"q": "bib"}).status_code == 200
    assert client.get(SUGGEST, {"q": "bibl"}).status_code == 200
    limited = client.get(SUGGEST, {"q": "bibli"})
    assert limited.status_code == 429 and limited["Retry-After"] == "30"
    assert client.get(URL, {"q": "bibliotek"}).status_code == 200  # the search page is counted apart


@pytest.mark.parametrize(
    "url, setting, limit",
    [(URL, "SEARCH_RATE_LIMIT", 120), (SUGGEST, "SEARCH_AUTOCOMPLETE_RATE_LIMIT", 600)],
)
def test_default_limits_let_one_visitor_search_freely_and_stop_a_flood(client, home, settings, url, setting, limit):
    """Without a setting (as in production), a visitor gets `limit` requests a minute; the next one is refused
    (all in one counting window, however long the loop takes: tests/conftest.py `one_counting_window`)."""
    delattr(settings, setting)  # the test settings raise the limits for the rest of the suite
    for number in range(1, limit + 1):
        response = client.get(url, {"q": "" if number < limit else "bibliotek"})  # empty queries are cheap
        assert response.status_code == 200, f"request {number} of {limit} was refused"
    refused = client.get(url, {"q": "bibliotek"})
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert client.get(url, {"q": "bibliotek"}, REMOTE_ADDR="10.9.8.7").status_code == 200  # another visitor


def test_language_switch_links_keep_the_chosen_facets(client, home):
    story("Kvernsteinsdag i Oslo", "0301", tags=["ungdom"])
    response = get(client, URL, q="kvernsteinsdag", county="oslo", tag="ungdom")
    all_url = response.context["all_languages_url"]
    assert all_url == "?q=kvernsteinsdag&county=oslo&tag=ungdom&sprak=alle"
    assert all_url.replace("&", "&amp;") in response.content.decode()
    back = client.get(URL + all_url + "&language=nb")  # from all languages, a language chosen as facet too
    assert back.context["this_language_url"] == "?q=kvernsteinsdag&county=oslo&tag=ungdom"
    assert back.context["all_languages_url"] == "?q=kvernsteinsdag&county=oslo&tag=ungdom&language=nb&sprak=alle"


def test_language_facet_is_only_offered_when_searching_all_languages(client, home):
    page(home, "Vaffelkveld på biblioteket", "vaffelkveld")
    page(home_for("en"), "Waffle evening", "vaffelkveld")
    mine = get(client, URL, q="vaffelkveld", language="en")  # ignored: results are in the visitor's language
    assert "language" not in facet_counts(mine)
    assert 'name="language"' not in mine.content.decode()
    assert [r.page.title for r in mine.context["outcome"].results] == ["Vaffelkveld på biblioteket"]
    every = get(client, URL, q="vaffelkveld", sprak="alle")
    assert facet_counts(every)["language"] == {"nb": 1, "en": 1}
    ticked = get(client, URL, q="vaffelkveld", sprak="alle", language="en")
    assert [r.page.title for r in ticked.context["outcome"].results] == ["Waffle evening"]


def test_autocomplete_sends_a_translated_pluralised_count_to_announce(client, home):
    page(home, "Kakebaking for ungdom", "tekst")
    page(home, "Kakebaking for eldre", "tekst")
    data = get(client, SUGGEST, q="kakebak").json()
    with translation.override("nb"):
        expected = translation.ngettext("%(count)s suggestion", "%(count)s suggestions", 2) % {"count": 2}
    assert len(data["suggestions"]) == 2 and data["status"] == expected
    one = get(client, SUGGEST, q="kakebaking eldre").json()
    with translation.override("nb"):
        assert one["status"] == translation.ngettext("%(count)s suggestion", "%(count)s suggestions", 1) % {"count": 1}
    assert get(client, SUGGEST, q="finnesikkeiheletatt").json()["status"] == ""
