"""The course path over the starter pack (Bokmål): modules of short lessons and methods, in order.

Steps: ("lesson", slug, title, [lead, paragraph, …]) or ("method", method slug, None, why-this-method-here)."""

COURSE = {
    "title": "Kurs: Startpakke i samskaping",
    "slug": "kurs",
    "intro": (
        "Et praktisk kurs for alle som vil komme i gang med samskaping. Gå gjennom modulene i rekkefølge, eller "
        "hopp til det du trenger. Nettleseren husker hvor langt du har kommet – du trenger ingen konto."
    ),
}

MODULES = [
    (
        "kom-i-gang",
        "Kom i gang",
        "Hva samskaping er, og hvordan du bruker startpakken.",
        [
            (
                "lesson",
                "hva-er-samskaping",
                "Hva er samskaping?",
                [
                    "Samskaping betyr å utvikle løsninger sammen med innbyggerne og lokalsamfunnet – ikke for dem.",
                    "Når bibliotek, kommune og frivillige lag og foreninger løser utfordringer sammen, kan det oppstå helt "
                    "nye løsninger som skaper verdi for lokalsamfunnet. Det krever en annen arbeidsform enn vi er vant til: "
                    "vi starter med å lytte, og vi deler makten over både spørsmålene og svarene.",
                    "Erfaringene fra prosjektet «Biblioteket som samskaper» viser at det tar tid å flytte samskaping fra "
                    "planverk til praksis. Dette kurset hjelper deg å ta de første stegene.",
                ],
            ),
            (
                "lesson",
                "slik-bruker-du-startpakken",
                "Slik bruker du startpakken",
                [
                    "Startpakken er ordnet etter fasene i en samskapingsprosess: forberede, utforske, skape, teste og evaluere.",
                    "Hver metode har et kort sammendrag, tid, gruppestørrelse og vanskelighetsgrad, slik at du raskt ser om "
                    "den passer. Metoder som egner seg for digital samskaping har egne råd om verktøy, roller og tid.",
                    "Skriv gjerne ut metodekortene og ta dem med i workshopen.",
                ],
            ),
            (
                "method",
                "samskapingsplakat",
                None,
                "Start samarbeidet med å bli enige om hvordan dere vil jobbe sammen.",
            ),
        ],
    ),
    (
        "forberede",
        "Forberede",
        "Finn ut hvem som bør være med, og hva dere vil spørre om.",
        [
            ("method", "interessentkart", None, "Hvem berøres av utfordringen, og hvem bør dere invitere inn?"),
            ("method", "hva-bor-vi-sporre-om", None, "Gode spørsmål gjør de utforskende samtalene mye bedre."),
        ],
    ),
    (
        "utforske",
        "Utforske",
        "Lytt og lær før dere leter etter løsninger.",
        [
            (
                "method",
                "utforskende-samtale",
                None,
                "Kjernen i prosjektet: samtaler med lag og foreninger om felles utfordringer.",
            ),
            ("method", "gatur-samtale", None, "En ny metode: ta samtalen ut i nærmiljøet."),
            ("method", "brukerreise", None, "Se tjenesten med innbyggerens øyne."),
            ("method", "personas", None, "Gi innsikten et ansikt før idéarbeidet starter."),
        ],
    ),
    (
        "skape-og-teste",
        "Skape og teste",
        "Lag mange ideer, og prøv ut de beste.",
        [
            ("method", "workshop-fasilitering", None, "Slik leder du en workshop der alle blir hørt."),
            ("method", "idemyldring", None, "Mange ideer på kort tid."),
            ("method", "fremtidsverksted", None, "Fra kritikk til drømmer til konkrete tiltak."),
            ("method", "prototyping", None, "Gjør ideen konkret nok til å prøves ut."),
            ("method", "brukertest-av-prototypen", None, "Lær av dem ideen er laget for."),
        ],
    ),
    (
        "evaluere-og-dele",
        "Evaluere og dele",
        "Se tilbake sammen, og del erfaringene.",
        [
            ("method", "gevinstkart", None, "Hvilken verdi skapte samarbeidet?"),
            ("method", "evalueringsverksted", None, "Evaluer sammen med alle som var med."),
            (
                "lesson",
                "del-erfaringene",
                "Del erfaringene",
                [
                    "Samskaping blir bedre når vi lærer av hverandre.",
                    "Skriv en kort historie om samarbeidet og del den i huben, slik at andre bibliotek og foreninger kan "
                    "bygge videre på det dere har gjort. Fortell gjerne hvilke metoder dere brukte.",
                ],
            ),
        ],
    ),
]
