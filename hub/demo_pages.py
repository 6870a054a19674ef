"""The about, privacy and accessibility pages in Nynorsk and English, and the site settings that link them from
the footer (page choosers, resolved to each visitor's language): no language falls back to Bokmål."""

from wagtail.models import Locale, Site

from hub.models import SiteSettings, StandardPage
from hub.translation import translate

ABOUT_LEAD = "Prosjektet er støttet av Nasjonalbiblioteket med utviklingsmidler og eies av Innlandet fylkesbibliotek."
ABOUT_BACKGROUND = (
    "Samskaping har de siste årene for alvor kommet på dagsorden i Norge. Erfaringene fra "
    "kommuner som har arbeidet for å etablere en samskapende kultur, er at det tar tid å overføre "
    "samskaping fra planverk til praksis."
)
ABOUT_GROUP = (
    "Britt Ellingsdalen (Rogaland), Hilde Grefsrud (Viken), Mads Munkvold (Troms og "
    "Finnmark), Pernilla Slott Hjermann (Vestfold og Telemark) og Øystein Stabell (Innlandet, "
    "prosjektleder). Tone Nyseter (Innlandet) er prosjekteier."
)
PRIVACY_LEAD = (
    "Slik behandler vi personopplysninger når du melder deg på arrangementer, deler en historie eller gir "
    "tilbakemelding."
)
PRIVACY_BODY = (
    "Vi lagrer bare det vi trenger for å gjennomføre arrangementet eller publisere "
    "historien. Påmeldinger slettes eller anonymiseres 90 dager etter arrangementet. Du kan be om innsyn "
    "og sletting ved å skrive til oss."
)
A11Y_LEAD = "Vi har som mål at alle skal kunne bruke nettstedet, uavhengig av funksjonsevne."
A11Y_BODY = (
    "Nettstedet er laget etter WCAG 2.1 nivå AA og testes automatisk med axe-core. "
    "Finner du noe som ikke fungerer, vil vi gjerne høre fra deg."
)

# slug -> {language: {source text: translation}}
TRANSLATIONS = {
    "om-prosjektet": {
        "nn": {
            "Om prosjektet": "Om prosjektet",
            "om-prosjektet": "om-prosjektet",
            ABOUT_LEAD: "Prosjektet er støtta av Nasjonalbiblioteket med utviklingsmidlar og eigd av Innlandet "
            "fylkesbibliotek.",
            "Bakgrunn": "Bakgrunn",
            ABOUT_BACKGROUND: "Samskaping har dei siste åra for alvor kome på dagsordenen i Noreg. Erfaringane frå "
            "kommunar som har arbeidd for å etablere ein samskapande kultur, er at det tek tid å overføre samskaping "
            "frå planverk til praksis.",
            "Prosjektgruppa": "Prosjektgruppa",
            ABOUT_GROUP: "Britt Ellingsdalen (Rogaland), Hilde Grefsrud (Viken), Mads Munkvold (Troms og Finnmark), "
            "Pernilla Slott Hjermann (Vestfold og Telemark) og Øystein Stabell (Innlandet, prosjektleiar). Tone "
            "Nyseter (Innlandet) er prosjekteigar.",
        },
        "en": {
            "Om prosjektet": "About the project",
            "om-prosjektet": "about",
            ABOUT_LEAD: "The project is funded by the National Library of Norway's development grants and owned by "
            "Innlandet county library.",
            "Bakgrunn": "Background",
            ABOUT_BACKGROUND: "In recent years co-creation has truly reached the agenda in Norway. Municipalities that "
            "have worked to build a co-creative culture find that it takes time to move co-creation from plans into "
            "practice.",
            "Prosjektgruppa": "The project group",
            ABOUT_GROUP: "Britt Ellingsdalen (Rogaland), Hilde Grefsrud (Viken), Mads Munkvold (Troms og Finnmark), "
            "Pernilla Slott Hjermann (Vestfold og Telemark) and Øystein Stabell (Innlandet, project manager). Tone "
            "Nyseter (Innlandet) is the project owner.",
        },
    },
    "personvern": {
        "nn": {
            "Personvernerklæring": "Personvernerklæring",
            "personvern": "personvern",
            PRIVACY_LEAD: "Slik behandlar vi personopplysningar når du meldar deg på arrangement, deler ei "
            "forteljing eller gir tilbakemelding.",
            PRIVACY_BODY: "Vi lagrar berre det vi treng for å gjennomføre arrangementet eller publisere "
            "forteljinga. Påmeldingar blir sletta eller anonymiserte 90 dagar etter arrangementet. Du kan be om "
            "innsyn og sletting ved å skrive til oss.",
        },
        "en": {
            "Personvernerklæring": "Privacy statement",
            "personvern": "privacy",
            PRIVACY_LEAD: "How we handle personal data when you register for an event, share a story or give feedback.",
            PRIVACY_BODY: "We keep only what we need to run the event or publish the story. Registrations are "
            "deleted or anonymised 90 days after the event. You can ask to see or delete your data by writing to us.",
        },
    },
    "tilgjengelighetserklaering": {
        "nn": {
            "Tilgjengelighetserklæring": "Tilgjengeerklæring",
            "tilgjengelighetserklaering": "tilgjengeerklaering",
            A11Y_LEAD: "Vi har som mål at alle skal kunne bruke nettstaden, uavhengig av funksjonsevne.",
            A11Y_BODY: "Nettstaden er laga etter WCAG 2.1 nivå AA og blir testa automatisk med axe-core. Finn du "
            "noko som ikkje fungerer, vil vi gjerne høyre frå deg.",
        },
        "en": {
            "Tilgjengelighetserklæring": "Accessibility statement",
            "tilgjengelighetserklaering": "accessibility",
            A11Y_LEAD: "We aim for everyone to be able to use this website, whatever their abilities.",
            A11Y_BODY: "The website is built to WCAG 2.1 level AA and tested automatically with axe-core. If you "
            "find something that does not work, we would like to hear from you.",
        },
    },
}

FOOTER = {
    "about_page": "om-prosjektet",
    "privacy_page": "personvern",
    "accessibility_page": "tilgjengelighetserklaering",
}


def load(home, user=None):
    """Translate the standard pages (once per language) and choose them as the footer's links."""
    pages = {p.slug: p for p in StandardPage.objects.filter(locale=home.locale, slug__in=TRANSLATIONS)}
    for slug, by_language in TRANSLATIONS.items():
        page = pages.get(slug)
        if page is None:
            continue
        for code, strings in by_language.items():
            if not page.has_translation(Locale.objects.get(language_code=code)):
                translate(page, code, strings, user=user)
    site = Site.objects.filter(root_page=home).first()
    if site is None:
        return
    site_settings = SiteSettings.for_site(site)
    changed = False
    for field, slug in FOOTER.items():
        if getattr(site_settings, f"{field}_id") is None and slug in pages:
            setattr(site_settings, field, pages[slug])
            changed = True
    if site_settings.share_image_id is None:  # what a page without a picture of its own shows when shared
        from hub.demo_pictures import ensure_picture

        site_settings.share_image = ensure_picture("Samskaping – fra planverk til hverdagspraksis")
        changed = True
    if changed:
        site_settings.save()
