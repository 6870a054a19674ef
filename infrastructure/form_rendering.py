"""How the public forms render their fields: one field template for every app (templates/hub/forms/field.html),
through Django's form rendering API, so a label, its help text, its error and the input stay linked the same way
everywhere (`{{ form.name.as_field_group }}`). The admin keeps Wagtail's own rendering."""

from django.forms.renderers import TemplatesSetting


class HubFormRenderer(TemplatesSetting):
    field_template_name = "hub/forms/field.html"


class PublicFormMixin:
    """For the public forms: our field template, and invalid inputs pointing at their error message (and help
    text) with aria-describedby, so screen readers read the error with the field."""

    default_renderer = HubFormRenderer

    def full_clean(self):
        super().full_clean()
        for name, errors in self.errors.items():
            if name not in self.fields or not errors:
                continue
            bound = self[name]
            ids = [f"{bound.auto_id}_error"]
            if self.fields[name].help_text:
                ids.insert(0, f"{bound.auto_id}_helptext")
            self.fields[name].widget.attrs.update({"aria-describedby": " ".join(ids), "aria-invalid": "true"})
