"""Files of content that is not live yet stay private: the bookkeeping behind `hub.models.media`.

Every page save (new page, saved draft, scheduled or immediate publish, unpublish, delete) records which images
and documents the page's live content and its pending content use, in the same transaction, read straight from
the page and its latest revision — so the answer never waits for the reference index task. A file is withheld
while some pending content uses it and no live content does; its storage names (original, renditions, document
file) are then listed in `WithheldFile`, which the media views check with one indexed lookup.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published, page_unpublished

from hub.models.media import MediaKind, MediaUse, WithheldFile

logger = logging.getLogger(__name__)


def _content_types():
    # The reference index's own notion of "the image model" and "the document model" (base content types).
    return {
        ReferenceIndex._get_base_content_type(get_image_model()).pk: MediaKind.IMAGE,
        ReferenceIndex._get_base_content_type(get_document_model()).pk: MediaKind.DOCUMENT,
    }


def files_in(obj):
    """(kind, id) of every image and document the object refers to: foreign keys, StreamField blocks, rich
    text embeds and links, inline children — the same extraction the reference index uses, done now."""
    kinds = _content_types()
    found = set()
    for content_type_id, object_id, _model_path, _content_path in ReferenceIndex._extract_references_from_object(obj):
        kind = kinds.get(content_type_id)
        if kind is not None and str(object_id).isdigit():
            found.add((kind, int(object_id)))
    return found


def _pending_content(page):
    """The page as it will be once its pending changes go live, or None when nothing is pending."""
    if page.live and not page.has_unpublished_changes:
        return None
    revision = page.latest_revision
    if revision is None:
        return page  # created without a revision: the row holds the draft
    return revision.as_object()


def record_page(page_id):
    """Re-read one page's uses of files and update which files are withheld. Returns the withheld (kind, id)s."""
    with transaction.atomic():
        page = Page.objects.filter(pk=page_id).select_related("latest_revision").first()
        before = set(MediaUse.objects.filter(page_id=page_id).values_list("kind", "object_id"))
        MediaUse.objects.filter(page_id=page_id).delete()
        if page is None:
            return recompute(before)
        page = page.specific
        live = files_in(page) if page.live else set()
        pending_page = _pending_content(page)
        pending = files_in(pending_page) if pending_page is not None else set()
        MediaUse.objects.bulk_create(
            [MediaUse(page_id=page_id, kind=k, object_id=i, live=True) for k, i in live]
            + [MediaUse(page_id=page_id, kind=k, object_id=i, live=False) for k, i in pending]
        )
        return recompute(before | live | pending)


def _storage_names(kind, object_ids):
    """Every storage name that serves these files: originals and renditions, or document files."""
    names = {}
    if not object_ids:
        return names
    if kind == MediaKind.IMAGE:
        Image = get_image_model()
        for pk, name in Image.objects.filter(pk__in=object_ids).values_list("pk", "file"):
            names.setdefault(pk, set()).add(name)
        Rendition = Image.get_rendition_model()
        for pk, name in Rendition.objects.filter(image_id__in=object_ids).values_list("image_id", "file"):
            names.setdefault(pk, set()).add(name)
    else:
        for pk, name in get_document_model().objects.filter(pk__in=object_ids).values_list("pk", "file"):
            names.setdefault(pk, set()).add(name)
    return names


def recompute(keys):
    """Bring `WithheldFile` in line with `MediaUse` for these (kind, id) files; returns the withheld ones."""
    keys = set(keys)
    withheld = set()
    for kind in MediaKind.values:
        ids = {i for k, i in keys if k == kind}
        if not ids:
            continue
        uses = set(MediaUse.objects.filter(kind=kind, object_id__in=ids).values_list("object_id", "live"))
        held_ids = {i for i, is_live in uses if not is_live} - {i for i, is_live in uses if is_live}
        withheld |= {(kind, i) for i in held_ids}
        current = set(WithheldFile.objects.filter(kind=kind, object_id__in=ids).values_list("path", "object_id"))
        if not held_ids and not current:
            continue  # the common case: files no pending content uses
        wanted = {(path, pk) for pk, paths in _storage_names(kind, held_ids).items() for path in paths if path}
        stale = current - wanted
        if stale:
            WithheldFile.objects.filter(kind=kind, path__in=[p for p, _ in stale]).delete()
        new = wanted - current
        WithheldFile.objects.bulk_create(
            [WithheldFile(path=p, kind=kind, object_id=pk) for p, pk in new], ignore_conflicts=True
        )
        _tell_storage(public={p for p, _ in stale}, private={p for p, _ in new})
    return withheld


