"""Content health: what editors should fix, each with a link to the page's edit view.

- images in StreamFields without alternative text (and not marked decorative), videos without transcript or captions;
- internal links (rich text, page choosers, page relations) to pages that are not published, read from Wagtail's
  reference index, and rich-text links to deleted pages (Wagtail removes those from its index on delete);
- methods not reviewed in twelve months; events that are over but still take registrations.
Fields and models of other apps are looked up by name and skipped when they do not exist (yet).
"""

import re
from datetime import timedelta

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, ReferenceIndex, get_page_models

TAG = re.compile(r"<[^>]+>")


def _edit_url(page_id):
    return reverse("wagtailadmin_pages:edit", args=[page_id])


def _row(kind, page, detail):
    return {
        "kind": kind,
        "page_id": page.pk,
        "title": page.title,
        "language": page.locale.language_code if page.locale_id else "",
        "detail": detail,
        "edit_url": _edit_url(page.pk),
    }


def _walk(value):
    """Yield every dict inside a StreamField's raw JSON (block values at any depth)."""
    if isinstance(value, dict):
        yield value
        for child in value.values():
            yield from _walk(child)
    elif isinstance(value, list):
        for child in value:
            yield from _walk(child)


def media_problems_in(raw):
    """(images without alt text, videos without transcript or captions) in one StreamField's raw data."""
    images = videos = 0
    for node in _walk(raw):
        if {"image", "alt_text", "decorative"} <= node.keys():
            if node.get("image") and not node.get("decorative") and not str(node.get("alt_text") or "").strip():
                images += 1
        if {"transcript", "captions"} <= node.keys():
            transcript = TAG.sub("", str(node.get("transcript") or "")).strip()
            if not node.get("captions") and not transcript:
                videos += 1
    return images, videos


def _content_fields(model):
    stream = [f.name for f in model._meta.concrete_fields if isinstance(f, StreamField) and f.model is model]
    rich = [f.name for f in model._meta.concrete_fields if isinstance(f, RichTextField) and f.model is model]
    return stream, rich


def _scan():
    """Yield (page, stream raw data list, rich text strings) for every live page: one query per page type."""
    for model in get_page_models():
        stream, rich = _content_fields(model)
        if model._meta.abstract or not (stream or rich):
            continue
        pages = (
            model.objects.live()
            .exact_type(model)
            .select_related("locale")
            .only("id", "title", "locale", *stream, *rich)
        )
        for page in pages:
            raws = []
            for name in stream:
                raw = getattr(getattr(page, name), "raw_data", None)
                raws.append(raw if isinstance(raw, (list, dict)) else list(raw or []))
            yield page, raws, [getattr(page, name) or "" for name in rich]


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for child in value.values():
            yield from _strings(child)
    elif isinstance(value, list):
        for child in value:
            yield from _strings(child)


PAGE_LINK = re.compile(r'linktype="page"[^>]*?\bid="(\d+)"|\bid="(\d+)"[^>]*?linktype="page"')


def media_problems(scan=None):
    rows = []
    for page, raws, _rich in scan if scan is not None else _scan():
        images = videos = 0
        for raw in raws:
            i, v = media_problems_in(raw)
            images, videos = images + i, videos + v
        if images:
            rows.append(_row("alt_text", page, _("%(n)d image(s) without alternative text") % {"n": images}))
        if videos:
            rows.append(_row("transcript", page, _("%(n)d video(s) without transcript or captions") % {"n": videos}))
    return rows


