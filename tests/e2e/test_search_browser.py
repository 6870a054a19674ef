import pytest

pytestmark = pytest.mark.e2e


@pytest.fixture
def browser_context_args(browser_context_args):
    """axe-core is injected as an inline script, which the site's CSP (rightly) blocks: bypass it for the test."""
    return {**browser_context_args, "bypass_csp": True}


def test_typing_in_header_search_and_choosing_a_suggestion_opens_the_page(page, server_url):
    page.goto(server_url + "/nb/")
    box = page.locator("#header-search")
    assert box.get_attribute("role") == "combobox"  # enhanced by static/search/autocomplete.js
    box.click()
    box.press_sequentially("om pros", delay=60)
    option = page.get_by_role("option").filter(has_text="Om prosjektet")
    option.wait_for(timeout=5000)
    assert box.get_attribute("aria-expanded") == "true"
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant")
    box.press("Enter")
    page.wait_for_url("**/nb/om-prosjektet/")


def test_header_search_submits_without_choosing_a_suggestion(page, server_url):
    page.goto(server_url + "/nb/")
    box = page.locator("#header-search")
    box.fill("samskaping")
    box.press("Enter")
    page.wait_for_url(lambda url: "/nb/sok/" in url and "q=samskaping" in url)
    assert page.locator("ol.hub-search-results li").count() >= 1


def test_search_page_with_results_and_without_has_no_axe_violations(page, server_url, axe):
    page.goto(server_url + "/nb/sok/?q=samskaping")
    assert page.locator("ol.hub-search-results li").count() >= 1
    assert axe(page) == []
    page.goto(server_url + "/nb/sok/?q=qwxyzzyq")
    assert page.locator(".hub-empty").count() == 1
    assert axe(page) == []
