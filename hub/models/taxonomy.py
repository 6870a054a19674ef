"""Shared taxonomy: Norway's counties and municipalities (from SSB data shipped in hub/data) and themes."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


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


class Municipality(index.Indexed, models.Model):
    number = models.CharField(_("municipality number"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("county")
    )

    panels = [FieldPanel("number"), FieldPanel("name"), FieldPanel("slug"), FieldPanel("county")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name


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
