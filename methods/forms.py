from django import forms
from django.utils.translation import gettext_lazy as _

from infrastructure.antispam import HoneypotFormMixin
from methods.models import MethodFeedback

RATING_CHOICES = [
    (1, _("1 – not useful")),
    (2, _("2")),
    (3, _("3")),
    (4, _("4")),
    (5, _("5 – very useful")),
]


class FeedbackForm(HoneypotFormMixin, forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Was this method useful?"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how useful the method was, from 1 to 5.")},
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4, "class": "ds-input"}),
        help_text=_("What worked, what did you change? Do not write personal information."),
    )
    role = forms.ChoiceField(
        label=_("Your role or organisation type (optional)"),
        required=False,
        choices=[("", _("Prefer not to say"))] + list(MethodFeedback.Role.choices),
        widget=forms.Select(attrs={"class": "ds-input"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Fields carry their error and help ids so the template can link them with aria-describedby.
        for name, field in self.fields.items():
            if name == "website_url":
                continue
            described = []
            if field.help_text:
                described.append(f"id_{name}_help")
            if self.is_bound and name in self.errors:
                described.append(f"id_{name}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)
