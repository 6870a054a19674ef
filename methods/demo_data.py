"""The starter pack's content in Bokmål: phases and fourteen methods (nine original, five new).

Plain data; methods/demo.py turns it into pages. Lists become bullet lists, strings paragraphs."""

PHASES = [
    ("forberede", "Forberede", "Finn ut hvem som bør være med, hva dere vil oppnå og hva dere trenger å vite.", 1),
    ("utforske", "Utforske", "Lytt og lær: forstå utfordringen fra flere sider før dere leter etter løsninger.", 2),
    ("skape", "Skape", "Lag mange ideer sammen, og velg noen å gå videre med.", 3),
    ("teste", "Teste", "Gjør ideene konkrete og prøv dem ut med dem det gjelder.", 4),
    ("evaluere", "Evaluere", "Se tilbake sammen: hva skapte verdi, og hva tar dere med videre?", 5),
]

M = []  # (slug, data)

M.append(
    (
        "utforskende-samtale",
        dict(
            title="Utforskende samtale",
            phase="utforske",
            new=False,
            difficulty="lett",
            duration=(45, 90),
            group=(2, 6),
            summary="En åpen samtale med et lag eller en forening der målet er å forstå – ikke å selge inn en løsning.",
            purpose="Samtalen gir innsikt i hva som er viktig for den andre parten, og finner felles utfordringer dere kan løse sammen.",
            when="Tidlig, før dere har bestemt hva samarbeidet skal handle om. Passer godt som første møte med en ny forening.",
            materials=[
                "Samtaleguide med 5–7 åpne spørsmål",
                "Notatblokk eller post-it-lapper",
                "Kaffe og noe å bite i",
            ],
            preparation="Les deg opp på foreningen. Skriv ned hva du er nysgjerrig på, og avtal tid og sted som passer for dem.",
            steps=[
                (
                    "Åpne samtalen",
                    "Fortell kort hvorfor dere har tatt kontakt, og at dere ønsker å lytte før dere foreslår noe.",
                ),
                (
                    "Still åpne spørsmål",
                    "Spør om hva de brenner for, hva som er vanskelig nå, og hva en god dag ser ut som for dem.",
                ),
                (
                    "Lytt etter felles utfordringer",
                    "Noter stikkord. Spør «kan du fortelle mer om det?» når noe virker viktig.",
                ),
                (
                    "Oppsummer sammen",
                    "Les opp det du har hørt, og la dem korrigere. Avtal om og hvordan dere vil gå videre.",
                ),
            ],
            tips=[
                "La den andre snakke mest – en god tommelfingerregel er 80/20.",
                "Møt dem der de er, gjerne i deres lokaler.",
            ],
            pitfalls=["Å komme med ferdige løsninger fra biblioteket.", "Å glemme å avtale neste steg."],
            tags=["samtale", "innsikt", "frivillighet"],
            digital=dict(
                tools="Et videomøte med mulighet for å dele skjerm, og et delt dokument for notater.",
                roles="Én leder samtalen, én tar notater i det delte dokumentet som alle kan se.",
                timing="Hold det til 45 minutter, med en kort pause etter 25 minutter.",
            ),
            video=(
                "Slik gjennomfører du en utforskende samtale",
                "Bibliotekaren hilser på lederen i skolekorpset. «Vi har ikke med oss noe forslag i dag,» sier hun, "
                "«vi vil bare høre hvordan dere har det.» Samtalen som følger handler om øvingslokaler, rekruttering og "
                "foreldre som ikke rekker å være med.",
            ),
            worksheet=(
                "Samtaleguide for utforskende samtale",
                [
                    "1. Hva er dere mest stolte av i foreningen?",
                    "2. Hva er det vanskeligste akkurat nå?",
                    "3. Hvem savner dere blant medlemmene?",
                    "4. Hvis dere kunne ønske dere én ting fra kommunen eller biblioteket, hva ville det vært?",
                    "5. Hva bør vi snakke om neste gang?",
                ],
            ),
        ),
    )
)

