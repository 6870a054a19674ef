"""Media on S3-compatible storage keep the embargo: an image used only by a draft is a private object whose URL
is signed and short-lived; once the page goes live the object is public-read and its URL is the plain, cacheable
bucket URL. Against an S3 API served over HTTP (moto's server, a separate process), not a mock in this one."""

import io
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from django.core.files.base import ContentFile
from PIL import Image as PILImage

from hub.models import HomePage, StandardPage
from tests.servers import free_port, wait_until_answering

pytestmark = [pytest.mark.django_db, pytest.mark.e2e]
BUCKET = "hub-media-test"
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_answering(url, server, what="moto_server")
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def s3_storage(settings, s3_endpoint, monkeypatch):
    import boto3

    for name, value in {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test"}.items():
        monkeypatch.setenv(name, value)
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    settings.AWS_STORAGE_BUCKET_NAME = BUCKET
    settings.AWS_S3_ENDPOINT_URL = s3_endpoint
    settings.AWS_S3_REGION_NAME = "us-east-1"
    settings.AWS_QUERYSTRING_AUTH = False
    settings.AWS_DEFAULT_ACL = "private"
    settings.HUB_MEDIA_SERVED_BY_APP = False
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "infrastructure.storage.EmbargoS3Storage"}}
    return client


def _public(client, key):
    grants = client.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    return any(g["Grantee"].get("URI") == ALL_USERS and g["Permission"] == "READ" for g in grants)


def test_a_draft_s_image_is_private_and_signed_until_the_page_goes_live(s3_storage, django_capture_on_commit_callbacks):
    from wagtail.images import get_image_model

    buf = io.BytesIO()
    PILImage.new("RGB", (60, 40), (10, 90, 200)).save(buf, format="PNG")
    with django_capture_on_commit_callbacks(execute=True):
        image = get_image_model()(title="Embargo-foto", file=ContentFile(buf.getvalue(), name="embargo-s3.png"))
        image.save()
    key = image.file.name
    assert _public(s3_storage, key)  # used by nothing yet: nothing to withhold

    home = HomePage.objects.get(locale__language_code="nb", depth=2)
    page = StandardPage(title="Kommer på S3", slug="kommer-pa-s3", live=False)
    page.body = [("image", {"image": image, "alt_text": "Foto", "decorative": False, "caption": "", "credit": ""})]
    with django_capture_on_commit_callbacks(execute=True):
        home.add_child(instance=page)
        page.save_revision()
    image.refresh_from_db()
    assert not _public(s3_storage, key)
    signed = image.file.url
    assert "Signature=" in signed or "X-Amz-Signature=" in signed
    assert requests.get(signed, timeout=10).content == buf.getvalue()  # an editor's preview still loads

    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish()
    assert _public(s3_storage, key)
    plain = image.file.url
    assert "Signature" not in plain and plain.startswith(f"{s3_storage.meta.endpoint_url}/{BUCKET}/")
