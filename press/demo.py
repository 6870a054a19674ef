"""Demo content for the press room: contacts, two releases (one also in English), a media kit drawn with
Pillow, a fact sheet from the application text (the seed) and a coverage list. Idempotent."""

import datetime

from wagtail.models import Locale

from hub.translation import translate
from press.demo_images import ensure_document, ensure_image, fact_sheet_pdf, logo_png, photo_jpeg
from press.models import (
    CoverageItem,
    MediaKitItem,
    PressContact,
    PressReleaseAttachment,
    PressReleaseContact,
    PressReleasePage,
    PressRoomContact,
    PressRoomPage,
)

COUNTIES = [
    "Innlandet fylkesbibliotek",
    "Viken fylkesbibliotek",
    "Vestfold og Telemark fylkesbibliotek",
    "Troms og Finnmark fylkesbibliotek",
    "Rogaland fylkesbibliotek",
]

ROOM = {
    "title": "Presserom",
    "slug": "presse",
    "lead": "Pressemeldinger, pressekontakter, bilder og fakta om prosjektet «Samskaping – fra planverk til "
    "hverdagspraksis». Bruk gjerne stoffet – husk kreditering.",
    "fact_owner": "Innlandet fylkesbibliotek",
    "fact_counties": "\n".join(COUNTIES),
    "fact_goals": (
        "<ol><li>Bibliotek og frivillige lag og foreninger har fått praktisk erfaring med å arbeide samskapende "
        "og løse felles utfordringer sammen.</li><li>E-læringskurset «Startpakke i samskaping» er videreutviklet "
        "sammen med brukerne og er et kjent, anerkjent og anvendt praktisk kurs i Norge.</li></ol>"
    ),
    "fact_funding": "500 000 kr fra Nasjonalbibliotekets utviklingsmidler",
    "fact_period": "2022–2023",
}

ROOM_EN = {
    "Presserom": "Press room",
    "presse": "press",
    ROOM["lead"]: "Press releases, press contacts, images and facts about the project «Co-creation – from plans to "
    "everyday practice». Feel free to use the material – please credit it.",
    "500 000 kr fra Nasjonalbibliotekets utviklingsmidler": "NOK 500,000 from the National Library of Norway's "
    "development funds",
}

# The press room in Nynorsk, so the Nynorsk menu's press link stays in Nynorsk (releases may still be Bokmål).
ROOM_NN = {
    "Presserom": "Presserom",
    "presse": "presse",
    ROOM["lead"]: "Pressemeldingar, pressekontaktar, bilete og fakta om prosjektet «Samskaping – frå planverk til "
    "kvardagspraksis». Bruk gjerne materialet – hugs å oppgi kjelde.",
    "500 000 kr fra Nasjonalbibliotekets utviklingsmidler": "500 000 kr frå utviklingsmidlane til Nasjonalbiblioteket",
}

CONTACTS = [
    {
        "name": "Øystein Stabell",
        "role": "Prosjektleder",
        "organisation": "Innlandet fylkesbibliotek",
        "phone": "+47 000 00 001",
        "email": "oystein.stabell@example.invalid",
    },
    {
        "name": "Tone Nyseter",
        "role": "Prosjekteier",
        "organisation": "Innlandet fylkesbibliotek",
        "phone": "+47 000 00 002",
        "email": "tone.nyseter@example.invalid",
    },
]
CONTACTS_EN = {
    "Prosjektleder": "Project manager",
    "Prosjekteier": "Project owner",
    "Innlandet fylkesbibliotek": "Innlandet County Library",
}

COURSE = {
    "title": "Bibliotek og frivillighet samskaper i ny kursrekke",
    "slug": "kursrekke-samskaping",
    "date": datetime.date(2022, 9, 1),
    "lead": "Fem fylkesbibliotek inviterer bibliotekansatte over hele landet til en kursrekke i samskaping mellom "
    "bibliotek og frivillige lag og foreninger – i Frivillighetens år 2022.",
    "body": [
        (
            "paragraph",
            "<p>Kursrekken består av tre digitale samlinger à tre timer. Mellom samlingene har deltakerne "
            "utforskende samtaler med tre lag eller foreninger i sitt lokalsamfunn, og oppdager felles utfordringer de "
            "kan løse sammen.</p>",
        ),
        (
            "paragraph",
            "<p>Til slutt holdes en digital samling for de frivillige lagene og foreningene som "
            "kursdeltakerne har snakket med. Kursrekken evalueres, og erfaringene deles åpent.</p>",
        ),
    ],
    "quotes": [
        (
            "quote",
            {
                "quote": "Med en samskapende tilnærming viser forskning og vår erfaring at det kan oppstå helt nye "
                "løsninger som skaper verdi for lokalsamfunnet.",
                "attribution": "Prosjektgruppa",
                "role": "Samskaping – fra planverk til hverdagspraksis",
            },
        ),
    ],
}

