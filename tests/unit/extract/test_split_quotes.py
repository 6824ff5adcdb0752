"""A quotation of several sentences: one claim per sentence, the speaker carried to each."""

from __future__ import annotations

from tracker.extract import extract_claims
from tracker.extract.sentences import split_sentences

from .helpers import assert_claim_structure


def _speakers(text: str, lang: str) -> list[tuple[str, str | None, bool | None]]:
    claims = extract_claims(text, lang)
    assert_claim_structure(text, claims)
    out: list[tuple[str, str | None, bool | None]] = []
    for c in claims:
        a = c.attribution
        src = a.source.text if a is not None and a.source is not None else None
        out.append((c.text, src, a.implicit if a is not None else None))
    return out


def test_dutch_quote_with_cue_at_the_end() -> None:
    text = (
        "De bakker sloot vorige week zijn winkel. ,,De huur is verdubbeld. Ik kon het niet "
        "meer betalen. Na dertig jaar is het voorbij'', zegt Kees Vermeulen. Zijn klanten "
        "moeten nu naar de supermarkt."
    )
    assert _speakers(text, "nl") == [
        ("De bakker sloot vorige week zijn winkel.", None, None),
        (",,De huur is verdubbeld.", "Kees Vermeulen", True),
        ("Ik kon het niet meer betalen.", "Kees Vermeulen", True),
        ("Na dertig jaar is het voorbij'', zegt Kees Vermeulen.", "Kees Vermeulen", False),
        ("Zijn klanten moeten nu naar de supermarkt.", None, None),
    ]


def test_dutch_quote_after_a_colon() -> None:
    text = (
        "Wethouder Fatima el Amrani is duidelijk: 'Het zwembad gaat dicht. "
        "De gemeente heeft er geen geld meer voor.' Het besluit valt in mei."
    )
    got = _speakers(text, "nl")
    assert [g[0] for g in got] == [
        "Wethouder Fatima el Amrani is duidelijk: 'Het zwembad gaat dicht.",
        "De gemeente heeft er geen geld meer voor.'",
        "Het besluit valt in mei.",
    ]
    assert got[0][1:] == ("Wethouder Fatima el Amrani", False)
    assert got[1][1:] == ("Wethouder Fatima el Amrani", True)
    assert got[2][1] is None


def test_english_quote_with_cue_in_the_middle() -> None:
    text = (
        'The bridge will close for a year. "We found cracks in two of the pillars," said '
        'Maria Lopez, the city engineer. "The repairs will cost $12 million. Nobody will be '
        'allowed to cross it." Traffic will be diverted through the tunnel.'
    )
    got = _speakers(text, "en")
    assert [g[0] for g in got] == [
        "The bridge will close for a year.",
        '"We found cracks in two of the pillars," said Maria Lopez, the city engineer.',
        '"The repairs will cost $12 million.',
        'Nobody will be allowed to cross it."',
        "Traffic will be diverted through the tunnel.",
    ]
    assert got[1][2] is False and got[1][1] is not None and "Maria Lopez" in got[1][1]
    assert got[2][1:] == got[3][1:] == (got[1][1], True)
    assert got[4][1] is None


def test_unquoted_cue_words_in_a_later_sentence_of_the_quote_stay_quoted() -> None:
    # "zei" inside the quotation is the speaker's word, not the article's cue
    text = "'Ik was er niet bij. Mijn broer zei dat ook al', verklaarde de verdachte."
    got = _speakers(text, "nl")
    assert got == [
        ("'Ik was er niet bij.", "de verdachte", True),
        ("Mijn broer zei dat ook al', verklaarde de verdachte.", "de verdachte", False),
    ]


def test_a_long_line_with_many_quotations_keeps_its_structure() -> None:
    # One line of 6,000 short quotations of two sentences each, as a badly converted page
    # gives it: every quotation is split in two and clipped to its sentences.
    unit = "'Het regent. Het waait', zei Piet. "
    text = unit * 6000
    segs = split_sentences(text)
    assert len(segs) == 12000
    for i, seg in enumerate(segs):
        assert len(seg.quotes) == 1
        qa, qb = seg.quotes[0]
        assert seg.start <= qa < qb <= seg.end
        assert seg.joined is (i % 2 == 1)
        if i % 2 == 0:
            assert text[seg.start : seg.end] == "'Het regent."
        else:
            assert text[seg.start : seg.end] == "Het waait', zei Piet."
            assert text[qa:qb] == "Het waait'"


def test_cue_level_content_is_the_whole_quotation() -> None:
    # find_attributions (the cue level, PolNeAR's convention) keeps the whole quotation as
    # the content; the claims keep one sentence each
    from tracker.extract import find_attributions

    text = '"The school is closed. Classes move online," the principal said on Monday.'
    found = [(seg, a) for seg, atts in find_attributions(text, "en") for a in atts]
    assert len(found) == 1
    seg, att = found[0]
    assert text[seg.start : seg.end] == 'Classes move online," the principal said on Monday.'
    assert text[att.content[0] : att.content[1]] == ('"The school is closed. Classes move online,"')
    claim = extract_claims(text, "en")[1]
    assert claim.attribution is not None
    assert text[claim.attribution.content[0] : claim.attribution.content[1]] == (
        'Classes move online,"'
    )
