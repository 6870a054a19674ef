"""Demo content for the starter pack: phases, fourteen methods, the course over them, and nn/en translations.

Idempotent: everything is looked up by slug before it is created."""

import datetime

from django.core.files.base import ContentFile
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import Locale

from hub.translation import translate
from methods.demo_course import COURSE, MODULES
from methods.demo_data import PHASES, M
from methods.demo_translations import INDEX_STRINGS, METHOD_STRINGS, PHASE_STRINGS
from methods.models import (
    CourseLessonPage,
    CourseMethodStepPage,
    CourseModulePage,
    CoursePage,
    MethodIndexPage,
    MethodPage,
    MethodPageRelated,
    Phase,
)
from methods.worksheets import text_pdf

INDEX = {
    "title": "Startpakke i samskaping",
    "slug": "startpakken",
    "lead": (
        "Metoder og verktøy for å komme i gang med samskaping – mellom bibliotek, kommune og frivillige lag og "
        "foreninger. Filtrer på fase, tid og gruppestørrelse, eller ta hele kurset steg for steg."
    ),
}


def _p(text):
    return f"<p>{escape(text)}</p>"


def _rich(value):
    if not value:
        return ""
    if isinstance(value, list):
        return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in value) + "</ul>"
    return _p(value)


def ensure_phases(nb):
    phases = {}
    for slug, name, description, order in PHASES:
        phase = Phase.objects.filter(locale=nb, slug=slug).first()
        if phase is None:
            phase = Phase.objects.create(locale=nb, slug=slug, name=name, description=description, sort_order=order)
        phases[slug] = phase
    return phases


def ensure_index(home):
    index = MethodIndexPage.objects.filter(locale=home.locale, slug=INDEX["slug"]).first()
    if index is None:
        index = MethodIndexPage(locale=home.locale, **INDEX)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def worksheet_document(title, lines):
    Document = get_document_model()
    doc = Document.objects.filter(title=title).first()
    if doc is None:
        doc = Document(title=title)
        slug = title.lower().replace(" ", "-").encode("ascii", "ignore").decode()
        doc.file.save(f"{slug}.pdf", ContentFile(text_pdf(title, lines)), save=False)
        doc.save()
    return doc


def method_page(slug, data, phases, locale):
    page = MethodPage(
        title=data["title"],
        slug=slug,
        locale=locale,
        summary=data["summary"],
        purpose=_p(data["purpose"]),
        when_to_use=_p(data["when"]),
        phase=phases[data["phase"]],
        duration_min=data["duration"][0],
        duration_max=data["duration"][1],
        group_min=data["group"][0],
        group_max=data["group"][1],
        difficulty=data["difficulty"],
        materials=_rich(data["materials"]),
        preparation=_p(data["preparation"]),
        tips=_rich(data["tips"]),
        pitfalls=_rich(data["pitfalls"]),
        is_new=data["new"],
        last_reviewed=datetime.date(2023, 11, 15) if not data["new"] else datetime.date(2023, 10, 1),
        search_description=data["summary"],
    )
    page.steps = [
        {"type": "step", "value": {"heading": h, "text": _p(t), "image": None, "image_alt": ""}}
        for h, t in data["steps"]
    ]
    digital = data.get("digital")
    if digital:
        page.digital_suitable = True
        page.online_tools, page.online_roles, page.online_timing = (
            _p(digital["tools"]),
            _p(digital["roles"]),
            _p(digital["timing"]),
        )
    if data.get("video"):
        title, transcript = data["video"]
        page.video = [
            {
                "type": "video",
                "value": {
                    "title": title,
                    "video_file": None,
                    "captions": None,
                    "url": f"https://video.samskaping.example/{slug}",
                    "transcript": _p(transcript),
                },
            }
        ]
    if data.get("worksheet"):
        doc = worksheet_document(*data["worksheet"])
        page.worksheets = [{"type": "worksheet", "value": {"document": doc.pk, "title": doc.title, "description": ""}}]
    return page


RELATED = [
    ("utforskende-samtale", "hva-bor-vi-sporre-om"),
    ("utforskende-samtale", "gatur-samtale"),
    ("prototyping", "brukertest-av-prototypen"),
    ("idemyldring", "fremtidsverksted"),
    ("gevinstkart", "evalueringsverksted"),
    ("brukerreise", "personas"),
]


def ensure_methods(index, phases):
    pages = {}
    for slug, data in M:
        page = MethodPage.objects.child_of(index).filter(slug=slug).first()
        if page is None:
            page = method_page(slug, data, phases, index.locale)
            index.add_child(instance=page)
            for tag in data["tags"]:
                page.tags.add(tag)
            page.save_revision().publish()
        pages[slug] = page.specific
    # Related methods, set through a revision so the published page carries them.
    related = {}
    for a, b in RELATED:
        related.setdefault(a, []).append(b)
    for a, targets in related.items():
        page = pages[a]
        if not page.related_methods.exists():
            page.related_methods = [MethodPageRelated(method=pages[b], sort_order=i) for i, b in enumerate(targets)]
            page.save_revision().publish()
    return pages


def ensure_course(index, methods):
    course = CoursePage.objects.child_of(index).first()
    if course is None:
        course = CoursePage(locale=index.locale, title=COURSE["title"], slug=COURSE["slug"], intro=COURSE["intro"])
        index.add_child(instance=course)
        course.save_revision().publish()
    for module_slug, title, intro, steps in MODULES:
        module = CourseModulePage.objects.child_of(course).filter(slug=module_slug).first()
        if module is None:
            module = CourseModulePage(locale=index.locale, title=title, slug=module_slug, intro=intro)
            course.add_child(instance=module)
            module.save_revision().publish()
        for kind, slug, step_title, text in steps:
            if module.get_children().filter(slug=slug).exists():
                continue
            if kind == "method":
                step = CourseMethodStepPage(
                    locale=index.locale, title=methods[slug].title, slug=slug, method=methods[slug], intro=text
                )
            else:
                step = CourseLessonPage(
                    locale=index.locale,
                    title=step_title,
                    slug=slug,
                    lead=text[0],
                    body=[("paragraph", _p(par)) for par in text[1:]],
                )
            module.add_child(instance=step)
            step.save_revision().publish()
    return course


def translate_content(index, phases, methods, user):
    for code in ("nn", "en"):
        locale = Locale.objects.get(language_code=code)
        for phase in phases.values():
            if not phase.has_translation(locale):
                translate(phase, code, PHASE_STRINGS[code], user=user)
        if not index.has_translation(locale):
            translate(index, code, INDEX_STRINGS[code], user=user)
        for slug, strings in METHOD_STRINGS[code].items():
            if not methods[slug].has_translation(locale):
                translate(methods[slug], code, strings, user=user)


def load(ctx):
    nb = ctx.home.locale
    phases = ensure_phases(nb)
    index = ensure_index(ctx.home)
    methods = ensure_methods(index, phases)
    ensure_course(index, methods)
    translate_content(index, phases, methods, ctx.user)
    # Pictures for the first methods of the starter pack, in every language.
    from hub.demo_pictures import set_picture

    for method in MethodPage.objects.live().child_of(index).order_by("path")[:4]:
        set_picture(method)
