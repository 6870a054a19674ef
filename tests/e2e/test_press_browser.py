import pytest

pytestmark = pytest.mark.e2e


def test_press_room_and_release_have_no_axe_violations(browser, server_url, axe):
    # axe is injected as an inline script, which the site's CSP rightly forbids: bypass it for this check only.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(server_url + "/nb/presse/")
        assert page.locator("h1").inner_text() == "Presserom"
        assert axe(page) == []
        page.goto(server_url + "/nb/presse/lansering-startpakke/")
        assert axe(page) == []
        page.goto(server_url + "/en/press/launch-starter-pack/")
        assert axe(page) == []
    finally:
        context.close()


def test_journalist_opens_a_release_and_downloads_a_media_kit_photo(page, server_url):
    csp_errors = []
    page.on("console", lambda msg: csp_errors.append(msg.text) if "Content Security Policy" in msg.text else None)
    page.goto(server_url + "/nb/presse/")
    page.get_by_role("link", name="Bibliotek og frivillighet samskaper i ny kursrekke").click()
    page.wait_for_url("**/nb/presse/kursrekke-samskaping/")
    assert page.locator('meta[property="og:type"]').get_attribute("content") == "article"

    page.locator('a[href$="#media-kit"]').click()
    page.wait_for_url("**/nb/presse/#media-kit")
    link = page.locator('a[href*="/mediesett/"][href$="/nettversjon/"]').filter(has_text="Kursdeltakere i samtale")
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "kursdeltakere-i-samtale-med-frivillige-web.jpg"
    with open(download.path(), "rb") as f:
        assert f.read(3) == b"\xff\xd8\xff"  # a JPEG
    assert csp_errors == []
