"""Embargo: a release scheduled for later is invisible on every public surface until its time has come."""

import datetime

import feedparser
import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from wagtail.documents import get_document_model

from press.models import PressReleaseAttachment, PressReleasePage, PressRoomPage

pytestmark = pytest.mark.django_db

SECRET = "Blåbærsyltetøysamarbeid"
EMPTY_STREAMS = {"body-count": "0", "quotes-count": "0", "images-count": "0"}  # rendered by JS in the admin


@pytest.fixture
def room():
    return PressRoomPage.objects.get(slug="presse", locale__language_code="nb")


def schedule_release(room, go_live_at, user=None):
    """The admin's path: a new page saved not live, then its revision published with a go-live time."""
    document = get_document_model()(title=f"{SECRET} vedlegg")
    document.file.save("embargo-vedlegg.txt", ContentFile(b"hemmelig til embargoen"), save=False)
    document.save()
    release = PressReleasePage(
        title=f"{SECRET} lanseres",
        slug="embargo-test",
        lead=f"{SECRET} er en ny samskapingsmetode.",
        date=timezone.localtime(go_live_at).date(),
        go_live_at=go_live_at,
        live=False,
        has_unpublished_changes=True,
    )
    release.attachments = [PressReleaseAttachment(document=document, title="Vedlegg")]
    room.add_child(instance=release)
    release.save_revision(user=user).publish(user=user)
    release.refresh_from_db()
    return release, document


def found_by_public_search(client, release):
    """The release among the results of the public search page, as a visitor searching for its subject sees it."""
    response = client.get("/nb/sok/", {"q": SECRET})
    assert response.status_code == 200
    titles = [result.page.title for result in response.context["outcome"].results]
    listed = release.title in titles
    assert listed == (f'href="{release.url}"' in response.content.decode()), "results in context and page differ"
    return listed


def surfaces(client, release, document):
    """What an anonymous visitor, a feed reader, a crawler and an API client can see of the release."""
    rss = client.get("/nb/pressemeldinger/rss/").content.decode()
    atom = client.get("/nb/pressemeldinger/atom/").content.decode()
    api = client.get("/api/v2/pages/", {"type": "press.PressReleasePage", "fields": "lead"}).json()
    return {
        "page": client.get(release.url).status_code == 200,
        "listing": SECRET in client.get("/nb/presse/").content.decode(),
        "rss": any(SECRET in e.title for e in feedparser.parse(rss).entries),
        "atom": any(SECRET in e.title for e in feedparser.parse(atom).entries),
        "search": found_by_public_search(client, release),
        "api_list": any(SECRET in item["title"] for item in api["items"]),
        "api_detail": client.get(f"/api/v2/pages/{release.pk}/").status_code == 200,
        "sitemap": "embargo-test" in client.get("/sitemap.xml").content.decode(),
        "attachment": client.get(document.url).status_code == 200,
    }


def test_scheduled_release_is_not_live_and_waits_on_its_revision(room):
    go_live = timezone.now() + datetime.timedelta(days=2)
    release, _document = schedule_release(room, go_live)
    assert release.live is False
    assert release.get_latest_revision().approved_go_live_at == go_live


def test_embargoed_release_is_invisible_everywhere_until_it_goes_live(client, room, clock):
    go_live = timezone.now() + datetime.timedelta(hours=1)
    release, document = schedule_release(room, go_live)

    before = surfaces(client, release, document)
    assert before == {key: False for key in before}, before

    clock.advance(datetime.timedelta(minutes=59))  # a minute early: the scheduled publish leaves it alone
    call_command("publish_scheduled", verbosity=0)
    release.refresh_from_db()
    assert release.live is False
    assert surfaces(client, release, document) == before

    clock.advance(datetime.timedelta(minutes=2))
    call_command("publish_scheduled", verbosity=0)
    release.refresh_from_db()
    assert release.live is True

    after = surfaces(client, release, document)
    assert after == {key: True for key in after}, after


def test_publish_scheduled_before_the_time_publishes_nothing(client, room):
    release, document = schedule_release(room, timezone.now() + datetime.timedelta(hours=6))
    call_command("publish_scheduled", verbosity=0)
    release.refresh_from_db()
    assert release.live is False
    assert client.get(release.url).status_code == 404


def test_release_date_before_the_embargo_is_rejected(room):
    from django.core.exceptions import ValidationError

    release = PressReleasePage.objects.get(slug="kursrekke-samskaping")
    release.go_live_at = timezone.now() + datetime.timedelta(days=3)
    release.date = timezone.localdate()
    with pytest.raises(ValidationError) as exc:
        release.full_clean()
    assert "date" in exc.value.message_dict


def test_admin_publish_with_go_live_in_future_schedules_instead_of_publishing(admin_client, room):
    """Through the admin's own form: "Publish" with a go-live time in the future only schedules."""
    from wagtail.test.utils.form_data import querydict_from_html

    response = admin_client.get(f"/admin/pages/add/press/pressreleasepage/{room.pk}/")
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    go_live = timezone.localtime(timezone.now() + datetime.timedelta(days=1))
    data.update(
        {
            "title": f"{SECRET} i admin",
            "slug": "embargo-admin",
            "lead": "Planlagt gjennom admin.",
            "date": go_live.date().isoformat(),
            "go_live_at": go_live.strftime("%Y-%m-%d %H:%M"),
            "action-publish": "action-publish",
        }
    )
    data.update(EMPTY_STREAMS)
    response = admin_client.post(f"/admin/pages/add/press/pressreleasepage/{room.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    release = PressReleasePage.objects.get(slug="embargo-admin")
    assert release.live is False
    assert release.get_latest_revision().approved_go_live_at is not None
    assert admin_client.get("/nb/presse/").content.decode().count(f"{SECRET} i admin") == 0
