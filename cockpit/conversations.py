"""Service functions for the conversation log (sub-goal 1.3): record, amend, and the organisers' and editors' views.

Every write goes through `save_entry`, in one transaction; views and tests call it.
"""

from django.apps import apps
from django.db import transaction
from django.db.models import Count, Q

from cockpit.models import CHALLENGES, ORG_TYPES, ConversationChallenge, ConversationLog


def entries_for(registration):
    return ConversationLog.objects.filter(registration_ref=registration.reference).prefetch_related("challenge_tags")


@transaction.atomic
def save_entry(registration, data, entry=None):
    """Create an entry for the registration, or amend `entry` (which must belong to it). Returns the entry."""
    if entry is None:
        entry = ConversationLog(registration_ref=registration.reference)
    elif entry.registration_ref != registration.reference:
        raise PermissionError("entry belongs to another participant")
    for field in ("organisation_name", "org_type", "municipality", "held_on", "challenges", "follow_up_planned"):
        setattr(entry, field, data.get(field))
    entry.challenges = entry.challenges or ""
    entry.follow_up_planned = bool(entry.follow_up_planned)
    entry.save()
    wanted = set(data.get("challenge_categories") or [])
    entry.challenge_tags.exclude(category__in=wanted).delete()
    existing = set(entry.challenge_tags.values_list("category", flat=True))
    ConversationChallenge.objects.bulk_create(
        [ConversationChallenge(entry=entry, category=c) for c in sorted(wanted - existing)]
    )
    return entry


def course_registrations():
    """Active registrations for course series (the participants of sub-goal 1.3); None if events is missing."""
    try:
        Registration = apps.get_model("events", "Registration")
    except LookupError:
        return None
    return (
        Registration.objects.filter(series__isnull=False).exclude(status="cancelled").filter(anonymised_at__isnull=True)
    )


def progress_per_participant(target=3):
    """Organisers' view: each course participant with the number of conversations recorded (against `target`)."""
    registrations = course_registrations()
    if registrations is None:
        return []
    rows = list(registrations.select_related("series").order_by("series__title", "name", "pk"))
    counts = dict(
        ConversationLog.objects.filter(registration_ref__in=[r.reference for r in rows])
        .values_list("registration_ref")
        .annotate(n=Count("pk"))
    )
    return [
        {"registration": r, "count": counts.get(r.reference, 0), "done": counts.get(r.reference, 0) >= target}
        for r in rows
    ]


def aggregated_challenges():
    """Editors' view: totals only (no participant, no organisation name)."""
    labels = dict(CHALLENGES)
    by_category = [
        {"key": row["category"], "label": labels.get(row["category"], row["category"]), "count": row["n"]}
        for row in ConversationChallenge.objects.values("category")
        .annotate(n=Count("entry", distinct=True))
        .order_by("-n", "category")
    ]
    type_labels = dict(ORG_TYPES)
    by_org_type = [
        {"key": row["org_type"], "label": type_labels.get(row["org_type"], row["org_type"]), "count": row["n"]}
        for row in ConversationLog.objects.values("org_type").annotate(n=Count("pk")).order_by("-n", "org_type")
    ]
    by_county = [
        {"label": row["municipality__county__name"] or "—", "count": row["n"]}
        for row in ConversationLog.objects.values("municipality__county__name").annotate(n=Count("pk")).order_by("-n")
    ]
    totals = ConversationLog.objects.aggregate(
        entries=Count("pk"), follow_ups=Count("pk", filter=Q(follow_up_planned=True))
    )
    texts = list(
        ConversationLog.objects.exclude(challenges="")
        .order_by("-held_on", "-pk")
        .values_list("challenges", flat=True)[:200]
    )
    return {
        "by_category": by_category,
        "by_org_type": by_org_type,
        "by_county": by_county,
        "totals": totals,
        "texts": texts,
    }
