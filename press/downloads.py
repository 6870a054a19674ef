"""Media-kit downloads: the original file and a web-sized rendition, as attachments with the right type.

Only offerable items are served (`MediaKitItem.objects.offerable()`): a photo of people whose consent is
missing or withdrawn answers 404 like an unknown item.
"""

import os

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from press.models import MediaKitItem


def _item(pk):
    return get_object_or_404(MediaKitItem.objects.offerable().select_related("image"), pk=pk)


def _attachment(fieldfile, filename):
    try:
        handle = fieldfile.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=MediaKitItem.content_type_for(filename)
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
@cache_control(public=True, max_age=3600)
def download_original(request, pk):
    item = _item(pk)
    return _attachment(item.image.file, item.download_name())


@require_GET
@cache_control(public=True, max_age=3600)
def download_web(request, pk):
    item = _item(pk)
    rendition = item.web_rendition()
    ext = os.path.splitext(rendition.file.name)[1].lower()
    base = os.path.splitext(item.download_name())[0]
    return _attachment(rendition.file, f"{base}-web{ext}")