def _tell_storage(public, private):
    """Storages that keep their own access rights (private objects on S3) follow the decision after commit."""
    from django.core.files.storage import default_storage

    apply = getattr(default_storage, "set_public", None)
    if apply is None or not (public or private):
        return

    def run():
        for name in private:
            apply(name, False)
        for name in public:
            apply(name, True)

    transaction.on_commit(run)


def withheld_file(path):
    """(kind, id) when the public must not get this storage name, else None. One indexed lookup."""
    return WithheldFile.objects.filter(path=path).values_list("kind", "object_id").first()


def is_withheld(kind, object_id):
    return WithheldFile.objects.filter(kind=kind, object_id=object_id).exists()


def may_preview(user, kind, object_id):
    """Signed-in editors who may edit or publish a page using the file in its pending content see the file."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    if not user.has_perm("wagtailadmin.access_admin"):
        return False
    page_ids = MediaUse.objects.filter(kind=kind, object_id=object_id, live=False).values_list("page_id", flat=True)
    for page in Page.objects.filter(pk__in=list(page_ids)):
        permissions = page.permissions_for_user(user)
        if permissions.can_edit() or permissions.can_publish():
            return True
    return False


# --- signals: the same transaction as the save ----------------------------------------------------------------


def _page_saved(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, Page) or instance.pk is None:
        return
    record_page(instance.pk)


def _page_changed(sender, instance, **kwargs):
    record_page(instance.pk)


def _page_deleting(sender, instance, **kwargs):
    if isinstance(instance, Page):
        instance._hub_media_uses = set(MediaUse.objects.filter(page_id=instance.pk).values_list("kind", "object_id"))


def _page_deleted(sender, instance, **kwargs):
    """Also removes uses recorded while the page was being deleted (deleting a live page unpublishes it, which
    records its uses again after the cascade had collected the old ones)."""
    if not isinstance(instance, Page):
        return
    keys = set(getattr(instance, "_hub_media_uses", ()))
    late = MediaUse.objects.filter(page_id=instance.pk)
    keys |= set(late.values_list("kind", "object_id"))
    late.delete()
    if keys:
        recompute(keys)


def _file_saved(sender, instance, raw=False, **kwargs):
    """A new or replaced upload, or a new rendition: its names follow its file's state (and a storage with its
    own access rights opens a file only once it is known not to be withheld)."""
    if raw:
        return
    if isinstance(instance, get_image_model()):
        key = (MediaKind.IMAGE, instance.pk)
    elif isinstance(instance, get_document_model()):
        key = (MediaKind.DOCUMENT, instance.pk)
    else:
        key = (MediaKind.IMAGE, instance.image_id)  # a rendition
    if key not in recompute({key}):
        _tell_storage(public={instance.file.name}, private=set())


def connect_signals():
    post_save.connect(_page_saved, dispatch_uid="hub-embargo-page-saved")
    page_published.connect(_page_changed, dispatch_uid="hub-embargo-page-published")
    page_unpublished.connect(_page_changed, dispatch_uid="hub-embargo-page-unpublished")
    pre_delete.connect(_page_deleting, dispatch_uid="hub-embargo-page-deleting")
    post_delete.connect(_page_deleted, dispatch_uid="hub-embargo-page-deleted")
    Image = get_image_model()
    for model in (Image, Image.get_rendition_model(), get_document_model()):
        post_save.connect(_file_saved, sender=model, dispatch_uid=f"hub-embargo-file-{model._meta.label}")
