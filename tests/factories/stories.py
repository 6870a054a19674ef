"""Builders for the stories tests: organisations, themes, stories, images and methods."""

import datetime as dt
import io
import itertools

from PIL import Image

_seq = itertools.count(1)


def org(name, org_type, locale=None):
    from wagtail.models import Locale

    from stories.models import VolunteerOrganisation

    locale = locale or Locale.objects.get(language_code="nb")
    return VolunteerOrganisation.objects.get_or_create(locale=locale, name=name, defaults={"org_type": org_type})[0]


def theme(slug, name=None):
    from wagtail.models import Locale

    from hub.models import Theme

    locale = Locale.objects.get(language_code="nb")
    return Theme.objects.get_or_create(locale=locale, slug=slug, defaults={"name": name or slug.title()})[0]


def make_story(
    index, title=None, municipality="3403", orgs=(), themes=(), tags=(), methods=(), start=None, publish=True, **fields
):
    from hub.models import Municipality
    from stories.models import CaseStoryPage

    n = next(_seq)
    title = title or f"Historie {n}"
    page = CaseStoryPage(
        title=title,
        slug=f"{fields.pop('slug', 'historie')}-{n}",
        lead=fields.pop("lead", f"Ingress for {title}"),
        library_name=fields.pop("library_name", "Testbiblioteket"),
        municipality=Municipality.objects.get(number=municipality),
        period_start=start or dt.date(2023, 3, 1),
        live=publish,
        **fields,
    )
    page.organisations = list(orgs)
    page.themes = list(themes)
    page.methods_used = list(methods)
    if tags:
        page.tags.add(*tags)
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


def image_bytes(fmt="PNG", size=(40, 30)):
    buf = io.BytesIO()
    Image.new("RGB", size, (200, 80, 40)).save(buf, format=fmt)
    return buf.getvalue()


def make_method(title, publish=True):
    """A method page under the Bokmål method index (required text fields filled with placeholders)."""
    from django.apps import apps

    method_index_model = apps.get_model("methods", "MethodIndexPage")
    method_model = apps.get_model("methods", "MethodPage")
    index = method_index_model.objects.filter(locale__language_code="nb").order_by("path").first()
    n = next(_seq)
    method = method_model(title=title, slug=f"metode-{n}", live=publish)
    for field in method_model._meta.concrete_fields:
        if (
            field.get_internal_type() in ("TextField", "CharField")
            and not field.blank
            and not getattr(method, field.attname)
        ):
            setattr(method, field.attname, "Test")
    index.add_child(instance=method)
    revision = method.save_revision()
    if publish:
        revision.publish()
    method.refresh_from_db()
    return method
