from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.blocks import PageChooserBlock
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from hub.models.images import picture_field


def _page_chooser(verbose_name):
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer, in the visitor's language."),
    )


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Contact details and names shown in the footer and in structured data; the pages the menu and footer link to.

    Editors choose each linked page once, in any language; every visitor gets that page's translation in their
    own language (hub.chrome), so no link depends on a slug written in code.
    """

    organisation_name = models.CharField(
        _("organisation name"), max_length=200, default="Samskaping – fra planverk til hverdagspraksis"
    )
    project_owner = models.CharField(_("project owner"), max_length=200, default="Innlandet fylkesbibliotek")
    contact_email = models.EmailField(_("contact e-mail"), default="post@samskaping.example")
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    address = models.TextField(_("address"), blank=True)
    share_image = picture_field(
        _("default share picture"),
        _("Shown when a page without its own picture is shared on social media (cropped to 1200×630)."),
    )
    about_page = _page_chooser(_("about page"))
    privacy_page = _page_chooser(_("privacy statement"))
    accessibility_page = _page_chooser(_("accessibility statement"))
    menu_pages = StreamField(
        [("page", PageChooserBlock(label=_("page")))],
        blank=True,
        verbose_name=_("main menu"),
        help_text=_("Pages in the main menu, in order. Empty: the starter pack, stories, events and press room."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("organisation_name"), FieldPanel("project_owner")], heading=_("Organisation")),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("address")], heading=_("Contact")
        ),
        FieldPanel("share_image"),
        FieldPanel("menu_pages"),
        MultiFieldPanel(
            [FieldPanel("about_page"), FieldPanel("privacy_page"), FieldPanel("accessibility_page")],
            heading=_("Footer links"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
