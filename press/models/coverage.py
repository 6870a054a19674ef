"""Coverage: articles about the project elsewhere. Not translated — each item records its own language."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

COVERAGE_LANGUAGES = [("nb", "Norsk bokmål"), ("nn", "Norsk nynorsk"), ("se", "Davvisámegiella"), ("en", "English")]


class CoverageItem(index.Indexed, models.Model):
    outlet = models.CharField(_("outlet"), max_length=150, help_text=_("Newspaper, magazine, radio or website."))
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=300)
    link = models.URLField(_("link"), max_length=500)
    language = models.CharField(_("language"), max_length=5, choices=COVERAGE_LANGUAGES, default="nb")

    panels = [FieldPanel("outlet"), FieldPanel("date"), FieldPanel("title"), FieldPanel("link"), FieldPanel("language")]
    search_fields = [index.SearchField("title"), index.SearchField("outlet"), index.FilterField("date")]

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("coverage item")
        verbose_name_plural = _("coverage")

    def __str__(self):
        return f"{self.outlet}: {self.title}"

    @property
    def is_site_language(self):
        return self.language in dict(settings.LANGUAGES)
