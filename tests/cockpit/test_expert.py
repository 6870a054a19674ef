"""The expert group (sub-goal 2.5): method pages go through "Ekspertvurdering" (Ekspertgruppe) before
"Redaksjonell godkjenning" (Redaktør), and the expert's comment stays with the revision it was given on."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import TaskState, Workflow, WorkflowPage

from hub.roles import EDITOR, EXPERT_GROUP, setup_roles
from tests.factories.pages import method, method_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def starter_pack(home):
    index = method_index(home)
    setup_roles()  # assigns the expert workflow to the starter pack that now exists
    return index


def test_expert_group_and_workflow_exist_with_two_steps_in_order(starter_pack):
    assert Group.objects.filter(name=EXPERT_GROUP).exists()
    workflow = Workflow.objects.get(name="Ekspertvurdering")
    tasks = [t.specific for t in workflow.tasks]
    assert [t.name for t in tasks] == ["Ekspertvurdering", "Redaksjonell godkjenning"]
    assert [g.name for g in tasks[0].groups.all()] == [EXPERT_GROUP]
    assert [g.name for g in tasks[1].groups.all()] == [EDITOR]
    assert WorkflowPage.objects.get(page=starter_pack).workflow == workflow


def test_methods_use_the_expert_workflow_other_pages_do_not(home, starter_pack):
    m = method(starter_pack, "Metode til vurdering", publish=False)
    assert m.get_workflow().name == "Ekspertvurdering"
    assert home.get_workflow().name == "Godkjenning"


def test_expert_comment_on_approval_is_kept_on_the_revision(client, make_user, starter_pack):
    editor = make_user("red-e", EDITOR)
    expert = make_user("ekspert", EXPERT_GROUP)
    m = method(starter_pack, "Metode til vurdering", publish=False)
    revision = m.save_revision(user=editor)
    m.get_workflow().start(m, editor)
    m.refresh_from_db()
    task_state = m.current_workflow_task_state
    assert task_state.task.name == "Ekspertvurdering"

    # Experts review through the task only: no edit or publish rights of their own.
    assert not m.permissions_for_user(expert).can_publish()
    client.force_login(expert)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[m.pk])).status_code == 200
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[m.pk, "approve", task_state.pk]),
        {"comment": "Godt forklart, men legg til et eksempel fra et bibliotek."},
    )
    assert response.status_code in (200, 302)

    approved = TaskState.objects.get(task__name="Ekspertvurdering", revision=revision)
    assert approved.status == TaskState.STATUS_APPROVED
    assert approved.comment == "Godt forklart, men legg til et eksempel fra et bibliotek."
    assert approved.finished_by == expert
    m.refresh_from_db()
    assert m.current_workflow_task.name == "Redaksjonell godkjenning" and not m.live

    # The editors approve last, and the page goes live.
    client.force_login(editor)
    next_state = m.current_workflow_task_state
    client.post(reverse("wagtailadmin_pages:workflow_action", args=[m.pk, "approve", next_state.pk]), {"comment": ""})
    m.refresh_from_db()
    assert m.live
    # The comment can still be read from the revision that went live.
    assert (
        TaskState.objects.filter(revision=m.live_revision, task__name="Ekspertvurdering")
        .get()
        .comment.startswith("Godt")
    )


def test_expert_review_counts_in_the_goals(make_user, starter_pack):
    from cockpit import figures

    editor, expert = make_user("red-g", EDITOR), make_user("ekspert-g", EXPERT_GROUP)
    before = {f["key"]: f for f in figures.all_figures()}["expert_reviews"]["value"]
    m = method(starter_pack, "Metode vurdert", publish=False)
    m.save_revision(user=editor)
    m.get_workflow().start(m, editor)
    m.refresh_from_db()
    m.current_workflow_task_state.task.specific.on_action(
        m.current_workflow_task_state, expert, "approve", comment="Fin"
    )
    after = {f["key"]: f for f in figures.all_figures()}["expert_reviews"]["value"]
    assert after - before == 1