LAUNCH = {
    "title": "Fornyet «Startpakke i samskaping» lanseres",
    "slug": "lansering-startpakke",
    "date": datetime.date(2023, 10, 2),
    "lead": "E-læringskurset «Startpakke i samskaping» er videreutviklet sammen med brukerne, og får fem nye "
    "metoder og verktøy. Kurset lanseres på to digitale lanseringer.",
    "body": [
        (
            "paragraph",
            "<p>Startpakken er grundig evaluert sammen med folk som har testet kurset, og er strukturert "
            "slik at den er enkel å forstå og ta i bruk. Metodene som egner seg for digital samskaping, er tilrettelagt "
            "for det.</p>",
        ),
    ],
    "quotes": [
        (
            "quote",
            {
                "quote": "Vi vil senke terskelen for å praktisere samskaping – fra planverk til praksis.",
                "attribution": "Prosjektgruppa",
                "role": "Samskaping – fra planverk til hverdagspraksis",
            },
        ),
    ],
}

LAUNCH_EN = {
    LAUNCH["title"]: "Renewed «Starter pack in co-creation» launched",
    "lansering-startpakke": "launch-starter-pack",
    LAUNCH["lead"]: "The e-learning course «Starter pack in co-creation» has been developed further together with "
    "its users and gains five new methods and tools. It is launched at two digital launch events.",
    "Startpakken er grundig evaluert sammen med folk som har testet kurset, og er strukturert slik at den er enkel å "
    "forstå og ta i bruk. Metodene som egner seg for digital samskaping, er tilrettelagt for det.": (
        "The starter pack has been thoroughly evaluated with people who tested the course, and is structured to be "
        "easy to understand and use. The methods suited to digital co-creation have been adapted for it."
    ),
    "Vi vil senke terskelen for å praktisere samskaping – fra planverk til praksis.": (
        "We want to lower the threshold for practising co-creation – from plans to practice."
    ),
    "Prosjektgruppa": "The project group",
    "Samskaping – fra planverk til hverdagspraksis": "Co-creation – from plans to everyday practice",
    "Et bibliotekrom klart for samling": "A library room ready for a gathering",
}

MEDIA_EN = {
    "Logo for prosjektet": "The project's logo",
    "Logo: tre overlappende sirkler og ordet Samskaping.": "Logo: three overlapping circles and the word Samskaping.",
    "Kursdeltakere i samtale med frivillige": "Course participants talking with volunteers",
    "Fire personer i samtale rundt et bord i et bibliotek.": "Four people talking around a table in a library.",
    "Biblioteket klart for samling": "The library ready for a gathering",
    "Et bibliotekrom med bokhyller og et langbord, klart for samling.": (
        "A library room with bookshelves and a long table, ready for a gathering."
    ),
}

COVERAGE = [
    ("Eksempelavisa", datetime.date(2022, 9, 8), "Biblioteket vil samskape med frivilligheten", "nb"),
    (
        "Fylkesnytt (eksempel)",
        datetime.date(2023, 2, 14),
        "Kursdeltakere fant felles utfordringer med lag og foreninger",
        "nn",
    ),
    (
        "Library Notes (example)",
        datetime.date(2023, 10, 20),
        "Norwegian libraries launch a co-creation starter pack",
        "en",
    ),
]


def ensure_contacts(user):
    nb = Locale.objects.get(language_code="nb")
    contacts = []
    for data in CONTACTS:
        contact = PressContact.objects.filter(locale=nb, email=data["email"]).first()
        if contact is None:
            contact = PressContact.objects.create(locale=nb, **data)
        if not contact.has_translation(Locale.objects.get(language_code="en")):
            translate(contact, "en", CONTACTS_EN, user=user)
        contacts.append(contact)
    return contacts


