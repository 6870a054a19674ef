"""The named queries every public surface of the press room uses: live releases only, offerable media only."""

from django.db.models import Prefetch
from wagtail.images import get_image_model

from hub.locales import active_locale, default_locale
from press.models import CoverageItem, MediaKitItem, PressReleaseContact, PressReleasePage, PressRoomContact

THUMB = "fill-480x320"
LOGO_THUMB = "max-480x320"  # logos are never cropped (press/includes/media_kit_item.html)
CONTACT_PHOTO = "fill-160x160"


def live_releases(locale=None):
    """Published, public releases (embargoed ones are not live yet), newest first."""
    releases = PressReleasePage.objects.live().public()
    if locale is not None:
        releases = releases.filter(locale=locale)
    return releases.order_by("-date", "-first_published_at", "-pk")


def releases_in(press_room):
    return live_releases().child_of(press_room).defer_streamfields()


def _photos():
    return get_image_model().objects.prefetch_renditions(CONTACT_PHOTO)


def room_contacts(press_room):
    return [
        row.contact
        for row in PressRoomContact.objects.filter(page=press_room)
        .select_related("contact")
        .prefetch_related(Prefetch("contact__photo", queryset=_photos()))
    ]


def release_contacts(release):
    return [
        row.contact
        for row in PressReleaseContact.objects.filter(page=release)
        .select_related("contact")
        .prefetch_related(Prefetch("contact__photo", queryset=_photos()))
    ]


def media_kit(locale=None):
    """The offerable items in `locale`, or in the default language when nothing has been translated into it
    (as `MediaKitQuerySet.for_locale`), with their thumbnails' renditions: one query when translated."""
    locale = locale or active_locale()
    images = get_image_model().objects.prefetch_renditions(THUMB, LOGO_THUMB)
    offerable = MediaKitItem.objects.offerable().prefetch_related(Prefetch("image", queryset=images))
    items = list(offerable.filter(locale=locale))
    if not items and locale is not None:
        items = list(offerable.filter(locale=default_locale()))
    return items


def coverage():
    return CoverageItem.objects.order_by("-date", "-pk")
