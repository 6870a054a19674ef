from django import forms
from django.utils.translation import gettext_lazy as _

from hub.models import Municipality
from infrastructure.antispam import HoneypotFormMixin
from infrastructure.form_rendering import PublicFormMixin


class RegistrationForm(PublicFormMixin, HoneypotFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label=_("E-mail"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    role = forms.CharField(
        label=_("Role"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.all(),
        required=False,
        empty_label=_("Choose a municipality"),
    )
    needs = forms.CharField(
        label=_("Accessibility or interpretation needs"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example sign language interpretation, captions or breaks."),
    )
    consent = forms.BooleanField(
        label=_("I agree that my details are stored to run the event, as described in the privacy statement."),
        required=True,
        error_messages={"required": _("You must agree to the privacy statement to register.")},
    )
