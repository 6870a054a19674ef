"""Privacy for the conversation log, under the same rules as registrations (for the events app to call).

- `export_for_email(email)`: everything stored for the person (their registrations' conversation entries).
- `delete_for_email(email)`: deletes those entries.
- `purge_before(moment)`: the retention rule; entries recorded before `moment`, and entries of registrations
  that are gone or anonymised, lose their link to the person and their free text. The organisation, type,
  municipality, date and challenge categories stay, so the project's totals survive the purge.
"""

from django.apps import apps
from django.db import transaction

from cockpit.models import ConversationLog


def _references_for_email(email):
    try:
        Registration = apps.get_model("events", "Registration")
    except LookupError:
        return []
    email = (email or "").strip()
    if not email:
        return []
    return list(Registration.objects.filter(email__iexact=email).values_list("reference", flat=True))


def export_for_email(email):
    """A list of plain dicts, one per conversation entry of the person with this e-mail address."""
    references = _references_for_email(email)
    entries = ConversationLog.objects.filter(registration_ref__in=references).select_related("municipality")
    return [
        {
            "registration_reference": str(e.registration_ref),
            "organisation": e.organisation_name,
            "organisation_type": e.org_type,
            "municipality": e.municipality.name if e.municipality_id else "",
            "date": e.held_on.isoformat(),
            "challenge_categories": sorted(e.challenge_tags.values_list("category", flat=True)),
            "shared_challenges": e.challenges,
            "follow_up_planned": e.follow_up_planned,
            "recorded": e.created_at.isoformat(),
            "last_changed": e.updated_at.isoformat(),
        }
        for e in entries.prefetch_related("challenge_tags")
    ]


@transaction.atomic
def delete_for_email(email):
    """Delete the person's conversation entries; returns how many were deleted."""
    references = _references_for_email(email)
    if not references:
        return 0
    _, per_model = ConversationLog.objects.filter(registration_ref__in=references).delete()
    return per_model.get(ConversationLog._meta.label, 0)


@transaction.atomic
def purge_before(moment):
    """Detach entries recorded before `moment` (a datetime or date) and orphaned entries; returns the count."""
    stale = ConversationLog.objects.filter(registration_ref__isnull=False, created_at__lt=moment)
    ids = set(stale.values_list("pk", flat=True))
    live_refs = None
    try:
        Registration = apps.get_model("events", "Registration")
        live_refs = Registration.objects.filter(anonymised_at__isnull=True).values("reference")
    except LookupError:
        pass
    if live_refs is not None:
        ids |= set(
            ConversationLog.objects.filter(registration_ref__isnull=False)
            .exclude(registration_ref__in=live_refs)
            .values_list("pk", flat=True)
        )
    return ConversationLog.objects.filter(pk__in=ids).update(registration_ref=None, challenges="")
