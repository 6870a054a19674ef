"""The public story form applies the same upload rules as the admin: a pixel bomb is refused with a message
before anything is decoded or saved, and the photo is stored under the extension of what it really is."""

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.models import Page

from stories.models import CaseStoryPage
from tests.factories.media import bomb_png, png_bytes
from tests.helpers import ui
from tests.stories.test_submission import URL, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def fresh(story_index, settings):
    settings.STORIES_SUBMIT_RATE = (100, 3600)
    mail.outbox.clear()
    return story_index


def test_pixel_bomb_is_refused_with_a_message_and_nothing_saved(client, fresh):
    before = get_image_model().objects.count(), Page.objects.count()
    upload = SimpleUploadedFile("bombe.png", bomb_png(), content_type="image/png")
    response = client.post(URL, {**form_data(image_alt="Et bilde"), "image": upload}, REMOTE_ADDR="10.0.1.1")
    assert response.status_code == 400
    message = ui("The image is too large: more than %(limit)s pixels.") % {"limit": "40 000 000"}
    assert message in response.content.decode()
    assert (get_image_model().objects.count(), Page.objects.count()) == before


def test_photo_is_stored_with_the_extension_of_its_content_not_its_name(client, fresh):
    upload = SimpleUploadedFile("foto.jpg", png_bytes(), content_type="image/jpeg")  # a PNG called .jpg
    response = client.post(URL, {**form_data(image_alt="Et bilde"), "image": upload}, REMOTE_ADDR="10.0.1.2")
    assert response.status_code == 302
    image = CaseStoryPage.objects.get(title="Lesegrupper med pensjonistlaget").images.get().image
    assert re.fullmatch(r"original_images/foto\.[0-9a-f]{8}\.png", image.file.name), image.file.name
