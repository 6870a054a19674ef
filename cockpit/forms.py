"""The participant's conversation form (public, no account: reached through a signed link)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cockpit.models import CHALLENGES, ORG_TYPES
from hub.models import Municipality
from infrastructure.antispam import HoneypotFormMixin
from infrastructure.form_rendering import PublicFormMixin


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class MunicipalityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.county.name})"


class ConversationForm(PublicFormMixin, HoneypotFormMixin, forms.Form):
    organisation_name = forms.CharField(label=_("Volunteer organisation"), max_length=200)
    org_type = forms.ChoiceField(label=_("Type of organisation"), choices=[("", _("Choose …"))] + ORG_TYPES)
    municipality = MunicipalityChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.select_related("county"), empty_label=_("Choose …")
    )
    held_on = forms.DateField(label=_("Date of the conversation"), widget=DateInput())
    challenge_categories = forms.MultipleChoiceField(
        label=_("Which shared challenges did you find?"),
        choices=CHALLENGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    challenges = forms.CharField(
        label=_("Describe the shared challenges"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Do not write names or other personal details. Editors see this text without your name."),
    )
    follow_up_planned = forms.BooleanField(label=_("We have planned a follow-up"), required=False)

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return held_on

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("challenge_categories") and not (cleaned.get("challenges") or "").strip():
            self.add_error("challenge_categories", _("Tick at least one challenge or describe it in the text field."))
        return cleaned

    @classmethod
    def initial_from(cls, entry):
        return {
            "organisation_name": entry.organisation_name,
            "org_type": entry.org_type,
            "municipality": entry.municipality_id,
            "held_on": entry.held_on,
            "challenge_categories": [t.category for t in entry.challenge_tags.all()],
            "challenges": entry.challenges,
            "follow_up_planned": entry.follow_up_planned,
        }
