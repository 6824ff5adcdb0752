"""Dutch sentence-level attribution: the source of a V2 clause, addressees and relaying outlets
(via), cue types, false cues and reportative 'zou'. Every sentence and expectation here was
written and checked by hand."""

from __future__ import annotations

import pytest

from tracker.extract import extract_claims
from tracker.extract.sources import np_before
from tracker.extract.tokens import tokenize
from tracker.extract.types import Attribution


def _att(text: str) -> Attribution | None:
    """The attribution of the first attributed claim of a one-sentence text (None if none)."""
    claims = extract_claims(text, "nl")
    return next((c.attribution for c in claims if c.attribution is not None), None)


def _row(text: str) -> tuple[str, str | None, str | None, list[str]]:
    a = _att(text)
    assert a is not None, text
    return (
        a.kind,
        a.cue.text if a.cue else None,
        a.source.text if a.source else None,
        [v.text for v in a.via],
    )


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("Na afloop liet de woordvoerder van het ziekenhuis weten dat de patiënt stabiel is.",
         "liet", "de woordvoerder van het ziekenhuis"),
        ("Bij de rechtbank vertelde de getuige dat zij de auto had gezien.", "vertelde",
         "de getuige"),
        ("Voordat hij vertrok, zei de burgemeester dat de brug open blijft.", "zei",
         "de burgemeester"),
        ("Gisteren heeft de minister van Financiën gezegd dat de belasting omlaag gaat.",
         "gezegd", "de minister van Financiën"),
        ("Vorige week schreef het college in een brief dat de subsidie stopt.", "schreef",
         "het college"),
        ("Tijdens het debat verklaarde zij dat er geen geld meer is.", "verklaarde", "zij"),
        ("Met enige aarzeling bevestigde de trainer dat de spits vertrekt.", "bevestigde",
         "de trainer"),
        ("Als het aan de bond ligt, stelt voorzitter Karin Smit, gaat de staking door.",
         "stelt", "voorzitter Karin Smit"),
        ("Ook de provincie denkt dat het plan te duur is.", "denkt", "de provincie"),
        ("Die avond stuurde de rector een mail dat de school dichtging.", "mail", "de rector"),
        ("Het waterschap (Rijn en IJssel) meldt dat de dijk het houdt.", "meldt",
         "Het waterschap"),
        ("Omwonenden die de brand zagen, zeggen dat het vuur snel oversloeg.", "zeggen",
         "Omwonenden"),
    ],
)  # fmt: skip
def test_source_of_a_v2_clause_after_a_fronted_phrase(text: str, cue: str, source: str) -> None:
    kind, c, s, _ = _row(text)
    assert (kind, c, s) == ("reported", cue, source)


def test_two_attributions_in_contrast_stay_two_claims() -> None:
    text = (
        "Terwijl de minister zegt dat alles onder controle is, waarschuwt de inspectie voor "
        "tekorten."
    )
    sources = [c.attribution.source.text for c in extract_claims(text, "nl") if c.attribution
               and c.attribution.source]  # fmt: skip
    assert sources == ["de minister", "de inspectie"]


def test_relative_pronoun_source_is_resolved_to_its_antecedent() -> None:
    text = "Sandra Bakker, die al twintig jaar in de wijk woont, vertelt hoe de buurt veranderde."
    [claim] = extract_claims(text, "nl")
    assert claim.attribution is not None and claim.attribution.source is not None
    assert claim.attribution.source.text == "Sandra Bakker"


