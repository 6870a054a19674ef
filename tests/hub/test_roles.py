"""Roles get the permissions their names imply, and no more."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Locale, Page, Workflow, WorkflowPage

from hub.models import HomePage
from hub.roles import COUNTY_EDITOR, EDITOR, EVENT_MANAGER, EXPERT_GROUP, PRESS_OFFICER, ROLES

pytestmark = pytest.mark.django_db


def page_of(model_label):
    app, model = model_label.split(".")
    return Page.objects.filter(
        content_type__app_label=app, content_type__model=model.lower(), locale__language_code="nb"
    ).first()


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


PERSONAL_DATA_PERMS = {
    "events.view_registration",
    "events.change_registration",
    "events.view_attendance",
    "cockpit.view_conversation_progress",
    "hub.view_outboundemail",
    "hub.change_outboundemail",
}


def _labels(group):
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


def test_editor_is_refused_per_participant_progress_but_sees_aggregated_challenges(client, make_user):
    from django.urls import reverse

    user = make_user("red-progress", EDITOR)
    assert not user.has_perm("cockpit.view_conversation_progress")
    client.force_login(user)
    assert client.get(reverse("cockpit_progress")).status_code in (302, 403)
    assert client.get(reverse("cockpit_challenges")).status_code == 200


def test_event_manager_edits_events_and_sees_registrations(client, make_user):
    from events.models import EventIndexPage, EventPage

    user = make_user("arrangor", EVENT_MANAGER)
    index = EventIndexPage.objects.get(locale__language_code="nb")
    event = EventPage.objects.filter(locale__language_code="nb").first()
    assert index.permissions_for_user(user).can_add_subpage()
    assert event.permissions_for_user(user).can_edit() and not event.permissions_for_user(user).can_publish()
    client.force_login(user)
    assert client.get(f"/admin/pages/{event.pk}/edit/").status_code == 200
    assert client.get("/admin/pameldinger/").status_code == 200
    assert client.get("/admin/pameldinger/utboks/").status_code == 200
    assert user.has_perm("cockpit.view_conversation_progress")


def test_event_manager_cannot_edit_methods_press_or_stories(client, make_user, home):
    user = make_user("arrangor-nei", EVENT_MANAGER)
    client.force_login(user)
    assert not home.permissions_for_user(user).can_edit()
    for label in (
        "methods.MethodIndexPage",
        "methods.MethodPage",
        "stories.CaseStoryIndexPage",
        "stories.CaseStoryPage",
        "press.PressRoomPage",
    ):
        page = page_of(label)
        if page is None:  # the demo was loaded without that app
            continue
        perms = page.permissions_for_user(user)
        assert not perms.can_edit() and not perms.can_add_subpage(), label
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code in (302, 403), label
    for perm in (
        "press.change_presscontact",
        "press.add_mediakititem",
        "methods.change_phase",
        "methods.view_methodfeedback",
        "stories.change_volunteerorganisation",
        "cockpit.view_cockpit",
        "hub.change_theme",
    ):
        assert not user.has_perm(perm), perm


@pytest.mark.parametrize("role", list(ROLES))
def test_each_role_has_exactly_its_listed_permissions_and_no_more(role):
    group = Group.objects.get(name=role)
    spec = ROLES[role]
    assert _labels(group) == {"wagtailadmin.access_admin", *spec["model_perms"]}
    assert not {
        label for label in _labels(group) if label.startswith(("auth.", "wagtailusers.", "wagtailcore.add_group"))
    }
    page_perms = GroupPagePermission.objects.filter(group=group).select_related("page__content_type", "permission")
    allowed_types = {label.lower() for label in spec["pages"]}
    for gpp in page_perms:
        ct = gpp.page.content_type
        assert f"{ct.app_label}.{ct.model}" in allowed_types, (role, gpp.page)
        assert gpp.permission.codename in spec["page_perms"], (role, gpp.permission.codename)
    if role != EVENT_MANAGER:
        assert not _labels(group) & PERSONAL_DATA_PERMS, role
    if role != EDITOR:
        assert not any(gpp.permission.codename in ("publish_page", "bulk_delete_page") for gpp in page_perms), role


def test_expert_group_has_no_page_or_model_permissions_of_its_own():
    group = Group.objects.get(name=EXPERT_GROUP)
    assert _labels(group) == {"wagtailadmin.access_admin"}
    assert not GroupPagePermission.objects.filter(group=group).exists()
    assert not GroupCollectionPermission.objects.filter(group=group).exists()


def test_editor_manages_the_content_snippets_of_every_app(client, make_user):
    """ "All content": speakers, series, volunteer organisations and the press room's snippets, in the admin."""
    from django.urls import reverse

    client.force_login(make_user("all-content", EDITOR))
    for model in (
        "events.speaker",
        "events.eventseries",
        "stories.volunteerorganisation",
        "press.presscontact",
        "press.mediakititem",
        "press.coverageitem",
    ):
        app_label, model_name = model.split(".")
        for view in ("list", "add"):
            url = reverse(f"wagtailsnippets_{app_label}_{model_name}:{view}")
            assert client.get(url).status_code == 200, (model, view)


def test_a_page_translated_later_gets_the_roles_permissions_and_workflow_at_once(home):
    """A new events index in Nynorsk, made by translating: county editors may add stories/events under it."""
    from events.models import EventIndexPage
    from hub.translation import translate

    source = EventIndexPage.objects.filter(locale__language_code="nb").first()
    nn = source.get_translation_or_none(Locale.objects.get(language_code="nn"))
    if nn is not None:
        nn.delete()
    translate(source, "nn", {})
    nn = source.get_translation(Locale.objects.get(language_code="nn"))
    granted = set(
        GroupPagePermission.objects.filter(page=nn, group__name=COUNTY_EDITOR).values_list(
            "permission__codename", flat=True
        )
    )
    assert granted == {"add_page", "change_page"}
