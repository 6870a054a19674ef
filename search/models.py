"""Search data owned by editors (synonyms) and the anonymous query log."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Synonym(models.Model):
    """One set of words that mean the same, e.g. "samskaping, co-creation, samskapning"."""

    terms = models.CharField(
        _("terms"),
        max_length=500,
        help_text=_("Words or short phrases that mean the same, separated by commas."),
    )

    panels = [FieldPanel("terms")]

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synonym set")
        verbose_name_plural = _("synonyms")

    def __str__(self):
        return self.terms

    def term_list(self):
        from .text import clean

        seen = []
        for raw in self.terms.split(","):
            term = " ".join(clean(raw).lower().split())
            if term and term not in seen:
                seen.append(term)
        return seen


class EquivalentForms(models.Model):
    """Spellings of one word in Bokmål and Nynorsk, or before and after a spelling reform ("forteljing,
    fortelling", "framtid, fremtid"). A query in one form also finds the others, in any inflection."""

    forms = models.CharField(
        _("forms"),
        max_length=300,
        help_text=_("The same word as written in Bokmål and Nynorsk (or old and new spelling), separated by commas."),
    )

    panels = [FieldPanel("forms")]

    class Meta:
        ordering = ["forms"]
        verbose_name = _("equivalent spelling")
        verbose_name_plural = _("equivalent spellings")

    def __str__(self):
        return self.forms

    def term_list(self):
        return Synonym(terms=self.forms).term_list()


class QueryLogEntry(models.Model):
    """How often a normalised query was searched per language and day. No visitor data is stored."""

    query = models.CharField(_("query"), max_length=200)
    language = models.CharField(_("language"), max_length=8)
    day = models.DateField(_("day"))
    searches = models.PositiveIntegerField(_("searches"), default=0)
    hits = models.PositiveIntegerField(_("results (last search)"), default=0)
    zero_results = models.BooleanField(_("found nothing"), default=False)

    class Meta:
        verbose_name = _("search query")
        verbose_name_plural = _("search queries")
        constraints = [
            models.UniqueConstraint(fields=["query", "language", "day"], name="hubsearch_querylog_unique_per_day")
        ]
        indexes = [models.Index(fields=["day", "language"])]

    def __str__(self):
        return f"{self.query} ({self.language}, {self.day})"