@pytest.mark.parametrize(
    ("text", "source", "via"),
    [
        ("Tegen de krant zei hij dat hij nooit is gevlucht.", "hij", ["de krant"]),
        ("Zoals ze tegenover de commissie verklaarde, was het budget al op.", "ze",
         ["de commissie"]),
        ("In gesprek met deze krant stelt de wethouder dat de plannen doorgaan.", "de wethouder",
         ["deze krant"]),
        ("In een interview met het blad zegt de zangeres dat ze stopt.", "de zangeres",
         ["het blad"]),
        ("'We hebben niets verkeerd gedaan,' vertelde de eigenaar de rechter.", "de eigenaar",
         ["de rechter"]),
        ("De minister vertelde aan de Kamer dat het geld op is.", "De minister", ["de Kamer"]),
        ("Hij had de auto niet gezien, zo vertelde hij de agent.", "hij", ["de agent"]),
        ("De wethouder zegt tegen de gemeenteraad dat er geen geld is.", "De wethouder",
         ["de gemeenteraad"]),
        ("De trainer zegt in het clubblad dat hij blijft.", "De trainer", ["het clubblad"]),
        ("Dat zei minister Van Dijk dinsdag in Nieuwsuur.", "minister Van Dijk", ["Nieuwsuur"]),
        ("De burgemeester zegt dat het gebied dichtgaat, meldt Omroep Brabant.",
         "De burgemeester", ["Omroep Brabant"]),
        ("Advocaat Jan Bos vindt de straf veel te zwaar, schrijft de krant.", "Advocaat Jan Bos",
         ["de krant"]),
        ("Dat zeggen ingewijden die de plannen met de Volkskrant deelden.", "ingewijden",
         ["de Volkskrant"]),
    ],
)  # fmt: skip
def test_addressees_channels_and_relaying_outlets_are_via(
    text: str, source: str, via: list[str]
) -> None:
    _, _, s, v = _row(text)
    assert (s, v) == (source, via)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Dat meldt De Telegraaf.", "De Telegraaf"),
        ("De kosten zijn verdubbeld, meldt de NOS.", "de NOS"),
    ],
)
def test_an_outlet_reporting_on_its_own_is_the_source(text: str, source: str) -> None:
    _, _, s, v = _row(text)
    assert (s, v) == (source, [])


@pytest.mark.parametrize(
    ("text", "via"),
    [
        ("In een brief aan de bewoners schrijft de gemeente dat de straat dichtgaat.", []),
        ("De premier zei in zijn toespraak dat de crisis voorbij is.", []),
        ("Tijdens een bijeenkomst zei de directeur dat niemand wordt ontslagen.", []),
    ],
)
def test_letter_addressees_and_occasions_are_no_via(text: str, via: list[str]) -> None:
    assert _row(text)[3] == via


