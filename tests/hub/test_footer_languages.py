"""Every language whole: the footer and the menu link within the visitor's language, chosen by editors in the
site settings (page choosers, resolved through each page's translations), and the parity report names any menu
or footer target that falls back to Bokmål."""

import re

import pytest
from django.core.cache import cache
from wagtail.models import Site

from cockpit import parity
from hub.models import SiteSettings
from tests.factories.pages import standard_page

pytestmark = pytest.mark.django_db

HOMES = {"nb": "/nb/", "nn": "/nn/", "en": "/en/"}


def _links(html, section):
    """The hrefs inside the footer's link list or the main menu."""
    if section == "footer":
        part = html.split('aria-labelledby="footer-links"')[1].split("</nav>")[0]
    else:
        part = html.split('class="hub-nav"')[1].split("</nav>")[0]
    return re.findall(r'href="([^"]+)"', part)


@pytest.mark.parametrize("code", ["nb", "nn", "en"])
def test_footer_and_menu_stay_in_the_visitors_language(client, code):
    html = client.get(HOMES[code]).content.decode()
    footer, menu = _links(html, "footer"), _links(html, "menu")
    assert len(footer) == 3 and len(menu) == 4
    assert all(href.startswith(f"/{code}/") for href in footer + menu), (footer, menu)


def test_nynorsk_press_link_is_the_nynorsk_press_room(client):
    menu = _links(client.get("/nn/").content.decode(), "menu")
    assert "/nn/presse/" in menu and "/nb/presse/" not in menu


def test_about_privacy_and_accessibility_exist_in_every_language(client):
    for code, paths in {
        "nn": ("/nn/om-prosjektet/", "/nn/personvern/", "/nn/tilgjengeerklaering/"),
        "en": ("/en/about/", "/en/privacy/", "/en/accessibility/"),
    }.items():
        footer = _links(client.get(HOMES[code]).content.decode(), "footer")
        assert sorted(footer) == sorted(paths)
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200
            assert f'<html lang="{code}"' in response.content.decode()


def test_footer_follows_the_page_chosen_in_the_site_settings(client, home):
    contact = standard_page(home, "Kontakt oss", slug="kontakt-oss")
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.about_page = contact
    site_settings.save()
    cache.clear()
    assert "/nb/kontakt-oss/" in _links(client.get("/nb/").content.decode(), "footer")
    # Not translated: Nynorsk visitors fall back to the Bokmål page, and the parity report says so.
    assert "/nb/kontakt-oss/" in _links(client.get("/nn/").content.decode(), "footer")
    fallbacks = {row["id"]: row["lacking"] for row in parity.chrome_fallbacks()}
    assert fallbacks == {contact.pk: ["nn", "en"]}


def test_menu_follows_the_pages_chosen_in_the_site_settings(client, home):
    from events.models import EventIndexPage

    events = EventIndexPage.objects.get(locale=home.locale, slug="arrangementer")
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.menu_pages = [("page", events)]
    site_settings.save()
    cache.clear()
    assert _links(client.get("/nb/").content.decode(), "menu") == ["/nb/arrangementer/"]
    assert _links(client.get("/en/").content.decode(), "menu") == ["/en/events/"]


def test_parity_report_has_no_fallbacks_in_the_demo(admin_client):
    assert parity.chrome_fallbacks() == []
    response = admin_client.get("/admin/cockpit/sprak/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="fallback-heading"' in html and "data-fallback=" not in html