M.append(
    (
        "interessentkart",
        dict(
            title="Interessentkart",
            phase="forberede",
            new=False,
            difficulty="lett",
            duration=(30, 60),
            group=(3, 8),
            summary="Tegn et kart over alle som berøres av utfordringen, og finn ut hvem som bør inviteres inn.",
            purpose="Kartet gjør det synlig hvem som har noe å bidra med, hvem som blir berørt, og hvem dere kanskje har glemt.",
            when="Når dere planlegger et samskapingsprosjekt og skal bestemme hvem som bør være med.",
            materials=["Stort ark eller tavle", "Post-it-lapper i tre farger", "Tusjer"],
            preparation="Formuler utfordringen i én setning og skriv den midt på arket.",
            steps=[
                (
                    "Skriv ned alle aktører",
                    "Hver deltaker skriver én aktør per lapp: innbyggere, lag, foreninger, etater, næringsliv.",
                ),
                ("Plasser etter nærhet", "Jo nærmere midten, jo mer berøres aktøren av utfordringen."),
                (
                    "Marker innflytelse og engasjement",
                    "Bruk fargene: grønn for høy innflytelse, gul for høyt engasjement, rosa for dem vi mangler kontakt med.",
                ),
                (
                    "Velg hvem dere inviterer",
                    "Diskuter hvilke tre aktører som er viktigst å snakke med først, og hvem som tar kontakt.",
                ),
            ],
            tips=[
                "Husk de «stille» gruppene som sjelden stiller på møter.",
                "Ta bilde av kartet og oppdater det underveis.",
            ],
            pitfalls=["Å bare ta med dem dere allerede samarbeider med."],
            tags=["kartlegging", "planlegging", "frivillighet"],
            digital=dict(
                tools="En digital tavle der alle kan flytte lapper samtidig. Lag malen med sirkler på forhånd.",
                roles="En fasilitator styrer tiden, en medhjelper hjelper dem som strever med verktøyet.",
                timing="Sett av ti minutter ekstra til å bli kjent med tavla.",
            ),
            worksheet=(
                "Mal for interessentkart",
                [
                    "Midten: utfordringen vår i én setning.",
                    "Indre ring: de som berøres mest.",
                    "Midtre ring: de som kan bidra.",
                    "Ytre ring: de som bør vite om det.",
                ],
            ),
        ),
    )
)

M.append(
    (
        "brukerreise",
        dict(
            title="Brukerreise",
            phase="utforske",
            new=False,
            difficulty="middels",
            duration=(60, 120),
            group=(3, 10),
            summary="Følg en innbygger steg for steg gjennom en tjeneste, og finn de øyeblikkene som betyr mest.",
            purpose="Brukerreisen viser tjenesten slik den oppleves utenfra – med gleder, hindringer og ventetid.",
            when="Når dere vil forbedre et tilbud og trenger å forstå opplevelsen til dem som bruker det.",
            materials=[
                "Langt papir eller tavle med tidslinje",
                "Post-it-lapper",
                "Historier eller sitater fra brukere",
            ],
            preparation="Samle noen konkrete historier fra brukere, for eksempel fra utforskende samtaler.",
            steps=[
                ("Velg person og situasjon", "Bestem hvem reisen handler om, og hvor den starter og slutter."),
                ("Skriv stegene", "Legg stegene på tidslinjen: hva gjør personen, hvor er hun, hvem møter hun?"),
                ("Tegn følelseskurven", "Marker høydepunkter og lavpunkter under hvert steg."),
                ("Finn mulighetene", "Ved de laveste punktene: hva kunne gjort opplevelsen bedre, og hvem kan bidra?"),
            ],
            tips=["Bruk ekte sitater der dere kan.", "Ta gjerne med en bruker i arbeidet."],
            pitfalls=["Å tegne reisen slik dere tror den er, uten å ha spurt noen."],
            tags=["innsikt", "tjenestedesign", "brukere"],
            digital=dict(
                tools="En digital tavle med en ferdig tidslinje, eller et delt regneark med én kolonne per steg.",
                roles="Fasilitator leder, én deltaker «eier» personen og svarer på hvordan hun ville opplevd hvert steg.",
                timing="Del i to økter på 45 minutter.",
            ),
        ),
    )
)