@pytest.mark.parametrize(
    ("text", "kind", "cue", "source"),
    [
        ("Twee agenten zeggen de verdachte niet te hebben gezien.", "reported", "zeggen",
         "Twee agenten"),
        ("De zanger woont naar eigen zeggen al jaren in Spanje.", "reported",
         "naar eigen zeggen", "De zanger"),
        ("Naar eigen zeggen heeft de monteur niets aan de remmen gedaan.", "reported",
         "Naar eigen zeggen", "de monteur"),
        ("De coach was na afloop kritisch: 'We speelden gewoon slecht.'", "quote", ":",
         "De coach"),
        ("De minister: 'Dat gaat echt niet gebeuren.'", "quote", ":", "De minister"),
        ("Jansen: we gaan de zaak niet schikken", "quote", ":", "Jansen"),
        ("De vakbond reageert fel: 'Dit is een klap voor de medewerkers.'", "quote", "reageert",
         "De vakbond"),
        ("'Een schandalige beslissing', noemt hij het besluit.", "quote", "noemt", "hij"),
        ("'De verklaring van de getuige klopt niet,' merkt de rechter op.", "quote", "merkt",
         "de rechter"),
        ("De directeur houdt vol dat er geen fouten zijn gemaakt.", "reported", "houdt vol",
         "De directeur"),
        ("'Ik heb niets gedaan', houdt de verdachte vol.", "quote", "houdt", "de verdachte"),
        ("'Het geld is op', voegt de penningmeester eraan toe.", "quote", "voegt",
         "de penningmeester"),
        ("'We stoppen met de samenwerking', laat de club weten.", "quote", "laat", "de club"),
        ("De wethouder vreest dat de kosten verder stijgen.", "reported", "vreest",
         "De wethouder"),
        ("Veel ouders vinden dat de school te laat ingreep.", "reported", "vinden",
         "Veel ouders"),
        ("De boer begrijpt niet dat de provincie de regels wijzigt.", "reported", "begrijpt",
         "De boer"),
        ("De vakbond dreigt de haven plat te leggen.", "reported", "dreigt", "De vakbond"),
        ("De bewoners eisen dat de fabriek sluit.", "reported", "eisen", "De bewoners"),
        ("De fabrikant heeft beloofd dat de fout wordt hersteld.", "reported", "beloofd",
         "De fabrikant"),
        ("De fabrikant ontkent dat het product gevaarlijk is.", "reported", "ontkent",
         "De fabrikant"),
        ("De politie bevestigt de aanhouding van twee mannen.", "reported", "bevestigt",
         "De politie"),
        ("De oppositie beschuldigt de minister van misleiding.", "reported", "beschuldigt",
         "De oppositie"),
        ("De minister laat geregeld vallen dat hij de wet wil aanpassen.", "reported",
         "laat geregeld vallen", "De minister"),
        ("De minister heeft in een brief aan de Kamer laten weten dat het plan doorgaat.",
         "reported", "laten weten", "De minister"),
        ("Het CBS heeft berekend dat de werkloosheid daalt.", "reported", "berekend", "Het CBS"),
        ("De rechtbank oordeelde dat de gemeente fout zat.", "reported", "oordeelde",
         "De rechtbank"),
        ("Wie had gedacht dat de buren die elkaar 'oplichters' noemden, samen een zaak "
         "zouden beginnen?", "quote", "noemden", "de buren"),
        ("Dat heeft de kantonrechter woensdag bepaald.", "reported", "bepaald",
         "de kantonrechter"),
        ("Dat staat in een rapport van de Onderwijsinspectie.", "reported", "staat in",
         "een rapport van de Onderwijsinspectie"),
        ("In het rapport staat dat de kosten zijn verdubbeld.", "reported", "staat",
         "het rapport"),
        ("De partij won twaalf zetels, zoals was voorspeld in de peilingen.", "reported",
         "voorspeld", "de peilingen"),
        ("Zoals de wethouder al zei, is er geen geld.", "reported", "zei", "de wethouder"),
        ("De NS verwacht morgen weer normaal te rijden, aldus een woordvoerster.", "reported",
         "aldus", "een woordvoerster"),
        ("De partij wil dat de jacht wordt verboden, zegt fractievoorzitter Eva Smit.",
         "reported", "zegt", "fractievoorzitter Eva Smit"),
        ("Het kabinet kwam met de mededeling dat de steun wordt verlengd.", "reported",
         "mededeling", "Het kabinet"),
        ("De cijfers kloppen niet, is de indruk van de accountant.", "reported", "indruk",
         "de accountant"),
        ("'Wij geven niet op,' probeerde de trainer moed te houden.", "quote", "probeerde",
         "de trainer"),
        ("Zo wordt de nieuwe directeur door collega's omschreven.", "reported", "omschreven",
         "collega's"),
        ("In Den Haag wordt al gesproken van een 'crisiskabinet'.", "quote", "gesproken",
         "Den Haag"),
    ],
)  # fmt: skip
def test_cue_types(text: str, kind: str, cue: str, source: str) -> None:
    k, c, s, _ = _row(text)
    assert (k, c, s) == (kind, cue, source)


