"""The starter pack's filters: plain GET parameters, each alone and combined, with counts per value."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify

from methods.models import MethodIndexPage, MethodPage, Phase
from tests.helpers import publish_child

pytestmark = pytest.mark.django_db

SPECS = {
    # title: phase, digital, duration, group, difficulty, tags
    "Alfa": ("utforske", True, (30, 60), (2, 6), "lett", ["samtale"]),
    "Beta": ("utforske", False, (90, 120), (10, 20), "middels", ["workshop"]),
    "Gamma": ("skape", True, (20, 30), (3, 8), "lett", ["workshop", "ideer"]),
    "Delta": ("teste", False, (120, 180), (1, 3), "krevende", []),
}


def make_method(pack, title, phase, digital, duration, group, difficulty, tags):
    page = MethodPage(
        title=title,
        slug=slugify(title),
        summary=f"Om {title}.",
        phase=Phase.objects.get(slug=phase, locale=pack.locale),
        digital_suitable=digital,
        online_tools="<p>Videomøte</p>" if digital else "",
        duration_min=duration[0],
        duration_max=duration[1],
        group_min=group[0],
        group_max=group[1],
        difficulty=difficulty,
    )
    for tag in tags:
        page.tags.add(tag)
    return publish_child(pack, page)


@pytest.fixture
def pack(home):
    pack = publish_child(home, MethodIndexPage(title="Testpakke", slug="testpakke"))
    for title, spec in SPECS.items():
        make_method(pack, title, *spec)
    return pack


def get(client, pack, query=""):
    response = client.get(pack.url + query)
    assert response.status_code == 200
    return response


def titles(response):
    return sorted(m.title for m in response.context["methods"])


def counts(response, param):
    facet = next(f for f in response.context["filter"].facets if f.param == param)
    return {o["value"]: o["count"] for o in facet.options}


def test_without_filters_every_method_is_listed_with_counts_per_value(client, pack):
    response = get(client, pack)
    assert titles(response) == ["Alfa", "Beta", "Delta", "Gamma"]
    assert counts(response, "fase") == {"forberede": 0, "utforske": 2, "skape": 1, "teste": 1, "evaluere": 0}
    assert counts(response, "digital") == {"ja": 2}
    assert counts(response, "varighet") == {"kort": 2, "middels": 2, "lang": 2}
    assert counts(response, "gruppe") == {"liten": 3, "middels": 3, "stor": 1}
    assert counts(response, "niva") == {"lett": 2, "middels": 1, "krevende": 1}
    assert counts(response, "tagg") == {"ideer": 1, "samtale": 1, "workshop": 2}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("?fase=utforske", ["Alfa", "Beta"]),
        ("?digital=ja", ["Alfa", "Gamma"]),
        ("?varighet=kort", ["Alfa", "Gamma"]),
        ("?varighet=lang", ["Beta", "Delta"]),
        ("?gruppe=stor", ["Beta"]),
        ("?gruppe=liten", ["Alfa", "Delta", "Gamma"]),
        ("?niva=krevende", ["Delta"]),
        ("?tagg=workshop", ["Beta", "Gamma"]),
    ],
)
def test_each_filter_alone_narrows_the_list(client, pack, query, expected):
    assert titles(get(client, pack, query)) == expected


def test_values_of_one_filter_combine_with_or(client, pack):
    assert titles(get(client, pack, "?fase=utforske&fase=teste")) == ["Alfa", "Beta", "Delta"]


def test_different_filters_combine_with_and_and_counts_follow_the_other_filters(client, pack):
    response = get(client, pack, "?fase=utforske&digital=ja")
    assert titles(response) == ["Alfa"]
    # Phase counts apply the digital filter; the digital count applies the phase filter.
    assert counts(response, "fase") == {"forberede": 0, "utforske": 1, "skape": 1, "teste": 0, "evaluere": 0}
    assert counts(response, "digital") == {"ja": 1}
    assert counts(response, "niva") == {"lett": 1, "middels": 0, "krevende": 0}
    html = response.content.decode()
    assert 'id="f-fase-utforske" checked' in html
    assert "Fjern filteret" in html or "Remove filter" in html


def test_three_filters_combined(client, pack):
    assert titles(get(client, pack, "?tagg=workshop&niva=lett&varighet=kort")) == ["Gamma"]


def test_empty_result_suggests_which_filter_to_drop(client, pack):
    response = get(client, pack, "?fase=teste&digital=ja")
    assert titles(response) == []
    suggestions = {s["url"]: s["count"] for s in response.context["filter"].widen_suggestions()}
    assert suggestions == {"?digital=ja": 2, "?fase=teste": 1}
    html = response.content.decode()
    assert 'href="?digital=ja"' in html and 'href="?fase=teste"' in html


def test_unknown_filter_values_are_ignored_not_errors(client, pack):
    response = get(client, pack, "?fase=finnes-ikke&varighet=evig&niva=<script>&side=abc")
    assert titles(response) == ["Alfa", "Beta", "Delta", "Gamma"]
    assert "<script>" not in response.content.decode()


def test_filters_work_in_the_demo_starter_pack(client):
    pack = MethodIndexPage.objects.get(slug="startpakken", locale__language_code="nb")
    response = get(client, pack, "?digital=ja")
    methods = MethodPage.objects.live().child_of(pack)
    assert methods.count() >= 14
    assert methods.filter(is_new=True).count() >= 5
    assert len(response.context["methods"].object_list) == methods.filter(digital_suitable=True).count() >= 3


def test_index_query_count_does_not_grow_with_the_number_of_methods(client, pack, django_assert_max_num_queries):
    get(client, pack)  # warm caches that are per process, not per request
    with CaptureQueriesContext(connection) as few:
        get(client, pack)
    for i in range(10):
        make_method(pack, f"Ekstra {i}", "skape", i % 2 == 0, (30, 60), (3, 10), "middels", ["workshop", f"ekstra-{i}"])
    with django_assert_max_num_queries(len(few)):
        response = get(client, pack)
    assert len(response.context["methods"].object_list) == 14
