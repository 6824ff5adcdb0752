"""English span conventions (as PolNeAR marks them): the whole source noun phrase, the cue with
its auxiliaries and content-introducing preposition, the content without cue and source.

Every sentence is written for these tests; the expected spans are checked by hand.
"""

from __future__ import annotations

import pytest

from tracker.extract import find_attributions


def _spans(text: str) -> tuple[str | None, str | None, str]:
    """(cue, source, content) of the only attribution in `text`."""
    atts = [a for _seg, found in find_attributions(text, "en") for a in found]
    assert len(atts) == 1, atts
    a = atts[0]
    return (
        a.cue.text if a.cue else None,
        a.source.text if a.source else None,
        text[a.content[0] : a.content[1]],
    )


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The senator has repeatedly said the tariffs would hurt farmers.", "has repeatedly said"),
        ("Her campaign quickly denied the report.", "quickly denied"),
        ("The union complained about the new shift rota.", "complained about"),
        ("The governor called for a recount.", "called for"),
        ("Rep. Dana Cole (D-Ore.) warned of a shutdown.", "warned of"),
        ("The mayor is also expected to announce the plan on Friday.", "is also expected"),
        ("The report was later confirmed by the ministry.", "was later confirmed"),
    ],
)
def test_cue_keeps_auxiliaries_adverbs_and_its_preposition(text: str, cue: str) -> None:
    assert _spans(text)[0] == cue


def test_said_in_a_statement_is_one_cue() -> None:
    text = "The ministry said in a statement that the border would stay closed."
    assert _spans(text) == (
        "said in a statement",
        "The ministry",
        "that the border would stay closed",
    )


def test_said_keeps_a_time_or_place_phrase_out_of_the_cue() -> None:
    cue, source, content = _spans("The council said on Monday that the road would close.")
    assert (cue, source, content) == ("said", "The council", "that the road would close")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Transport ministry spokeswoman Clara Vos said the line would reopen in June.",
            "Transport ministry spokeswoman Clara Vos",
        ),
        (
            "Former state treasurer Maria Lind argued that the pension fund was underfunded.",
            "Former state treasurer Maria Lind",
        ),
        ("But Mr. Hale said the figures were wrong.", "Mr. Hale"),
        ("Her campaign quickly denied the report.", "Her campaign"),
        ("Rep. Dana Cole (D-Ore.) warned of a shutdown.", "Rep. Dana Cole (D-Ore.)"),
        (
            "Tom Berg, the city's budget director, said the deficit had doubled.",
            "Tom Berg, the city's budget director,",
        ),
        (
            '"We will appeal," said Ana Ruiz, a lawyer for the family.',
            "Ana Ruiz, a lawyer for the family",
        ),
        (
            "Nobody was hurt, according to Pieter Smit, a spokesman for the fire brigade.",
            "Pieter Smit, a spokesman for the fire brigade",
        ),
        ("According to the fire brigade, nobody was hurt.", "the fire brigade"),
        ("Last week Trump said the wall would be built.", "Trump"),
        (
            "Ms. Ruiz, Mr. Hale and Ms. Vos have all criticized the budget.",
            "Ms. Ruiz, Mr. Hale and Ms. Vos",
        ),
        ("She and her husband said they would stay.", "She and her husband"),
        ("On Friday, the ministry went further and said the deal was off.", "the ministry"),
        ("The senator last week said the bill was dead.", "The senator"),
        ("Trump on Friday endorsed the mayor.", "Trump"),
        (
            "Prices will keep rising, said Ines Garcia, an economist at the central bank.",
            "Ines Garcia, an economist at the central bank",
        ),
        (
            "Ms. Vos, who chairs the panel, said Mr. Hale had resigned.",
            "Ms. Vos, who chairs the panel,",
        ),
        ("Still, the mayor insisted that the budget was balanced.", "the mayor"),
        ("And now Mr. Lee has taken on a bigger job, saying he wants to win the state.", "Mr. Lee"),
        ("The bill, opposed by the teachers union, never became law.", "the teachers union"),
        ("The embattled governor resigned and said she was innocent.", "The embattled governor"),
        (
            "The turnout was low, said Laura K. Benning, a pollster in Ohio.",
            "Laura K. Benning, a pollster in Ohio",
        ),
        ("A senior NATO diplomat said the talks had stalled.", "A senior NATO diplomat"),
        ("One former Senate aide said the vote was rigged.", "One former Senate aide"),
        ("One of her neighbours said the house was empty.", "One of her neighbours"),
        ("Most of the farmers said prices had fallen.", "Most of the farmers"),
        (
            "Tom Hale, director of the harbour authority, said the quay was unsafe.",
            "Tom Hale, director of the harbour authority,",
        ),
        (
            "The quay is unsafe, said Tom Hale, senior engineer at the harbour authority.",
            "Tom Hale, senior engineer at the harbour authority",
        ),
        (
            "Ruth Mayer, now a radio host, said she had never met him.",
            "Ruth Mayer, now a radio host,",
        ),
        ("The quay is unsafe, said Tom Hale, speaking at the harbour.", "Tom Hale"),
        ("The plan is dead, said the Rubio campaign.", "the Rubio campaign"),
        ("According to the Lee campaign, the plan is dead.", "the Lee campaign"),
        (
            "The plan is dead, said Trump campaign manager Ana Ruiz.",
            "Trump campaign manager Ana Ruiz",
        ),
        ("According to Smith voters are angry.", "Smith"),
        (
            "The three remaining candidates said the debate was unfair.",
            "The three remaining candidates",
        ),
        (
            "The latest Gallup/Knight survey found that trust had fallen.",
            "The latest Gallup/Knight survey",
        ),
    ],
)
def test_source_is_the_whole_noun_phrase(text: str, source: str) -> None:
    assert _spans(text)[1] == source


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The council said that the road would close in March.",
            "that the road would close in March",
        ),
        ("The minister praised the report.", "the report"),
        (
            "The agency said the dam was safe, but residents remained worried.",
            "the dam was safe",
        ),
        (
            "The mayor said the budget was balanced; the council disagreed.",
            "the budget was balanced",
        ),
        ("According to the fire brigade, nobody was hurt.", "nobody was hurt"),
        ('"We will appeal," said Ana Ruiz, a lawyer for the family.', '"We will appeal,"'),
        (
            'The senator said the deal was "a disgrace" and threatened to block it.',
            'the deal was "a disgrace"',
        ),
        (
            "The senator has repeatedly said the tariffs would hurt farmers.",
            "the tariffs would hurt farmers",
        ),
    ],
)
def test_content_holds_neither_cue_nor_source(text: str, content: str) -> None:
    assert _spans(text)[2] == content