@pytest.mark.parametrize(
    "text",
    [
        "Volgens de wet mag een gemeente dat niet doen.",
        "Volgens het protocol moet de arts eerst de familie bellen.",
        "Volgens de regels vervalt de vergunning na een jaar.",
        "De raad stelde hem vorig jaar aan als directeur.",
        "Er werd tijdens de vergadering niets gezegd over de fusie.",
        "De woordvoerder wil niet reageren.",
        "De club wil niet zeggen of de trainer blijft.",
        "Naar verwachting gaat de weg in mei weer open.",
        "Het bedrijf meldde zich bij de politie.",
        "De wethouder sprak zich uit tegen de plannen.",
        "Het bedrijf dreigt failliet te gaan.",
        "De politie heeft twaalf verdachten opgepakt.",
        "De berichten over de fusie zorgden voor onrust.",
        "Wat vindt u van het nieuwe plan?",
        "De burgemeester reageerde woensdag kort.",
        "Dat riep al snel veel kritiek op.",
        "Het is nog niet vast te stellen wat de oorzaak was.",
        "De politie vindt het lichaam van de vermiste man.",
        "Dat zegt veel over de sfeer in het team.",
        "Hij verwacht een zware winter.",
        "De man noemde zijn naam niet.",
        "'Oppenheimer' won zeven Oscars.",
        "Hij schreef een boek over de oorlog.",
        "De vraag is: 'Wie gaat dat betalen?'",
        "Het bericht dat de fabriek sluit, sloeg in als een bom.",
        "Het is bekend dat de man eerder is veroordeeld.",
        "Morgen bepaalt de rechter wanneer de zaak dient.",
        "De kast staat in de gang.",
        "Zoals gezegd is er voor dit jaar geen geld meer.",
        "Het bestuur gaf toe aan de eisen van de actievoerders.",
        "Hij wordt verdacht van witwassen.",
        "Zij werd beschuldigd van fraude.",
        "De vakbond eist meer loon.",
        "Het college stelt een nieuwe directeur aan.",
    ],
)
def test_false_cues_give_no_attribution(text: str) -> None:
    assert _att(text) is None


def test_refusal_followed_by_direct_speech_is_a_quote() -> None:
    assert _row("De woordvoerder wil niet reageren: 'Geen commentaar.'")[:3] == (
        "quote",
        "reageren",
        "De woordvoerder",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Voordat de politie kwam, zou hij via de achterdeur zijn gevlucht.",
        "De verdachte zou het geld in een schuur hebben verstopt.",
        "Na een korte achtervolging zouden ze in een weiland zijn aangehouden.",
        "De jongen zou in de nacht van 3 en 4 mei met een vriend zijn betrapt.",
        "De directeur gaf naar verluidt in een mail aan dat hij wil praten.",
    ],
)
def test_reportative_zou_and_hearsay_markers(text: str) -> None:
    a = _att(text)
    assert a is not None and a.kind == "hearsay" and a.source is None


def test_hearsay_over_a_speech_verb_keeps_the_addressee() -> None:
    text = "Zij zou tegenover een collega, de penningmeester, hebben gezegd dat het geld op was."
    a = _att(text)
    assert a is not None and a.kind == "hearsay" and a.cue is not None
    assert (a.cue.text, a.source, [v.text for v in a.via]) == ("zou", None, ["een collega"])


@pytest.mark.parametrize(
    "text",
    [
        "Als de raad instemt, zou de bouw in mei beginnen.",
        "De gemeente zou de kosten eigenlijk moeten betalen.",
        "Het is de vraag of de minister zou willen aftreden.",
        "Wat zou de burgemeester in zijn plaats doen?",
        "Er zou volgende week een nieuw kabinet komen, als de onderhandelingen slagen.",
    ],
)
def test_zou_that_is_not_hearsay(text: str) -> None:
    assert _att(text) is None


def test_zou_with_a_source_in_the_sentence_is_reported() -> None:
    kind, cue, source, _ = _row("Volgens de politie zou de man gewapend zijn geweest.")
    assert (kind, cue, source) == ("reported", "Volgens", "de politie")


