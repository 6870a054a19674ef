"""The named queries every public surface of the press room uses: live releases only, offerable media only."""

from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.models import Locale

from press.models import CoverageItem, MediaKitItem, PressReleaseContact, PressReleasePage, PressRoomContact

THUMB = "fill-480x320"
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
    locale = locale or Locale.get_active()
    images = get_image_model().objects.prefetch_renditions(THUMB)
    return list(
        MediaKitItem.objects.offerable().for_locale(locale).prefetch_related(Prefetch("image", queryset=images))
    )


def coverage():
    return CoverageItem.objects.order_by("-date", "-pk")
