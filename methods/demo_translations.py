"""Nynorsk and English for the starter pack page, the phases and three methods.

Each translation mirrors the Bokmål data's shape; `strings_for` pairs them into the source → target map that
hub.translation.translate expects (segments not given stay in Bokmål)."""

from methods.demo_data import PHASES, M

SOURCE = dict(M)

PHASES_NN = {
    "Forberede": "Førebu",
    "Utforske": "Utforske",
    "Skape": "Skape",
    "Teste": "Teste",
    "Evaluere": "Evaluere",
    PHASES[0][2]: "Finn ut kven som bør vere med, kva de vil oppnå og kva de treng å vite.",
    PHASES[1][2]: "Lytt og lær: forstå utfordringa frå fleire sider før de leitar etter løysingar.",
    PHASES[2][2]: "Lag mange idear saman, og vel nokre å gå vidare med.",
    PHASES[3][2]: "Gjer ideane konkrete og prøv dei ut med dei det gjeld.",
    PHASES[4][2]: "Sjå tilbake saman: kva skapte verdi, og kva tek de med vidare?",
}
PHASES_EN = {
    "Forberede": "Prepare",
    "Utforske": "Explore",
    "Skape": "Create",
    "Teste": "Test",
    "Evaluere": "Evaluate",
    PHASES[0][2]: "Find out who should take part, what you want to achieve and what you need to know.",
    PHASES[1][2]: "Listen and learn: understand the challenge from several sides before looking for solutions.",
    PHASES[2][2]: "Create many ideas together, and choose a few to take further.",
    PHASES[3][2]: "Make the ideas concrete and try them out with the people concerned.",
    PHASES[4][2]: "Look back together: what created value, and what do you take with you?",
}
PHASE_STRINGS = {"nn": PHASES_NN, "en": PHASES_EN}

INDEX_STRINGS = {
    "nn": {
        "Startpakke i samskaping": "Startpakke i samskaping",
        "Metoder og verktøy for å komme i gang med samskaping – mellom bibliotek, kommune og frivillige lag og "
        "foreninger. Filtrer på fase, tid og gruppestørrelse, eller ta hele kurset steg for steg.": "Metodar og verktøy for å kome i gang med samskaping – mellom bibliotek, kommune og frivillige lag og "
        "foreiningar. Filtrer på fase, tid og gruppestorleik, eller ta heile kurset steg for steg.",
    },
    "en": {
        "Startpakke i samskaping": "Starter pack in co-creation",
        "startpakken": "starter-pack",
        "Metoder og verktøy for å komme i gang med samskaping – mellom bibliotek, kommune og frivillige lag og "
        "foreninger. Filtrer på fase, tid og gruppestørrelse, eller ta hele kurset steg for steg.": "Methods and tools for getting started with co-creation – between libraries, municipalities and volunteer "
        "organisations. Filter by phase, time and group size, or take the whole course step by step.",
    },
}

T = {"nn": {}, "en": {}}

T["nn"]["utforskende-samtale"] = dict(
    slug="utforskande-samtale",
    title="Utforskande samtale",
    summary="Ein open samtale med eit lag eller ei foreining der målet er å forstå – ikkje å selje inn ei løysing.",
    purpose="Samtalen gir innsikt i kva som er viktig for den andre parten, og finn felles utfordringar de kan løyse saman.",
    when="Tidleg, før de har bestemt kva samarbeidet skal handle om. Passar godt som første møte med ei ny foreining.",
    steps=[
        ("Opne samtalen", "Fortel kort kvifor de har teke kontakt, og at de ønskjer å lytte før de føreslår noko."),
        (
            "Still opne spørsmål",
            "Spør om kva dei brenn for, kva som er vanskeleg no, og kva ein god dag ser ut som for dei.",
        ),
        (
            "Lytt etter felles utfordringar",
            "Noter stikkord. Spør «kan du fortelje meir om det?» når noko verkar viktig.",
        ),
        ("Oppsummer saman", "Les opp det du har høyrt, og la dei korrigere. Avtal om og korleis de vil gå vidare."),
    ],
)
T["en"]["utforskende-samtale"] = dict(
    slug="exploratory-conversation",
    title="Exploratory conversation",
    summary="An open conversation with a club or association where the aim is to understand – not to sell a solution.",
    purpose="The conversation shows what matters to the other party, and finds shared challenges you can solve together.",
    when="Early, before you have decided what the collaboration is about. Works well as a first meeting with a new association.",
    steps=[
        (
            "Open the conversation",
            "Say briefly why you got in touch, and that you want to listen before you suggest anything.",
        ),
        (
            "Ask open questions",
            "Ask what they care about, what is difficult right now, and what a good day looks like for them.",
        ),
        (
            "Listen for shared challenges",
            "Note key words. Ask «can you tell me more about that?» when something seems important.",
        ),
        ("Sum up together", "Read back what you heard and let them correct you. Agree whether and how to continue."),
    ],
    materials=[
        "A conversation guide with 5–7 open questions",
        "A notepad or sticky notes",
        "Coffee and something to eat",
    ],
    preparation="Read up on the association. Write down what you are curious about, and agree on a time and place that suits them.",
    tips=[
        "Let the other person do most of the talking – a good rule of thumb is 80/20.",
        "Meet them where they are, preferably on their premises.",
    ],
    pitfalls=["Arriving with ready-made solutions from the library.", "Forgetting to agree on the next step."],
    digital=dict(
        tools="A video meeting with screen sharing, and a shared document for notes.",
        roles="One person leads the conversation, another takes notes in the shared document everyone can see.",
        timing="Keep it to 45 minutes, with a short break after 25 minutes.",
    ),
    video=(
        "How to hold an exploratory conversation",
        "The librarian greets the leader of the school band. «We have not brought a proposal today,» she says, "
        "«we just want to hear how you are doing.» The conversation that follows is about rehearsal rooms, "
        "recruitment and parents who do not have time to take part.",
    ),
)

