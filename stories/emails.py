"""E-mails about submitted stories (queued through infrastructure.mail)."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from infrastructure.mail import queue_email


def notify_editors(page):
    if not settings.EDITORS_EMAIL:
        return None
    edit_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_pages:edit", args=[page.pk])
    body = _(
        "A new story has been submitted and waits for review in the workflow.\n\n"
        "Title: %(title)s\nLibrary: %(library)s\nMunicipality: %(municipality)s\nSubmitted by: %(name)s <%(email)s>\n\n"
        "Review it here: %(url)s\n"
    ) % {
        "title": page.title,
        "library": page.library_name,
        "municipality": page.municipality.name,
        "name": page.contact_name,
        "email": page.contact_email,
        "url": edit_url,
    }
    return queue_email(settings.EDITORS_EMAIL, _("New story for review: %(title)s") % {"title": page.title}, body)


def send_receipt(page, email, name):
    body = _(
        "Hello %(name)s,\n\nThank you for sharing the story «%(title)s». The editors will read it and may contact "
        "you before it is published. Nothing is published before an editor has approved it.\n\n"
        "Best regards\nThe co-creation hub\n"
    ) % {"name": name, "title": page.title}
    return queue_email([email], _("We have received your story"), body)
