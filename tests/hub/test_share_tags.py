"""Every page type, shared on social media, shows a picture: its own where it has one, else the site's default
(Open Graph and Twitter card tags with absolute URLs, sizes and alt text)."""

import re

import pytest
from wagtail.models import Page

from hub.models import SiteSettings

pytestmark = pytest.mark.django_db


def _meta(html, key):
    found = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html)
    return found.group(1) if found else None


def _one_page_per_type(language):
    seen = {}
    for page in Page.objects.live().public().filter(depth__gt=1, locale__language_code=language).order_by("path"):
        seen.setdefault(page.content_type_id, page.specific)
    return list(seen.values())


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_every_page_type_has_a_share_picture_and_card(client, language):
    pages = _one_page_per_type(language)
    assert len(pages) >= 8
    for page in pages:
        html = client.get(page.get_url(None)).content.decode()
        image = _meta(html, "og:image")
        assert image and image.startswith("http://testserver/media/images/"), page.url
        assert _meta(html, "og:image:width") and _meta(html, "og:image:height"), page.url
        assert _meta(html, "twitter:card") == "summary_large_image", page.url
        assert _meta(html, "twitter:image") == image, page.url


def test_a_page_with_its_own_picture_shares_it_and_others_the_site_default(client):
    from methods.models import MethodPage

    default = SiteSettings.objects.get().share_image
    with_picture = MethodPage.objects.live().filter(locale__language_code="nb", image__isnull=False).first()
    own = client.get(with_picture.url).content.decode()
    about = client.get("/nb/om-prosjektet/").content.decode()
    assert _meta(own, "og:image:alt") == with_picture.image.default_alt_text
    assert _meta(about, "og:image:alt") == default.default_alt_text != with_picture.image.default_alt_text
    assert _meta(own, "og:image") != _meta(about, "og:image")


def test_stories_and_releases_carry_their_picture_in_structured_data(client):
    import json

    from press.models import PressReleasePage
    from stories.models import CaseStoryPage

    story = CaseStoryPage.objects.live().filter(locale__language_code="nb", images__isnull=False).first()
    release = PressReleasePage.objects.live().filter(locale__language_code="nb").first()
    for page in (story, release):
        html = client.get(page.url).content.decode()
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        data = [json.loads(b) for b in blocks]
        articles = [d for d in data if d.get("@type") in ("Article", "NewsArticle")]
        assert articles, page.url
        image = articles[0]["image"]
        assert (image[0] if isinstance(image, list) else image).startswith("http://testserver/media/images/")
