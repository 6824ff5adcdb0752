"""Issue 9's phenomena in English, where they apply (own sentences, outputs checked by hand).
The Dutch ones are in test_nl_sentence.py, test_discourse.py and test_furniture.py; the
English counterparts that are not tested elsewhere (test_cues_en.py, test_discourse.py,
test_furniture.py) are here. Cases the extractor still gets wrong are xfail with the reason."""

from __future__ import annotations

import pytest

from tracker.extract import Claim, extract_claims


def _one(text: str) -> Claim:
    [claim] = extract_claims(text, "en")
    return claim


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("After the meeting, the spokeswoman said that no decision had been taken.", "spokeswoman"),
        ("Outside the courthouse, Smith said he was innocent.", "Smith"),
        ("At the court in Leeds, the witness told the judge that she saw nothing.", "witness"),
    ],
)
def test_source_after_a_fronted_phrase(text: str, source: str) -> None:
    a = _one(text).attribution
    assert a is not None and a.source is not None
    assert source in a.source.text
    assert "meeting" not in a.source.text and "court" not in a.source.text


def test_an_addressee_is_a_via_never_the_source() -> None:
    a = _one("At the court in Leeds, the witness told the judge that she saw nothing.").attribution
    assert a is not None and a.source is not None and a.source.text == "the witness"
    assert [v.text for v in a.via] == ["the judge"]


@pytest.mark.xfail(reason="'in an interview with X' is not read as a channel in English yet")
def test_an_interview_channel_is_a_via() -> None:
    a = _one("In an interview with the BBC, the minister said the plan would go ahead.").attribution
    assert a is not None and a.source is not None and a.source.text == "the minister"
    assert [v.text for v in a.via] == ["the BBC"]


def test_an_outlet_reporting_on_its_own_is_the_source() -> None:
    a = _one("The mayor knew about the leak for months, the Guardian reported.").attribution
    assert a is not None and a.source is not None and a.source.text == "the Guardian"
    assert a.via == []


@pytest.mark.xfail(reason="an outlet relaying a named speaker's view is taken as the source")
def test_an_outlet_relaying_a_speaker_is_a_via() -> None:
    a = _one(
        "Lawyer Tom Baker believes the charges are exaggerated, the newspaper wrote."
    ).attribution
    assert a is not None and a.source is not None and "Tom Baker" in a.source.text
    assert [v.text for v in a.via] == ["the newspaper"]


@pytest.mark.parametrize(
    "text",
    [
        "The hospital must inform the patient within ten days, according to the law.",
        "According to the rules, every vote must be counted twice.",
        "According to the protocol, the doors stay closed during the hearing.",
    ],
)
def test_according_to_a_rule_is_no_attribution(text: str) -> None:
    assert _one(text).attribution is None


@pytest.mark.xfail(reason="'Nothing was said' takes 'Nothing' as the source of a passive cue")
def test_nothing_was_said_is_no_attribution() -> None:
    assert _one("Nothing was said about the missing funds.").attribution is None


@pytest.mark.xfail(
    reason="a colon quote after a role ('The minister: ...') is missed; a name works"
)
def test_a_quote_introduced_by_a_colon_after_a_role() -> None:
    a = _one('The minister: "We will not give in."').attribution
    assert a is not None and a.kind == "quote" and a.source is not None
    assert a.source.text == "The minister"


@pytest.mark.parametrize(
    "text",
    [
        "The suspect had reportedly fled before police arrived.",
        "Before police arrived, the suspect had reportedly fled the scene.",
    ],
)
def test_reportative_hearsay_also_after_a_fronted_clause(text: str) -> None:
    claim = _one(text)
    a = claim.attribution
    assert a is not None and a.kind == "hearsay" and a.source is None
    assert a.cue is not None and a.cue.text == "reportedly"
    assert claim.suggested_status == "unsourced"


@pytest.mark.parametrize(
    "furniture",
    ["By Jane Doe", "Photo: Reuters", "Read more: Budget row deepens", "Updated 12 March 2024"],
)
def test_furniture_lines_make_no_claims(furniture: str) -> None:
    text = f"{furniture}\n\nThe council met on Monday.\n\nThe vote was close."
    claims = extract_claims(text, "en")
    assert [c.text for c in claims] == ["The council met on Monday.", "The vote was close."]


def test_unresolved_pronoun_keeps_its_words_without_a_resolution() -> None:
    """'He said' with no one named before it: the source is the pronoun's words and nothing is
    resolved (ingest then links it to no registry entry)."""
    a = _one("He said the plant would close in May.").attribution
    assert a is not None and a.source is not None and a.source.text == "He"
    assert a.source.resolved is None


def test_pronoun_and_short_name_resolve_to_the_full_name() -> None:
    text = (
        "Maria Lopez runs the food bank in Leeds. Lopez said demand had doubled. "
        "She said 300 families now come every week."
    )
    claims = extract_claims(text, "en")
    resolved = [
        c.attribution.source.resolved.text
        for c in claims
        if c.attribution and c.attribution.source and c.attribution.source.resolved
    ]
    assert resolved == ["Maria Lopez", "Maria Lopez"]
