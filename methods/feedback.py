"""Method feedback: storing a visitor's rating and comment (views, the admin and commands call this)."""

from django.db import transaction
from wagtail.models import Locale

from methods.models import MethodFeedback


@transaction.atomic
def submit_feedback(method, rating, comment="", role=""):
    """Store one feedback answer against the method's default-language page, remembering the visitor's language.

    Feedback on a translation counts towards the same method in the report."""
    if not 1 <= int(rating) <= 5:
        raise ValueError("rating must be 1–5")
    language = method.locale.language_code
    source = method.get_translation_or_none(Locale.get_default()) or method
    return MethodFeedback.objects.create(
        method_id=source.pk, language=language, rating=int(rating), comment=(comment or "").strip(), role=role or ""
    )
