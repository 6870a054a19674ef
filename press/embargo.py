"""Embargo beyond the page itself: a document used only by press releases that are not live yet (scheduled,
or drafts) is not served, so an attachment cannot leak before its release."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ReferenceIndex

from press.models import PressReleasePage


def document_is_embargoed(document):
    rows = list(ReferenceIndex.get_references_to(document).values_list("content_type_id", "object_id"))
    if not rows:
        return False
    release_type = ContentType.objects.get_for_model(PressReleasePage).pk
    release_ids = {object_id for content_type_id, object_id in rows if content_type_id == release_type}
    if len(release_ids) == 0 or any(ct != release_type for ct, _ in rows):
        return False  # used elsewhere as well: not ours to withhold
    return not PressReleasePage.objects.live().filter(pk__in=release_ids).exists()
