"""The image edit form: alternative text is required unless the image is marked decorative, and a photo of
people needs their recorded consent.

Wagtail's multiple uploader first validates each file with this form class but posts only the title and the
collection; the rules apply once the editor fills in the details (the uploader's own edit form, the add and edit
views, the chooser's upload). Images left without them cannot be shown on a page (`image_problems`).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class HubImageForm(BaseImageForm):
    def _details_posted(self):
        return self.add_prefix("description") in self.data if self.is_bound else False

    def clean(self):
        cleaned = super().clean()
        if "description" not in self.fields or not self._details_posted():
            return cleaned
        if not cleaned.get("is_decorative") and not (cleaned.get("description") or "").strip():
            self.add_error(
                "description",
                _("Write an alternative text, or mark the image as decorative if it adds no information."),
            )
        if cleaned.get("people_consented") and not cleaned.get("shows_people"):
            cleaned["shows_people"] = True
        if cleaned.get("shows_people") and not cleaned.get("people_consented"):
            self.add_error(
                "people_consented",
                _("A photo of people can be used only when their consent is recorded. Tick when it is."),
            )
        return cleaned
