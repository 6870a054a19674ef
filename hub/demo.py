"""Demo content for the hub's core, written from the project's application text (the seed)."""

from wagtail.models import Locale, Page, Site

from hub.models import HomePage, HomePagePartner, StandardPage
from hub.translation import translate

PARTNERS = [
    ("Innlandet fylkesbibliotek", "Innlandet", "https://innlandetfylke.no"),
    ("Viken fylkesbibliotek", "Viken", ""),
    ("Vestfold og Telemark fylkesbibliotek", "Vestfold og Telemark", ""),
    ("Troms og Finnmark fylkesbibliotek", "Troms og Finnmark", ""),
    ("Rogaland fylkesbibliotek", "Rogaland", ""),
]

GOAL_ONE = (
    "Bibliotekene har invitert lag og foreninger inn i utforskende samtaler og fått ny innsikt i felles "
    "utfordringer. De har erfart verdien av at biblioteket/kommunen og frivilligheten løser utfordringer sammen."
)
GOAL_TWO = (
    "Sammen med brukerne har e-læringskurset «Startpakke i samskaping» blitt videreutviklet, og er et kjent, "
    "anerkjent og anvendt praktisk kurs for alle som ønsker å komme i gang med samskaping i Norge."
)

HOME = {
    "title": "Samskaping – fra planverk til hverdagspraksis",
    "lead": (
        "Fem fylkesbibliotek ruster bibliotekansatte og frivillige lag og foreninger til å arbeide samskapende i "
        "praksis – og deler metodene, erfaringene og e-læringskurset «Startpakke i samskaping» med alle."
    ),
    "purpose": (
        "<p>Gjennom praktisk erfaring har bibliotek og frivillige lag og foreninger tilnærmet seg en samskapende "
        "arbeidsform, og styrket bibliotekets rolle som samfunnsutvikler i lokalsamfunnet.</p>"
    ),
    "goal_one": f"<p>{GOAL_ONE}</p>",
    "goal_two": f"<p>{GOAL_TWO}</p>",
}

HOME_NN = {
    HOME["title"]: "Samskaping – frå planverk til kvardagspraksis",
    HOME["lead"]: (
        "Fem fylkesbibliotek rustar bibliotektilsette og frivillige lag og foreiningar til å arbeide samskapande i "
        "praksis – og deler metodane, erfaringane og e-læringskurset «Startpakke i samskaping» med alle."
    ),
    "Gjennom praktisk erfaring har bibliotek og frivillige lag og foreninger tilnærmet seg en samskapende "
    "arbeidsform, og styrket bibliotekets rolle som samfunnsutvikler i lokalsamfunnet.": (
        "Gjennom praktisk erfaring har bibliotek og frivillige lag og foreiningar nærma seg ei samskapande "
        "arbeidsform, og styrkt rolla til biblioteket som samfunnsutviklar i lokalsamfunnet."
    ),
    GOAL_ONE: (
        "Biblioteka har invitert lag og foreiningar inn i utforskande samtalar og fått ny innsikt i felles "
        "utfordringar. Dei har erfart verdien av at biblioteket/kommunen og frivilligheita løyser utfordringar saman."
    ),
    GOAL_TWO: (
        "Saman med brukarane har e-læringskurset «Startpakke i samskaping» vorte vidareutvikla, og er eit kjent, "
        "anerkjent og brukt praktisk kurs for alle som ønskjer å kome i gang med samskaping i Noreg."
    ),
    "hjem": "heim",
}

HOME_EN = {
    HOME["title"]: "Co-creation – from plans to everyday practice",
    HOME["lead"]: (
        "Five county libraries equip library staff and volunteer organisations to practise co-creation – and share "
        "the methods, the experiences and the e-learning course «Starter pack in co-creation» with everyone."
    ),
    "Gjennom praktisk erfaring har bibliotek og frivillige lag og foreninger tilnærmet seg en samskapende "
    "arbeidsform, og styrket bibliotekets rolle som samfunnsutvikler i lokalsamfunnet.": (
        "Through practical experience, libraries and volunteer organisations have adopted a co-creative way of "
        "working and strengthened the library's role as a developer of its local community."
    ),
    GOAL_ONE: (
        "The libraries have invited volunteer organisations into exploratory conversations and gained new insight "
        "into shared challenges. They have experienced the value of the library/municipality and the voluntary "
        "sector solving challenges together."
    ),
    GOAL_TWO: (
        "Together with its users, the e-learning course «Starter pack in co-creation» has been developed further "
        "and is a well-known, recognised and widely used practical course for everyone in Norway who wants to get "
        "started with co-creation."
    ),
    "hjem": "home",
}

