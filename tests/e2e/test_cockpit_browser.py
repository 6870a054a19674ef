"""The cockpit's admin pages in a real browser: an editor logs in, and axe finds no violations on them."""

import subprocess
import sys

import pytest

from tests.e2e.conftest import ROOT

pytestmark = pytest.mark.e2e

CREATE_EDITOR = (
    "from django.contrib.auth import get_user_model; from django.contrib.auth.models import Group; "
    "U = get_user_model(); u = U.objects.filter(username='cockpit-red').first() or "
    "U.objects.create_user('cockpit-red', 'red@example.com', 'cockpit-pw-123'); "
    "u.groups.add(Group.objects.get(name='Redaktør'))"
)


@pytest.fixture(scope="module")
def editor_login(e2e_env):
    subprocess.run([sys.executable, "manage.py", "shell", "-c", CREATE_EDITOR], cwd=ROOT, env=e2e_env, check=True)
    return "cockpit-red", "cockpit-pw-123"


CREATE_ORGANISER = (
    CREATE_EDITOR.replace("cockpit-red", "cockpit-org")
    .replace("red@", "org@")
    .replace("Redaktør", "Arrangementsansvarlig")
)


@pytest.fixture(scope="module")
def organiser_login(e2e_env):
    """Per-participant progress is personal data: the organisers' page, not the editors'."""
    subprocess.run([sys.executable, "manage.py", "shell", "-c", CREATE_ORGANISER], cwd=ROOT, env=e2e_env, check=True)
    return "cockpit-org", "cockpit-pw-123"


def login(page, server_url, credentials):
    page.goto(server_url + "/admin/login/")
    page.fill("#id_username", credentials[0])
    page.fill("#id_password", credentials[1])
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


@pytest.mark.parametrize(
    "path",
    [
        "/admin/cockpit/",
        "/admin/cockpit/sprak/",
        "/admin/cockpit/oversettelser/",
        "/admin/cockpit/innholdshelse/",
        "/admin/cockpit/utfordringer/",
    ],
)
def test_cockpit_pages_have_no_axe_violations(page, server_url, editor_login, axe, path):
    login(page, server_url, editor_login)
    response = page.goto(server_url + path)
    assert response.status == 200
    assert page.locator("h1").count() >= 1
    assert axe(page) == []


def test_conversation_progress_page_has_no_axe_violations_for_organisers(page, server_url, organiser_login, axe):
    login(page, server_url, organiser_login)
    response = page.goto(server_url + "/admin/cockpit/samtaler/")
    assert response.status == 200 and page.url.endswith("/admin/cockpit/samtaler/")
    assert page.locator("h1").count() >= 1
    assert axe(page) == []


def test_dashboard_goals_panel_has_no_axe_violations(page, server_url, editor_login, axe):
    login(page, server_url, editor_login)
    assert page.locator("#cockpit-goals-heading").is_visible()
    violations = [v for v in axe(page) if "cockpit" in str(v["nodes"])]
    assert violations == []
