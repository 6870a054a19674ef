"""Editorial roles and the moderation workflow, created idempotently by `setup_roles` (and the demo command).

Each role names the page types whose instances it may edit (permissions are granted on every existing page
of those types, in every language), model permissions, and whether it may publish without the workflow.
Apps extend ROLES with their own models when they land.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITOR = "Redaktør"
COUNTY_EDITOR = "Fylkesredaktør"
EVENT_MANAGER = "Arrangementsansvarlig"
PRESS_OFFICER = "Presseansvarlig"
WORKFLOW_NAME = "Godkjenning"
EXPERT_GROUP = "Ekspertgruppe"
EXPERT_WORKFLOW_NAME = "Ekspertvurdering"
EXPERT_TASK_NAME = "Ekspertvurdering"
EDITOR_TASK_NAME = "Redaksjonell godkjenning"

MEDIA_PERMS = ["add_image", "choose_image", "change_image", "add_document", "choose_document", "change_document"]

ROLES = {
    EDITOR: {
        "pages": ["hub.HomePage"],
        "page_perms": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"],
        "collection_perms": MEDIA_PERMS + ["delete_image", "delete_document"],
        "model_perms": [
            "hub.add_theme",
            "hub.change_theme",
            "hub.delete_theme",
            "hub.view_theme",
            "hub.view_county",
            "hub.view_municipality",  # read-only: they come from the official data file
            "hub.change_sitesettings",
            "hub.view_sitesettings",
            "wagtail_localize.submit_translation",
            # methods: the phase taxonomy and the feedback report (methods.view_methodfeedback opens the report)
            "methods.add_phase",
            "methods.change_phase",
            "methods.delete_phase",
            "methods.view_phase",
            "methods.view_methodfeedback",
            "methods.delete_methodfeedback",
            # cockpit: goals and the aggregated challenges; not the per-participant progress (names of course
            # participants are personal data, seen by the organisers only)
            "cockpit.view_cockpit",
            "cockpit.change_goaltargets",
            # search: the query log report and the synonym list
            "hubsearch.view_querylogentry",
            "hubsearch.add_synonym",
            "hubsearch.change_synonym",
            "hubsearch.delete_synonym",
            "hubsearch.view_synonym",
            "wagtailsearchpromotions.add_searchpromotion",
            "wagtailsearchpromotions.change_searchpromotion",
            "wagtailsearchpromotions.delete_searchpromotion",
            # the content snippets of every app ("all content"); registrations stay with the organisers
        ]
        + [
            f"{label}.{action}_{model}"
            for label, model in (
                ("stories", "volunteerorganisation"),
                ("events", "speaker"),
                ("events", "eventseries"),
                ("press", "presscontact"),
                ("press", "mediakititem"),
                ("press", "coverageitem"),
            )
            for action in ("add", "change", "delete", "view")
        ],
    },
    COUNTY_EDITOR: {
        "pages": ["stories.CaseStoryIndexPage", "events.EventIndexPage"],
        "page_perms": ["add_page", "change_page"],
        "collection_perms": MEDIA_PERMS,
        "model_perms": ["hub.view_theme", "hub.view_county", "hub.view_municipality"]
        + [
            # stories: pick and add the volunteer organisations of a story
            "stories.add_volunteerorganisation",
            "stories.change_volunteerorganisation",
            "stories.view_volunteerorganisation",
        ],
    },
    EVENT_MANAGER: {
        "pages": ["events.EventIndexPage"],
        "page_perms": ["add_page", "change_page"],
        "collection_perms": MEDIA_PERMS,
        "model_perms": ["cockpit.view_conversation_progress"]
        + [
            "events.view_registration",
            "events.change_registration",
            "events.view_attendance",
            "events.add_attendance",
            "events.delete_attendance",
            "hub.view_outboundemail",
            "hub.change_outboundemail",
            "events.add_speaker",
            "events.change_speaker",
            "events.view_speaker",
            "events.add_eventseries",
            "events.change_eventseries",
            "events.view_eventseries",
        ],
    },
    PRESS_OFFICER: {
        "pages": ["press.PressRoomPage"],
        "page_perms": ["add_page", "change_page"],
        "collection_perms": MEDIA_PERMS,
        "model_perms": [
            f"press.{action}_{model}"
            for model in ("presscontact", "mediakititem", "coverageitem")
            for action in ("add", "change", "delete", "view")
        ]
        + ["wagtail_localize.submit_translation"],
    },
    # Sub-goal 2.5: the earlier project's participants review the starter pack. They reach the admin and review
    # method pages only through the "Ekspertvurdering" workflow task (no page permissions of their own).
    EXPERT_GROUP: {
        "pages": [],
        "page_perms": [],
        "collection_perms": [],
        "model_perms": [],
    },
}


def _permission(label):
    app_label, codename = label.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _pages_of(model_label):
    from django.apps import apps

    model = apps.get_model(model_label)
    return Page.objects.type(model).filter(depth__gt=1)


@transaction.atomic
def setup_roles():
    """Create or refresh the groups, their permissions and the "Godkjenning" workflow. Idempotent."""
    access_admin = _permission("wagtailadmin.access_admin")
    root_collection = Collection.get_first_root_node()
    groups = {}
    for name, spec in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        wanted = {access_admin.pk} | {_permission(p).pk for p in spec["model_perms"]}
        group.permissions.set(wanted)
        page_perms = [
            Permission.objects.get(content_type__app_label="wagtailcore", codename=c) for c in spec["page_perms"]
        ]
        GroupPagePermission.objects.filter(group=group).exclude(permission__in=page_perms).delete()
        for model_label in spec["pages"]:
            for page in _pages_of(model_label):
                for perm in page_perms:
                    GroupPagePermission.objects.get_or_create(group=group, page=page, permission=perm)
        for codename in spec["collection_perms"]:
            perm = Permission.objects.get(
                content_type__app_label__in=["wagtailimages", "wagtaildocs"], codename=codename
            )
            GroupCollectionPermission.objects.get_or_create(group=group, collection=root_collection, permission=perm)
    setup_workflow(groups[EDITOR])
    setup_expert_workflow(groups[EXPERT_GROUP], groups[EDITOR])
    return groups


def grant_for_new_page(sender, instance, created, raw=False, **kwargs):
    """post_save: a page created later (a new language's home page or index, made by a translation) gets the
    roles' page permissions and its workflow at once, not at the next `setup_roles`."""
    if not created or raw or not isinstance(instance, Page):
        return
    label = f"{instance._meta.app_label}.{type(instance).__name__}"
    for name, spec in ROLES.items():
        if label not in spec["pages"] or not spec["page_perms"]:
            continue
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue  # roles not set up yet (the first migration of a fresh database)
        for codename in spec["page_perms"]:
            perm = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=group, page=instance, permission=perm)
    workflow_name = {"hub.HomePage": WORKFLOW_NAME, "methods.MethodIndexPage": EXPERT_WORKFLOW_NAME}.get(label)
    workflow = Workflow.objects.filter(name=workflow_name).first() if workflow_name else None
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page=instance, defaults={"workflow": workflow})


