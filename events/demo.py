"""Demo events from the seed: the course series (three digital sessions of three hours), the digital gathering
for volunteer organisations and the two digital launches of the new starter pack. Dates are relative to the
day the demo is loaded, and every load moves existing demo events back to those dates (unless an editor changed
them in the admin), so there are always past events (with materials) and upcoming ones open for registration."""

from datetime import datetime, time, timedelta

from django.apps import apps
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Locale

from events.models import EventIndexPage, EventPage, EventPageRelatedMethod, EventPageSpeaker, EventSeries, Speaker
from hub.translation import translate

SPEAKERS = {
    "ulrich": ("Jens Ulrich", "Kursholder", "Samskaping i offentlig sektor"),
    "leerberg": ("Malene Bødker Leerberg", "Kursholder og sparringspartner", ""),
    "stabell": ("Øystein Stabell", "Prosjektleder", "Innlandet fylkesbibliotek"),
    "ks": ("Representant fra KS", "Innleder", "KS"),
}

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _at(days, hour, minute=0):
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _programme(items):
    return [("item", {"time": time(*t), "title": title, "speaker": speaker}) for t, title, speaker in items]


def _speaker(key, nb):
    name, role, org = SPEAKERS[key]
    speaker = Speaker.objects.filter(name=name, locale=nb).first()
    return speaker or Speaker.objects.create(name=name, role=role, organisation=org, locale=nb)


def _slides(title):
    doc = Document.objects.filter(title=title).first()
    if doc is None:
        doc = Document(title=title)
        doc.file.save("lysark-lansering.pdf", ContentFile(MINIMAL_PDF), save=False)
        doc.save()
    return doc


DATE_FIELDS = ("start", "end", "registration_opens", "registration_closes")


def _edited_in_admin(obj):
    """True when someone changed it in the admin (a revision with a user): their dates are left alone."""
    latest = obj.get_latest_revision() if hasattr(obj, "get_latest_revision") else None
    return latest is not None and latest.user_id is not None


def _redate(page, fields):
    """Move an existing demo event (and its translations) to the dates relative to today. No-op when they are
    already right, so loading the demo twice on one day changes nothing."""
    wanted = {name: fields.get(name) for name in DATE_FIELDS}
    if all(getattr(page, name) == value for name, value in wanted.items()) or _edited_in_admin(page):
        return False
    for target in [page, *EventPage.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)]:
        for name, value in wanted.items():
            setattr(target, name, value)
        target.save_revision().publish()
    return True


def _series(fields):
    series, created = EventSeries.objects.get_or_create(slug="kursrekke-samskaping", defaults=fields)
    if not created and series.registration_opens != fields["registration_opens"]:
        series.registration_opens = fields["registration_opens"]
        series.save(update_fields=["registration_opens"])
    return series


def _event(index, slug, speakers=(), methods=(), **fields):
    page = EventPage.objects.filter(slug=slug, locale=index.locale).first()
    if page is not None:
        _redate(page, fields)
        return page, False
    page = EventPage(slug=slug, locale=index.locale, **fields)
    for i, speaker in enumerate(speakers):
        page.speaker_links.add(EventPageSpeaker(speaker=speaker, sort_order=i))
    for i, method in enumerate(methods):
        page.related_methods.add(EventPageRelatedMethod(method=method, sort_order=i))
    index.add_child(instance=page)
    page.save_revision().publish()
    return page, True


COURSE_TOPICS = [
    ("Bibliotekenes rolle som samfunnsutvikler", "KS forteller hvorfor de motiverer til samskaping i kommunene."),
    ("Verdiskaping ved å arbeide samskapende", "Erfaringer fra de utforskende samtalene med lag og foreninger."),
    (
        "Balansen mellom bibliotekfaglighet og de frivilliges initiativ",
        "Frivilligheten forteller hvordan de vil bli møtt.",
    ),
]

