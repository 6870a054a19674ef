"""Roles get the permissions their names imply, and no more."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Workflow, WorkflowPage

from hub.models import HomePage
from hub.roles import COUNTY_EDITOR, EDITOR, EVENT_MANAGER, PRESS_OFFICER

pytestmark = pytest.mark.django_db


def page_of(model_label):
    app, model = model_label.split(".")
    return Page.objects.filter(content_type__app_label=app, content_type__model=model.lower(), locale__language_code="nb").first()


def test_all_roles_exist():
    names = set(Group.objects.values_list("name", flat=True))
    assert {EDITOR, COUNTY_EDITOR, EVENT_MANAGER, PRESS_OFFICER} <= names


def test_editor_can_publish_everywhere(make_user, home):
    user = make_user("redaktor", EDITOR)
    perms = home.permissions_for_user(user)
    assert perms.can_add_subpage() and perms.can_edit() and perms.can_publish()


def test_county_editor_cannot_touch_home_or_publish(make_user, home):
    user = make_user("fylke", COUNTY_EDITOR)
    assert not home.permissions_for_user(user).can_edit()
    assert not home.permissions_for_user(user).can_add_subpage()
    stories = page_of("stories.CaseStoryIndexPage")
    if stories is not None:
        perms = stories.permissions_for_user(user)
        assert perms.can_add_subpage() and not perms.can_publish()


def test_press_officer_edits_only_the_press_room(make_user, home):
    user = make_user("presse", PRESS_OFFICER)
    assert not home.permissions_for_user(user).can_edit()
    press = page_of("press.PressRoomPage")
    if press is not None:
        assert press.permissions_for_user(user).can_edit()
        assert not press.permissions_for_user(user).can_publish()


def test_roles_can_reach_the_admin_but_not_django_admin(client, make_user):
    for role in (EDITOR, COUNTY_EDITOR, EVENT_MANAGER, PRESS_OFFICER):
        user = make_user(f"u-{role}", role)
        client.force_login(user)
        assert client.get("/admin/").status_code == 200
        assert client.get("/django-admin/").status_code == 302
        assert not user.has_perm("auth.change_user")


def test_moderation_workflow_covers_every_language_tree():
    workflow = Workflow.objects.get(name="Godkjenning")
    assert workflow.active
    covered = set(WorkflowPage.objects.filter(workflow=workflow).values_list("page__locale__language_code", flat=True))
    assert covered == {"nb", "nn", "en"}
    assert all(isinstance(wp.page.specific, HomePage) for wp in WorkflowPage.objects.filter(workflow=workflow))


def test_editor_sees_search_query_report_but_county_editor_does_not(client, make_user):
    client.force_login(make_user("red-sok", EDITOR))
    assert client.get("/admin/reports/search-queries/").status_code == 200
    client.force_login(make_user("fylke-sok", COUNTY_EDITOR))
    assert client.get("/admin/reports/search-queries/").status_code in (302, 403)