def test_noun_phrases_with_capitalised_adjectives_and_appositions() -> None:
    assert _row("Dat is uniek, zegt de Utrechtse hoogleraar Els de Wit.")[2] == (
        "de Utrechtse hoogleraar Els de Wit"
    )
    assert _row("Het kan niet langer zo, aldus de gewezen minister.")[2] == "de gewezen minister"
    assert _row("De zaal was vol, aldus een van hen.")[2] == "een van hen"
    assert _row("De hoogste rechter, Anna Mulder, zegt dat de wet deugt.")[2] == (
        "De hoogste rechter, Anna Mulder"
    )
    assert _row("De oogst van 2,5 ton per hectare viel 'tegen', zegt de boer.")[2] == "de boer"


def test_article_with_fronted_phrases_chains_and_hearsay() -> None:
    text = (
        "Fabriek Dordrecht mag voorlopig open blijven\n\n"
        "Na afloop van de zitting liet de advocaat van het bedrijf weten dat de fabriek open "
        "blijft. Tegen RTV Rijnmond zei de directeur dat er geen gevaar is voor omwonenden. "
        "Volgens de vergunning mag het bedrijf tot 2030 produceren. De buren vrezen dat er "
        "opnieuw een lek ontstaat, meldt het Algemeen Dagblad. Eerder zou er al twee keer gas "
        "zijn ontsnapt. De provincie wil niet reageren."
    )
    claims = extract_claims(text, "nl")
    rows = {
        c.text[:20]: (
            c.attribution.kind,
            c.attribution.source.text if c.attribution.source else None,
            [v.text for v in c.attribution.via],
        )
        if c.attribution
        else None
        for c in claims
    }
    assert rows["Na afloop van de zit"] == ("reported", "de advocaat van het bedrijf", [])
    assert rows["Tegen RTV Rijnmond z"] == ("reported", "de directeur", ["RTV Rijnmond"])
    assert rows["Volgens de vergunnin"] is None
    assert rows["De buren vrezen dat "] == ("reported", "De buren", ["het Algemeen Dagblad"])
    assert rows["Eerder zou er al twe"] == ("hearsay", None, [])
    assert rows["De provincie wil nie"] is None


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # as subject, with and without a first name
        ("Maarten van der Zande zegt dat de dijk het houdt.", "Maarten van der Zande"),
        ("Van der Zande zegt dat de dijk het houdt.", "Van der Zande"),
        ("Ter Beek verklaarde dat de dijk het houdt.", "Ter Beek"),
        # after a fronted phrase (V2)
        ("Na de inspectie zei Maarten van der Zande dat de dijk het houdt.",
         "Maarten van der Zande"),
        ("Op het gemeentehuis vertelde Els ten Hove dat de dijk het houdt.", "Els ten Hove"),
        # 't as a particle, also after 'in'
        ("De dijk houdt het, zegt Bram van 't Schip.", "Bram van 't Schip"),
        ("Volgens Noor in 't Hout houdt de dijk het.", "Noor in 't Hout"),
        ("Van 't Schip zegt dat de dijk het houdt.", "Van 't Schip"),
        # in apposition
        ("Maarten van der Zande, dijkgraaf van het waterschap, zegt dat de dijk het houdt.",
         "Maarten van der Zande"),
        ("De dijk houdt het, aldus Els ten Hove, ingenieur bij de provincie.", "Els ten Hove"),
        ("De dijk houdt het, zegt de dijkgraaf, Maarten van der Zande.",
         "de dijkgraaf, Maarten van der Zande"),
        # with a title or role before the name
        ("Volgens oud-wethouder Gert-Jan de Bruin houdt de dijk het.",
         "oud-wethouder Gert-Jan de Bruin"),
        ("Dat zegt de Groningse geoloog Inge van den Heuvel.",
         "de Groningse geoloog Inge van den Heuvel"),
        ("Gisteren meldde dijkgraaf Maarten van der Zande op Twitter dat de dijk het houdt.",
         "dijkgraaf Maarten van der Zande"),
        # a place after a person's name is no part of it
        ("Gisteren zei wethouder Ter Beek in Den Helder dat de dijk het houdt.",
         "wethouder Ter Beek"),
    ],
)  # fmt: skip
def test_names_with_particles_come_out_whole(text: str, source: str) -> None:
    _, _, s, _ = _row(text)
    assert s == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Dat heeft de rechtbank in Zwolle woensdag bepaald.", "de rechtbank in Zwolle"),
        ("Volgens de politie in Enschede is de man gevlucht.", "de politie in Enschede"),
        ("De man is gevlucht, meldt het consulaat in Antwerpen.", "het consulaat in Antwerpen"),
    ],
)  # fmt: skip
def test_a_body_bound_to_a_place_keeps_in_and_the_place(text: str, source: str) -> None:
    _, _, s, _ = _row(text)
    assert s == source


