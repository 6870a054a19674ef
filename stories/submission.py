"""The one path by which a public submission becomes a story: a draft page under the story index, submitted
to the moderation workflow. It never publishes and never changes an existing page."""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, linebreaks
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Collection, Page
from wagtail.rich_text import RichText

from . import emails
from .listing import index_for_locale
from .models import CaseStoryImage, CaseStoryIndexPage, CaseStoryPage, VolunteerOrganisation

logger = logging.getLogger(__name__)


class NoStoryIndex(Exception):
    pass


def _html(text):
    return linebreaks(escape(text or "")) if (text or "").strip() else ""


# Letters that slugify's ASCII folding drops instead of replacing (Norwegian and Northern Sámi).
_SLUG_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "đ": "d", "ŋ": "n", "ŧ": "t"})


def _unique_slug(index, title):
    # Lowercase first, so "Ørsta" and "Æ" keep their letter like "ørsta" does.
    base = slugify(title.lower().translate(_SLUG_LETTERS))[:60].strip("-") or "historie"
    taken = set(Page.objects.child_of(index).filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _organisation(data, locale):
    name = (data.get("org_name") or "").strip()
    if not name:
        return None
    org = VolunteerOrganisation.objects.filter(locale=locale, name__iexact=name).first()
    if org is None:
        org = VolunteerOrganisation.objects.create(
            locale=locale, name=name, org_type=data["org_type"], website=data.get("org_website") or ""
        )
    return org


def submit_story(data, locale=None):
    """Create the draft story from cleaned form data and start the workflow; returns the draft page.

    Everything (organisation, image, page, revision, workflow state) is created in one transaction; the
    e-mails are queued after it commits."""
    index = index_for_locale(locale)
    if index is None:
        raise NoStoryIndex()
    saved_files = []
    try:
        with transaction.atomic():
            # Lock the parent row: concurrent submissions add children (tree paths, slugs) one at a time.
            index = CaseStoryIndexPage.objects.select_for_update().get(pk=index.pk)
            page = _build_page(index, data)
            upload = data.get("image")
            if upload:
                image = get_image_model()(
                    title=data["image_alt"][:255], collection=Collection.get_first_root_node(), file=upload
                )
                image.save()
                saved_files.append(image.file)
                page.images = [
                    CaseStoryImage(image=image, alt_text=data["image_alt"].strip(), credit=data.get("image_credit", ""))
                ]
            index.add_child(instance=page)
            page.save_revision(user=None, log_action=True)
            workflow = page.get_workflow()
            if workflow is not None:
                workflow.start(page, None)
            else:
                logger.warning("No workflow covers the story index; story %s waits as a plain draft", page.pk)
    except Exception:
        for f in saved_files:
            f.storage.delete(f.name)
        raise
    emails.notify_editors(page)
    emails.send_receipt(page, data["email"], data["name"])
    return page


def _build_page(index, data):
    locale = index.locale
    body = [("paragraph", RichText(_html(data["what_they_did"])))]
    quotes = []
    if (data.get("quote") or "").strip():
        quotes.append(("quote", {"quote": data["quote"].strip(), "attribution": data.get("quote_by", ""), "role": ""}))
    consent = bool(data.get("show_contact"))
    page = CaseStoryPage(
        title=data["title"].strip(),
        slug=_unique_slug(index, data["title"]),
        locale=locale,
        live=False,
        lead=data["lead"].strip(),
        library_name=data["library_name"].strip(),
        municipality=data["municipality"],
        shared_challenge=_html(data["shared_challenge"]),
        what_they_did=body,
        outcomes=_html(data.get("outcomes")),
        lessons_learned=_html(data.get("lessons_learned")),
        quotes=quotes,
        period_start=data["period_start"],
        period_end=data.get("period_end"),
        status=data["status"],
        target_groups=data.get("target_groups", ""),
        contact_name=data["name"].strip(),
        contact_email=data["email"],
        contact_consent=consent,
        contact_consent_date=timezone.localdate() if consent else None,
    )
    org = _organisation(data, locale)
    page.organisations = [org] if org else []
    page.themes = list(data.get("themes") or [])
    page.methods_used = list(data.get("methods") or [])
    if data.get("tags"):
        page.tags.add(*data["tags"])
    return page
