"""English cues: reporting verbs, according to, citing, told, statements, hearsay."""

from __future__ import annotations

import pytest

from tracker.extract import extract_claims


def _attr(text: str) -> tuple[str, str | None, str | None, list[str]]:
    claims = extract_claims(text, "en")
    assert len(claims) == 1, [c.text for c in claims]
    a = claims[0].attribution
    assert a is not None
    return (
        a.kind,
        a.cue.text if a.cue else None,
        a.source.text if a.source else None,
        [v.text for v in a.via],
    )


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("The governor said the bridge would reopen in May.", "said", "The governor"),
        ("The governor says the bridge will reopen in May.", "says", "The governor"),
        ("Officials have said the plant is safe.", "have said", "Officials"),
        ("A senior official said the deal was close.", "said", "A senior official"),
        (
            "Mr. Lee, a spokesman for the council, said the vote was delayed.",
            "said",
            "Mr. Lee, a spokesman for the council,",
        ),
        (
            "The mayor, who took office in 2019, said taxes would rise.",
            "said",
            "The mayor, who took office in 2019,",
        ),
        ("Senator Ruiz (D-Calif.) said the bill had stalled.", "said", "Senator Ruiz (D-Calif.)"),
        (
            '"We are ready," said Maria Gomez, the team\'s coach.',
            "said",
            "Maria Gomez, the team's coach",
        ),
        ('"We are ready," she said.', "said", "she"),
        ("The company announced that it would cut 300 jobs.", "announced", "The company"),
        ("The researchers wrote that the effect was small.", "wrote", "The researchers"),
        ("Johnson added that the money had run out.", "added", "Johnson"),
        ("The minister argued that prices had doubled.", "argued", "The minister"),
    ],
)
def test_reporting_verbs(text: str, cue: str, source: str) -> None:
    kind, c, s, _via = _attr(text)
    assert (c, s) == (cue, source)
    assert kind in ("reported", "quote")


def test_quote_kind_for_direct_speech() -> None:
    assert _attr('"Prices will fall," the minister said.')[0] == "quote"
    assert _attr("The minister said prices would fall.")[0] == "reported"


def test_according_to() -> None:
    assert _attr("According to the police, two people were arrested.")[1:3] == (
        "According to",
        "the police",
    )
    assert _attr("Two people were arrested, according to a police report.")[1:3] == (
        "according to",
        "a police report",
    )


def test_told_puts_the_addressee_in_via() -> None:
    _kind, cue, source, via = _attr("The general told The New York Times that the war was lost.")
    assert (cue, source, via) == ("told", "The general", ["The New York Times"])


def test_citing_chain() -> None:
    text = "Reuters, citing two diplomats, reported that the talks had failed."
    claims = extract_claims(text, "en")
    a = claims[0].attribution
    assert a is not None and a.source is not None
    assert a.source.text == "two diplomats"
    assert [v.text for v in a.via] == ["Reuters"]


def test_in_a_statement() -> None:
    _kind, cue, source, _ = _attr("The ministry said in a statement that the border was closed.")
    assert (cue, source) == ("said in a statement", "The ministry")


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The suspect reportedly fled to Spain.", "reportedly"),
        ("The suspect allegedly stole two cars.", "allegedly"),
        ("The letter was purportedly written by the king.", "purportedly"),
        ("The general is said to have resigned.", "is said to"),
        ("Sources say the general has resigned.", "Sources say"),
    ],
)
def test_hearsay(text: str, cue: str) -> None:
    claims = extract_claims(text, "en")
    a = claims[0].attribution
    assert a is not None and a.cue is not None
    assert (a.kind, a.cue.text, a.source) == ("hearsay", cue, None)
    assert claims[0].suggested_status == "unsourced"


def test_sourced_attribution_wins_over_hearsay_in_the_same_sentence() -> None:
    a = extract_claims("Police said the suspect had reportedly fled.", "en")[0].attribution
    assert a is not None and a.source is not None and a.source.text == "Police"


def test_speaker_colon() -> None:
    a = extract_claims('Zaza: "We have not eaten for two days."', "en")[0].attribution
    assert a is not None and a.source is not None and a.cue is not None
    assert (a.cue.text, a.source.text, a.kind) == (":", "Zaza", "quote")


