"""The discourse pass: speakers across sentences, cataphora, pronoun and short-name sources.

Every article here is written for these tests (none comes from a corpus); the expected
attributions were decided by reading them, sentence by sentence.
"""

from __future__ import annotations

import json

from tracker.extract import Attribution, Claim, extract_claims

from .helpers import assert_claim_structure


def _claims(text: str, lang: str) -> list[Claim]:
    claims = extract_claims(text, lang)
    assert_claim_structure(text, claims)
    return claims


def _att(claims: list[Claim], fragment: str) -> Attribution | None:
    hits = [c for c in claims if fragment in c.text]
    assert hits, f"no claim holds {fragment!r}: {[c.text for c in claims]}"
    return hits[0].attribution


def _source(claims: list[Claim], fragment: str) -> tuple[str, str | None, bool] | None:
    """(source words, resolved words, implicit) of the claim holding `fragment`."""
    a = _att(claims, fragment)
    if a is None or a.source is None:
        return None
    resolved = a.source.resolved.text if a.source.resolved is not None else None
    return a.source.text, resolved, a.implicit


# --- Dutch ------------------------------------------------------------------------------

BRAND_NL = (
    "Brand verwoest boerderij in Hoogeveen\n\n"
    "Een boerderij aan de Zuiderweg in Hoogeveen is vannacht volledig afgebrand. "
    "Dat meldt de veiligheidsregio Drenthe. "
    "Niemand raakte gewond.\n\n"
    "'Ik werd wakker van een knal', zegt bewoner Gerrit Bakker. "
    "'Het hele dak stond in lichterlaaie. We konden alleen de hond nog redden.'\n\n"
    "'Binnen een kwartier was alles weg.'\n\n"
    "De brandweer was met vier wagens ter plaatse. "
    "'Ik heb het niet gezien, ik sliep', zegt de buurman. "
    "'Mijn vrouw belde 112.'\n\n"
    "Volgens brandweerwoordvoerder Sanne Jansen is de oorzaak nog onbekend. "
    "De schade loopt in de tonnen. "
    "Een onderzoeker van de brandweer komt maandag kijken.\n\n"
    "Bakker wil de boerderij herbouwen, zei hij. "
    "Jansen laat weten dat de Zuiderweg weer open is."
)


def test_nl_cataphoric_carrier_attributes_the_sentence_before_it() -> None:
    claims = _claims(BRAND_NL, "nl")
    assert _source(claims, "volledig afgebrand") == ("de veiligheidsregio Drenthe", None, True)
    carrier = _att(claims, "Dat meldt")
    assert carrier is not None and carrier.implicit is False
    # the paper's own sentence after the carrier is nobody's
    assert _att(claims, "Niemand raakte gewond") is None


def test_nl_quote_continued_over_sentences_and_a_paragraph_keeps_its_speaker() -> None:
    claims = _claims(BRAND_NL, "nl")
    assert _source(claims, "Ik werd wakker") == ("bewoner Gerrit Bakker", None, False)
    assert _source(claims, "Het hele dak") == ("bewoner Gerrit Bakker", None, True)
    assert _source(claims, "Binnen een kwartier") == ("bewoner Gerrit Bakker", None, True)
    a = _att(claims, "Binnen een kwartier")
    assert a is not None and a.cue is None and a.kind == "quote"


def test_nl_new_speaker_ends_the_carry_over() -> None:
    claims = _claims(BRAND_NL, "nl")
    assert _att(claims, "De brandweer was met vier wagens") is None
    assert _source(claims, "Ik heb het niet gezien") == ("de buurman", None, False)
    assert _source(claims, "Mijn vrouw belde") == ("de buurman", None, True)


def test_nl_volgens_paragraph_is_the_speakers_account() -> None:
    claims = _claims(BRAND_NL, "nl")
    assert _source(claims, "de oorzaak nog onbekend") == (
        "brandweerwoordvoerder Sanne Jansen",
        None,
        False,
    )
    assert _source(claims, "De schade loopt") == ("brandweerwoordvoerder Sanne Jansen", None, True)


def test_nl_pronoun_and_short_name_resolved_to_the_full_mention() -> None:
    claims = _claims(BRAND_NL, "nl")
    hij = _source(claims, "herbouwen")
    assert hij is not None and hij[0] == "hij" and hij[1] == "Gerrit Bakker"
    jansen = _source(claims, "weer open is")
    assert jansen == ("Jansen", "Sanne Jansen", False)


RAAD_NL = (
    "Gemeenteraad kritisch over nieuw zwembad\n\n"
    "Wethouder Anna de Vries (VVD) verdedigde dinsdag de bouw van het nieuwe zwembad. "
    "Het college trekt er 14 miljoen euro voor uit.\n\n"
    "De Vries zei dat het oude bad niet meer te redden is. "
    "'We hebben dertig jaar lang gerepareerd', zei ze. "
    "Volgens haar kost een renovatie minstens 9 miljoen euro.\n\n"
    "Oppositiepartij GroenLinks is niet overtuigd. "
    "Raadslid Peter Smit noemde het plan 'peperduur'. "
    "'Er is geen enkel alternatief onderzocht,' fulmineerde Smit."
)


def test_nl_surname_with_particle_and_pronouns_resolve_to_the_wethouder() -> None:
    claims = _claims(RAAD_NL, "nl")
    assert _source(claims, "niet meer te redden") == ("De Vries", "Anna de Vries", False)
    ze = _source(claims, "dertig jaar lang")
    assert ze is not None and ze[0] == "ze" and ze[1] is not None and "Vries" in ze[1]
    haar = _source(claims, "minstens 9 miljoen")
    assert haar is not None and haar[0] == "haar" and haar[1] is not None and "Vries" in haar[1]


