"""Stories in a real browser: filter by county, open a story; axe finds nothing on the index, a story and the form."""

import pytest

pytestmark = pytest.mark.e2e


def test_filter_by_county_and_open_a_story(page, server_url, axe):
    page.goto(server_url + "/nb/historier/")
    assert axe(page) == []
    page.locator("#facet-fylke").select_option("innlandet")
    page.locator("form.hub-facets button[type=submit]").click()
    page.wait_for_url("**/nb/historier/?*fylke=innlandet*")
    cards = page.locator(".stories-list article")
    assert cards.count() >= 2
    for text in cards.all_inner_texts():
        assert "Innlandet" in text
    assert axe(page) == []
    page.get_by_role("link", name="Leseombud i idrettslaget").click()
    page.wait_for_url("**/nb/historier/leseombud-i-idrettslaget/")
    assert page.locator("h1").inner_text() == "Leseombud i idrettslaget"
    assert page.locator('script[type="application/ld+json"]').count() >= 1
    assert axe(page) == []


def test_share_story_form_is_accessible_with_and_without_errors(page, server_url, axe):
    page.goto(server_url + "/nb/historier/del/")
    assert page.locator("h1").count() == 1
    assert axe(page) == []
    page.locator("form[enctype] button[type=submit]").click()
    assert page.locator(".ds-error-summary").is_visible()
    assert axe(page) == []


def test_embed_list_is_accessible(page, server_url, axe):
    page.goto(server_url + "/nb/historier/innebygd/?fylke=innlandet")
    assert page.locator(".stories-list article").count() >= 2
    assert axe(page) == []
