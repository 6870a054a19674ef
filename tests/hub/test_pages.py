"""Every core page type can be created where it belongs and renders in all three languages."""

import pytest
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from hub.models import HomePage, StandardPage
from tests.helpers import publish_child

pytestmark = pytest.mark.django_db


def test_standard_page_allowed_under_home_and_standard_page_only():
    assert StandardPage.can_create_at(HomePage.objects.first())
    assert "hub.StandardPage" in StandardPage.parent_page_types
    assert not StandardPage.can_create_at(Page.get_first_root_node())


def test_home_page_only_at_tree_root():
    assert HomePage.parent_page_types == ["wagtailcore.Page"]


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_home_page_renders_in_every_language(client, lang):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    assert f'<html lang="{lang}"' in response.content.decode()


def test_root_redirects_to_a_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="nb")
    assert response.status_code == 302
    assert response["Location"] == "/nb/"


def test_new_standard_page_renders_in_all_languages_after_translation(client, home):
    from hub.translation import translate

    page = publish_child(home, StandardPage(title="Kontakt oss", slug="kontakt", lead="Skriv til oss."))
    translate(page, "nn", {"Kontakt oss": "Kontakt oss", "Skriv til oss.": "Skriv til oss, du òg."})
    translate(page, "en", {"Kontakt oss": "Contact us", "Skriv til oss.": "Write to us.", "kontakt": "contact"})
    assert client.get("/nb/kontakt/").status_code == 200
    nn = client.get("/nn/kontakt/")
    assert nn.status_code == 200 and "du òg" in nn.content.decode()
    en = client.get("/en/contact/")
    assert en.status_code == 200 and "Write to us." in en.content.decode()


def test_standard_page_created_through_the_admin(admin_client, home):
    data = nested_form_data(
        {"title": "Ny side", "slug": "ny-side", "lead": "Ingress", "body": streamfield([]), "action-publish": "1"}
    )
    response = admin_client.post(f"/admin/pages/add/hub/standardpage/{home.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = StandardPage.objects.get(slug="ny-side")
    assert page.live and page.locale == Locale.objects.get(language_code="nb")