LAUNCH_1 = {
    "title": "Digital lansering av Startpakke i samskaping",
    "lead": "Vi lanserer den videreutviklede Startpakken med fem nye metoder og verktøy – utviklet sammen med brukerne.",
}
LAUNCH_2 = {
    "title": "Startpakke i samskaping for kommuner og frivillighet",
    "lead": "Andre digitale lansering: hvordan kommuner og frivillige lag kan ta i bruk startpakken sammen med biblioteket.",
}
TRANSLATIONS = {
    "nn": {
        LAUNCH_1["title"]: "Digital lansering av Startpakke i samskaping",
        LAUNCH_1[
            "lead"
        ]: "Vi lanserer den vidareutvikla Startpakken med fem nye metodar og verktøy – utvikla saman med brukarane.",
        LAUNCH_2["title"]: "Startpakke i samskaping for kommunar og frivilligheit",
        LAUNCH_2[
            "lead"
        ]: "Andre digitale lansering: korleis kommunar og frivillige lag kan ta i bruk startpakken saman med biblioteket.",
        "Velkommen og bakgrunn": "Velkomen og bakgrunn",
        "De nye metodene og verktøyene": "Dei nye metodane og verktøya",
        "Spørsmål og avslutning": "Spørsmål og avslutning",
        "Opptak av lanseringen": "Opptak av lanseringa",
        "lansering-startpakke": "lansering-startpakke",
        "lansering-kommuner": "lansering-kommunar",
    },
    "en": {
        LAUNCH_1["title"]: "Digital launch of the Starter pack in co-creation",
        LAUNCH_1[
            "lead"
        ]: "We launch the improved Starter pack with five new methods and tools – developed together with its users.",
        LAUNCH_2["title"]: "Starter pack in co-creation for municipalities and volunteers",
        LAUNCH_2[
            "lead"
        ]: "Second digital launch: how municipalities and volunteer organisations can use the starter pack with the library.",
        "Velkommen og bakgrunn": "Welcome and background",
        "De nye metodene og verktøyene": "The new methods and tools",
        "Spørsmål og avslutning": "Questions and closing",
        "Opptak av lanseringen": "Recording of the launch",
        "lansering-startpakke": "launch-starter-pack",
        "lansering-kommuner": "launch-municipalities",
    },
}


