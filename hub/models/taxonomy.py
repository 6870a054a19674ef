"""Shared taxonomy: Norway's counties and municipalities (from SSB data shipped in hub/data) and themes."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

# Kinds of volunteer organisation: on stories' organisations and in the cockpit's conversation log alike.
VOLUNTEER_ORG_TYPES = [
    ("sports", _("Sports")),
    ("culture", _("Culture")),
    ("humanitarian", _("Humanitarian")),
    ("immigrant", _("Immigrant organisation")),
    ("neighbourhood", _("Neighbourhood")),
    ("other", _("Other")),
]


class County(models.Model):
    number = models.CharField(_("county number"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    panels = [FieldPanel("number"), FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("county")
        verbose_name_plural = _("counties")

    def __str__(self):
        return self.name


# Size bands by population (lower bounds), the way municipalities compare themselves: small, medium, large, city.
SIZE_BANDS = [
    (0, _("under 5,000 inhabitants")),
    (5000, _("5,000–19,999 inhabitants")),
    (20000, _("20,000–99,999 inhabitants")),
    (100000, _("100,000 inhabitants or more")),
]


def size_band(population):
    """The index into SIZE_BANDS for a population, or None when it is not known."""
    if population is None:
        return None
    return max(i for i, (floor, _label) in enumerate(SIZE_BANDS) if population >= floor)


class Municipality(index.Indexed, models.Model):
    number = models.CharField(_("municipality number"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("county")
    )
    # Inhabitants on 1 January (SSB, hub/data/folkemengde.csv): lets a municipality find others of its size.
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)

    panels = [
        FieldPanel("number"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("county"),
        FieldPanel("population"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name

    @property
    def size_band(self):
        return size_band(self.population)

    @property
    def size_band_label(self):
        band = self.size_band
        return SIZE_BANDS[band][1] if band is not None else ""


class Theme(TranslatableMixin, models.Model):
    """Editor-managed themes (reading, inclusion, youth …), translated with wagtail-localize."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_theme_slug_per_locale")]

    def __str__(self):
        return self.name

    def clean(self):
        # The admin form has no locale field, so Django skips the (slug, locale) constraint there: check it here
        # so a taken slug is a form error instead of a database error.
        super().clean()
        if self.slug and self.locale_id:
            taken = Theme.objects.filter(locale_id=self.locale_id, slug=self.slug).exclude(pk=self.pk).exists()
            if taken:
                raise ValidationError({"slug": _("A theme with this slug already exists in this language.")})
