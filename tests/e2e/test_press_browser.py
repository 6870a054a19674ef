import pytest

pytestmark = pytest.mark.e2e


def test_press_room_and_release_have_no_axe_violations(page, server_url, axe):
    page.goto(server_url + "/nb/presse/")
    assert page.locator("h1").inner_text() == "Presserom"
    assert axe(page) == []
    page.goto(server_url + "/nb/presse/lansering-startpakke/")
    assert axe(page) == []


def test_journalist_opens_a_release_and_downloads_a_media_kit_photo(page, server_url):
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
