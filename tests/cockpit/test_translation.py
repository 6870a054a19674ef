"""Translation workflow: every block of the shared body translates or syncs, a PO file round-trips through the
admin's download/upload views, and translations are flagged when their source page changes."""

import json

import polib
import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from cockpit import translations
from hub.roles import EDITOR
from tests.factories.pages import standard_page

pytestmark = pytest.mark.django_db

NN = {
    "Om kurset": "Om kurset (nn)",
    "Kort om kurset.": "Kort om kurset (nn).",
    "Hva vi lærte": "Kva vi lærte",
    "Et bilde av bibliotekarer i samtale": "Eit bilete av bibliotekarar i samtale",
    "Vi gjorde det sammen.": "Vi gjorde det saman.",
    "Hele foredraget i tekst.": "Heile føredraget i tekst.",
}


@pytest.fixture
def page(home):
    image = Image.objects.create(title="Samtale", file=get_test_image_file())
    document = Document.objects.create(title="Arbeidsark", file=ContentFile(b"%PDF-1.4 test", name="ark.pdf"))
    body = [
        {"type": "heading", "value": "Hva vi lærte"},
        {"type": "paragraph", "value": "<p>Vi gjorde det sammen.</p>"},
        {
            "type": "image",
            "value": {
                "image": image.pk,
                "alt_text": "Et bilde av bibliotekarer i samtale",
                "decorative": False,
                "caption": "",
                "credit": "",
            },
        },
        {
            "type": "video",
            "value": {
                "title": "Foredrag",
                "url": "https://video.example/1",
                "video_file": None,
                "captions": None,
                "transcript": "<p>Hele foredraget i tekst.</p>",
            },
        },
        {"type": "document", "value": {"document": document.pk, "title": "", "description": ""}},
    ]
    return standard_page(home, "Om kurset", slug="om-kurset", lead="Kort om kurset.", body=json.dumps(body))


def test_po_file_round_trips_through_the_admin(client, make_user, page, django_capture_on_commit_callbacks):
    editor = make_user("oversetter-red", EDITOR)
    client.force_login(editor)
    nn = Locale.objects.get(language_code="nn")
    TranslationCreator(editor, [nn]).create_translations(page)
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=nn)

    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode("utf-8"))
    msgids = {e.msgid for e in po}
    assert set(NN) <= msgids  # title, lead, heading, alt text, rich text and transcript go to the translator
    for entry in po:
        entry.msgstr = NN.get(entry.msgid, entry.msgid)

    upload = SimpleUploadedFile("om-kurset.po", str(po).encode("utf-8"), content_type="text/x-gettext-translation")
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload, "next": "/admin/"}
    )
    assert response.status_code == 302

    translation.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        translation.save_target(user=editor, publish=True)
    target = page.get_translation(nn).specific
    assert target.live and target.title == "Om kurset (nn)" and target.lead == "Kort om kurset (nn)."
    blocks = {b.block_type: b.value for b in target.body}
    assert blocks["heading"] == "Kva vi lærte"
    assert blocks["image"]["alt_text"] == "Eit bilete av bibliotekarar i samtale"
    assert "Heile føredraget i tekst." in blocks["video"]["transcript"].source
    # Non-text content syncs: the same image and document as the source.
    source_blocks = {b.block_type: b.value for b in page.body}
    assert blocks["image"]["image"].pk == source_blocks["image"]["image"].pk
    assert blocks["document"]["document"].pk == source_blocks["document"]["document"].pk


def test_import_po_directly_and_save_target(page, django_capture_on_commit_callbacks):
    nn = Locale.objects.get(language_code="nn")
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=nn)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = NN.get(entry.msgid, entry.msgid)
    assert translation.import_po(po) == []
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    assert page.get_translation(nn).title == "Om kurset (nn)"


def test_translation_flagged_out_of_date_when_source_is_published_again(page):
    from hub.translation import translate

    translate(page, "nn", NN)
    assert page.pk not in [row["page"].pk for row in translations.out_of_date()]
    page.lead = "Kort om kurset, nå oppdatert."
    page.save_revision().publish()
    rows = {row["page"].pk: row for row in translations.out_of_date()}
    assert page.pk in rows
    assert [t["language"] for t in rows[page.pk]["targets"]] == ["nn"]
    assert rows[page.pk]["sync_url"] == reverse(
        "wagtail_localize:update_translations", args=[TranslationSource.objects.get(object_id=page.translation_key).pk]
    )
    # Syncing (what "Sync translated pages" does) clears the flag.
    TranslationSource.objects.get(object_id=page.translation_key).update_from_db()
    assert page.pk not in [row["page"].pk for row in translations.out_of_date()]


def test_readiness_covers_every_page_type_and_translatable_snippet():
    labels = {r["label"] for r in translations.readiness()}
    assert {"hub.HomePage", "hub.StandardPage", "hub.Theme"} <= labels
    for optional in (
        "methods.MethodPage",
        "stories.CaseStoryPage",
        "stories.VolunteerOrganisation",
        "events.EventPage",
    ):
        from django.apps import apps

        try:
            apps.get_model(optional)
        except LookupError:
            continue
        assert optional in labels


def test_readiness_says_dates_and_capacity_sync_and_text_translates():
    report = {r["label"]: r for r in translations.readiness()}
    assert "body" in report["hub.StandardPage"]["translated"]
    assert "name" in report["hub.Theme"]["translated"]
    event = report.get("events.EventPage")
    if event:
        for field in ("start", "end", "capacity"):
            assert field in event["synced"], field
        assert "body" in event["translated"] and "join_url" in event["synced"]
    story = report.get("stories.CaseStoryPage")
    if story:
        assert "period_start" in story["synced"] and "organisations" in story["synced"]


def test_translations_page_renders_for_editors(client, make_user, page):
    client.force_login(make_user("red-t", EDITOR))
    response = client.get(reverse("cockpit_translations"))
    assert response.status_code == 200
    assert "StandardPage" in response.content.decode()