M.append(
    (
        "personas",
        dict(
            title="Personas",
            phase="utforske",
            new=False,
            difficulty="middels",
            duration=(45, 90),
            group=(3, 8),
            summary="Lag tenkte, men realistiske personer som representerer dem dere vil samskape med.",
            purpose="Personas hjelper gruppa å holde fast ved menneskene det gjelder når dere diskuterer løsninger.",
            when="Etter at dere har snakket med folk, og før dere starter idéarbeidet.",
            materials=["Persona-mal", "Bilder eller tegnesaker", "Notater fra samtaler"],
            preparation="Les gjennom notatene fra samtalene og finn mønstre: behov, ønsker og hindringer som går igjen.",
            steps=[
                ("Finn mønstrene", "Grupper det dere har hørt i to til fire tydelige mønstre."),
                (
                    "Gi hvert mønster et ansikt",
                    "Fyll ut malen: navn, alder, hverdag, hva hun ønsker seg, og hva som stopper henne.",
                ),
                ("Sjekk mot virkeligheten", "Kjenner dere igjen personene? Juster dem som ikke virker troverdige."),
            ],
            tips=["Heng personasene på veggen i alle senere møter."],
            pitfalls=["Å lage stereotypier i stedet for å bygge på det dere har hørt."],
            tags=["innsikt", "brukere"],
            digital=None,
        ),
    )
)

M.append(
    (
        "idemyldring",
        dict(
            title="Idémyldring",
            phase="skape",
            new=False,
            difficulty="lett",
            duration=(20, 45),
            group=(3, 15),
            summary="Lag mange ideer raskt, uten å vurdere dem underveis – og velg så de beste sammen.",
            purpose="Idémyldring får fram mange og uventede ideer, og gir alle i rommet en stemme.",
            when="Når utfordringen er tydelig formulert og dere trenger nye løsninger.",
            materials=["Post-it-lapper", "Tusjer", "Klistremerker til avstemning"],
            preparation="Formuler utfordringen som et spørsmål som starter med «Hvordan kan vi …?».",
            steps=[
                ("Still spørsmålet", "Skriv «Hvordan kan vi …?»-spørsmålet synlig for alle."),
                ("Tenk alene først", "Fem minutter stille: én idé per lapp, så mange som mulig."),
                ("Del og bygg videre", "Les opp ideene og heng dem opp. Bygg videre på hverandres forslag."),
                ("Velg", "Hver deltaker får tre klistremerker og stemmer på ideene de vil gå videre med."),
            ],
            tips=["Kvantitet før kvalitet.", "Ville ideer er velkomne – de kan temmes senere."],
            pitfalls=["Å diskutere og avvise ideer mens dere myldrer."],
            tags=["ideer", "workshop"],
            digital=dict(
                tools="En digital tavle eller et delt dokument der alle skriver samtidig.",
                roles="Fasilitator tar tiden og leser opp ideene; en medhjelper grupperer lappene.",
                timing="Kortere økter fungerer best på skjerm: 3 minutter stille, 10 minutter deling.",
            ),
            video=(
                "Idémyldring på ti minutter",
                "Seks personer fra biblioteket og to idrettslag sitter rundt et bord med gule lapper. Fasilitatoren leser "
                "spørsmålet høyt: «Hvordan kan vi få flere ungdommer til å bruke biblioteket etter trening?»",
            ),
        ),
    )
)

M.append(
    (
        "prototyping",
        dict(
            title="Prototyping",
            phase="teste",
            new=False,
            difficulty="middels",
            duration=(60, 180),
            group=(2, 8),
            summary="Gjør en idé konkret og enkel nok til å prøves ut – med papp, papir, rollespill eller en skisse.",
            purpose="En prototype gjør det mulig å lære tidlig og billig om ideen fungerer, før dere bruker mye tid og penger.",
            when="Når dere har valgt en idé og vil vite om den treffer dem den er ment for.",
            materials=["Papp, papir, saks og teip", "Lego eller annet byggemateriell", "Mobiltelefon til bilder"],
            preparation="Bestem hva dere vil lære av prototypen: hvilket spørsmål skal den besvare?",
            steps=[
                ("Velg hva som skal testes", "Skriv ned antakelsen dere er mest usikre på."),
                ("Bygg raskt", "Bruk maks en time. Det skal se uferdig ut, så folk tør å kritisere."),
                ("Vis den til noen", "La noen fra målgruppa prøve prototypen. Still spørsmål, ikke forsvar den."),
                ("Lær og juster", "Hva overrasket dere? Bygg en ny versjon eller forkast ideen."),
            ],
            tips=["Et rollespill er også en prototype – for eksempel av et nytt møte i skranken."],
            pitfalls=["Å bruke for lang tid på å gjøre prototypen pen."],
            tags=["testing", "workshop", "tjenestedesign"],
            digital=None,
        ),
    )
)

