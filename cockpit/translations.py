"""Translation workflow checks: which fields of each page type and snippet wagtail-localize translates or syncs,
and which translations are out of date because their source page changed after the last sync."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, TranslatableMixin, get_page_models
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields
from wagtail_localize.models import TranslationSource

PROJECT_APPS = ("hub", "methods", "stories", "events", "press", "search", "cockpit")
STRUCTURED = (
    models.DateField,
    models.TimeField,
    models.IntegerField,
    models.DecimalField,
    models.FloatField,
    models.BooleanField,
    models.FileField,
)


def translatable_models():
    """Every concrete page type and translatable snippet of the project's apps."""
    found = []
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS or model._meta.abstract:
            continue
        if issubclass(model, Page) or issubclass(model, TranslatableMixin):
            found.append(model)
    return sorted(found, key=lambda m: m._meta.label)


def field_report(model):
    """How wagtail-localize treats each field of `model`, and what needs attention."""
    handled = {f.field_name: f for f in get_translatable_fields(model)}
    translated, synced, not_carried, notes = [], [], [], []
    base_fields = {f.name for f in Page._meta.get_fields()} if issubclass(model, Page) else set()
    for name, spec in handled.items():
        if name in base_fields and name not in ("title", "slug", "seo_title", "search_description"):
            continue
        try:
            field = model._meta.get_field(name)
        except Exception:  # noqa: BLE001 - a child relation or an override of something that is gone
            field = None
        if isinstance(spec, TranslatableField):
            translated.append(name)
            if isinstance(field, STRUCTURED):
                notes.append(_("%(field)s holds a date, number or file but is marked translatable.") % {"field": name})
            related = getattr(field, "related_model", None)
            if isinstance(field, models.ForeignKey) and related and issubclass(related, TranslatableMixin):
                notes.append(
                    _("%(field)s links a %(model)s: translate those first, or the link falls back to the source.")
                    % {"field": name, "model": related._meta.verbose_name}
                )
        elif isinstance(spec, SynchronizedField):
            synced.append(name)
    for field in model._meta.get_fields():
        if field.name in handled or field.name in base_fields or not getattr(field, "editable", False):
            continue
        if isinstance(field, models.ManyToManyField):
            not_carried.append(field.name)
            notes.append(
                _("%(field)s (many-to-many) is not copied to translations; add SynchronizedField(%(field)s).")
                % {"field": field.name}
            )
    return {
        "label": model._meta.label,
        "name": model._meta.verbose_name,
        "is_page": issubclass(model, Page),
        "translated": sorted(translated),
        "synced": sorted(synced),
        "not_carried": sorted(not_carried),
        "notes": notes,
    }


def readiness():
    return [field_report(model) for model in translatable_models()]


def _url(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def out_of_date():
    """Translations whose source page was published after wagtail-localize last read it (needs a sync)."""
    page_types = [ct.pk for ct in ContentType.objects.get_for_models(*get_page_models()).values()]
    sources = list(
        TranslationSource.objects.filter(specific_content_type_id__in=page_types)
        .select_related("locale")
        .prefetch_related("translations__target_locale")
    )
    keys = {s.object_id for s in sources}
    pages = {
        (p.translation_key, p.locale_id): p
        for p in Page.objects.filter(translation_key__in=keys).only(
            "id", "title", "translation_key", "locale_id", "last_published_at", "live"
        )
    }
    codes = dict(Locale.objects.values_list("pk", "language_code"))
    rows = []
    for source in sources:
        page = pages.get((source.object_id, source.locale_id))
        if page is None or page.last_published_at is None or page.last_published_at <= source.last_updated_at:
            continue
        targets = []
        for translation in source.translations.all():
            if not translation.enabled:
                continue
            target = pages.get((source.object_id, translation.target_locale_id))
            targets.append(
                {
                    "language": codes.get(translation.target_locale_id, ""),
                    "edit_url": _url("wagtailadmin_pages:edit", target.pk) if target else "",
                    "title": target.title if target else "",
                }
            )
        if not targets:
            continue
        rows.append(
            {
                "page": page,
                "source_language": codes.get(source.locale_id, ""),
                "changed_at": page.last_published_at,
                "synced_at": source.last_updated_at,
                "targets": targets,
                "edit_url": _url("wagtailadmin_pages:edit", page.pk),
                "sync_url": _url("wagtail_localize:update_translations", source.pk),
            }
        )
    rows.sort(key=lambda r: r["changed_at"], reverse=True)
    return rows
