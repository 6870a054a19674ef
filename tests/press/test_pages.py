"""The press room and a release as visitors, feed readers and link previews see them."""

import json
import re

import feedparser
import pytest
from wagtail.models import Locale

from press.models import CoverageItem, PressReleasePage, PressRoomPage

pytestmark = pytest.mark.django_db


def json_ld(html):
    return [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def meta(html, prop):
    match = re.search(rf'<meta property="{re.escape(prop)}" content="([^"]*)"', html)
    return match.group(1) if match else None


def test_press_room_lists_releases_newest_first_with_contacts_media_kit_facts_and_coverage(client):
    html = client.get("/nb/presse/").content.decode()
    launch = html.index("Fornyet «Startpakke i samskaping» lanseres")
    course = html.index("Bibliotek og frivillighet samskaper i ny kursrekke")
    assert launch < course
    assert "Øystein Stabell" in html and "oystein.stabell@example.invalid" in html
    assert "CC BY 4.0" in html and "/mediesett/" in html
    assert "500 000 kr fra Nasjonalbibliotekets utviklingsmidler" in html
    assert "2022–2023" in html and "Troms og Finnmark fylkesbibliotek" in html
    titles = [item.title for item in CoverageItem.objects.all()]
    positions = [html.index(t) for t in titles]
    assert positions == sorted(positions)  # newest first


def test_press_room_query_count_does_not_grow_with_releases(client, django_assert_max_num_queries):
    room = PressRoomPage.objects.get(slug="presse", locale__language_code="nb")
    for i in range(8):
        release = PressReleasePage(title=f"Melding {i}", slug=f"melding-{i}", lead="Kort ingress.")
        room.add_child(instance=release)
        release.save_revision().publish()
    client.get("/nb/presse/")  # warm the site root and rendition caches
    with django_assert_max_num_queries(30):
        response = client.get("/nb/presse/")
    assert response.content.decode().count('class="press-releases__item"') == 10


def test_release_has_open_graph_article_with_image_and_news_article_json_ld(client):
    release = PressReleasePage.objects.get(slug="kursrekke-samskaping")
    html = client.get(release.url).content.decode()
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:image").startswith("http://testserver/media/images/")
    assert meta(html, "article:published_time")
    data = [d for d in json_ld(html) if d.get("@type") == "NewsArticle"]
    assert len(data) == 1
    article = data[0]
    assert article["headline"] == release.title
    assert article["inLanguage"] == "nb"
    assert article["image"][0].startswith("http://testserver/")
    assert article["datePublished"].startswith("2022-09-01")
    assert not any(d.get("@type") == "WebSite" for d in json_ld(html))


def test_release_shows_lead_body_quotes_contacts_and_attachments(client):
    release = PressReleasePage.objects.get(slug="lansering-startpakke", locale__language_code="nb")
    html = client.get(release.url).content.decode()
    assert release.lead in html
    assert "senke terskelen" in html
    assert "Tone Nyseter" in html and "Prosjekteier" in html
    assert "Faktaark om prosjektet (PDF)" in html


def test_english_release_exists_and_is_linked_as_alternate(client):
    en = Locale.objects.get(language_code="en")
    release = PressReleasePage.objects.get(slug="lansering-startpakke", locale__language_code="nb")
    english = release.get_translation(en)
    assert english.live and english.title == "Renewed «Starter pack in co-creation» launched"
    html = client.get(release.url).content.decode()
    assert 'hreflang="en"' in html and english.url in html


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_parse_and_list_live_releases_newest_first_in_the_visitors_language(client, kind):
    response = client.get(f"/nb/pressemeldinger/{kind}/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(f"application/{kind}+xml")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == ("rss20" if kind == "rss" else "atom10")
    titles = [e.title for e in feed.entries]
    assert titles[:2] == [
        "Fornyet «Startpakke i samskaping» lanseres",
        "Bibliotek og frivillighet samskaper i ny kursrekke",
    ]
    assert all(e.link.startswith("http://testserver/nb/presse/") for e in feed.entries)
    assert feed.feed.get("language", "nb").startswith("nb")

    english = feedparser.parse(client.get(f"/en/pressemeldinger/{kind}/").content)
    assert [e.title for e in english.entries] == ["Renewed «Starter pack in co-creation» launched"]


def test_press_room_advertises_its_feeds(client):
    html = client.get("/nb/presse/").content.decode()
    assert 'type="application/rss+xml"' in html and 'type="application/atom+xml"' in html


def test_api_exposes_release_fields_without_private_data(client):
    data = client.get("/api/v2/pages/", {"type": "press.PressReleasePage", "fields": "*", "locale": "nb"}).json()
    assert data["meta"]["total_count"] == 2
    item = next(i for i in data["items"] if i["meta"]["slug"] == "lansering-startpakke")
    assert item["lead"] and item["date"] == "2023-10-02"
    assert item["contact_persons"][0] == {
        "name": "Øystein Stabell",
        "role": "Prosjektleder",
        "organisation": "Innlandet fylkesbibliotek",
    }
    assert item["attachments"][0]["title"] == "Faktaark om prosjektet (PDF)"
    assert "owner" not in item["meta"]
    assert "phone" not in json.dumps(item)


def test_release_search_finds_live_releases(db):
    results = PressReleasePage.objects.live().search("kursrekke")
    assert "kursrekke-samskaping" in [p.slug for p in results]