def setup_workflow(editor_group):
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name="Redaksjonell godkjenning").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="Redaksjonell godkjenning")
    task.groups.set([editor_group])
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=workflow.workflow_tasks.count())
    for home in _pages_of("hub.HomePage"):
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return workflow


def setup_expert_workflow(expert_group, editor_group):
    """The starter pack's workflow: expert review (Ekspertgruppe), then the editors' approval (Redaktør).

    Assigned to every MethodIndexPage (all languages), so it replaces "Godkjenning" for the methods below it.
    """
    workflow, _ = Workflow.objects.get_or_create(name=EXPERT_WORKFLOW_NAME, defaults={"active": True})
    expert_task = GroupApprovalTask.objects.filter(name=EXPERT_TASK_NAME).first()
    if expert_task is None:
        expert_task = GroupApprovalTask.objects.create(name=EXPERT_TASK_NAME)
    expert_task.groups.set([expert_group])
    editor_task = GroupApprovalTask.objects.filter(name=EDITOR_TASK_NAME).first()
    if editor_task is None:
        editor_task = GroupApprovalTask.objects.create(name=EDITOR_TASK_NAME)
        editor_task.groups.set([editor_group])
    for order, task in enumerate([expert_task, editor_task]):
        WorkflowTask.objects.update_or_create(workflow=workflow, task=task, defaults={"sort_order": order})
    try:
        index_pages = list(_pages_of("methods.MethodIndexPage"))
    except LookupError:  # the methods app is not installed
        index_pages = []
    for index_page in index_pages:
        WorkflowPage.objects.update_or_create(page=index_page, defaults={"workflow": workflow})
    return workflow
