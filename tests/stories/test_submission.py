"""The public "Share your story" form: a draft in the workflow, e-mails, spam and rate limits, upload checks,
and that a submission can never publish itself or touch another page."""

import datetime as dt

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.models import Page, WorkflowState

from stories.models import CaseStoryPage, VolunteerOrganisation
from tests.factories.stories import image_bytes, make_story
from tests.helpers import ui

pytestmark = pytest.mark.django_db
URL = "/nb/historier/del/"


def form_data(**overrides):
    from hub.models import Municipality

    data = {
        "name": "Ola Nordmann",
        "email": "ola@example.com",
        "title": "Lesegrupper med pensjonistlaget",
        "lead": "Biblioteket og pensjonistlaget startet lesegrupper sammen.",
        "library_name": "Lillehammer bibliotek",
        "municipality": str(Municipality.objects.get(number="3405").pk),
        "org_name": "Lillehammer pensjonistlag",
        "org_type": "other",
        "shared_challenge": "Mange eldre satt alene.",
        "what_they_did": "Vi startet lesegrupper.\n\nDe møtes hver uke.",
        "outcomes": "Tre grupper.",
        "lessons_learned": "Start smått.",
        "quote": "Endelig noen å snakke med om bøker.",
        "quote_by": "Deltaker",
        "period_start": "2023-02-01",
        "period_end": "",
        "status": "ongoing",
        "target_groups": "Seniorer",
        "tags": "lesing, seniorer, lesing",
        "privacy": "on",
        "website_url": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def fresh(story_index, settings):
    settings.STORIES_SUBMIT_RATE = (100, 3600)
    mail.outbox.clear()
    return story_index


def test_form_renders_with_labels_and_honeypot(client, fresh):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'name="website_url"' in html
    assert '<label class="ds-label" for="id_title">' in html


def test_submission_creates_draft_in_workflow_and_sends_emails(client, fresh, settings):
    response = client.post(URL, form_data(show_contact="on"), REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 302
    assert response["Location"].endswith("/nb/historier/del/takk/")
    page = CaseStoryPage.objects.get(title="Lesegrupper med pensjonistlaget")
    assert page.get_parent().pk == fresh.pk
    assert not page.live and page.has_unpublished_changes and page.first_published_at is None
    assert page.county.slug == "innlandet" and page.municipality.number == "3405"
    assert [o.name for o in page.organisations.all()] == ["Lillehammer pensjonistlag"]
    assert sorted(t.name for t in page.tags.all()) == ["lesing", "seniorer"]
    assert page.contact_consent and page.contact_consent_date == dt.date.today()
    assert "<p>Vi startet lesegrupper.</p>" in str(page.what_they_did[0].value)
    state = WorkflowState.objects.get(object_id=str(page.pk), base_content_type__model="page")
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Godkjenning"
    assert state.requested_by is None
    assert page.get_latest_revision() is not None
    ours = [m for m in mail.outbox if set(m.to) & set(settings.EDITORS_EMAIL) or m.to == ["ola@example.com"]]
    editors = [m for m in ours if set(m.to) == set(settings.EDITORS_EMAIL)]
    receipts = [m for m in ours if m.to == ["ola@example.com"]]
    assert len(editors) == 1 and f"/admin/pages/{page.pk}/edit/" in editors[0].body
    assert len(receipts) == 1 and "Lesegrupper med pensjonistlaget" in receipts[0].body
    # Not public until an editor approves it.
    assert client.get(page.get_url()).status_code == 404


def test_contact_not_consented_is_recorded_without_consent(client, fresh):
    client.post(URL, form_data(), REMOTE_ADDR="10.0.0.2")
    page = CaseStoryPage.objects.get(title="Lesegrupper med pensjonistlaget")
    assert not page.contact_consent and page.contact_consent_date is None and not page.show_contact


def test_invalid_submission_shows_error_summary_and_saves_nothing(client, fresh):
    before = Page.objects.count(), VolunteerOrganisation.objects.count()
    response = client.post(URL, form_data(title="", period_start="not a date", privacy=None), REMOTE_ADDR="10.0.0.3")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="ds-error-summary' in html
    assert 'href="#id_title"' in html and 'href="#id_privacy"' in html
    assert 'aria-describedby="id_title_error"' not in html or 'id="id_title_error"' in html
    assert 'id="id_title_error"' in html
    assert (Page.objects.count(), VolunteerOrganisation.objects.count()) == before
    assert mail.outbox == []


def test_honeypot_submission_pretends_success_but_creates_nothing(client, fresh):
    before = Page.objects.count()
    response = client.post(URL, form_data(website_url="http://spam.example"), REMOTE_ADDR="10.0.0.4")
    assert response.status_code == 302
    assert Page.objects.count() == before
    assert mail.outbox == []


def test_rate_limit_blocks_further_submissions_from_same_client(client, fresh, settings):
    settings.STORIES_SUBMIT_RATE = (2, 3600)
    for i in range(2):
        assert client.post(URL, form_data(title=f"Historie {i}"), REMOTE_ADDR="10.0.0.5").status_code == 302
    response = client.post(URL, form_data(title="Historie 3"), REMOTE_ADDR="10.0.0.5")
    assert response.status_code == 429
    assert not CaseStoryPage.objects.filter(title="Historie 3").exists()
    # Another client is not affected.
    assert client.post(URL, form_data(title="Historie 4"), REMOTE_ADDR="10.0.0.6").status_code == 302


def test_valid_image_is_saved_with_alt_text_and_credit(client, fresh):
    images_before = get_image_model().objects.count()
    upload = SimpleUploadedFile("foto.png", image_bytes("PNG"), content_type="image/png")
    data = form_data(image_alt="Seniorer rundt et bord med bøker", image_credit="Foto: Biblioteket")
    response = client.post(URL, {**data, "image": upload}, REMOTE_ADDR="10.0.0.7")
    assert response.status_code == 302
    page = CaseStoryPage.objects.get(title="Lesegrupper med pensjonistlaget")
    item = page.images.get()
    assert item.alt_text == "Seniorer rundt et bord med bøker" and item.credit == "Foto: Biblioteket"
    assert get_image_model().objects.count() == images_before + 1


@pytest.mark.parametrize(
    "name, content, content_type",
    [
        ("foto.jpg", b"this is not an image at all" * 10, "image/jpeg"),
        ("tegning.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "image/svg+xml"),
        ("side.png", b"<html><body><script>alert(1)</script></body></html>", "image/png"),
        ("foto.gif", b"GIF89a" + b"\x00" * 100, "image/gif"),
    ],
)
def test_upload_rejects_files_that_are_not_jpeg_png_or_webp(client, fresh, name, content, content_type):
    images_before, pages_before = get_image_model().objects.count(), Page.objects.count()
    data = {**form_data(image_alt="Et bilde"), "image": SimpleUploadedFile(name, content, content_type=content_type)}
    response = client.post(URL, data, REMOTE_ADDR="10.0.0.8")
    assert response.status_code == 400
    html = response.content.decode()
    assert (
        ui("Upload a photo in JPEG, PNG or WebP format.") in html
        or ui("The file could not be read as an image.") in html
    )
    assert (get_image_model().objects.count(), Page.objects.count()) == (images_before, pages_before)


def test_upload_rejects_oversized_image(client, fresh, settings):
    settings.STORIES_MAX_IMAGE_SIZE = 1000
    data = {
        **form_data(image_alt="Stort bilde"),
        "image": SimpleUploadedFile("stor.jpg", image_bytes("JPEG", (400, 400)), content_type="image/jpeg"),
    }
    response = client.post(URL, data, REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 400
    assert "too large" in response.content.decode() or "for stort" in response.content.decode()
    assert not CaseStoryPage.objects.filter(title="Lesegrupper med pensjonistlaget").exists()


def test_valid_image_is_not_saved_when_rest_of_form_is_invalid(client, fresh):
    images_before = get_image_model().objects.count()
    data = {
        **form_data(title="", image_alt="Et bilde"),
        "image": SimpleUploadedFile("foto.webp", image_bytes("WEBP"), content_type="image/webp"),
    }
    assert client.post(URL, data, REMOTE_ADDR="10.0.0.10").status_code == 400
    assert get_image_model().objects.count() == images_before


def test_image_without_alt_text_is_refused(client, fresh):
    data = {**form_data(), "image": SimpleUploadedFile("foto.png", image_bytes(), content_type="image/png")}
    response = client.post(URL, data, REMOTE_ADDR="10.0.0.11")
    assert response.status_code == 400
    assert 'href="#id_image_alt"' in response.content.decode()


def test_submission_can_never_publish_itself_or_overwrite_another_page(client, fresh):
    existing = make_story(fresh, "Lesegrupper med pensjonistlaget", slug="lesegrupper-med-pensjonistlaget")
    existing_revisions = existing.revisions.count()
    data = form_data(
        slug=existing.slug,
        id=str(existing.pk),
        pk=str(existing.pk),
        page=str(existing.pk),
        live="on",
        **{"action-publish": "action-publish"},
    )
    response = client.post(URL, data, REMOTE_ADDR="10.0.0.12")
    assert response.status_code == 302
    pages = CaseStoryPage.objects.filter(title="Lesegrupper med pensjonistlaget").order_by("pk")
    assert pages.count() == 2
    new = pages.last()
    assert new.pk != existing.pk and new.slug != existing.slug
    assert not new.live
    existing.refresh_from_db()
    assert existing.live and existing.revisions.count() == existing_revisions
    assert existing.lead == "Ingress for Lesegrupper med pensjonistlaget"


@pytest.mark.parametrize(
    "title, slug",
    [
        ("Økt lesing i Ørsta", "okt-lesing-i-orsta"),
        ("ÆRLIG TALT OM ÅPNE BIBLIOTEK", "aerlig-talt-om-apne-bibliotek"),
        ("Ođđa ráđđi", "odda-raddi"),
    ],
)
def test_submitted_title_with_capital_norwegian_letters_keeps_them_in_the_slug(client, fresh, title, slug):
    response = client.post(URL, form_data(title=title), REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 302
    assert CaseStoryPage.objects.get(title=title).slug == slug
