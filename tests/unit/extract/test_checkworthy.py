"""Check-worthiness triages: events, decisions, findings and figures are flagged, also when
quoted or attributed; opinions, feelings, predictions, appeals, questions, conditionals,
bare carriers and headlines are not (own sentences, hand-labelled, Dutch and English)."""

from __future__ import annotations

import pytest

from tracker.extract import extract_claims
from tracker.extract.checkworthy import score

CHECKWORTHY = [
    ("De politie heeft zaterdag in Breda vier mannen aangehouden.", "nl"),
    ("Het kabinet besloot vorige week de accijns op diesel te verhogen.", "nl"),
    ("Volgens het CBS daalde de werkloosheid in mei tot 3,4 procent.", "nl"),
    ("Uit onderzoek van de Universiteit Gent blijkt dat een op de vijf scholieren pest.", "nl"),
    ("De rechtbank in Arnhem veroordeelde de oud-wethouder tot twee jaar cel.", "nl"),
    ("„We hebben in maart 120 extra agenten aangenomen”, zegt de korpschef.", "nl"),
    ("De fabriek in Moerdijk zou jarenlang te veel ammoniak hebben uitgestoten.", "nl"),
    ("Het ministerie stuurde dinsdag een brief naar alle gemeenten.", "nl"),
    ("The company laid off 1,200 workers in Ohio last year.", "en"),
    ("Police arrested three men after the shooting on Friday, a spokesman said.", "en"),
    ("The Senate approved the bill by 62 votes to 38 on Tuesday.", "en"),
    ("A study by the University of Leeds found that air pollution fell by 15 percent.", "en"),
    ('"We closed the plant in 2019 because it was losing money," the chief executive said.', "en"),
    ("The minister resigned after the report was published in March.", "en"),
]
NOT_CHECKWORTHY = [
    ("Ik vind dat de gemeente veel te laat heeft ingegrepen.", "nl"),
    ("Hoe lang kan dit nog doorgaan?", "nl"),
    ("De minister hoopt dat de partijen er samen uitkomen.", "nl"),
    ("Als de rente stijgt, zullen veel huizenkopers in de problemen komen.", "nl"),
    ("Dat meldt de Volkskrant.", "nl"),
    ("„Het is een prachtige dag voor onze stad”, zegt de burgemeester.", "nl"),
    ("Wij roepen iedereen op om thuis te blijven.", "nl"),
    ("De woordvoerder van de provincie wilde niet reageren op de berichten.", "nl"),
    ("Het rapport is volgens de wethouder 'onzin'.", "nl"),
    ("Wat een avond was dit!", "nl"),
    ("The company declined to comment on the report.", "en"),
    ("The decision is a disgrace, critics say.", "en"),
    ("Will the plan work?", "en"),
    ("I think we should be proud of what we have achieved.", "en"),
    ("If the talks fail, prices could rise sharply.", "en"),
    ("That is what the newspaper reported.", "en"),
    ("The mayor hopes voters will give him another chance.", "en"),
    ('"It was a really wonderful evening," she said.', "en"),
]


@pytest.mark.parametrize(("text", "lang"), CHECKWORTHY)
def test_checkable_sentences_are_flagged(text: str, lang: str) -> None:
    [claim] = extract_claims(text, lang)
    assert claim.checkworthy, (text, claim.score)
    assert 0.5 <= claim.score <= 1.0


@pytest.mark.parametrize(("text", "lang"), NOT_CHECKWORTHY)
def test_opinions_questions_predictions_and_carriers_are_not(text: str, lang: str) -> None:
    [claim] = extract_claims(text, lang)
    assert not claim.checkworthy, (text, claim.score)
    assert 0.0 <= claim.score < 0.5


def test_a_headline_is_never_flagged() -> None:
    text = "Politie houdt 12 verdachten aan na explosies in Rotterdam\n\nDe politie deed invallen."
    assert not extract_claims(text, "nl")[0].checkworthy


def test_mixed_opinion_and_fact_outweighs_the_opinion_alone() -> None:
    opinion = "Ik vind het schandalig."
    mixed = "Ik vind het schandalig dat de gemeente vorig jaar 2 miljoen euro aan adviseurs uitgaf."
    assert extract_claims(mixed, "nl")[0].score > extract_claims(opinion, "nl")[0].score
    assert extract_claims(mixed, "nl")[0].checkworthy


def test_score_is_monotone_in_its_evidence() -> None:
    words = frozenset(["heeft", "gisteren"])
    low = "de raad heeft gisteren het plan aangenomen."
    assert score(low, words, 2, None) > score(low, words, 0, None)
    assert score(low, words, 0, None) > score(low + "?", words, 0, None)
    assert score(low, words, 0, None, heading=True) < 0.5


@pytest.mark.parametrize(
    ("text", "lang", "fact", "opinion"),
    [
        (
            "De brandweer rukte gisteren uit naar de haven. ,,Het vuur brak om drie uur 's "
            "nachts uit in een loods met 200 ton kunstmest. Wat een verschrikkelijke nacht was "
            "het'', zegt brandweercommandant Ria Pauw.",
            "nl",
            "200 ton kunstmest",
            "verschrikkelijke nacht",
        ),
        (
            '"The plant fired 340 workers in March. I think that was a shameful decision," '
            "said union leader Tom Baker.",
            "en",
            "340 workers",
            "shameful decision",
        ),
    ],
)
def test_a_quotation_of_a_fact_and_an_opinion_is_triaged_per_sentence(
    text: str, lang: str, fact: str, opinion: str
) -> None:
    claims = extract_claims(text, lang)
    [fact_claim] = [c for c in claims if fact in c.text]
    [opinion_claim] = [c for c in claims if opinion in c.text]
    assert fact_claim is not opinion_claim  # the quotation is split into its sentences
    assert fact_claim.checkworthy and not opinion_claim.checkworthy
    # both keep the quotation's speaker
    for c in (fact_claim, opinion_claim):
        assert c.attribution is not None and c.attribution.source is not None
        assert c.attribution.kind == "quote"
