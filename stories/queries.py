"""Small named queries other apps may call (never the models directly)."""

from infrastructure.relations import LINK_FIELDS

from .models import CaseStoryPage


def for_method(method, limit=12):
    """Published stories in the method page's language that used this method (or any translation of it), as
    links (`LINK_FIELDS`)."""
    linked = CaseStoryPage.objects.filter(methods_used__translation_key=method.translation_key).values("pk")
    return list(
        CaseStoryPage.objects.live()
        .public()
        .filter(locale_id=method.locale_id, pk__in=linked)
        .only(*LINK_FIELDS)
        .order_by("-first_published_at", "-pk")[:limit]
    )
