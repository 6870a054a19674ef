"""Uploaded files on the local file system, served only after the embargo check (`infrastructure.embargo`).

`/media/<path>` goes through `serve_media`: a withheld file answers 404 to the public and is served privately
to editors who may preview it; every other file is public and cacheable. Behind nginx (`MEDIA_ACCEL_REDIRECT`
set to nginx's internal location, see tools/nginx) the app only decides and nginx sends the bytes
(X-Accel-Redirect); on its own (runserver, a single gunicorn) the app sends them. Documents keep Wagtail's
`/documents/<id>/<name>` view (`WAGTAILDOCS_SERVE_METHOD = "serve_view"`), whose `sendfile` comes from here.
With S3 storage none of this runs: `infrastructure.storage.EmbargoS3Storage` signs the URLs of withheld files instead.
"""

import mimetypes
import os
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe
from django.views.static import serve as static_serve
from wagtail.utils import sendfile_streaming_backend

from infrastructure.embargo import may_preview, withheld_file

# Types a browser may render; anything else is a download (the same list as nginx's /media/ location).
SAFE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".gif": "image/gif",
    ".avif": "image/avif",
    ".pdf": "application/pdf",
    ".vtt": "text/vtt",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
}


def _cache_control(private):
    if private:
        return "private, no-store"
    return f"public, max-age={settings.HUB_MEDIA_MAX_AGE}"


def _harden(response, private, content_type=None):
    response["Cache-Control"] = _cache_control(private)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    if content_type:
        response["Content-Type"] = content_type
    return response


def _accel(path, private, content_type):
    response = HttpResponse(content_type=content_type)
    response["X-Accel-Redirect"] = settings.HUB_MEDIA_ACCEL_REDIRECT.rstrip("/") + "/" + quote(path)
    return _harden(response, private)


@require_safe
def serve_media(request, path):
    """One uploaded file: 404 while withheld (unless the visitor may preview it), else the file."""
    path = path.lstrip("/")
    if not path or ".." in path.split("/"):
        raise Http404
    held = withheld_file(path)
    private = held is not None
    if private and not may_preview(request.user, *held):
        response = HttpResponse(status=404)
        response["Cache-Control"] = "no-store"
        return response
    content_type = SAFE_TYPES.get(os.path.splitext(path)[1].lower(), "application/octet-stream")
    if settings.HUB_MEDIA_ACCEL_REDIRECT:
        return _accel(path, private, content_type)
    response = static_serve(request, path, document_root=settings.MEDIA_ROOT)
    return _harden(response, private, content_type if response.status_code == 200 else None)


def sendfile(request, filename, mimetype=None, **kwargs):
    """Wagtail's document view calls this after its hooks (our embargo check) passed: hand the bytes to nginx
    when it is in front, else stream them."""
    media_root = os.path.realpath(settings.MEDIA_ROOT)
    real = os.path.realpath(filename)
    relative = os.path.relpath(real, media_root)
    private = withheld_file(relative) is not None
    if settings.HUB_MEDIA_ACCEL_REDIRECT and not relative.startswith(".."):
        return _accel(relative, private, mimetype or mimetypes.guess_type(real)[0] or "application/octet-stream")
    response = sendfile_streaming_backend.sendfile(request, filename, mimetype=mimetype, **kwargs)
    response["Cache-Control"] = _cache_control(private)
    return response