M.append(
    (
        "workshop-fasilitering",
        dict(
            title="Workshop-fasilitering",
            phase="skape",
            new=False,
            difficulty="krevende",
            duration=(90, 240),
            group=(6, 30),
            summary="Planlegg og led en samskapende workshop der alle bidrar og beslutningene blir tatt sammen.",
            purpose="God fasilitering sørger for at workshopen fører fram, og at alle – ikke bare de mest høylytte – blir hørt.",
            when="Når mange aktører skal møtes for å dele innsikt, lage ideer eller bli enige om neste steg.",
            materials=[
                "Kjøreplan med tider",
                "Tavle og tusjer",
                "Navnelapper",
                "Materiell til de metodene dere bruker",
            ],
            preparation="Lag kjøreplan, avklar formål og ønsket resultat med oppdragsgiver, og test lokalet på forhånd.",
            steps=[
                ("Sett rammen", "Fortell hvorfor dere er samlet, hva som skal skje og hva som skjer med resultatet."),
                ("Varm opp", "En kort runde der alle sier noe, gjør det lettere å snakke senere."),
                ("Veksle mellom å åpne og lukke", "Først mange perspektiver og ideer, så prioritering og valg."),
                ("Avslutt tydelig", "Oppsummer beslutningene, hvem gjør hva, og når deltakerne hører fra dere igjen."),
            ],
            tips=["Ha en medfasilitator som passer på tid og energi.", "Planlegg pauser – og hold dem."],
            pitfalls=["For mye program på for kort tid.", "Å love mer enn dere kan følge opp."],
            tags=["workshop", "fasilitering", "planlegging"],
            digital=dict(
                tools="Videomøte med grupperom, en digital tavle og en felles kjøreplan som medfasilitatoren oppdaterer.",
                roles="Fasilitator, teknisk vert (grupperom, lyd, hjelp) og én gruppeleder per grupperom.",
                timing="Maks 2,5 timer på skjerm, med pause hvert 45. minutt.",
            ),
        ),
    )
)

M.append(
    (
        "gevinstkart",
        dict(
            title="Gevinstkart",
            phase="evaluere",
            new=False,
            difficulty="middels",
            duration=(60, 120),
            group=(3, 10),
            summary="Knytt tiltakene dere gjør til gevinstene dere ønsker – for lokalsamfunnet, foreningene og biblioteket.",
            purpose="Kartet gjør det tydelig hvilken verdi samarbeidet skal skape, og hvordan dere kan se om det lykkes.",
            when="I oppstarten for å bli enige om målene, og ved slutten for å vurdere hva dere fikk til.",
            materials=["Gevinstkart-mal", "Post-it-lapper", "Tusjer"],
            preparation="Skriv ned samfunnsmålet dere jobber mot, for eksempel «flere møteplasser for eldre».",
            steps=[
                ("Start med målet", "Skriv samfunnsmålet til høyre på arket."),
                ("Finn gevinstene", "Hvilke endringer må til for å nå målet? Skriv dem foran målet."),
                ("Koble tiltakene", "Hvilke tiltak gir disse gevinstene? Tegn pilene."),
                ("Velg indikatorer", "Hvordan vil dere se at gevinsten er nådd? Velg én eller to ting å følge med på."),
            ],
            tips=["Ta med de frivillige når dere lager kartet – gevinstene kan være forskjellige for dem."],
            pitfalls=["Å bare telle aktiviteter i stedet for endringer."],
            tags=["evaluering", "planlegging"],
            digital=None,
            worksheet=(
                "Mal for gevinstkart",
                [
                    "Tiltak  ->  Endring  ->  Gevinst  ->  Samfunnsmål",
                    "Indikator for hver gevinst: Hva teller vi eller spør om?",
                ],
            ),
        ),
    )
)

