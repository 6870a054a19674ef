"""The starter pack in Nynorsk and English: pages, phases and filters in the visitor's language."""

import pytest

from methods.models import MethodIndexPage, MethodPage, Phase

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url, lang, expected",
    [
        (
            "/nn/startpakken/utforskande-samtale/",
            "nn",
            ["Utforskande samtale", "Ein open samtale med eit lag", "Opne samtalen", "Utforske"],
        ),
        (
            "/en/starter-pack/exploratory-conversation/",
            "en",
            [
                "Exploratory conversation",
                "An open conversation",
                "Ask open questions",
                "Explore",
                "How to run it online",
            ],
        ),
        ("/en/starter-pack/brainstorming/", "en", ["Brainstorming", "Create", "Think alone first"]),
        ("/nn/startpakken/interessentkart/", "nn", ["Interessentkart", "Teikn eit kart", "Førebu"]),
    ],
)
def test_translated_method_renders_in_its_language(client, url, lang, expected):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html
    for text in expected:
        assert text in html


def test_at_least_three_methods_exist_in_nynorsk_and_english():
    for code in ("nn", "en"):
        assert MethodPage.objects.live().filter(locale__language_code=code).count() >= 3
        assert Phase.objects.filter(locale__language_code=code).count() == 5


def test_translated_index_lists_its_own_language_and_filters_by_translated_phases(client):
    response = client.get("/en/starter-pack/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Starter pack in co-creation" in html and "Exploratory conversation" in html
    assert "Utforskende samtale" not in html
    phase_labels = [o["label"] for f in response.context["filter"].facets if f.param == "fase" for o in f.options]
    assert phase_labels == ["Prepare", "Explore", "Create", "Test", "Evaluate"]
    filtered = client.get("/en/starter-pack/?fase=skape")
    assert [m.title for m in filtered.context["methods"]] == ["Brainstorming"]


def test_method_page_links_its_other_languages(client):
    method = MethodPage.objects.get(slug="utforskende-samtale", locale__language_code="nb")
    html = client.get(method.url).content.decode()
    assert 'hreflang="nn" href="http://testserver/nn/startpakken/utforskande-samtale/"' in html
    assert 'hreflang="en" href="http://testserver/en/starter-pack/exploratory-conversation/"' in html


def test_ui_strings_follow_the_language(client):
    nb = client.get("/nb/startpakken/").content.decode()
    en = client.get("/en/starter-pack/").content.decode()
    assert "Filter methods" in en
    assert MethodIndexPage.objects.filter(locale__language_code="nb").exists()
    assert '<html lang="nb"' in nb
