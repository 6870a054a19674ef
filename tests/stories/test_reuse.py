"""Reuse beyond the hub: API v2 filters, CSV, RSS/Atom, the embeddable list — published stories only."""

import csv
import io

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.stories import make_method, make_story, org, theme

pytestmark = pytest.mark.django_db
API = "/api/v2/pages/?type=stories.CaseStoryPage"


@pytest.fixture
def stories(story_index):
    reading = theme("lesing", "Lesing")
    return {
        "hamar": make_story(story_index, "Hamar leser", "3403", [org("Hamar IL", "sports")], [reading], ["lesing"]),
        "gjovik": make_story(story_index, "Gjøvik møtes", "3407", [org("Gjøvik kor", "culture")], [], ["kor"]),
        "oslo": make_story(story_index, "Oslo leser", "0301", [], [reading], ["lesing"]),
        "draft": make_story(story_index, "Hemmelig utkast", "3403", [], [reading], ["lesing"], publish=False),
    }


def api_titles(client, query):
    response = client.get(f"{API}&locale=nb&{query}")
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["items"]}


def test_api_filters_by_county_municipality_and_tag(client, stories):
    assert api_titles(client, "county=innlandet") == {"Hamar leser", "Gjøvik møtes"}
    assert api_titles(client, "municipality=hamar") == {"Hamar leser"}
    assert api_titles(client, "tag=lesing") == {"Hamar leser", "Oslo leser"}
    assert api_titles(client, "county=innlandet&tag=lesing") == {"Hamar leser"}
    assert api_titles(client, "county=finnmark") == set()


def test_api_lists_structured_fields_without_personal_data(client, stories):
    response = client.get(f"{API}&locale=nb&municipality=hamar&fields=*")
    item = response.json()["items"][0]
    assert item["place"]["county"]["slug"] == "innlandet"
    assert item["organisation_list"] == [{"name": "Hamar IL", "type": "sports", "website": ""}]
    assert "contact_email" not in item and "contact_name" not in item


def test_api_never_shows_drafts(client, stories):
    assert "Hemmelig utkast" not in api_titles(client, "")
    assert client.get(f"/api/v2/pages/{stories['draft'].pk}/", follow=True).status_code == 404


def test_api_story_filter_without_story_type_is_a_bad_request(client, stories):
    assert client.get("/api/v2/pages/?county=innlandet").status_code == 400


def test_csv_download_follows_filters_and_skips_drafts(client, stories):
    response = client.get("/nb/historier/eksport.csv?fylke=innlandet")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {r["title"] for r in rows} == {"Hamar leser", "Gjøvik møtes"}
    assert {r["county"] for r in rows} == {"Innlandet"}
    everything = client.get("/nb/historier/eksport.csv").content.decode("utf-8-sig")
    assert "Hemmelig utkast" not in everything and "contact" not in everything.splitlines()[0]


def test_csv_neutralises_formulas(client, story_index):
    make_story(story_index, '=HYPERLINK("http://evil")', "3403")
    body = client.get("/nb/historier/eksport.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in body


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_follow_filters_and_skip_drafts(client, stories, kind):
    response = client.get(f"/nb/historier/feed/{kind}/?fylke=innlandet&tema=lesing")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert [e.title for e in feed.entries] == ["Hamar leser"]
    assert "Innlandet" in feed.feed.title
    all_entries = feedparser.parse(client.get(f"/nb/historier/feed/{kind}/").content).entries
    assert {e.title for e in all_entries} == {"Hamar leser", "Gjøvik møtes", "Oslo leser"}


def test_index_links_to_filtered_csv_feed_and_embed(client, stories):
    html = client.get("/nb/historier/?fylke=innlandet").content.decode()
    for url in (
        "/nb/historier/eksport.csv?fylke=innlandet",
        "/nb/historier/feed/rss/?fylke=innlandet",
        "/nb/historier/feed/atom/?fylke=innlandet",
        "/nb/historier/innebygd/?fylke=innlandet",
    ):
        assert url in html


def test_embed_is_frameable_filtered_and_the_rest_of_the_site_is_not(client, stories):
    response = client.get("/nb/historier/innebygd/?fylke=innlandet")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    html = response.content.decode()
    assert "Hamar leser" in html and "Gjøvik møtes" in html and "Oslo leser" not in html
    assert 'target="_top"' in html
    assert "Hemmelig utkast" not in client.get("/nb/historier/innebygd/").content.decode()
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" not in response["Content-Security-Policy"]
    index = client.get("/nb/historier/")
    assert index["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in index["Content-Security-Policy"]


def test_api_csv_and_facets_show_only_published_methods(client, story_index):
    live = make_method("Publisert metode")
    draft = make_method("Upublisert metode", publish=False)
    story = make_story(story_index, "Med to metoder", methods=[live, draft])
    listing = client.get(f"{API}&locale=nb&fields=method_list").json()["items"]
    assert listing[0]["method_list"] == [{"id": live.pk, "title": "Publisert metode"}]
    detail = client.get(f"/api/v2/pages/{story.pk}/").json()
    assert detail["method_list"] == [{"id": live.pk, "title": "Publisert metode"}]
    rows = list(csv.DictReader(io.StringIO(client.get("/nb/historier/eksport.csv").content.decode("utf-8-sig"))))
    assert rows[0]["methods"] == "Publisert metode"
    index_html = client.get("/nb/historier/").content.decode()
    assert "Publisert metode" in index_html and "Upublisert metode" not in index_html
    assert "Upublisert metode" not in client.get(f"/nb/historier/?metode={draft.slug}").content.decode()
    assert client.get(f"/nb/historier/?metode={draft.slug}").context["stories"].paginator.count == 0


def _api_listing_queries(client):
    url = f"{API}&locale=nb&fields=*&limit=50"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(response.json()["items"]), len(queries)


def test_api_story_listing_costs_the_same_queries_for_few_and_many_stories(client, story_index):
    reading, method = theme("lesing"), make_method("Metode i lista")

    def add(n):
        for i in range(n):
            make_story(
                story_index,
                None,
                "3403" if i % 2 else "4601",
                [org(f"Lag {i}", "sports")],
                [reading],
                ["lesing"],
                methods=[method],
            )

    add(2)
    client.get(API)  # warm up the per-process caches (site root paths, content types)
    few, few_queries = _api_listing_queries(client)
    add(6)
    many, many_queries = _api_listing_queries(client)
    assert (few, many) == (2, 8)
    assert many_queries == few_queries
    assert many_queries <= 15
