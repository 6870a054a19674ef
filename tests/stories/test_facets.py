"""Faceted browsing of the story index: every facet alone and combined, counts, sort, pagination, empty state,
and a query count that does not grow with the number of stories."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.stories import make_story, org, theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(story_index):
    sports, culture, immigrant = (
        org("Hamar IL", "sports"),
        org("Kulturlaget", "culture"),
        org("Innvandrerlaget", "immigrant"),
    )
    reading, youth = theme("lesing", "Lesing"), theme("barn-og-unge", "Barn og unge")
    return {
        # Innlandet: Hamar (2), Gjøvik (1); Oslo (1); Vestland/Bergen (1)
        "a": make_story(story_index, "Alfa", "3403", [sports], [reading], ["lesing"], start=dt.date(2022, 5, 1)),
        "b": make_story(
            story_index,
            "Bravo",
            "3403",
            [sports, culture],
            [reading, youth],
            ["lesing", "idrett"],
            start=dt.date(2023, 1, 1),
        ),
        "c": make_story(story_index, "Charlie", "3407", [immigrant], [youth], ["språk"], start=dt.date(2023, 9, 1)),
        "d": make_story(story_index, "Delta", "0301", [culture], [reading], ["lesing"], start=dt.date(2024, 2, 1)),
        "e": make_story(story_index, "Echo", "4601", [immigrant, sports], [], [], start=dt.date(2022, 11, 1)),
        "draft": make_story(story_index, "Utkast", "3403", [sports], [reading], ["lesing"], publish=False),
    }


def titles(response):
    return [s.title for s in response.context["stories"]]


def counts(response, param):
    facet = next(f for f in response.context["facets"] if f["param"] == param)
    return {str(value): n for value, _label, n in facet["options"]}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("fylke=innlandet", {"Alfa", "Bravo", "Charlie"}),
        ("kommune=hamar", {"Alfa", "Bravo"}),
        ("organisasjonstype=sports", {"Alfa", "Bravo", "Echo"}),
        ("organisasjonstype=immigrant", {"Charlie", "Echo"}),
        ("tema=lesing", {"Alfa", "Bravo", "Delta"}),
        ("emne=lesing", {"Alfa", "Bravo", "Delta"}),
        ("aar=2022", {"Alfa", "Echo"}),
        ("aar=2023", {"Bravo", "Charlie"}),
    ],
)
def test_each_facet_alone_filters_published_stories(client, stories, query, expected):
    response = client.get(f"/nb/historier/?{query}")
    assert response.status_code == 200
    assert set(titles(response)) == expected


def test_facets_combine_and_counts_reflect_the_other_filters(client, stories):
    response = client.get("/nb/historier/?fylke=innlandet&organisasjonstype=sports&tema=lesing")
    assert set(titles(response)) == {"Alfa", "Bravo"}
    # County counts ignore the county filter itself but honour the others (sports + reading).
    assert counts(response, "fylke") == {"innlandet": 2}
    # Organisation types among Innlandet stories about reading: Alfa (sports), Bravo (sports, culture).
    assert counts(response, "organisasjonstype") == {"sports": 2, "culture": 1}
    assert counts(response, "kommune") == {"hamar": 2}
    assert counts(response, "aar") == {"2022": 1, "2023": 1}
    assert counts(response, "emne") == {"lesing": 2, "idrett": 1}


def test_counts_without_filters_cover_every_published_story_once(client, stories):
    response = client.get("/nb/historier/")
    assert response.context["page_obj"].paginator.count == 5  # the draft is not listed
    assert counts(response, "fylke") == {"innlandet": 3, "oslo": 1, "vestland": 1}
    assert counts(response, "kommune") == {"hamar": 2, "gjovik": 1, "oslo": 1, "bergen": 1}
    assert counts(response, "organisasjonstype") == {"sports": 3, "culture": 2, "immigrant": 2}
    assert counts(response, "tema") == {"lesing": 3, "barn-og-unge": 2}
    assert counts(response, "emne") == {"lesing": 3, "idrett": 1, "språk": 1}
    assert counts(response, "aar") == {"2022": 2, "2023": 2, "2024": 1}
    html = response.content.decode()
    assert "Innlandet (3)" in html and "Utkast" not in html


def test_sort_by_title_and_newest(client, stories):
    assert titles(client.get("/nb/historier/?sorter=tittel")) == ["Alfa", "Bravo", "Charlie", "Delta", "Echo"]
    assert titles(client.get("/nb/historier/?sorter=nyeste"))[0] == "Echo"  # published last


def test_unknown_values_are_ignored_and_empty_result_shows_empty_state(client, stories):
    response = client.get("/nb/historier/?aar=abc&organisasjonstype=<script>")
    assert len(titles(response)) == 5
    response = client.get("/nb/historier/?fylke=finnmark")
    assert response.status_code == 200
    assert titles(response) == []
    assert (
        "No stories match these filters yet." in response.content.decode() or "hub-empty" in response.content.decode()
    )
    # The chosen value stays selectable with a zero count.
    assert counts(response, "fylke")["finnmark"] == 0


def test_pagination_keeps_filters(client, story_index):
    for i in range(14):
        make_story(story_index, f"Side {i:02d}", "3403")
    response = client.get("/nb/historier/?fylke=innlandet&sorter=tittel&side=2")
    assert titles(response) == ["Side 12", "Side 13"]
    assert re.search(r'href="\?fylke=innlandet&amp;sorter=tittel&amp;side=1"', response.content.decode())


def _index_queries(client, url):
    client.get(url)  # warm caches (site root paths, content types)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_index_query_count_is_constant_as_stories_grow(client, story_index):
    sports, reading = org("Hamar IL", "sports"), theme("lesing", "Lesing")
    for i in range(3):
        make_story(story_index, f"Liten {i}", "3403", [sports], [reading], ["lesing", f"t{i}"])
    filtered_url = "/nb/historier/?fylke=innlandet&tema=lesing&organisasjonstype=sports"
    few = _index_queries(client, "/nb/historier/")
    few_filtered = _index_queries(client, filtered_url)
    for i in range(12):
        make_story(
            story_index,
            f"Mange {i}",
            ["3403", "0301", "4601"][i % 3],
            [sports, org(f"Lag {i}", "culture")],
            [reading],
            ["lesing", f"m{i}"],
        )
    many = _index_queries(client, "/nb/historier/")
    assert many == few
    assert _index_queries(client, filtered_url) == few_filtered
    assert few <= 40