T["nn"]["interessentkart"] = dict(
    slug="interessentkart",
    title="Interessentkart",
    summary="Teikn eit kart over alle som vert rørte av utfordringa, og finn ut kven som bør inviterast inn.",
    purpose="Kartet gjer det synleg kven som har noko å bidra med, kven som vert rørt, og kven de kanskje har gløymt.",
    when="Når de planlegg eit samskapingsprosjekt og skal bestemme kven som bør vere med.",
)
T["en"]["interessentkart"] = dict(
    slug="stakeholder-map",
    title="Stakeholder map",
    summary="Draw a map of everyone affected by the challenge, and find out who should be invited in.",
    purpose="The map shows who has something to contribute, who is affected, and who you may have forgotten.",
    when="When you are planning a co-creation project and need to decide who should take part.",
    steps=[
        (
            "Write down every actor",
            "Each participant writes one actor per note: residents, clubs, associations, agencies, businesses.",
        ),
        ("Place them by closeness", "The closer to the centre, the more the actor is affected by the challenge."),
        (
            "Mark influence and engagement",
            "Use the colours: green for high influence, yellow for high engagement, pink for those we lack contact with.",
        ),
        ("Choose whom to invite", "Discuss which three actors matter most to talk to first, and who gets in touch."),
    ],
)

T["nn"]["idemyldring"] = dict(
    slug="idemyldring",
    title="Idémyldring",
    summary="Lag mange idear raskt, utan å vurdere dei undervegs – og vel så dei beste saman.",
    purpose="Idémyldring får fram mange og uventa idear, og gir alle i rommet ei stemme.",
    when="Når utfordringa er tydeleg formulert og de treng nye løysingar.",
)
T["en"]["idemyldring"] = dict(
    slug="brainstorming",
    title="Brainstorming",
    summary="Create many ideas quickly, without judging them on the way – then choose the best ones together.",
    purpose="Brainstorming brings out many unexpected ideas, and gives everyone in the room a voice.",
    when="When the challenge is clearly stated and you need new solutions.",
    steps=[
        ("Ask the question", "Write the «How might we …?» question where everyone can see it."),
        ("Think alone first", "Five minutes of silence: one idea per note, as many as possible."),
        ("Share and build on", "Read the ideas aloud and put them up. Build on each other's suggestions."),
        ("Choose", "Each participant gets three stickers and votes for the ideas they want to take further."),
    ],
    video=(
        "Brainstorming in ten minutes",
        "Six people from the library and two sports clubs sit around a table with yellow notes. The facilitator "
        "reads the question aloud: «How might we get more young people to use the library after training?»",
    ),
)


def strings_for(slug, tr):
    src = SOURCE[slug]
    pairs = {slug: tr.get("slug", slug)}
    for key in ("title", "summary", "purpose", "when", "preparation"):
        if key in tr:
            pairs[src[key]] = tr[key]
    pairs[src["summary"]] = tr["summary"]  # also the search description
    for key in ("materials", "tips", "pitfalls"):
        for a, b in zip(src.get(key) or [], tr.get(key) or [], strict=False):  # untranslated tails stay
            pairs[a] = b
    for (h, t), (th, tt) in zip(src["steps"], tr.get("steps", []), strict=False):
        pairs[h], pairs[t] = th, tt
    if tr.get("digital") and src.get("digital"):
        for key in ("tools", "roles", "timing"):
            pairs[src["digital"][key]] = tr["digital"][key]
    if tr.get("video") and src.get("video"):
        pairs[src["video"][0]], pairs[src["video"][1]] = tr["video"]
    return pairs


METHOD_STRINGS = {code: {slug: strings_for(slug, tr) for slug, tr in by_slug.items()} for code, by_slug in T.items()}
