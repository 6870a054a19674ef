"""Checks for images uploaded with a public story: the type is read from the content (JPEG, PNG or WebP only,
never SVG or HTML whatever the file is called), the file size and the pixel count are capped (`infrastructure.uploads`,
the same rules as editors' uploads; the stored name also comes from the detected type there)."""

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from infrastructure.uploads import inspect_image

ALLOWED_TYPES = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}


def max_upload_size():
    return getattr(settings, "STORIES_MAX_IMAGE_SIZE", 5 * 1024 * 1024)


def check_image(upload):
    """Raise ValidationError unless `upload` is a real JPEG/PNG/WebP image within the size limit."""
    limit = max_upload_size()
    if upload.size > limit:
        raise ValidationError(
            _("The image is too large (%(size)s). The limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(262)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ALLOWED_TYPES:
        raise ValidationError(_("Upload a photo in JPEG, PNG or WebP format."), code="bad_type")
    fmt = inspect_image(upload)  # reads the header only: unreadable files and too many pixels are refused here
    if fmt not in ALLOWED_TYPES.values():
        raise ValidationError(_("Upload a photo in JPEG, PNG or WebP format."), code="bad_type")
    return fmt
