"""Place pages: the county overview (tile map and table), a page per county and municipality with content in
every language, similar municipalities, links from place names, sitemap entries and pinned query counts."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache

from hub.models import Municipality
from tests.factories import pages as factories

pytestmark = pytest.mark.django_db

WARM_QUERY_BUDGET = 13  # site chrome not cached here (+5); tests/hub/test_query_budget.py measures as deployed: 8


def _municipality(number):
    return Municipality.objects.select_related("county").get(number=number)


@pytest.mark.parametrize("url", ["/nb/steder/", "/nn/stader/", "/en/places/"])
def test_overview_has_a_tile_map_and_a_table_of_every_county_in_each_language(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "<table" in html
    assert html.count('<th scope="row">') == 15  # every county in the table
    assert html.count("<rect") == 15  # and one tile each
    assert "<script" not in html.split("</main>")[0].split("<main")[1]  # works without JavaScript


def test_overview_links_counties_with_content_and_counts_them(client):
    html = client.get("/nb/steder/").content.decode()
    # The demo has a story in Hamar and the demo events are hosted there: Innlandet is linked and counted.
    row = re.search(
        r'<a class="ds-link" href="/nb/steder/innlandet/">Innlandet</a></th>\s*<td>(\d+)</td><td>(\d+)</td>', html
    )
    assert row and int(row.group(1)) >= 2 and int(row.group(2)) >= 1
    assert 'href="/nn/stader/"' in html  # the language switcher translates the URL words


def test_county_page_lists_its_municipalities_stories_events_libraries_and_organisations(client):
    html = client.get("/nb/steder/innlandet/").content.decode()
    assert 'href="/nb/steder/innlandet/hamar/"' in html
    assert 'href="/nb/steder/innlandet/gjovik/"' in html
    for heading in ("Historier", "Arrangementer", "Bibliotek", "Frivillige lag og foreninger"):
        assert heading in html
    assert "Kursdag 1" in html  # a demo event hosted in Hamar


@pytest.mark.parametrize("prefix", ["/nb/steder", "/nn/stader", "/en/places"])
def test_municipality_page_exists_in_every_language(client, prefix):
    response = client.get(f"{prefix}/innlandet/hamar/")
    assert response.status_code == 200
    assert "<h1" in response.content.decode() and "Hamar" in response.content.decode()


def test_places_without_content_have_no_page(client):
    assert client.get("/nb/steder/innlandet/dovre/").status_code == 404  # a municipality without content
    assert client.get("/nb/steder/rogaland/hamar/").status_code == 404  # in another county
    assert client.get("/nb/steder/atlantis/").status_code == 404


def test_similar_municipalities_share_the_county_or_the_size_band(client, story_index):
    hamar, gjovik, alta, vardo = (_municipality(n) for n in ("3403", "3407", "5601", "5634"))
    assert hamar.size_band == gjovik.size_band == alta.size_band  # 20,000–99,999 inhabitants
    assert vardo.size_band != hamar.size_band
    for title, place in (("Hamar-historie", hamar), ("Alta-historie", alta), ("Vardø-historie", vardo)):
        factories.story(story_index, title, place)
    cache.clear()
    html = client.get("/nb/steder/innlandet/hamar/").content.decode()
    similar = html.split('id="place-similar"')[1]
    assert 'href="/nb/steder/finnmark/alta/"' in similar  # same size, other county
    assert "vardo" not in similar  # other county, other size
    assert 'href="/nb/steder/innlandet/hamar/"' not in similar


def test_population_comes_from_the_shipped_ssb_figures():
    oslo = _municipality("0301")
    assert oslo.population and oslo.population > 600_000
    assert not Municipality.objects.filter(population__isnull=True).exists()


def test_story_event_and_search_result_link_their_place_names(client):
    from events.models import EventPage
    from stories.models import CaseStoryPage

    story = CaseStoryPage.objects.live().filter(locale__language_code="nb", municipality__number="3403").first()
    html = client.get(story.url).content.decode()
    assert 'href="/nb/steder/innlandet/hamar/"' in html and 'href="/nb/steder/innlandet/"' in html
    event = EventPage.objects.live().filter(locale__language_code="nn", municipality__number="3403").first()
    assert 'href="/nn/stader/innlandet/hamar/"' in client.get(event.url).content.decode()
    results = client.get("/nb/sok/", {"q": story.title}).content.decode()
    assert 'href="/nb/steder/innlandet/hamar/"' in results


def test_sitemap_lists_place_pages_in_every_language(client):
    response = client.get("/sitemap.xml")
    locs = [el.text for el in ET.fromstring(response.content).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    for path in ("/nb/steder/", "/nb/steder/innlandet/", "/nn/stader/innlandet/hamar/", "/en/places/innlandet/hamar/"):
        assert any(loc.endswith(path) for loc in locs), path
    assert not any(loc.endswith("/nb/steder/innlandet/dovre/") for loc in locs)


@pytest.mark.parametrize(
    "url", ["/nb/steder/", "/nn/stader/innlandet/", "/en/places/innlandet/hamar/", "/nb/steder/innlandet/hamar/"]
)
def test_place_pages_stay_within_the_query_budget(client, django_assert_max_num_queries, url):
    client.get(url)  # warm the per-process caches (content types, site root paths)
    with django_assert_max_num_queries(WARM_QUERY_BUDGET):
        assert client.get(url).status_code == 200