STANDARD_PAGES = [
    (
        "om-prosjektet",
        "Om prosjektet",
        "Prosjektet er støttet av Nasjonalbiblioteket med utviklingsmidler og eies av Innlandet fylkesbibliotek.",
        [
            ("heading", "Bakgrunn"),
            (
                "paragraph",
                "<p>Samskaping har de siste årene for alvor kommet på dagsorden i Norge. Erfaringene fra "
                "kommuner som har arbeidet for å etablere en samskapende kultur, er at det tar tid å overføre "
                "samskaping fra planverk til praksis.</p>",
            ),
            ("heading", "Prosjektgruppa"),
            (
                "paragraph",
                "<p>Britt Ellingsdalen (Rogaland), Hilde Grefsrud (Viken), Mads Munkvold (Troms og "
                "Finnmark), Pernilla Slott Hjermann (Vestfold og Telemark) og Øystein Stabell (Innlandet, "
                "prosjektleder). Tone Nyseter (Innlandet) er prosjekteier.</p>",
            ),
        ],
    ),
    (
        "personvern",
        "Personvernerklæring",
        "Slik behandler vi personopplysninger når du melder deg på arrangementer, deler en historie eller gir "
        "tilbakemelding.",
        [
            (
                "paragraph",
                "<p>Vi lagrer bare det vi trenger for å gjennomføre arrangementet eller publisere "
                "historien. Påmeldinger slettes eller anonymiseres 90 dager etter arrangementet. Du kan be om innsyn "
                "og sletting ved å skrive til oss.</p>",
            ),
        ],
    ),
    (
        "tilgjengelighetserklaering",
        "Tilgjengelighetserklæring",
        "Vi har som mål at alle skal kunne bruke nettstedet, uavhengig av funksjonsevne.",
        [
            (
                "paragraph",
                "<p>Nettstedet er laget etter WCAG 2.1 nivå AA og testes automatisk med axe-core. "
                "Finner du noe som ikke fungerer, vil vi gjerne høre fra deg.</p>",
            ),
        ],
    ),
]


def ensure_home():
    """The Bokmål home page under the tree root, with the default Site pointing at it."""
    root = Page.get_first_root_node()
    nb = Locale.objects.get(language_code="nb")
    home = HomePage.objects.filter(locale=nb, depth=2).first()
    if home is None:
        home = HomePage(slug="hjem", locale=nb, **HOME)
        root.add_child(instance=home)
        home.save_revision().publish()
    # Remove Wagtail's placeholder welcome page, once ours exists.
    for page in Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore"):
        page.delete()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True)
    site.hostname, site.port, site.root_page, site.site_name = "localhost", 80, home, "Samskapingshuben"
    site.save()
    if not home.partners.exists():
        for i, (name, county, url) in enumerate(PARTNERS):
            HomePagePartner.objects.create(page=home, sort_order=i, name=name, county_then=county, url=url)
        home.save_revision().publish()
    return home


def ensure_standard_pages(home):
    for slug, title, lead, body in STANDARD_PAGES:
        if StandardPage.objects.filter(locale=home.locale, slug=slug).exists():
            continue
        page = StandardPage(title=title, slug=slug, lead=lead, body=body, locale=home.locale)
        home.add_child(instance=page)
        page.save_revision().publish()


def load(ctx):
    home = ensure_home()
    ctx.home = home
    ensure_standard_pages(home)
    for code, strings in (("nn", HOME_NN), ("en", HOME_EN)):
        target = home.get_translation_or_none(Locale.objects.get(language_code=code))
        # Translate once; again only where an older demo left the goals in Bokmål (idempotent otherwise).
        if target is None or (home.goal_one and target.specific.goal_one == home.goal_one):
            translate(home, code, strings, user=ctx.user)
    from hub import demo_pages

    demo_pages.load(home, user=ctx.user)
