"""A view restriction (password, login) hides its page and everything below it, however the hub saves queries on
the check: through the router's knowledge of the path, in the lists' own queries, and for aliases as Wagtail
resolves them. Wagtail's own classes stay as Wagtail ships them."""

import pytest
from django.core.cache import cache
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.i18n import LocaleManager
from wagtail.query import PageQuerySet

from hub.models import StandardPage
from tests.helpers import publish_child

pytestmark = pytest.mark.django_db

SECRET = "Hemmelig innhold som bare medlemmer ser"


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.HUB_PAGE_CACHE_SECONDS = 0
    cache.clear()


def restrict(page, kind=PageViewRestriction.PASSWORD):
    return PageViewRestriction.objects.create(page=page, restriction_type=kind, password="hemmelig")


def secret_page(parent, slug):
    return publish_child(parent, StandardPage(title=f"Side {slug}", slug=slug, lead=SECRET))


def test_password_restricted_page_and_its_children_ask_for_the_password(client, home):
    parent = secret_page(home, "lukket")
    secret_page(parent, "under")
    assert SECRET in client.get("/nb/lukket/").content.decode()  # open until restricted
    restrict(parent)
    for url in ("/nb/lukket/", "/nb/lukket/under/"):
        response = client.get(url)
        body = response.content.decode()
        assert SECRET not in body, url
        assert 'name="password"' in body, url


def test_login_restricted_page_sends_visitors_to_log_in(client, home):
    page = secret_page(home, "medlemmer")
    restrict(page, PageViewRestriction.LOGIN)
    response = client.get("/nb/medlemmer/")
    assert response.status_code == 302
    assert "login" in response["Location"] or "logg-inn" in response["Location"]


def test_restriction_on_the_home_page_reaches_every_page_below_it(client, home):
    secret_page(home, "dypt")
    restrict(home)
    body = client.get("/nb/dypt/").content.decode()
    assert SECRET not in body and 'name="password"' in body


def test_alias_of_a_restricted_page_is_restricted_as_its_source(client, home):
    source = secret_page(home, "kilde")
    restrict(source)
    holder = publish_child(home, StandardPage(title="Samling", slug="samling"))
    alias = source.create_alias(parent=holder, update_slug="kopi")
    assert Page.objects.get(pk=alias.pk).alias_of_id == source.pk
    body = client.get("/nb/samling/kopi/").content.decode()
    assert SECRET not in body and 'name="password"' in body
    assert list(alias.get_view_restrictions()) == list(Page.get_view_restrictions(alias))


def test_lists_leave_out_restricted_pages_as_wagtail_does(home):
    parent = secret_page(home, "skjult")
    secret_page(parent, "skjult-barn")
    open_page = secret_page(home, "apen")
    restrict(parent)
    ours = set(StandardPage.objects.live().public().values_list("pk", flat=True))
    wagtails = set(Page.objects.live().type(StandardPage).public().values_list("pk", flat=True))
    assert ours == wagtails
    assert open_page.pk in ours and parent.pk not in ours


def test_wagtail_classes_are_not_patched():
    assert Page.get_view_restrictions.__module__ == "wagtail.models.pages"
    assert PageQuerySet.private_q.__module__ == "wagtail.query"
    assert LocaleManager.get_for_language.__module__ == "wagtail.models.i18n"
    assert Site.find_for_request.__module__ == "wagtail.models.sites"
