"""Pictures when a page is shared (Open Graph, Twitter cards, JSON-LD): the page's own, else the site's default.

A page type offers its picture through `share_picture()` -> (image, alt text) or None (methods and events: their
picture field; stories: the first photo; press releases: the first image). The site default is chosen in the site
settings; its rendition is part of the cached site chrome (`hub.chrome`), so it costs a page nothing warm.
"""

import logging

from django.core.exceptions import ObjectDoesNotExist

logger = logging.getLogger(__name__)

SHARE_SPEC = "fill-1200x630|format-jpeg|jpegquality-80"


def _rendition_data(image, alt, request):
    try:
        rendition = image.get_rendition(SHARE_SPEC)
    except (OSError, ValueError, ObjectDoesNotExist) as exc:  # a missing or unreadable file must not break a page
        logger.warning("No share rendition for image %s: %s", image.pk, exc)
        return None
    return {
        "url": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": alt or "",
    }


def default_share(request):
    """The site default share picture as plain data (for the cached chrome), or None."""
    from hub.models import SiteSettings

    site_settings = SiteSettings.for_request(request)
    image = site_settings.share_image if site_settings.share_image_id else None
    if image is None:
        return None
    return _rendition_data(image, image.default_alt_text, request)


def share_image(page, request):
    """{url, width, height, alt} for `page`: its own picture, else the site default, else None."""
    picture = None
    specific = getattr(page, "specific_deferred", page) if page is not None else None
    if specific is not None and hasattr(specific, "share_picture"):
        picture = specific.share_picture()
    if picture and picture[0] is not None:
        data = _rendition_data(picture[0], picture[1], request)
        if data:
            return data
    from hub.chrome import chrome

    return chrome(request).get("share")