def test_a_participle_clause_is_a_second_attribution_of_the_same_subject() -> None:
    text = "The coach said the team had trained hard, adding that two players were injured."
    atts = [a for _seg, found in find_attributions(text, "en") for a in found]
    said, adding = atts
    assert said.cue is not None and adding.cue is not None
    assert (said.cue.text, adding.cue.text) == ("said", "adding")
    assert text[said.content[0] : said.content[1]] == "the team had trained hard"
    assert text[adding.content[0] : adding.content[1]] == "that two players were injured"
    assert said.source is not None and adding.source is not None
    assert said.source.text == adding.source.text == "The coach"


def test_a_raising_verb_has_no_source_and_its_subject_is_content() -> None:
    text = "The new bridge is expected to open in the autumn."
    assert _spans(text) == ("is expected", None, "The new bridge is expected to open in the autumn")
    text = "The governor is widely expected to win."
    assert _spans(text) == ("is widely expected", None, "The governor is widely expected to win")
    text = "The governor seemed to accept the findings."
    assert _spans(text) == ("seemed", None, "The governor seemed to accept the findings")


def test_an_inserted_attribution_spans_the_whole_sentence() -> None:
    text = "The plan, the minister said, was never viable."
    assert _spans(text) == ("said", "the minister", "The plan, the minister said, was never viable")


def test_a_participle_after_a_short_quotation_keeps_the_sentence_subject() -> None:
    text = 'The union sued over the closure of the "night window," saying it hurt shift workers.'
    assert _spans(text) == ("saying", "The union", "it hurt shift workers")


def test_two_verbs_of_one_subject_after_a_fronted_phrase() -> None:
    text = (
        "In a long interview with a local radio station last year, Ms. Berg said she would run"
        " and added that she had the votes."
    )
    atts = [a for _seg, found in find_attributions(text, "en") for a in found]
    got = [
        (
            a.cue.text if a.cue else None,
            a.source.text if a.source else None,
            text[slice(*a.content)],
        )
        for a in atts
    ]
    assert got == [
        ("said", "Ms. Berg", "she would run"),
        ("added", "Ms. Berg", "that she had the votes"),
    ]


def test_a_passive_cue_takes_its_agent_as_source_and_its_subject_as_content() -> None:
    text = "The plan was criticized by the union for its cost."
    assert _spans(text) == (
        "was criticized",
        "the union",
        "The plan was criticized by the union for its cost",
    )


