"""Sentences and page structure: abbreviations, quotes, headings, captions, furniture."""

from __future__ import annotations

import pytest

from tracker.extract import extract_claims
from tracker.extract.quotes import find_quotes
from tracker.extract.sentences import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Dhr. Jansen kwam om 9 uur aan. Hij bleef tot de avond.",
        "Mr. Smith arrived at nine. He stayed until dark.",
        "Dr. Bakker en prof. Van Dijk spraken op 3 jan. met gen. De Wit. Het duurde lang.",
        "De schade bedraagt 3 mln. euro volgens de verzekeraar. Dat is veel.",
        "J. F. Kennedy visited the U.S. Navy base in May. It rained.",
    ],
)
def test_abbreviations_do_not_end_sentences(text: str) -> None:
    assert len(_sentences(text)) == 2


def test_quote_spanning_sentences_is_one_sentence_each() -> None:
    text = '"We hebben geen eten. We hebben geen water," zegt Zaza. Daarna vertrok hij.'
    assert _sentences(text) == [
        '"We hebben geen eten.',
        'We hebben geen water," zegt Zaza.',
        "Daarna vertrok hij.",
    ]
    segs = split_sentences(text)
    assert [s.joined for s in segs] == [False, True, False]
    # the quotation is clipped to each sentence it runs through
    assert [[text[a:b] for a, b in s.quotes] for s in segs] == [
        ['"We hebben geen eten.'],
        ['We hebben geen water,"'],
        [],
    ]


def test_headings_captions_credits_furniture_and_metadata() -> None:
    text = (
        "Door Jan de Vries | 12 maart 2023, 14:05\n\n"
        "Rusland stuurt extra troepen naar het front\n\n"
        "Volledig scherm\n"
        "Een tank bij Charkiv. © ANP/EPA\n\n"
        "Het leger stuurt 5000 man extra. Dat zegt het ministerie.\n"
        "Lees ook: Wat we weten over het offensief\n"
        "Read more: the war in maps\n"
    )
    sents = _sentences(text)
    assert sents == [
        "Rusland stuurt extra troepen naar het front",
        "Het leger stuurt 5000 man extra.",
        "Dat zegt het ministerie.",
    ]
    assert split_sentences(text)[0].kind == "heading"
    claims = extract_claims(text, "nl")
    assert all("©" not in c.text and "Lees ook" not in c.text for c in claims)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (",,We gaan door,'' zegt hij.", ",,We gaan door,''"),
        ("„We gaan door”, zegt hij.", "„We gaan door”"),
        ("“We gaan door,” zegt hij.", "“We gaan door,”"),
        ("‘We gaan door,’ zegt hij.", "‘We gaan door,’"),
        ('"We gaan door," zegt hij.', '"We gaan door,"'),
        ("'We gaan door,' zegt hij.", "'We gaan door,'"),
        ("«We gaan door», zegt hij.", "«We gaan door»"),
    ],
)
def test_quote_conventions(text: str, quoted: str) -> None:
    spans = [(a, b) for a, b, closed in find_quotes(text) if closed]
    assert [text[a:b] for a, b in spans] == [quoted]


@pytest.mark.parametrize(
    "text",
    [
        "De auto's stonden 's nachts buiten en zo'n rij had ik nooit gezien.",
        "I don't think the players' union will agree.",
        "Het was in de jaren '90 en 't regende.",
    ],
)
def test_apostrophes_are_not_quotes(text: str) -> None:
    assert [s for s in find_quotes(text) if s[2]] == []
    assert len(_sentences(text)) == 1


def test_speaker_before_and_after_the_quote() -> None:
    after = extract_claims("“Het is voorbij,” zegt Zaza.", "nl")[0].attribution
    before = extract_claims("Zaza zegt: “Het is voorbij.”", "nl")[0].attribution
    for a in (after, before):
        assert a is not None and a.source is not None
        assert (a.source.text, a.kind) == ("Zaza", "quote")


def test_quote_continued_in_next_paragraph_keeps_its_speaker() -> None:
    text = (
        "“We hebben drie dagen niet gegeten,” zegt de soldaat met de roepnaam Zaza.\n\n"
        "“Niemand komt ons halen. We wachten nog steeds.”\n\n"
        "Het ministerie reageerde niet."
    )
    claims = extract_claims(text, "nl")
    second = claims[1].attribution
    assert second is not None and second.source is not None
    assert second.implicit is True and second.cue is None and second.kind == "quote"
    assert second.source.text == "de soldaat met de roepnaam Zaza"
    assert claims[0].attribution is not None and claims[0].attribution.implicit is False
    # the quotation's second sentence keeps the speaker, too
    third = claims[2].attribution
    assert claims[2].text == "We wachten nog steeds.”"
    assert third is not None and third.implicit and third.source is second.source
    # "reageerde niet": a refusal, no attribution of its own, and no quote carried over
    assert claims[3].attribution is None


def test_english_continued_quote_convention() -> None:
    text = (
        '"We will rebuild the school," the mayor said. "It will take two years.\n\n'
        '"And it will cost $4 million."'
    )
    claims = extract_claims(text, "en")
    last = claims[-1].attribution
    assert last is not None and last.source is not None
    assert (last.source.text, last.implicit) == ("the mayor", True)


def test_attributions_of_the_same_words_share_their_measure_but_not_their_lists() -> None:
    """Two sources of one unbroken sentence give two claims over the same words: numbers and
    score are measured once (a long unpunctuated transcript once took half a minute), yet each
    claim owns its list of numbers."""
    text = "According to Smith and according to the Times the plan costs 20 million."
    first, second = extract_claims(text, "en")
    assert (first.start, first.end) == (second.start, second.end)
    assert [a.source.text for a in (first.attribution, second.attribution) if a and a.source] == [
        "Smith",
        "the Times",
    ]
    assert [n.value for n in second.numbers] == [20_000_000]
    assert (first.score, first.numbers) == (second.score, second.numbers)
    assert first.numbers is not second.numbers
