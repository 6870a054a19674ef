"""Uploads are judged by their content, for editors (Wagtail's admin, single and multiple upload) and for the
public (the story form) alike: pixel bombs, SVG and mislabelled files are refused with a message, size is
capped, and a stored file's extension comes from what it is, never from the name it came with."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.factories.media import PDF, SVG, bomb_png, jpeg_bytes, png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def root_collection():
    return Collection.get_first_root_node()


def add_image(admin_client, root_collection, name, content, content_type="image/png"):
    upload = SimpleUploadedFile(name, content, content_type=content_type)
    return admin_client.post(
        "/admin/images/add/", {"title": "Opplastet", "collection": root_collection.pk, "file": upload}
    )


def add_document(admin_client, root_collection, name, content, content_type="application/pdf"):
    upload = SimpleUploadedFile(name, content, content_type=content_type)
    return admin_client.post(
        "/admin/documents/add/", {"title": "Opplastet", "collection": root_collection.pk, "file": upload}
    )


def test_pixel_bomb_is_refused_in_the_admin_with_a_message(admin_client, root_collection):
    before = get_image_model().objects.count()
    response = add_image(admin_client, root_collection, "bombe.png", bomb_png())
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r"too many pixels|for mange piksler|piksel", html, re.IGNORECASE), html[-3000:]
    assert get_image_model().objects.count() == before


def test_pixel_bomb_is_refused_by_the_multiple_uploader(admin_client, root_collection):
    upload = SimpleUploadedFile("bombe.png", bomb_png(), content_type="image/png")
    response = admin_client.post("/admin/images/multiple/add/", {"files[]": upload})
    data = response.json()
    assert data["success"] is False
    assert "40000000" in data["error_message"] or "40 000 000" in data["error_message"]


def test_svg_is_refused_as_an_image(admin_client, root_collection):
    before = get_image_model().objects.count()
    response = add_image(admin_client, root_collection, "tegning.svg", SVG, "image/svg+xml")
    assert response.status_code == 200
    assert get_image_model().objects.count() == before


def test_image_named_as_another_format_is_refused(admin_client, root_collection):
    before = get_image_model().objects.count()
    response = add_image(admin_client, root_collection, "foto.png", jpeg_bytes(), "image/png")
    assert response.status_code == 200
    assert get_image_model().objects.count() == before


def test_admin_image_is_stored_under_a_name_from_its_format_with_a_random_part(admin_client, root_collection):
    response = add_image(admin_client, root_collection, "Foto av oss.PNG", png_bytes())
    assert response.status_code == 302
    image = get_image_model().objects.latest("pk")
    assert re.fullmatch(r"original_images/foto-av-oss\.[0-9a-f]{8}\.png", image.file.name), image.file.name


def test_image_over_the_size_limit_is_refused(admin_client, root_collection, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    before = get_image_model().objects.count()
    response = add_image(admin_client, root_collection, "foto.png", png_bytes((200, 200)))
    assert response.status_code == 200
    assert get_image_model().objects.count() == before


def test_document_gets_the_extension_of_its_content(admin_client, root_collection):
    response = add_document(admin_client, root_collection, "rapport.txt", PDF, "text/plain")
    assert response.status_code == 302, response.content.decode()[-2000:]
    document = get_document_model().objects.latest("pk")
    assert re.fullmatch(r"documents/rapport(_\w+)?\.pdf", document.file.name)  # storage may add a suffix


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("side.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ("tegning.txt", SVG),
        ("program.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" * 8),
    ],
)
def test_document_whose_content_is_not_a_permitted_type_is_refused(admin_client, root_collection, name, content):
    before = get_document_model().objects.count()
    response = add_document(admin_client, root_collection, name, content)
    assert response.status_code == 200
    assert "permitted types" in response.content.decode() or "tillatte" in response.content.decode()
    assert get_document_model().objects.count() == before


def test_multiple_document_upload_checks_the_content_too(admin_client):
    upload = SimpleUploadedFile("side.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf")
    response = admin_client.post("/admin/documents/multiple/add/", {"files[]": upload})
    assert response.json()["success"] is False


def test_document_over_the_size_limit_is_refused(admin_client, root_collection, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 50
    before = get_document_model().objects.count()
    response = add_document(admin_client, root_collection, "rapport.pdf", PDF + b"%" * 100)
    assert response.status_code == 200
    assert get_document_model().objects.count() == before
