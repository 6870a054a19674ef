"""API v2 representations of a release's contacts and attachments: public, work-related fields only."""

from rest_framework.fields import Field


class ContactsField(Field):
    def to_representation(self, page):
        return [
            {"name": c.contact.name, "role": c.contact.role, "organisation": c.contact.organisation}
            for c in page.contact_persons.select_related("contact")
        ]


class AttachmentsField(Field):
    def to_representation(self, page):
        return [
            {"id": a.document_id, "title": a.link_text, "url": a.document.url}
            for a in page.attachments.select_related("document")
        ]
