"""Uploaded files are judged by their content, for editors (admin) and the public (story form) alike.

- Images: read by Pillow from the header only; no SVG (it can carry script); no more pixels than
  `WAGTAILIMAGES_MAX_IMAGE_PIXELS` (a decompression bomb — a small PNG that unpacks to gigabytes — is refused
  before it is decoded, and Pillow's own guard is set to the same limit for every later rendition).
- Documents: the type is recognised from the bytes (PDF, RTF, Office/OpenDocument, ZIP, video, captions, plain
  text) and must be one of `WAGTAILDOCS_EXTENSIONS`; markup that a browser would run is refused.
- Every stored file is named after its detected type, never the visitor's extension; images also get a random
  part, so the URL of a file that is not public yet cannot be guessed from its original name.
"""

import logging
import os
import secrets
import warnings
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models.signals import pre_save
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

logger = logging.getLogger(__name__)

IMAGE_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif", "AVIF": "avif"}
OFFICE_FOLDERS = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}
OPENDOCUMENT = {b"application/vnd.oasis.opendocument.text": "odt"}
MARKUP = (b"<!doctype html", b"<html", b"<svg", b"<script", b"<?xml")


def max_image_pixels():
    return settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


def _refuse_too_many_pixels(pixels=None):
    limit = f"{max_image_pixels():,}".replace(",", " ")
    if pixels:
        shown = f"{pixels:,}".replace(",", " ")
        message = _("The image is too large: %(pixels)s pixels. The limit is %(limit)s pixels.") % {
            "pixels": shown,
            "limit": limit,
        }
    else:
        message = _("The image is too large: more than %(limit)s pixels.") % {"limit": limit}
    raise ValidationError(message, code="too_many_pixels")


def inspect_image(fileobj):
    """The extension for this image's real format; ValidationError for anything else or too many pixels."""
    head = _head(fileobj, 512).lstrip().lower()
    if head.startswith(MARKUP):
        raise ValidationError(_("SVG and other drawings made of code are not accepted. Upload a photo."), "svg")
    fileobj.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(fileobj) as img:
                fmt, (width, height) = (img.format or "").upper(), img.size
                frames = getattr(img, "n_frames", 1)
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        _refuse_too_many_pixels()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise ValidationError(_("The file could not be read as an image."), code="unreadable") from exc
    finally:
        fileobj.seek(0)
    if fmt not in IMAGE_EXTENSIONS:
        raise ValidationError(_("This image format is not accepted."), code="bad_type")
    if width * height * frames > max_image_pixels():
        _refuse_too_many_pixels(width * height * frames)
    return IMAGE_EXTENSIONS[fmt]


def _head(fileobj, size):
    fileobj.seek(0)
    head = fileobj.read(size)
    fileobj.seek(0)
    return head if isinstance(head, bytes) else head.encode()


def _zip_kind(fileobj):
    fileobj.seek(0)
    try:
        with zipfile.ZipFile(fileobj) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                return OPENDOCUMENT.get(archive.read("mimetype").strip(), "zip")
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    finally:
        fileobj.seek(0)
    if "[Content_Types].xml" in names:
        for folder, ext in OFFICE_FOLDERS.items():
            if any(name.startswith(folder) for name in names):
                return ext
    return "zip"


def detect_document(fileobj, claimed_name=""):
    """The extension for what the bytes are, or None when they are nothing the hub accepts."""
    head = _head(fileobj, 8192)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(fileobj)
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm"
    if head[4:8] == b"ftyp":
        return "mp4"
    if b"\0" in head or any(marker in head.lower() for marker in MARKUP):
        return None
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the end of the sample
            return None
        text = head[: exc.start].decode("utf-8")
    if text.lstrip("\ufeff").startswith("WEBVTT"):
        return "vtt"
    return "csv" if claimed_name.lower().endswith(".csv") else "txt"


def inspect_document(fileobj, claimed_name=""):
    """The extension for this document's real type; ValidationError unless it is a permitted type."""
    ext = detect_document(fileobj, claimed_name)
    allowed = [e.lower() for e in settings.WAGTAILDOCS_EXTENSIONS]
    if ext is None or ext not in allowed:
        raise ValidationError(
            _("The file's content is not one of the permitted types (%(types)s).")
            % {"types": ", ".join(e.upper() for e in allowed)},
            code="bad_type",
        )
    return ext


def stored_name(original_name, ext, random_part):
    """`<readable stem>[.<random>].<ext>`: readable, safe, and with the extension we detected."""
    stem = slugify(os.path.splitext(os.path.basename(original_name or ""))[0])[:40].strip("-") or "fil"
    return f"{stem}.{secrets.token_hex(4)}.{ext}" if random_part else f"{stem}.{ext}"


def _detected_extension(instance, upload):
    try:
        if isinstance(instance, get_image_model()):
            return inspect_image(upload)
        return inspect_document(upload, upload.name or "")
    except ValidationError as exc:
        # Forms refuse these first; a file saved by code keeps its name, and the log says so.
        logger.warning("Stored %s keeps its given name: %s", upload.name, "; ".join(exc.messages))
        return None


def _name_from_content(sender, instance, raw=False, **kwargs):
    """Before a new file is written: its stored name comes from what it is."""
    field = getattr(instance, "file", None)
    if raw or not field or getattr(field, "_committed", True):
        return
    upload = field.file
    ext = _detected_extension(instance, upload)
    if ext is not None:
        field.name = stored_name(field.name, ext, random_part=isinstance(instance, get_image_model()))


def connect_signals():
    PILImage.MAX_IMAGE_PIXELS = max_image_pixels()  # renditions of any image: Pillow refuses past twice this
    for model in (get_image_model(), get_document_model()):
        pre_save.connect(_name_from_content, sender=model, dispatch_uid=f"hub-uploads-name-{model._meta.label}")
