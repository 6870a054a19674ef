"""The admin's document form (`WAGTAILDOCS_DOCUMENT_FORM_BASE`): Wagtail checks the extension and the size;
this also checks the content, on the single and the multiple upload alike. Images need nothing extra: Wagtail's
image field already reads the format, the size and the pixel count (`WAGTAILIMAGES_*` in settings)."""

from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from infrastructure.uploads import inspect_document


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            inspect_document(upload, upload.name or "")
        return upload