def links_to_deleted_pages(scan=None):
    """Rich-text links to page ids that no longer exist (Wagtail drops references to deleted pages from its index)."""
    found = []
    for page, raws, rich in scan if scan is not None else _scan():
        ids = set()
        for text in list(_strings(raws)) + rich:
            if "linktype" in text:
                ids |= {int(a or b) for a, b in PAGE_LINK.findall(text)}
        if ids:
            found.append((page, ids))
    wanted = set().union(*(ids for _p, ids in found)) if found else set()
    existing = set(Page.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    rows = []
    for page, ids in found:
        for missing in sorted(ids - existing):
            rows.append(
                _row("broken_link", page, _("Links to a page that was deleted (page id %(id)d)") % {"id": missing})
            )
    return rows


def broken_links():
    """Links (rich text, page choosers, page relations) to pages that exist but are not published."""
    page_ct = ContentType.objects.get_for_model(Page)
    refs = list(
        ReferenceIndex.objects.filter(base_content_type=page_ct, to_content_type=page_ct)
        .exclude(model_path="alias_of")
        .values_list("object_id", "to_object_id", "model_path")
    )
    target_ids = {int(t) for _, t, _ in refs if str(t).isdigit()}
    unpublished = dict(Page.objects.filter(pk__in=target_ids, live=False).values_list("pk", "title"))
    broken = [
        (int(s), int(t), path) for s, t, path in refs if str(s).isdigit() and str(t).isdigit() and int(t) in unpublished
    ]
    if not broken:
        return []
    sources = {p.pk: p for p in Page.objects.live().filter(pk__in={s for s, _, _ in broken}).select_related("locale")}
    rows = []
    for source_id, target_id, path in broken:
        page = sources.get(source_id)
        if page is not None:
            rows.append(
                _row(
                    "broken_link",
                    page,
                    _("Links to “%(title)s”, which is not published (in %(field)s)")
                    % {"title": unpublished[target_id], "field": path.split(".")[0]},
                )
            )
    return rows


def _has_field(model, name):
    try:
        model._meta.get_field(name)
        return True
    except FieldDoesNotExist:
        return False


def unreviewed_methods(today=None, months=12):
    try:
        MethodPage = apps.get_model("methods", "MethodPage")
    except LookupError:
        return []
    if not _has_field(MethodPage, "last_reviewed"):
        return []
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=365 * months // 12)
    from django.db.models import Q

    pages = (
        MethodPage.objects.live()
        .filter(Q(last_reviewed__lt=cutoff) | Q(last_reviewed__isnull=True, first_published_at__date__lt=cutoff))
        .select_related("locale")
        .order_by("last_reviewed", "first_published_at")
    )
    rows = []
    for page in pages:
        if page.last_reviewed:
            detail = _("Last reviewed %(date)s") % {"date": page.last_reviewed.isoformat()}
        else:
            detail = _("Never reviewed (published %(date)s)") % {
                "date": timezone.localdate(page.first_published_at).isoformat()
            }
        rows.append(_row("unreviewed", page, detail))
    return rows


def past_events_open(now=None):
    try:
        EventPage = apps.get_model("events", "EventPage")
    except LookupError:
        return []
    if not all(_has_field(EventPage, f) for f in ("end", "registration_enabled", "registration_closes")):
        return []
    now = now or timezone.now()
    pages = (
        EventPage.objects.live()
        .filter(end__lt=now, registration_enabled=True, registration_closes__gt=now)
        .select_related("locale")
        .order_by("-end")
    )
    return [
        _row(
            "past_event_open",
            p,
            _("Ended %(date)s; registration closes %(closes)s")
            % {
                "date": timezone.localtime(p.end).date().isoformat(),
                "closes": timezone.localtime(p.registration_closes).date().isoformat(),
            },
        )
        for p in pages
    ]


SECTIONS = [
    ("alt_text", gettext_lazy("Images without alternative text")),
    ("transcript", gettext_lazy("Videos without transcript or captions")),
    ("broken_link", gettext_lazy("Broken internal links")),
    ("unreviewed", gettext_lazy("Methods not reviewed in twelve months")),
    ("past_event_open", gettext_lazy("Past events still open for registration")),
]


def report():
    scan = list(_scan())
    rows = (
        media_problems(scan) + broken_links() + links_to_deleted_pages(scan) + unreviewed_methods() + past_events_open()
    )
    return {kind: [r for r in rows if r["kind"] == kind] for kind, _label in SECTIONS}
