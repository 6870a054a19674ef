"""Presseansvarlig edits the press room and its snippets, nothing else, and publishes only through the workflow."""

import pytest
from wagtail.models import Page, PageLogEntry, WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from hub.roles import PRESS_OFFICER
from press.models import PressReleasePage, PressRoomPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def press_officer(client, make_user):
    user = make_user("presse", PRESS_OFFICER)
    client.force_login(user)
    return user


def test_press_officer_can_edit_press_room_and_releases_but_not_other_sections(client, press_officer):
    room = PressRoomPage.objects.get(slug="presse", locale__language_code="nb")
    release = PressReleasePage.objects.get(slug="kursrekke-samskaping")
    about = Page.objects.get(slug="om-prosjektet", locale__language_code="nb")
    assert client.get(f"/admin/pages/{room.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{release.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/add/press/pressreleasepage/{room.pk}/").status_code == 200
    refused = client.get(f"/admin/pages/{about.pk}/edit/")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # back to the dashboard, refused
    assert not about.permissions_for_user(press_officer).can_edit()


def test_press_officer_manages_press_snippets_only(client, press_officer):
    for model in ("presscontact", "mediakititem", "coverageitem"):
        assert client.get(f"/admin/snippets/press/{model}/").status_code == 200
        assert client.get(f"/admin/snippets/press/{model}/add/").status_code == 200
    refused = client.get("/admin/snippets/hub/theme/")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")


def test_press_officer_cannot_publish_and_submits_to_the_workflow(client, press_officer):
    room = PressRoomPage.objects.get(slug="presse", locale__language_code="nb")
    release = PressReleasePage(title="Kort melding", slug="kort-melding", lead="Uten strømfelt.")
    room.add_child(instance=release)
    release.save_revision().publish()
    assert not release.permissions_for_user(press_officer).can_publish()
    edit_url = f"/admin/pages/{release.pk}/edit/"
    data = querydict_from_html(client.get(edit_url).content.decode(), form_id="page-edit-form")
    data.update({"body-count": "0", "quotes-count": "0", "images-count": "0"})  # StreamFields are drawn by JS
    data["title"] = "Endret tittel fra presseansvarlig"

    data["action-publish"] = "action-publish"  # a forged publish is not honoured: kept as a draft only
    forged = client.post(edit_url, data)
    assert (forged.status_code, forged["Location"]) == (302, edit_url)
    release.refresh_from_db()
    assert release.title == "Kort melding" and release.live and release.has_unpublished_changes
    assert release.latest_revision.content["title"] == "Endret tittel fra presseansvarlig"
    assert not PageLogEntry.objects.filter(page=release, action="wagtail.publish", user=press_officer).exists()
    assert "Endret tittel fra presseansvarlig" not in client.get(release.url).content.decode()

    del data["action-publish"]
    data["action-submit"] = "action-submit"
    response = client.post(edit_url, data)
    assert (response.status_code, response["Location"]) == (302, f"/admin/pages/{room.pk}/")  # to the listing
    release.refresh_from_db()
    assert release.title == "Kort melding"  # live content unchanged until approved
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(release.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Godkjenning"