def test_no_attribution_in_plain_sentence() -> None:
    assert extract_claims("The bridge opened in 1932.", "en")[0].attribution is None


def test_attribution_noun_with_possessor() -> None:
    _kind, cue, source, _ = _attr("Trump’s claim that crime had doubled was false.")
    assert (cue, source) == ("claim", "Trump")


def test_document_and_described_sources() -> None:
    claims = extract_claims("The report found that 40 percent of the bridges were unsafe.", "en")
    a = claims[0].attribution
    assert a is not None and a.source is not None
    assert (a.source.text, a.source.kind) == ("The report", "document")
    zaza = extract_claims('"We are surrounded," said a soldier with the call sign Zaza.', "en")[
        0
    ].attribution
    assert zaza is not None and zaza.source is not None
    assert zaza.source.text == "a soldier with the call sign Zaza"


def test_english_abbreviations_and_titles_in_names() -> None:
    a = extract_claims("Gen. Mark Hill told reporters the base was secure.", "en")[0].attribution
    assert a is not None and a.source is not None
    assert a.source.text == "Gen. Mark Hill"
    assert [v.text for v in a.via] == ["reporters"]


def test_relative_pronoun_source_resolves_to_its_antecedent() -> None:
    text = "Mr. Lee, who said last week that the judge was biased, lost the case."
    a = extract_claims(text, "en")[0].attribution
    assert a is not None and a.source is not None
    assert a.source.text == "Mr. Lee"
    assert text[a.source.start : a.source.end] == "Mr. Lee"


@pytest.mark.parametrize("antecedent", ["Maria Gomez", "Harbour Master Pieter Van Der Berg"])
def test_relative_pronoun_far_into_a_long_sentence(antecedent: str) -> None:
    """The antecedent is read from the last few hundred characters of the sentence."""
    opening = (
        "After months of talks about the harbour, the tolls and the new ferry line, which had "
        "been promised to the islanders in 2019 and again in 2021 and which the regional "
        "council had approved twice while the ferry company kept raising its prices and the "
        "mayor kept postponing a decision, the plan for the port was finally sent on to "
    )
    text = f"{opening}{antecedent}, who said it was late."
    assert len(opening) > 300
    (claim,) = extract_claims(text, "en")
    a = claim.attribution
    assert a is not None and a.source is not None
    assert text[a.source.start : a.source.end] == antecedent


def test_cue_inside_a_quotation_is_not_the_articles_attribution() -> None:
    text = '"When I said no, they laughed," the senator told the committee.'
    a = extract_claims(text, "en")[0].attribution
    assert a is not None and a.cue is not None and a.source is not None
    assert (a.cue.text, a.source.text) == ("told", "the senator")
    assert [v.text for v in a.via] == ["the committee"]


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("The senator thinks the tax plan will fail.", "thinks", "The senator"),
        ("Most voters believe the economy is getting worse.", "believe", "Most voters"),
        ("The union hopes the strike will end soon.", "hopes", "The union"),
        ("Local farmers fear the new rules will ruin them.", "fear", "Local farmers"),
        ("Residents expect the road to reopen next month.", "expect", "Residents"),
        ("The company claims its product is safe.", "claims", "The company"),
        ("Critics accused the minister of misleading parliament.", "accused", "Critics"),
    ],
)
def test_belief_intention_and_stance_verbs(text: str, cue: str, source: str) -> None:
    """Attributions of what someone thinks, hopes, fears or claims, not only of speech."""
    kind, c, s, _via = _attr(text)
    assert (kind, c, s) == ("reported", cue, source)


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("A new poll shows the mayor leading by nine points.", "shows", "A new poll"),
        ("The survey found that rents rose by a third.", "found", "The survey"),
    ],
)
def test_polls_and_documents_as_sources(text: str, cue: str, source: str) -> None:
    _kind, c, s, _via = _attr(text)
    assert (c, s) == (cue, source)


def test_possessive_attribution_noun_after_a_preposition() -> None:
    _kind, cue, source, _ = _attr("In Garcia's view, the deal was a mistake.")
    assert (cue, source) == ("view", "Garcia")