def test_a_quotation_before_its_speaker_and_a_participle_after_it() -> None:
    text = '"It is a hard race," Lopez said, citing the slow recovery.'
    atts = [a for _seg, found in find_attributions(text, "en") for a in found]
    got = [
        (
            a.cue.text if a.cue else None,
            a.source.text if a.source else None,
            text[slice(*a.content)],
        )
        for a in atts
    ]
    assert got == [
        ("said", "Lopez", '"It is a hard race,"'),
        ("citing", "Lopez", "the slow recovery"),
    ]


def test_initials_and_a_suffix_stay_in_the_name() -> None:
    text = "Vice President Joseph R. Biden Jr. said the plan had failed."
    assert _spans(text)[1] == "Vice President Joseph R. Biden Jr."


def test_a_quotation_going_on_after_its_tag_is_one_content() -> None:
    text = (
        "“The bridge will reopen in May,” the engineer said. “Nobody should expect it sooner.”"
        " The council met on Tuesday."
    )
    found = [(seg, a) for seg, atts in find_attributions(text, "en") for a in atts]
    assert len(found) == 1
    _seg, att = found[0]
    assert text[att.content[0] : att.content[1]] == (
        "“The bridge will reopen in May,” the engineer said. “Nobody should expect it sooner.”"
    )


def test_a_quotation_after_a_tag_with_its_own_cue_is_not_carried() -> None:
    text = "“We won,” the coach said. “They were better,” the rival said."
    contents = [
        text[a.content[0] : a.content[1]]
        for _seg, atts in find_attributions(text, "en")
        for a in atts
    ]
    assert contents == ["“We won,”", "“They were better,”"]


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "Turnout fell by a third, according to a county survey released Monday.",
            "a county survey released Monday",
            "Turnout fell by a third",
        ),
        (
            "According to a memo from the budget office, the plan costs more than expected.",
            "a memo from the budget office",
            "the plan costs more than expected",
        ),
        (
            "Rents rose again, according to figures through Jan. 31 from the city.",
            "figures through Jan. 31 from the city",
            "Rents rose again",
        ),
    ],
)
def test_according_to_takes_its_whole_phrase_and_the_clause_before(
    text: str, source: str, content: str
) -> None:
    assert _spans(text)[1:] == (source, content)


def _all(text: str) -> list[tuple[str | None, str | None, str]]:
    """(cue, source, content) of every attribution in `text`, in order."""
    return [
        (
            a.cue.text if a.cue else None,
            a.source.text if a.source else None,
            text[slice(*a.content)],
        )
        for _seg, found in find_attributions(text, "en")
        for a in found
    ]


def test_content_in_a_fronted_clause_ends_before_the_main_clause() -> None:
    text = "If the minister says the figures are wrong, the committee will ask for an audit."
    assert _all(text) == [("says", "the minister", "the figures are wrong")]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said the bridge was safe, and the engineers said it needed repairs.",
        "The mayor said the bridge was safe, the engineers said it needed repairs.",
    ],
)
def test_content_ends_before_the_clause_of_the_next_cue(text: str) -> None:
    assert _all(text) == [
        ("said", "The mayor", "the bridge was safe"),
        ("said", "the engineers", "it needed repairs"),
    ]


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "''The bridge is safe,'' said Dana Reyes, the city engineer.",
            "Dana Reyes, the city engineer",
            "''The bridge is safe,''",
        ),
        ("''We will appeal,'' the lawyer said.", "the lawyer", "''We will appeal,''"),
    ],
)
def test_a_quotation_in_doubled_apostrophes_is_the_content(
    text: str, source: str, content: str
) -> None:
    assert _spans(text)[1:] == (source, content)


def test_content_goes_on_over_including() -> None:
    text = "The inspectors criticized several failures at the plant, including a broken alarm."
    assert _all(text) == [
        ("criticized", "The inspectors", "several failures at the plant, including a broken alarm")
    ]


def test_a_sentence_opening_with_doubled_apostrophes_is_a_new_sentence() -> None:
    text = "''The vote was close,'' said Mr. Hale, a council member. ''We will try again.''"
    segs = [seg for seg, _atts in find_attributions(text, "en")]
    assert [text[s.start : s.end] for s in segs] == [
        "''The vote was close,'' said Mr. Hale, a council member.",
        "''We will try again.''",
    ]
    assert _all(text) == [("said", "Mr. Hale, a council member", text)]
