"""The shared taxonomy in the admin: editors manage and translate themes; counties and municipalities are
official data that anyone may look up but nobody adds, edits or deletes there."""

import pytest
from django.core.cache import cache
from wagtail.models import Locale

from hub.models import County, Municipality, Theme
from hub.roles import COUNTY_EDITOR, EDITOR, PRESS_OFFICER
from infrastructure.cache import GENERATION_KEY, current_generation
from tests.helpers import ui

pytestmark = pytest.mark.django_db
THEMES = "/admin/snippets/hub/theme/"
COUNTIES = "/admin/snippets/hub/county/"
MUNICIPALITIES = "/admin/snippets/hub/municipality/"


@pytest.fixture
def nb():
    return Locale.objects.get(language_code="nb")


@pytest.fixture
def reading(nb):
    return Theme.objects.get_or_create(locale=nb, slug="lesing-admin", defaults={"name": "Lesing i admin"})[0]


@pytest.fixture
def editor_client(client, make_user):
    client.force_login(make_user("redaktor-tema", EDITOR))
    return client


@pytest.fixture
def county_editor_client(client, make_user):
    client.force_login(make_user("fylke-tema", COUNTY_EDITOR))
    return client


def test_editor_lists_and_edits_themes_in_the_admin(editor_client, reading):
    listing = editor_client.get(THEMES)
    assert listing.status_code == 200
    assert "Lesing i admin" in listing.content.decode()
    edit_url = f"{THEMES}edit/{reading.pk}/"
    assert editor_client.get(edit_url).status_code == 200
    response = editor_client.post(edit_url, {"name": "Lesing og litteratur", "slug": "lesing-admin", "description": ""})
    assert response.status_code == 302
    reading.refresh_from_db()
    assert reading.name == "Lesing og litteratur"


def test_editor_searches_themes(editor_client, reading):
    html = editor_client.get(THEMES, {"q": "i admin"}).content.decode()
    assert "Lesing i admin" in html


def test_editor_creates_a_theme_through_the_admin_form(editor_client, nb):
    response = editor_client.post(
        f"{THEMES}add/?locale=nb", {"name": "Frivillighet", "slug": "frivillighet-ny", "description": "Om frivillige."}
    )
    assert response.status_code == 302
    created = Theme.objects.get(slug="frivillighet-ny")
    assert created.locale == nb and created.name == "Frivillighet"


def test_theme_with_a_taken_slug_in_the_same_language_is_refused_with_an_error(editor_client, reading):
    response = editor_client.post(f"{THEMES}add/?locale=nb", {"name": "Dobbel", "slug": "lesing-admin"})
    assert response.status_code == 200
    assert ui("A theme with this slug already exists in this language.") in response.content.decode()
    assert not Theme.objects.filter(name="Dobbel").exists()


def test_county_editor_may_look_at_themes_but_not_add_or_edit_them(county_editor_client, reading):
    assert county_editor_client.get(THEMES).status_code == 200
    assert county_editor_client.get(f"{THEMES}add/").status_code == 302
    response = county_editor_client.post(f"{THEMES}add/?locale=nb", {"name": "Snikinnført", "slug": "snik"})
    assert response.status_code == 302
    assert not Theme.objects.filter(slug="snik").exists()
    edit_url = f"{THEMES}edit/{reading.pk}/"
    assert county_editor_client.get(edit_url).status_code == 302
    county_editor_client.post(edit_url, {"name": "Endret av fylket", "slug": "lesing-admin"})
    reading.refresh_from_db()
    assert reading.name == "Lesing i admin"


def test_role_without_taxonomy_permissions_is_refused_the_theme_list(client, make_user):
    client.force_login(make_user("presse-tema", PRESS_OFFICER))
    assert client.get(THEMES).status_code == 302
    assert client.get(MUNICIPALITIES).status_code == 302


def test_editor_can_submit_a_theme_for_translation(editor_client, reading):
    html = editor_client.get(THEMES).content.decode()
    submit_url = f"/admin/localize/submit/snippet/hub/theme/{reading.pk}/"
    assert submit_url in html  # the "Translate" action wagtail-localize adds to translatable snippets
    nn = Locale.objects.get(language_code="nn")
    response = editor_client.post(submit_url, {"locales": [nn.pk]})
    assert response.status_code == 302
    translated = Theme.objects.get(translation_key=reading.translation_key, locale=nn)
    assert translated.slug == reading.slug


def test_changing_a_theme_in_the_admin_renews_cached_pages(editor_client, reading, django_capture_on_commit_callbacks):
    cache.delete(GENERATION_KEY)
    before = current_generation()
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(f"{THEMES}edit/{reading.pk}/", {"name": "Lesing på nytt", "slug": "lesing-admin"})
    assert current_generation() != before


def test_municipalities_list_filters_by_county(editor_client):
    innlandet = County.objects.get(slug="innlandet")
    html = editor_client.get(MUNICIPALITIES, {"county": innlandet.pk}).content.decode()
    assert "Hamar" in html and "Lillehammer" in html
    assert "Bergen" not in html and "Tromsø" not in html
    assert "Bergen" in editor_client.get(MUNICIPALITIES, {"q": "Bergen"}).content.decode()


def test_county_editor_may_look_up_counties_and_municipalities(county_editor_client):
    hamar = Municipality.objects.get(number="3403")
    assert "Innlandet" in county_editor_client.get(COUNTIES).content.decode()
    inspect = county_editor_client.get(f"{MUNICIPALITIES}inspect/{hamar.pk}/")
    assert inspect.status_code == 200
    assert "3403" in inspect.content.decode()


def test_counties_and_municipalities_are_read_only_even_for_superusers(admin_client):
    hamar = Municipality.objects.get(number="3403")
    county = hamar.county
    listing = admin_client.get(MUNICIPALITIES).content.decode()
    assert f"{MUNICIPALITIES}add/" not in listing
    for url in (
        f"{COUNTIES}add/",
        f"{COUNTIES}edit/{county.pk}/",
        f"{COUNTIES}delete/{county.pk}/",
        f"{MUNICIPALITIES}add/",
        f"{MUNICIPALITIES}edit/{hamar.pk}/",
        f"{MUNICIPALITIES}delete/{hamar.pk}/",
    ):
        assert admin_client.get(url).status_code == 302, url
    admin_client.post(
        f"{MUNICIPALITIES}edit/{hamar.pk}/", {"name": "Endret", "number": "3403", "slug": "hamar", "county": county.pk}
    )
    admin_client.post(f"{MUNICIPALITIES}delete/{hamar.pk}/")
    hamar.refresh_from_db()
    assert hamar.name == "Hamar"


def test_story_form_keeps_a_plain_municipality_select(admin_client, home):
    from stories.models import CaseStoryIndexPage

    index = CaseStoryIndexPage.objects.get(locale=home.locale, slug="historier")
    html = admin_client.get(f"/admin/pages/add/stories/casestorypage/{index.pk}/").content.decode()
    assert '<select name="municipality"' in html


def test_taxonomy_has_its_own_admin_menu_group(editor_client):
    html = editor_client.get("/admin/").content.decode()
    assert ui("Taxonomy") in html
    assert THEMES in html and MUNICIPALITIES in html
