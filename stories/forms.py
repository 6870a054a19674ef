"""The public "Share your story" form."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from hub.models import Municipality, Theme
from infrastructure.antispam import HoneypotFormMixin
from infrastructure.form_rendering import PublicFormMixin

from .models import CaseStoryPage, VolunteerOrganisation
from .uploads import check_image


class MunicipalityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.county.name})"


class DateInput(forms.DateInput):
    input_type = "date"


class ShareStoryForm(PublicFormMixin, HoneypotFormMixin, forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label=_("Your e-mail"),
        help_text=_("We send you a receipt, and the editors may contact you."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    title = forms.CharField(label=_("Title of the story"), max_length=200)
    lead = forms.CharField(
        label=_("Summary"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences: who did what, and what came of it."),
    )
    library_name = forms.CharField(label=_("Library"), max_length=200)
    municipality = MunicipalityChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.select_related("county"), empty_label=_("Choose …")
    )
    org_name = forms.CharField(label=_("Volunteer organisation"), max_length=200, required=False)
    org_type = forms.ChoiceField(
        label=_("Type of organisation"), choices=VolunteerOrganisation.ORG_TYPES, initial=VolunteerOrganisation.OTHER
    )
    org_website = forms.URLField(label=_("The organisation's website"), required=False, assume_scheme="https")
    shared_challenge = forms.CharField(
        label=_("The shared challenge you found"), widget=forms.Textarea(attrs={"rows": 4})
    )
    what_they_did = forms.CharField(label=_("What you did"), widget=forms.Textarea(attrs={"rows": 6}))
    outcomes = forms.CharField(label=_("Outcomes"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    lessons_learned = forms.CharField(
        label=_("Lessons learned"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    quote = forms.CharField(
        label=_("A quote from someone involved"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    quote_by = forms.CharField(label=_("Who said it"), required=False, max_length=200)
    period_start = forms.DateField(label=_("Started"), widget=DateInput())
    period_end = forms.DateField(label=_("Ended"), required=False, widget=DateInput())
    status = forms.ChoiceField(label=_("Status"), choices=CaseStoryPage.STATUSES, widget=forms.RadioSelect)
    target_groups = forms.CharField(label=_("Target groups"), required=False, max_length=255)
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=Theme.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    methods = forms.ModelMultipleChoiceField(
        label=_("Methods you used"),
        queryset=CaseStoryPage.methods_used.field.related_model.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tags = forms.CharField(label=_("Keywords"), required=False, max_length=255, help_text=_("Separate with commas."))
    image = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    image_alt = forms.CharField(
        label=_("Describe the photo (alternative text)"),
        required=False,
        max_length=250,
        help_text=_("Required with a photo: what does it show?"),
    )
    image_credit = forms.CharField(label=_("Photo credit"), required=False, max_length=200)
    show_contact = forms.BooleanField(
        label=_("You may show my name and e-mail as contact person on the story"), required=False
    )
    privacy = forms.BooleanField(
        label=_("I agree that the hub stores what I submit so that the editors can review and publish the story")
    )

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        locale = locale or Locale.get_active()
        self.fields["themes"].queryset = Theme.objects.filter(locale=locale)
        method_model = CaseStoryPage.methods_used.field.related_model
        self.fields["methods"].queryset = method_model.objects.live().public().filter(locale=locale).order_by("title")

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if upload:
            check_image(upload)
        return upload

    def clean_tags(self):
        raw = self.cleaned_data.get("tags", "")
        names = []
        for part in raw.split(","):
            part = " ".join(part.split())[:100]
            if part and part.lower() not in {n.lower() for n in names}:
                names.append(part)
        return names[:10]

    def clean(self):
        data = super().clean()
        if data.get("image") and not (data.get("image_alt") or "").strip():
            self.add_error("image_alt", _("Describe the photo for people who cannot see it."))
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The end date cannot be before the start date."))
        if data.get("org_website") and not data.get("org_name"):
            self.add_error("org_name", _("Give the name of the organisation."))
        return data