def ensure_media_kit(user):
    nb = Locale.objects.get(language_code="nb")
    logo = ensure_image("Samskaping – logo", "samskaping-logo.png", logo_png())
    group = ensure_image("Kursdeltakere i samtale (demo)", "kursdeltakere.jpg", photo_jpeg(people=True))
    room = ensure_image("Biblioteket klart for samling (demo)", "bibliotekrom.jpg", photo_jpeg(people=False))
    items = [
        dict(
            title="Logo for prosjektet",
            image=logo,
            kind="logo",
            credit="Samskaping – fra planverk til hverdagspraksis",
            licence="CC BY 4.0",
            description="Logo: tre overlappende sirkler og ordet Samskaping.",
            sort_order=0,
        ),
        dict(
            title="Kursdeltakere i samtale med frivillige",
            image=group,
            kind="photo",
            credit="Innlandet fylkesbibliotek",
            licence="CC BY 4.0",
            description="Fire personer i samtale rundt et bord i et bibliotek.",
            shows_people=True,
            people_consented=True,
            consent_note="Skriftlig samtykke fra alle avbildede, arkivert hos Innlandet fylkesbibliotek.",
            sort_order=1,
        ),
        dict(
            title="Biblioteket klart for samling",
            image=room,
            kind="photo",
            credit="Innlandet fylkesbibliotek",
            licence="CC BY 4.0",
            description="Et bibliotekrom med bokhyller og et langbord, klart for samling.",
            sort_order=2,
        ),
    ]
    result = []
    for data in items:
        item = MediaKitItem.objects.filter(locale=nb, title=data["title"]).first()
        if item is None:
            item = MediaKitItem(locale=nb, **data)
            item.full_clean()
            item.save()
        if not item.has_translation(Locale.objects.get(language_code="en")):
            translate(item, "en", MEDIA_EN, user=user)
        result.append(item)
    return result


def ensure_room(home, contacts, user):
    room = PressRoomPage.objects.filter(locale=home.locale, slug=ROOM["slug"]).first()
    if room is None:
        room = PressRoomPage(locale=home.locale, **ROOM)
        room.contacts = [PressRoomContact(contact=c, sort_order=i) for i, c in enumerate(contacts)]
        home.add_child(instance=room)
        room.save_revision(user=user).publish(user=user)
    return room


def ensure_release(room, data, contacts, user, images=(), attachments=()):
    release = PressReleasePage.objects.filter(locale=room.locale, slug=data["slug"]).first()
    if release is None:
        release = PressReleasePage(locale=room.locale, **data)
        release.images = [
            (
                "image",
                {
                    "image": img,
                    "alt_text": alt,
                    "decorative": False,
                    "caption": "",
                    "credit": "Innlandet fylkesbibliotek",
                },
            )
            for img, alt in images
        ]
        release.contact_persons = [PressReleaseContact(contact=c, sort_order=i) for i, c in enumerate(contacts)]
        release.attachments = [
            PressReleaseAttachment(document=d, title=t, sort_order=i) for i, (d, t) in enumerate(attachments)
        ]
        room.add_child(instance=release)
        release.save_revision(user=user).publish(user=user)
    return release


def ensure_coverage():
    for outlet, date, title, language in COVERAGE:
        CoverageItem.objects.get_or_create(
            outlet=outlet,
            title=title,
            defaults={"date": date, "language": language, "link": f"https://example.invalid/{date:%Y%m%d}"},
        )


def load(ctx):
    en = Locale.objects.get(language_code="en")
    contacts = ensure_contacts(ctx.user)
    kit = ensure_media_kit(ctx.user)
    room = ensure_room(ctx.home, contacts, ctx.user)
    fact_pdf = ensure_document(
        "Faktaark – Samskaping fra planverk til hverdagspraksis",
        "faktaark-samskaping.pdf",
        fact_sheet_pdf(
            [
                "Samskaping – fakta",
                "Prosjekteier: Innlandet fylkesbibliotek",
                "Finansiering: 500 000 kr (Nasjonalbiblioteket)",
                "Periode: 2022-2023",
            ]
        ),
    )
    ensure_release(
        room,
        COURSE,
        contacts[:1],
        ctx.user,
        images=[(kit[1].image, "Kursdeltakere i samtale med frivillige på biblioteket")],
    )
    launch = ensure_release(
        room,
        LAUNCH,
        contacts,
        ctx.user,
        images=[(kit[2].image, "Et bibliotekrom klart for samling")],
        attachments=[(fact_pdf, "Faktaark om prosjektet (PDF)")],
    )
    ensure_coverage()
    if not room.has_translation(en):
        translate(room, "en", ROOM_EN, user=ctx.user)
    if not launch.has_translation(en):
        translate(launch, "en", LAUNCH_EN, user=ctx.user)
    if not room.has_translation(Locale.objects.get(language_code="nn")):
        translate(room, "nn", ROOM_NN, user=ctx.user)
