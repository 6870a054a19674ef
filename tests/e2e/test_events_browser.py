"""Register for a launch and cancel again in a real browser; axe finds nothing on the event and form pages."""

import re

import pytest

pytestmark = pytest.mark.e2e


def test_register_and_cancel_in_the_browser(page, server_url, axe):
    page.goto(server_url + "/nb/arrangementer/")
    assert axe(page) == []

    page.goto(server_url + "/nb/arrangementer/lansering-kommuner/")
    assert "Startpakke i samskaping" in page.locator("h1").inner_text()
    assert "zoom.example" not in page.content()
    assert axe(page) == []

    page.locator("a[href*='/pamelding/']").first.click()
    page.wait_for_url(re.compile(r".*/pamelding/$"))
    assert axe(page) == []

    # An empty submit shows the error summary, still accessible
    page.locator("form.hub-form button[type=submit]").click()
    assert page.locator(".ds-error-summary").is_visible()
    assert axe(page) == []

    page.fill("#id_name", "Nettleser Testesen")
    page.fill("#id_email", "nettleser@example.com")
    page.fill("#id_organisation", "Hamar bibliotek")
    page.fill("#id_needs", "Teksting")
    page.check("#id_consent")
    page.locator("form.hub-form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/arrangement/pamelding/[0-9a-f-]+/$"))
    assert "nettleser@example.com" in page.content()
    assert "zoom.example" not in page.content()
    assert axe(page) == []

    page.locator("a[href*='/avmelding/']").click()
    page.wait_for_url(re.compile(r".*/avmelding/.+"))
    assert axe(page) == []
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("main .ds-alert[data-color=success]").is_visible()

    page.reload()  # the link cannot be used again
    assert page.locator("main .ds-alert[data-color=info]").is_visible()