M.append(
    (
        "hva-bor-vi-sporre-om",
        dict(
            title="Hva bør vi spørre om?",
            phase="forberede",
            new=False,
            difficulty="lett",
            duration=(30, 45),
            group=(2, 8),
            summary="Lag de gode spørsmålene før samtalen: åpne, nysgjerrige og uten ferdige svar innebygd.",
            purpose="Gode spørsmål avgjør hvor mye dere lærer i samtaler med innbyggere og foreninger.",
            when="Før utforskende samtaler, intervjuer eller en workshop.",
            materials=["Post-it-lapper", "Liste over spørreord (hva, hvordan, når, hvem)"],
            preparation="Skriv ned hva dere allerede vet – og hva dere tror dere vet.",
            steps=[
                ("Skriv mange spørsmål", "Ti minutter: skriv så mange spørsmål som mulig, ett per lapp."),
                (
                    "Gjør lukkede spørsmål åpne",
                    "Skriv om ja/nei-spørsmål til spørsmål som starter med «hvordan» eller «fortell om».",
                ),
                ("Velg og sorter", "Velg 5–7 spørsmål og sett dem i en rekkefølge som føles naturlig."),
            ],
            tips=["Test spørsmålene på en kollega før samtalen."],
            pitfalls=["Ledende spørsmål som «Er ikke biblioteket et fint sted å møtes?»."],
            tags=["samtale", "planlegging", "innsikt"],
            digital=dict(
                tools="Et delt dokument eller en digital tavle.",
                roles="Én holder tiden; alle skriver.",
                timing="30 minutter holder.",
            ),
        ),
    )
)

# Five new methods (delmål 2.3)
M.append(
    (
        "samskapingsplakat",
        dict(
            title="Samskapingsplakat",
            phase="forberede",
            new=True,
            difficulty="lett",
            duration=(30, 60),
            group=(4, 20),
            summary="Bli enige om hvordan dere vil jobbe sammen, og heng avtalen opp der alle ser den.",
            purpose="Plakaten gjør forventningene tydelige mellom bibliotek, kommune og frivillige, og gir et felles språk.",
            when="I starten av et samarbeid, eller når samarbeidet har gått seg litt fast.",
            materials=["Stort ark", "Tusjer", "Eksempler på plakater fra andre"],
            preparation="Tenk gjennom hva biblioteket selv kan love – og hva dere ikke kan.",
            steps=[
                ("Hva er viktig for oss?", "Hver part skriver tre ting som er viktige for dem i samarbeidet."),
                ("Finn det felles", "Grupper lappene og formuler fem til sju punkter dere alle kan stå for."),
                ("Skriv plakaten", "Skriv punktene som «Vi …»-setninger, og la alle signere."),
            ],
            tips=["Gå gjennom plakaten igjen etter et halvt år."],
            pitfalls=["Å lage plakaten for dem i stedet for med dem."],
            tags=["samarbeid", "frivillighet"],
            digital=None,
        ),
    )
)

M.append(
    (
        "gatur-samtale",
        dict(
            title="Gåtur-samtale",
            phase="utforske",
            new=True,
            difficulty="lett",
            duration=(30, 60),
            group=(2, 3),
            summary="Ta samtalen ut: gå en tur i nærmiljøet med en innbygger eller en frivillig, og snakk underveis.",
            purpose="Å gå side om side senker terskelen for å snakke, og stedene dere passerer gir nye tema.",
            when="Når dere vil forstå et nærmiljø, eller snakke med noen som ikke trives i møterom.",
            materials=["Gode sko", "Mobil til bilder og stikkord"],
            preparation="Velg en rute på 20–40 minutter som går forbi steder som betyr noe for den dere skal snakke med.",
            steps=[
                ("La den andre vise vei", "Be personen vise dere steder som er viktige for henne."),
                ("Spør om stedene", "Hva skjer her? Hvem møtes her? Hva mangler?"),
                ("Noter etterpå", "Skriv ned det viktigste rett etter turen, gjerne med bilder."),
            ],
            tips=["Avtal på forhånd om det er greit å ta bilder."],
            pitfalls=["For mange deltakere – da blir det et møte, ikke en samtale."],
            tags=["samtale", "innsikt", "nærmiljø"],
            digital=None,
        ),
    )
)

