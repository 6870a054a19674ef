"""Open surfaces: sitemap, robots.txt, API v2, Open Graph and JSON-LD."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from hub.models import StandardPage
from tests.helpers import publish_child

pytestmark = pytest.mark.django_db


def test_sitemap_lists_published_pages_in_every_language_only(client, home):
    draft = StandardPage(title="Utkast", slug="utkast", live=False)
    home.add_child(instance=draft)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locs = [el.text for el in ET.fromstring(response.content).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert any(loc.endswith("/nb/") for loc in locs)
    assert any(loc.endswith("/nn/") for loc in locs)
    assert any(loc.endswith("/en/") for loc in locs)
    assert not any("utkast" in loc for loc in locs)


def test_robots_points_to_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body and "sitemap.xml" in body


def test_api_lists_only_published_pages(client, home):
    home.add_child(instance=StandardPage(title="Hemmelig utkast", slug="hemmelig", live=False))
    data = client.get("/api/v2/pages/?limit=100").json()
    titles = [item["title"] for item in data["items"]]
    assert "Om prosjektet" in titles
    assert "Hemmelig utkast" not in titles


def test_page_has_open_graph_and_json_ld(client, home):
    publish_child(home, StandardPage(title="Delbar side", slug="delbar", search_description="Kort om siden."))
    html = client.get("/nb/delbar/").content.decode()
    assert '<meta property="og:title" content="Delbar side">' in html
    assert '<meta property="og:description" content="Kort om siden.">' in html
    assert '<meta property="og:locale" content="nb_NO">' in html
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert blocks and json.loads(blocks[0])["@context"] == "https://schema.org"


def test_json_ld_cannot_be_broken_out_of(client, home):
    from hub.templatetags.hub_tags import json_ld

    rendered = json_ld({"name": "</script><script>alert(1)</script>"})
    assert "</script><script>" not in rendered.replace('<script type="application/ld+json">', "", 1)[:-9]
