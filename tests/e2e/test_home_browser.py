import pytest

pytestmark = pytest.mark.e2e


def test_home_page_language_switch_and_axe(page, server_url, axe):
    page.goto(server_url + "/nb/")
    assert page.locator("html").get_attribute("lang") == "nb"
    assert page.locator("h1").inner_text().startswith("Samskaping")
    assert axe(page) == []

    page.get_by_role("navigation", name="Språk").get_by_role("link", name="Nynorsk").click()
    page.wait_for_url("**/nn/")
    assert page.locator("html").get_attribute("lang") == "nn"
    assert "frå planverk" in page.locator("h1").inner_text()
    assert axe(page) == []

    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    assert "from plans to everyday practice" in page.locator("h1").inner_text()


def test_skip_link_moves_focus_to_main(page, server_url):
    page.goto(server_url + "/nb/om-prosjektet/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert "hovedinnhold" in focused.lower()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "hovedinnhold"
