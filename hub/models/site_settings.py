from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Contact details and names shown in the footer and in structured data."""

    organisation_name = models.CharField(
        _("organisation name"), max_length=200, default="Samskaping – fra planverk til hverdagspraksis"
    )
    project_owner = models.CharField(_("project owner"), max_length=200, default="Innlandet fylkesbibliotek")
    contact_email = models.EmailField(_("contact e-mail"), default="post@samskaping.example")
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    address = models.TextField(_("address"), blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("organisation_name"), FieldPanel("project_owner")], heading=_("Organisation")),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("address")], heading=_("Contact")
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
