"""Register for a launch in a real browser, follow the cancel link from the confirmation e-mail and cancel;
axe finds nothing on the event, form, "check your e-mail" and cancel pages."""

import re
import subprocess
import sys

import pytest

from tests.e2e.conftest import ROOT

pytestmark = pytest.mark.e2e

LAST_EMAIL_TO = (
    "from hub.models import OutboundEmail; "
    "print(OutboundEmail.objects.filter(to=[{address!r}]).order_by('-pk').values_list('body', flat=True).first())"
)


def last_email_to(env, address):
    """The newest e-mail the server stored for `address` (the server sends through the task queue)."""
    command = [sys.executable, "manage.py", "shell", "-c", LAST_EMAIL_TO.format(address=address)]
    return subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout


def test_register_and_cancel_in_the_browser(page, server_url, e2e_env, axe):
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
    page.wait_for_url(re.compile(r".*/arrangement/\d+/pamelding/sendt/$"))
    assert "Sjekk e-posten din" in page.locator("h1").inner_text()
    assert "nettleser@example.com" not in page.content() and "/avmelding/" not in page.content()
    assert "zoom.example" not in page.content()
    assert axe(page) == []

    body = last_email_to(e2e_env, "nettleser@example.com")
    assert "Du er påmeldt" in body and "zoom.example" in body  # the status and the join link: in the e-mail
    cancel_path = re.search(r"https?://[^/\s]+(/nb/arrangement/avmelding/\S+)", body).group(1)
    page.goto(server_url + cancel_path)
    assert axe(page) == []
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("main .ds-alert[data-color=success]").is_visible()

    page.reload()  # the link cannot be used again
    assert page.locator("main .ds-alert[data-color=info]").is_visible()
