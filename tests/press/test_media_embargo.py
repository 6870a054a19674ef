"""Files under embargo: the images (original and renditions) and documents of a release that is not live yet
answer 404 to the public at every URL, until the release goes live; editors who may edit it still see them."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ReferenceIndex

from hub.models.media import WithheldFile
from press.models import PressReleaseAttachment, PressReleasePage, PressRoomPage
from tests.factories.media import make_document, make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def room():
    return PressRoomPage.objects.get(slug="presse", locale__language_code="nb")


def image_block(image):
    return ("image", {"image": image, "alt_text": "Bilde", "decorative": False, "caption": "", "credit": ""})


def draft_release(room, image, document, slug="fil-embargo", **fields):
    """The admin's path for a new release: a page that is not live, then its revision."""
    release = PressReleasePage(
        title="Filer under embargo", slug=slug, lead="Ingress.", live=False, has_unpublished_changes=True, **fields
    )
    release.images = [image_block(image)]
    release.attachments = [PressReleaseAttachment(document=document, title="Vedlegg")]
    room.add_child(instance=release)
    release.save_revision()
    return release


@pytest.fixture
def files():
    image = make_image(name="embargo-foto.png")
    rendition = image.get_rendition("fill-80x60")
    document = make_document(name="embargo-rapport.pdf")
    return image, rendition, document


def public_urls(image, rendition, document):
    return {
        "original": image.file.url,
        "rendition": rendition.url,
        "document": document.url,
        "document_file": "/media/" + document.file.name,
    }


def statuses(client, urls):
    return {key: client.get(url).status_code for key, url in urls.items()}


def test_files_of_a_draft_release_answer_404_until_it_is_published(client, room, files):
    image, rendition, document = files
    urls = public_urls(*files)
    assert statuses(client, urls) == dict.fromkeys(urls, 200)  # not used by anything yet: public

    release = draft_release(room, image, document)
    assert statuses(client, urls) == dict.fromkeys(urls, 404)
    later = image.get_rendition("width-40")  # a rendition made while withheld (e.g. by a preview)
    assert client.get(later.url).status_code == 404

    release.get_latest_revision().publish()
    after = {**urls, "later": later.url}
    assert statuses(client, after) == dict.fromkeys(after, 200)
    response = client.get(rendition.url)
    assert response["Cache-Control"] == "public, max-age=86400"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert not WithheldFile.objects.exists()


def test_embargoed_release_files_are_withheld_until_publish_scheduled_releases_them(client, room, files):
    image, rendition, document = files
    go_live = timezone.now() + datetime.timedelta(hours=6)
    release = draft_release(room, image, document, date=timezone.localtime(go_live).date(), go_live_at=go_live)
    release.get_latest_revision().publish()  # with go-live in the future: scheduled, not live
    release.refresh_from_db()
    assert release.live is False
    urls = public_urls(*files)
    call_command("publish_scheduled", verbosity=0)
    assert statuses(client, urls) == dict.fromkeys(urls, 404)

    # The clock reaches the go-live time: the schedule is moved back rather than waited for.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision = release.get_latest_revision()
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled", verbosity=0)
    release.refresh_from_db()
    assert release.live is True
    assert statuses(client, urls) == dict.fromkeys(urls, 200)


def test_withholding_does_not_wait_for_the_reference_index_task(client, room, files, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # no task ever runs
    image, rendition, document = files
    draft_release(room, image, document)
    assert ReferenceIndex.get_references_to(document).count() == 0  # the index has not caught up
    urls = public_urls(*files)
    assert statuses(client, urls) == dict.fromkeys(urls, 404)


def test_a_live_pages_next_version_withholds_only_its_new_files(client, room, files):
    image, rendition, document = files
    old_image = make_image(name="allerede-ute.png")
    release = draft_release(room, old_image, make_document(name="gammel.pdf"), slug="levende")
    release.get_latest_revision().publish()
    assert client.get(old_image.file.url).status_code == 200

    draft = PressReleasePage.objects.get(pk=release.pk)
    draft.images = [image_block(old_image), image_block(image)]
    draft.attachments = [PressReleaseAttachment(document=document, title="Nytt vedlegg")]
    draft.save_revision()

    assert client.get(old_image.file.url).status_code == 200  # still in the live version
    urls = public_urls(*files)
    assert statuses(client, urls) == dict.fromkeys(urls, 404)


def test_a_file_also_used_by_live_content_stays_public(client, room, files):
    image, rendition, document = files
    live = draft_release(room, image, document, slug="ute-allerede")
    live.get_latest_revision().publish()
    draft_release(room, image, document, slug="kladd-med-samme-filer")
    urls = public_urls(*files)
    assert statuses(client, urls) == dict.fromkeys(urls, 200)


def test_deleting_the_draft_releases_its_files(client, room, files):
    image, rendition, document = files
    release = draft_release(room, image, document)
    assert client.get(rendition.url).status_code == 404
    release.delete()
    assert client.get(rendition.url).status_code == 200
    assert client.get(document.url).status_code == 200


def test_editors_who_may_edit_the_release_see_its_files_privately(client, admin_client, room, files, make_user):
    image, rendition, document = files
    draft_release(room, image, document)
    urls = public_urls(*files)
    for url in urls.values():
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "private, no-store"

    reader = make_user("bare-innlogget")  # signed in, but no rights on pages
    client.force_login(reader)
    assert statuses(client, urls) == dict.fromkeys(urls, 404)


def test_public_media_answer_costs_one_query(client, files, django_assert_max_num_queries):
    _image, rendition, _document = files
    with django_assert_max_num_queries(1):
        assert client.get(rendition.url).status_code == 200


def test_behind_nginx_the_app_only_decides_and_nginx_sends_the_bytes(client, room, files, settings):
    settings.HUB_MEDIA_ACCEL_REDIRECT = "/_media/"
    image, rendition, document = files
    public = client.get(rendition.url)
    assert public.status_code == 200
    assert public["X-Accel-Redirect"] == "/_media/" + rendition.file.name
    assert public.content == b""
    doc = client.get(document.url)
    assert doc["X-Accel-Redirect"] == "/_media/" + document.file.name

    draft_release(room, image, document)
    for url in public_urls(*files).values():
        response = client.get(url)
        assert response.status_code == 404, url
        assert "X-Accel-Redirect" not in response


def test_paths_outside_the_media_folder_are_not_served(client):
    assert client.get("/media/../hub/settings/base.py").status_code == 404
    assert client.get("/media/%2e%2e/manage.py").status_code == 404
