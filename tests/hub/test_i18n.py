"""Language switcher and hreflang: the same page in the other language, or that language's home page."""

import re

import pytest

from hub.models import StandardPage
from hub.translation import translate
from tests.helpers import publish_child

pytestmark = pytest.mark.django_db


def switcher_links(html):
    nav = re.search(r'<nav class="hub-lang".*?</nav>', html, re.S).group(0)
    return dict((lang, href) for href, lang in re.findall(r'<a href="([^"]+)" lang="([a-z]+)"', nav))


def hreflangs(html):
    return dict(
        (lang, href) for lang, href in re.findall(r'<link rel="alternate" hreflang="([a-z]+)" href="([^"]+)"', html)
    )


def test_switcher_leads_to_translation_when_it_exists(client, home):
    page = publish_child(home, StandardPage(title="Verktøy", slug="verktoy"))
    translate(page, "en", {"Verktøy": "Tools", "verktoy": "tools"})
    html = client.get("/nb/verktoy/").content.decode()
    links = switcher_links(html)
    assert links["en"] == "/en/tools/"
    assert links["nb"] == "/nb/verktoy/"
    # No Nynorsk version yet: the switcher leads to the Nynorsk home page.
    assert links["nn"] == "/nn/"
    alternates = hreflangs(html)
    assert set(alternates) == {"nb", "en"}
    assert alternates["en"].endswith("/en/tools/")


def test_home_pages_link_to_each_other(client):
    html = client.get("/en/").content.decode()
    assert switcher_links(html) == {"nb": "/nb/", "nn": "/nn/", "en": "/en/"}
    assert set(hreflangs(html)) == {"nb", "nn", "en"}


def test_current_language_is_marked(client):
    html = client.get("/nn/").content.decode()
    assert re.search(r'<a href="/nn/" lang="nn" hreflang="nn" aria-current="true">', html)


@pytest.mark.parametrize(
    "lang, skip_text",
    [("nb", "Hopp til hovedinnholdet"), ("nn", "Hopp til hovudinnhaldet"), ("en", "Skip to main content")],
)
def test_interface_text_comes_from_the_catalogue_of_each_language(client, lang, skip_text):
    html = client.get(f"/{lang}/").content.decode()
    assert skip_text in html


def test_active_locale_is_looked_up_once_per_request(client):
    """hub/locales.py: Wagtail asks for the active Locale many times per page; one query serves them all."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/nb/arrangementer/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/nb/arrangementer/").status_code == 200
    lookups = [
        q["sql"] for q in queries if 'FROM "wagtailcore_locale" WHERE "wagtailcore_locale"."language_code"' in q["sql"]
    ]
    assert len(lookups) == 1, lookups


def test_locale_lookups_outside_a_request_still_reach_the_database(django_assert_num_queries):
    from wagtail.models import Locale

    with django_assert_num_queries(2):
        Locale.get_active()
        Locale.get_active()
