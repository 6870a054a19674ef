"""The media kit: downloads with the right files and headers, and no photo of people without consent."""

import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from PIL import Image as PILImage

from press.models import MediaKitItem

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content)


@pytest.fixture
def logo():
    return MediaKitItem.objects.get(title="Logo for prosjektet")


@pytest.fixture
def people_photo():
    return MediaKitItem.objects.get(title="Kursdeltakere i samtale med frivillige")


def test_original_download_is_the_uploaded_file_as_attachment(client, logo):
    response = client.get(f"/nb/mediesett/{logo.pk}/original/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="logo-for-prosjektet.png"'
    data = body(response)
    with logo.image.file.open("rb") as f:
        assert hashlib.sha256(data).hexdigest() == hashlib.sha256(f.read()).hexdigest()


def test_web_download_is_a_smaller_rendition_as_attachment(client, people_photo):
    response = client.get(f"/nb/mediesett/{people_photo.pk}/nettversjon/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith('-web.jpg"')
    from io import BytesIO

    image = PILImage.open(BytesIO(body(response)))
    assert image.format == "JPEG"
    assert max(image.size) == 1600 and people_photo.image.width == 2400


def test_photo_of_people_without_consent_cannot_be_offered(people_photo):
    people_photo.people_consented = False
    with pytest.raises(ValidationError) as exc:
        people_photo.full_clean()
    assert "people_consented" in exc.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        people_photo.save()


def test_withdrawn_photo_disappears_from_press_room_and_downloads(client, people_photo):
    people_photo.offered = False
    people_photo.people_consented = False  # consent withdrawn
    people_photo.full_clean()
    people_photo.save()
    assert people_photo not in MediaKitItem.objects.offerable()
    assert people_photo.title not in client.get("/nb/presse/").content.decode()
    assert client.get(f"/nb/mediesett/{people_photo.pk}/original/").status_code == 404
    assert client.get(f"/nb/mediesett/{people_photo.pk}/nettversjon/").status_code == 404


def test_offerable_query_never_returns_people_without_consent(db):
    assert not MediaKitItem.objects.offerable().filter(shows_people=True, people_consented=False).exists()
    assert MediaKitItem.objects.offerable().filter(shows_people=True, people_consented=True).exists()


def test_unknown_media_kit_item_is_404(client):
    assert client.get("/nb/mediesett/999999/original/").status_code == 404
