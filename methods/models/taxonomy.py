"""The co-creation phases (editor-managed, translatable) and the tag through-model for methods."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin


class Phase(TranslatableMixin, models.Model):
    """A phase of a co-creation process (prepare, explore, create, test, evaluate)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("Used in filter links; keep it the same in every language.")
    )
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order in the process"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("co-creation phase")
        verbose_name_plural = _("co-creation phases")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_phase_slug_per_locale")]

    def __str__(self):
        return self.name


class MethodPageTag(TaggedItemBase):
    content_object = ParentalKey("methods.MethodPage", on_delete=models.CASCADE, related_name="tagged_items")