M.append(
    (
        "fremtidsverksted",
        dict(
            title="Fremtidsverksted",
            phase="skape",
            new=True,
            difficulty="middels",
            duration=(90, 180),
            group=(8, 30),
            summary="Fra kritikk via drømmer til konkrete tiltak: et verksted i tre faser som samler mange aktører.",
            purpose="Verkstedet gir rom for både frustrasjon og drømmer, og ender med tiltak som deltakerne selv eier.",
            when="Når mange parter skal finne en felles retning, for eksempel for en ny møteplass.",
            materials=["Tre vegger eller tavler (kritikk, utopi, virkelighet)", "Post-it-lapper", "Klistremerker"],
            preparation="Inviter bredt, og sørg for at både frivillige, innbyggere og ansatte er med.",
            steps=[
                ("Kritikkfasen", "Hva er problemet i dag? Alt kan sies, og alt skrives ned."),
                ("Utopifasen", "Hvordan ser det ut i en ideell framtid? Ingen begrensninger."),
                ("Virkelighetsfasen", "Hvilke drømmer kan bli til tiltak? Hvem gjør hva, og når?"),
            ],
            tips=["Snu kritikkpunktene til positive utsagn før utopifasen."],
            pitfalls=["Å hoppe over kritikkfasen – da kommer kritikken senere."],
            tags=["workshop", "ideer", "fasilitering"],
            digital=dict(
                tools="Videomøte med grupperom og en digital tavle med tre felt.",
                roles="Fasilitator, teknisk vert og en gruppeleder per grupperom.",
                timing="Del i tre økter på 45 minutter, gjerne på ulike dager.",
            ),
            video=(
                "Fremtidsverksted i Vestfold og Telemark",
                "Deltakerne skriver først alt de er misfornøyd med på røde lapper. Etter pausen tegner de drømmebiblioteket, "
                "og til slutt velger de tre tiltak som kan settes i gang før sommeren.",
            ),
        ),
    )
)

M.append(
    (
        "brukertest-av-prototypen",
        dict(
            title="Brukertest av prototypen",
            phase="teste",
            new=True,
            difficulty="middels",
            duration=(30, 90),
            group=(1, 5),
            summary="La noen fra målgruppa prøve prototypen mens dere observerer, og lær av det som skjer.",
            purpose="Testen viser hvordan ideen faktisk fungerer for dem den er laget for – ikke hvordan dere tror den fungerer.",
            when="Når dere har en prototype, selv en helt enkel en.",
            materials=["Prototypen", "Testmanus med oppgaver", "Skjema for observasjon"],
            preparation="Rekrutter tre til fem personer fra målgruppa, og skriv to eller tre oppgaver de skal prøve.",
            steps=[
                ("Forklar", "Si at det er prototypen som testes, ikke personen."),
                ("Gi oppgaven", "La personen prøve uten hjelp. Be henne tenke høyt."),
                ("Observer", "Noter hva hun gjør, sier og hvor hun stopper opp."),
                ("Spør til slutt", "Hva var lett, hva var vanskelig, hva savnet du?"),
            ],
            tips=["Tre til fem tester avdekker de fleste problemene."],
            pitfalls=["Å hjelpe testpersonen – da lærer dere ingenting."],
            tags=["testing", "brukere", "tjenestedesign"],
            digital=dict(
                tools="Videomøte der testpersonen deler skjermen, eller viser prototypen i kamera.",
                roles="Én leder testen, én observerer med kamera av og noterer.",
                timing="30 minutter per test, med 15 minutter mellom til notater.",
            ),
        ),
    )
)

M.append(
    (
        "evalueringsverksted",
        dict(
            title="Evalueringsverksted",
            phase="evaluere",
            new=True,
            difficulty="lett",
            duration=(60, 90),
            group=(4, 20),
            summary="Se tilbake på samarbeidet sammen med alle som var med: hva fungerte, hva lærte vi, hva gjør vi nå?",
            purpose="Felles evaluering gjør erfaringene til kunnskap alle parter eier, og gir grunnlag for neste runde.",
            when="Ved slutten av et prosjekt, eller etter en viktig milepæl.",
            materials=["Tidslinje over prosjektet", "Post-it-lapper i to farger", "Gevinstkartet hvis dere har et"],
            preparation="Lag en enkel tidslinje over det som har skjedd, og send den ut på forhånd.",
            steps=[
                ("Gå gjennom tidslinjen", "Minn hverandre på hva som har skjedd. Legg til det som mangler."),
                (
                    "Hva gikk bra, hva var vanskelig?",
                    "Grønne lapper for det som fungerte, gule for det som var vanskelig.",
                ),
                ("Hva lærte vi?", "Formuler tre lærdommer dere vil ta med videre."),
                ("Hva nå?", "Bli enige om neste steg, og hvem som deler erfaringene med andre."),
            ],
            tips=["Inviter også dem som falt fra underveis – de har ofte viktig læring."],
            pitfalls=["Å bare feire og ikke snakke om det som var vanskelig."],
            tags=["evaluering", "læring", "frivillighet"],
            digital=dict(
                tools="Videomøte og en digital tavle med tidslinjen ferdig lagt inn.",
                roles="Fasilitator leder, en medhjelper flytter lapper for dem som ønsker det.",
                timing="60 minutter med én pause.",
            ),
        ),
    )
)