@pytest.mark.parametrize(
    ("text", "source", "via"),
    [
        ("De man is gevlucht, zei de woordvoerder in de krant.", "de woordvoerder", "de krant"),
        ("De man is gevlucht, zei de rechter in Nieuwsuur.", "de rechter", "Nieuwsuur"),
    ],
)  # fmt: skip
def test_a_channel_after_in_stays_a_via(text: str, source: str, via: str) -> None:
    _, _, s, v = _row(text)
    assert (s, v) == (source, [via])


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("Volgens de trainer houdt een op de drie rekruten het geen week vol.", ["Volgens"]),
        ("De meeste lopers hielden het tot de finish vol.", []),
        ("De trainer houdt vol dat de rekruten het aankunnen.", ["houdt vol"]),
        ("De trainer hield vol: de rekruten kunnen het aan.", ["hield vol"]),
    ],
)  # fmt: skip
def test_volhouden_reports_only_with_content(text: str, cues: list[str]) -> None:
    found = [
        c.attribution.cue.text if c.attribution.cue else None
        for c in extract_claims(text, "nl")
        if c.attribution
    ]
    assert found == cues


def test_volgens_haar_before_the_verb_is_the_pronoun_and_resolves() -> None:
    text = (
        "Yasmina El Haddou, kinderarts in Zwolle, zegt dat de wachtlijst groeit. "
        "Volgens haar is het zo dat er te weinig artsen zijn. "
        "Volgens El Haddou is er geen snelle oplossing."
    )
    found = [
        (c.attribution.source.text, c.attribution.source.resolved)
        for c in extract_claims(text, "nl")
        if c.attribution and c.attribution.source
    ]
    assert [(s, r.text if r else None) for s, r in found] == [
        ("Yasmina El Haddou", None),
        ("haar", "Yasmina El Haddou"),
        ("El Haddou", "Yasmina El Haddou"),
    ]


def test_haar_before_a_noun_stays_a_possessive() -> None:
    _, _, s, _ = _row("Volgens haar advocaat is de vrouw onschuldig.")
    assert s == "haar advocaat"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("gisteren sprak Maarten van der Zande", "Maarten van der Zande"),
        ("met Bram van 't Schip", "Bram van 't Schip"),
        ("volgens Noor in 't Hout", "Noor in 't Hout"),
        ("bij de politie in Deventer", "de politie in Deventer"),
        ("sprak Els ten Hove in Den Helder", "Den Helder"),  # a place is no part of a name
    ],
)  # fmt: skip
def test_noun_phrase_read_backwards_keeps_particles(text: str, phrase: str) -> None:
    toks = tokenize(text, 0, len(text))
    r = np_before(toks, len(toks) - 1, "nl")
    assert r is not None and text[toks[r[0]][0] : toks[r[1]][1]] == phrase


def test_a_singular_pronoun_skips_a_plural_described_source() -> None:
    text = (
        "Dijkgraaf Maarten van der Zande zegt dat de dijk het houdt. "
        "Ingewijden zeggen dat de reparatie maanden duurt. "
        "„Daar is geen sprake van”, zei hij."
    )
    last = extract_claims(text, "nl")[-1].attribution
    assert last is not None and last.source is not None and last.source.resolved is not None
    assert last.source.resolved.text.endswith("Maarten van der Zande")
    assert last.source.kind == "person"