def load(ctx):
    home = ctx.home
    nb = home.locale
    index = EventIndexPage.objects.filter(slug="arrangementer", locale=nb).first()
    if index is None:
        index = EventIndexPage(
            title="Arrangementer",
            slug="arrangementer",
            locale=nb,
            lead="Kursrekken for bibliotekansatte, samlingen for frivillige lag og foreninger og lanseringene av "
            "Startpakke i samskaping. Meld deg på – alle arrangementene er digitale.",
        )
        home.add_child(instance=index)
        index.save_revision().publish()

    speakers = {key: _speaker(key, nb) for key in SPEAKERS}
    MethodPage = apps.get_model("methods", "MethodPage")
    methods = list(MethodPage.objects.live().filter(locale=nb).order_by("path")[:3])

    series = _series(
        {
            "title": "Kursrekke: Samskaping mellom bibliotek og frivilligheten",
            "description": "Tre digitale samlinger à tre timer for bibliotekansatte i hele landet. Mellom kursdagene "
            "har deltakerne utforskende samtaler med tre lag eller foreninger. Én påmelding gjelder hele kursrekken.",
            "capacity": 60,
            "registration_opens": _at(-30, 9),
        }
    )
    for n, (days, (topic, detail)) in enumerate(zip((14, 35, 56), COURSE_TOPICS, strict=True), start=1):
        _event(
            index,
            f"kursdag-{n}",
            speakers=[speakers["ulrich"], speakers["leerberg"]] + ([speakers["ks"]] if n == 1 else []),
            methods=methods,
            title=f"Kursdag {n}: {topic}",
            lead=f"Kursdag {n} av 3 i kursrekken. {detail}",
            kind=EventPage.Kind.COURSE_SESSION,
            audience=EventPage.Audience.LIBRARY_STAFF,
            format=EventPage.Format.DIGITAL,
            platform="Zoom",
            join_url=f"https://zoom.example/j/8800{n}?pwd=kursdag{n}",
            series=series,
            start=_at(days, 9),
            end=_at(days, 12),
            programme=_programme(
                [
                    ((9, 0), "Velkommen", "Øystein Stabell"),
                    ((9, 15), f"Forelesning: {topic}", "Jens Ulrich"),
                    ((10, 30), "Erfaringsdeling i grupper", "Malene Bødker Leerberg"),
                    ((11, 30), "Oppsummering og veien videre", "Jens Ulrich"),
                ]
            ),
        )

    _event(
        index,
        "digital-samling-frivillige",
        speakers=[speakers["stabell"], speakers["leerberg"]],
        title="Digital samling for frivillige lag og foreninger",
        lead="For lagene og foreningene kursdeltakerne har hatt samtaler med: hva har vi lært, og hva kan vi løse sammen?",
        kind=EventPage.Kind.GATHERING,
        audience=EventPage.Audience.VOLUNTEERS,
        format=EventPage.Format.DIGITAL,
        platform="Teams",
        join_url="https://teams.example/meet/samling-frivillige",
        capacity=100,
        registration_opens=_at(-14, 9),
        start=_at(70, 18),
        end=_at(70, 20),
        programme=_programme(
            [
                ((18, 0), "Velkommen", "Øystein Stabell"),
                ((18, 15), "Felles utfordringer vi har oppdaget", "Deltakere fra bibliotekene"),
                ((19, 0), "Gruppesamtaler", "Malene Bødker Leerberg"),
            ]
        ),
    )

    launch_programme = _programme(
        [
            ((13, 0), "Velkommen og bakgrunn", "Øystein Stabell"),
            ((13, 15), "De nye metodene og verktøyene", "Malene Bødker Leerberg"),
            ((14, 0), "Spørsmål og avslutning", "Øystein Stabell"),
        ]
    )
    launch1, created1 = _event(
        index,
        "lansering-startpakke",
        speakers=[speakers["stabell"], speakers["leerberg"]],
        kind=EventPage.Kind.LAUNCH,
        audience=EventPage.Audience.EVERYONE,
        format=EventPage.Format.DIGITAL,
        platform="Zoom",
        join_url="https://zoom.example/j/77001?pwd=lansering1",
        capacity=300,
        registration_opens=_at(-60, 9),
        start=_at(-21, 13),
        end=_at(-21, 14, 30),
        programme=launch_programme,
        materials=[
            (
                "recording",
                {
                    "title": "Opptak av lanseringen",
                    "url": "https://video.example/samskaping/lansering-1",
                    "transcript": "<p>Øystein Stabell ønsket velkommen og fortalte om bakgrunnen for Startpakken. "
                    "Malene Bødker Leerberg viste de fem nye metodene og verktøyene.</p>",
                },
            ),
            (
                "slides",
                {"document": _slides("Lysark fra lanseringen av Startpakke i samskaping"), "title": "Lysark (PDF)"},
            ),
        ],
        **LAUNCH_1,
    )
    launch2, created2 = _event(
        index,
        "lansering-kommuner",
        speakers=[speakers["stabell"], speakers["ks"]],
        kind=EventPage.Kind.LAUNCH,
        audience=EventPage.Audience.MUNICIPALITIES,
        format=EventPage.Format.DIGITAL,
        platform="Zoom",
        join_url="https://zoom.example/j/77002?pwd=lansering2",
        capacity=200,
        registration_opens=_at(-7, 9),
        start=_at(10, 13),
        end=_at(10, 14, 30),
        programme=launch_programme,
        **LAUNCH_2,
    )
    _host(index, "3403")  # before translating: translations keep the place (a synchronised field)
    launch1.refresh_from_db()  # the translation source is read from these instances
    launch2.refresh_from_db()
    for code, strings in TRANSLATIONS.items():
        locale = Locale.objects.get(language_code=code)
        for launch in (launch1, launch2):
            if not launch.has_translation(locale):
                if not index.has_translation(locale):
                    translate(
                        index,
                        code,
                        {
                            "Arrangementer": {"nn": "Arrangement", "en": "Events"}[code],
                            "arrangementer": {"nn": "arrangement", "en": "events"}[code],
                        },
                        user=ctx.user,
                    )
                translate(launch, code, strings, user=ctx.user)
    # Pictures for the launches and the course days, in every language.
    from hub.demo_pictures import set_picture

    for event in EventPage.objects.live().child_of(index).filter(locale=nb).order_by("start")[:5]:
        set_picture(event)


def _host(index, municipality_number):
    """The demo events are hosted by Innlandet county library in Hamar: their place page lists them."""
    from hub.models import Municipality

    host = Municipality.objects.filter(number=municipality_number).first()
    if host is None:
        return
    for event in EventPage.objects.child_of(index).filter(municipality__isnull=True):
        event.municipality = host
        event.save_revision().publish()