def test_heading_with_a_stance_verb() -> None:
    _kind, cue, source, _ = _attr("Garcia Wants Tax Cut Before Election")
    assert (cue, source) == ("Wants", "Garcia")


@pytest.mark.parametrize(
    "text",
    [
        "The committee met for three hours on Tuesday.",
        "The new stadium will hold about forty thousand people.",
        "Trains to the airport run every ten minutes.",
    ],
)
def test_no_attribution_without_a_cue(text: str) -> None:
    assert extract_claims(text, "en")[0].attribution is None


def test_fast_cue_score_equals_the_sum_of_feature_weights() -> None:
    """cues.cue_score (per-word tables) must agree with the features the model was trained on."""
    from tracker.extract.cue_model_en import CANDIDATES, RANK_RATES, WEIGHTS
    from tracker.extract.cues import cue_features, cue_score, cue_sentence
    from tracker.extract.tokens import LOW, tokenize

    texts = [
        'The mayor, who thinks the plan is "a disaster," told reporters she would vote no.',
        "Analysts expect prices to fall, according to a survey released on Monday.",
        "In a statement, the club said it regretted the decision and hoped to appeal.",
    ]
    checked = 0
    for text in texts:
        toks = tokenize(text, 0, len(text))
        for k, t in enumerate(toks):
            if t[LOW] not in CANDIDATES:
                continue
            for heading in (False, True):
                sent = cue_sentence(toks, range(len(toks)), RANK_RATES.get, heading, k % 2 == 0)
                feats = cue_features(toks, k, sent)
                assert feats[1] == "w=" + t[LOW]
                expected = sum(WEIGHTS.get(f, 0.0) for f in feats)
                got = cue_score(toks, k, sent)
                assert got == pytest.approx(expected, abs=1e-9)
                checked += 1
    assert checked >= 10


def test_words_inside_a_long_quotation_are_not_tokens() -> None:
    """The words of a long quotation are left out of the tokens; its quotation marks stay."""
    from tracker.extract.extractor import sentence_tokens
    from tracker.extract.sentences import split_sentences

    text = '"You can tell them what you like about the plan, I will not," Ramos said on Monday.'
    (seg,) = split_sentences(text)
    words = [t[2] for t in sentence_tokens(text, seg)]
    assert words == ['"', '"', "Ramos", "said", "on", "Monday", "."]
    short = 'He called the plan "a disaster" on Monday.'
    (seg,) = split_sentences(short)
    assert "disaster" in [t[2] for t in sentence_tokens(short, seg)]  # a short quotation stays


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "“The moment the bridge closed, my shop lost half its customers,” he said, adding "
            "he would never vote for the mayor.",
            "he",
        ),
        (
            "“A new school will keep families here, because nobody moves for a bus stop,” she "
            "said in the town hall, stressing it was time to end the dispute.",
            "she",
        ),
        (
            "“Something is shifting on our street, where tenants will soon outnumber the "
            "owners of every house,” Ramos said, referring to the census.",
            "Ramos",
        ),
    ],
)
def test_the_speaker_of_a_quotation_is_never_a_word_inside_it(text: str, source: str) -> None:
    """A participle after the speech verb ('adding', 'referring') once took its source from
    the first words of the quotation ('The', 'Unity', 'There')."""
    sources = {
        c.attribution.source.text if c.attribution.source else None
        for c in extract_claims(text, "en")
        if c.attribution
    }
    assert sources == {source}


def test_a_quotation_after_the_cue_is_the_content() -> None:
    text = (
        "In a statement, the firm said: “The plant was highly profitable when it became an "
        "independent company,” adding that it regretted the closure."
    )
    a = extract_claims(text, "en")[0].attribution
    assert a is not None
    assert text[a.content[0] : a.content[1]].startswith("“The plant was highly profitable")


def test_a_time_colon_is_no_reason_to_look_for_cues() -> None:
    from tracker.extract.cues import may_have_cues

    assert not may_have_cues("5:30 p.m. the crowd filled the hall", frozenset(), "en")
    assert may_have_cues("5:30 p.m. reyes: we are not leaving", frozenset(), "en")