def test_nl_inverted_quote_with_an_unlisted_verb_names_its_speaker() -> None:
    claims = _claims(RAAD_NL, "nl")
    a = _att(claims, "geen enkel alternatief")
    assert a is not None and a.source is not None and a.implicit is False
    assert a.cue is not None and a.cue.text == "fulmineerde"
    assert (a.source.text, a.source.resolved and a.source.resolved.text) == ("Smit", "Peter Smit")


def test_nl_passive_carrier_and_unresolved_pronoun() -> None:
    text = (
        "Hij zegt dat de school te laat ingreep.\n\n"
        "Een stille jongen. Altijd beleefd. "
        "Zo wordt de 17-jarige scholier door klasgenoten omschreven. "
        "De politie onderzoekt de zaak."
    )
    claims = _claims(text, "nl")
    hij = _att(claims, "te laat ingreep")
    assert hij is not None and hij.source is not None
    assert hij.source.text == "Hij" and hij.source.resolved is None  # nobody named before
    assert "resolved" not in claims[0].to_json("a.txt")["attribution"]["source"]
    for fragment in ("Een stille jongen", "Altijd beleefd"):
        assert _source(claims, fragment) == ("klasgenoten", None, True)
    assert _source(claims, "Zo wordt") == ("klasgenoten", None, False)
    assert _att(claims, "De politie onderzoekt") is None


def test_nl_paraphrase_between_two_sentences_of_one_speaker() -> None:
    text = (
        "Boer Hendrik Mulder vertelt dat zijn koeien al weken binnen staan. "
        "Hij heeft geen voer meer voor de winter. "
        "'Ik weet niet hoe we dit moeten volhouden', zegt Mulder."
    )
    claims = _claims(text, "nl")
    assert _source(claims, "geen voer meer") == ("Boer Hendrik Mulder", None, True)


# --- English ----------------------------------------------------------------------------

FLOOD_EN = (
    "River floods village for the second time this year\n\n"
    "The river Aire burst its banks on Tuesday night, flooding 40 homes in the village. "
    "That is what the Environment Agency said on Wednesday.\n\n"
    '"The water came in through the floor," said resident Margaret Hale. '
    '"We lost the kitchen and the living room.\n\n'
    '"Nobody warned us this time."\n\n'
    "The council opened a shelter in the school hall. "
    '"I have never seen it this high," said her neighbour. '
    '"The road was gone in an hour."\n\n'
    "Hale said she would stay with her daughter. "
    "According to council leader Tom Birch, repairs will take months. "
    "Funding will come from a national scheme.\n\n"
    "He said the village needed better defences."
)


def test_en_cataphoric_carrier() -> None:
    claims = _claims(FLOOD_EN, "en")
    assert _source(claims, "burst its banks") == ("the Environment Agency", None, True)


def test_en_continued_quote_and_new_speaker() -> None:
    claims = _claims(FLOOD_EN, "en")
    assert _source(claims, "We lost the kitchen") == ("resident Margaret Hale", None, True)
    assert _source(claims, "Nobody warned us") == ("resident Margaret Hale", None, True)
    assert _att(claims, "opened a shelter") is None
    neighbour = _source(claims, "never seen it this high")
    assert neighbour is not None and neighbour[0] == "her neighbour" and not neighbour[2]
    assert _source(claims, "The road was gone") == ("her neighbour", None, True)


def test_en_short_name_pronoun_and_according_to_paragraph() -> None:
    claims = _claims(FLOOD_EN, "en")
    assert _source(claims, "stay with her daughter") == ("Hale", "Margaret Hale", False)
    assert _source(claims, "repairs will take months") == ("council leader Tom Birch", None, False)
    # English news repeats its cue: the sentence after "According to X" is the paper's own
    assert _att(claims, "Funding will come") is None
    he = _source(claims, "better defences")
    # the nearest compatible earlier mention: the speaker of the paragraph before, not Hale
    assert he is not None and he[0] == "He" and he[1] == "council leader Tom Birch"


def test_resolved_mention_is_in_the_json() -> None:
    claims = _claims(RAAD_NL, "nl")
    c = next(c for c in claims if "niet meer te redden" in c.text)
    out = json.loads(json.dumps(c.to_json("raad.txt")))
    src = out["attribution"]["source"]
    assert src["text"] == "De Vries"
    start, end = src["resolved"]["start"], src["resolved"]["end"]
    assert RAAD_NL[start:end] == src["resolved"]["text"] == "Anna de Vries"


def test_nl_cueless_quote_after_a_sentence_about_a_named_person() -> None:
    text = (
        "Na afloop stond trainer Erik Kuipers lang op het veld.\n\n"
        "Kuipers baalde zichtbaar van de nederlaag. "
        "'Dit team verdient veel meer dan dit.'"
    )
    claims = _claims(text, "nl")
    assert _source(claims, "Dit team verdient") == ("Kuipers", "Erik Kuipers", True)
    assert _att(claims, "baalde zichtbaar") is None


def test_en_cueless_quote_after_narration_stays_unattributed() -> None:
    text = 'Coach Erik Kuipers walked off the pitch. "This team deserves far more than this."'
    claims = _claims(text, "en")
    assert _att(claims, "This team deserves") is None
