"""The site chrome (header link, menu, footer, contact details) kept per content generation (hub/chrome.py):
fewer queries per rendered page, and never stale — a published menu page, a settings change made in the admin
and a new translation show on the very next view, in every language."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hub.models import SiteSettings, StandardPage
from methods.models import MethodIndexPage
from tests.helpers import browser

pytestmark = pytest.mark.django_db

URLS = ["/nb/", "/nb/om-prosjektet/", "/nn/", "/en/", "/nb/startpakken/"]


def queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response.content.decode()


@pytest.mark.parametrize("url", URLS)
def test_cached_chrome_saves_the_same_queries_on_every_page(client, settings, url):
    settings.HUB_FRAGMENT_CACHE = False
    client.get(url)
    built, plain_html = queries(client, url)
    settings.HUB_FRAGMENT_CACHE = True
    cache.clear()
    client.get(url)  # fills the cache
    cached, cached_html = queries(client, url)
    if url in ("/nb/", "/nn/", "/en/"):  # the home page keeps its sections too (tests/hub/test_home.py)
        assert built - cached > 4, (built, cached)
    else:
        assert built - cached == 5, (built, cached)  # homes, menu, menu/footer pages, site settings, share picture
    assert cached_html == plain_html


def test_renamed_menu_page_shows_in_the_header_at_once(client, fragment_cache, django_capture_on_commit_callbacks):
    client.get("/nb/om-prosjektet/")
    index = MethodIndexPage.objects.get(locale__language_code="nb")
    with django_capture_on_commit_callbacks(execute=True):
        index.title = "Startpakken i samskaping"
        index.save_revision().publish()
    _, html = queries(client, "/nb/om-prosjektet/")
    assert f'<a href="{index.url}">Startpakken i samskaping</a>' in html


def test_draft_title_stays_out_of_the_header(client, fragment_cache, django_capture_on_commit_callbacks):
    index = MethodIndexPage.objects.get(locale__language_code="nb")
    live_title = index.title
    with django_capture_on_commit_callbacks(execute=True):
        index.title = "Utkast som ikke er publisert"
        index.save_revision()
    _, html = queries(client, "/nb/om-prosjektet/")
    assert "Utkast som ikke er publisert" not in html and live_title in html


def test_settings_saved_in_the_admin_show_in_the_footer_at_once(
    client, admin_client, fragment_cache, home, django_capture_on_commit_callbacks
):
    visitor = browser()
    _, before = queries(visitor, "/nb/om-prosjektet/")
    site_settings = SiteSettings.for_site(home.get_site())
    assert site_settings.contact_email in before
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/settings/hub/sitesettings/{home.get_site().pk}/",
            {
                "organisation_name": "Nytt fylkesbibliotek",
                "project_owner": site_settings.project_owner,
                "contact_email": "ny-kontakt@example.no",
                "contact_phone": "",
                "address": site_settings.address,
                "menu_pages-count": "0",
                "about_page": site_settings.about_page_id or "",
                "privacy_page": site_settings.privacy_page_id or "",
                "accessibility_page": site_settings.accessibility_page_id or "",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    _, after = queries(visitor, "/nb/om-prosjektet/")
    assert "ny-kontakt@example.no" in after and "Nytt fylkesbibliotek" in after
    assert '"name": "Nytt fylkesbibliotek"' in after  # the JSON-LD publisher too


def test_each_language_gets_its_own_menu_from_one_cached_entry(client, fragment_cache):
    _, nb = queries(client, "/nb/")
    _, nn = queries(client, "/nn/")
    _, en = queries(client, "/en/")
    for code, html in (("nb", nb), ("nn", nn), ("en", en)):
        index = MethodIndexPage.objects.filter(locale__language_code=code).first()
        if index is not None:
            assert f'<a href="{index.url}">{index.title}</a>' in html, code
    assert '<a href="/nn/' in nn and '<a href="/en/' in en


def test_unpublished_footer_page_leaves_the_footer_at_once(client, fragment_cache, django_capture_on_commit_callbacks):
    page = StandardPage.objects.get(slug="personvern", locale__language_code="nb")
    _, before = queries(client, "/nb/")
    assert f'href="{page.url}"' in before
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    _, after = queries(client, "/nb/")
    assert f'href="{page.url}"' not in after


def test_each_site_gets_its_own_menu(client, fragment_cache):
    """A second site (its own tree and host name) has its own starter pack; neither site links to the other's."""
    from wagtail.models import Locale, Page, Site

    from hub.models import HomePage

    nb = Locale.objects.get(language_code="nb")
    other_home = Page.get_first_root_node().add_child(instance=HomePage(title="Andre hub", slug="andre-hub", locale=nb))
    other_home.save_revision().publish()
    other_index = other_home.add_child(
        instance=MethodIndexPage(title="Andre startpakke", slug="startpakken", locale=nb)
    )
    other_index.save_revision().publish()
    Site.objects.create(hostname="andre.example", port=80, root_page=other_home, site_name="Andre")
    ours = MethodIndexPage.objects.get(
        locale=nb, path__startswith=Site.objects.get(is_default_site=True).root_page.path
    )
    _, main_html = queries(client, "/nb/om-prosjektet/")
    assert f">{ours.title}</a>" in main_html and "Andre startpakke" not in main_html
    other = client.get("/nb/", HTTP_HOST="andre.example")
    assert other.status_code == 200
    assert "Andre startpakke" in other.content.decode() and f">{ours.title}</a>" not in other.content.decode()
