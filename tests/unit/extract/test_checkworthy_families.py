"""Check-worthiness in both languages: for each kind of sentence a fact-checker checks (an
event, a decision, a finding, a figure, a comparison, a named actor acting, a quoted or
reported fact) or does not (an opinion, a prediction without figures, a question, a greeting,
an appeal, a hope, page furniture), an English and a Dutch sentence of that kind get the same,
hand-checked verdict. Own sentences, written for this test."""

from __future__ import annotations

import pytest

from tracker.extract import checkworthy, extract_claims

# family, checkworthy, English sentence, Dutch sentence
PAIRS = [
    (
        "event",
        True,
        "A fire destroyed two warehouses in the port of Antwerp on Saturday night.",
        "Een brand verwoestte zaterdagnacht twee loodsen in de haven van Antwerpen.",
    ),
    (
        "decision",
        True,
        "The provincial board decided on Tuesday to close the ferry to Texel in winter.",
        "Het provinciebestuur besloot dinsdag de veerdienst naar Texel in de winter te stoppen.",
    ),
    (
        "finding",
        True,
        "An inspection found that nine of the eleven care homes had too few night staff.",
        "Uit een inspectie bleek dat negen van de elf verpleeghuizen te weinig nachtpersoneel "
        "hadden.",
    ),
    (
        "figure",
        True,
        "The hospital treated 430 patients for heat stroke last month.",
        "Het ziekenhuis behandelde vorige maand 430 patiënten met een zonnesteek.",
    ),
    (
        "comparison",
        True,
        "Rents in Utrecht rose faster than in any other city, by 9 percent in a year.",
        "De huren in Utrecht stegen sneller dan in elke andere stad, met 9 procent in een jaar.",
    ),
    (
        "named actor",
        True,
        "Karin Smit, the alderman for housing, signed the contract with the builder in May.",
        "Wethouder Karin Smit van Wonen tekende in mei het contract met de bouwer.",
    ),
    (
        "quoted fact",
        True,
        '"We sold the building in 2020 and moved the staff to Leiden," the director said.',
        "„We hebben het pand in 2020 verkocht en het personeel naar Leiden verhuisd”, zegt de "
        "directeur.",
    ),
    (
        "reported fact",
        True,
        "The club's spokesman said the coach had been dismissed on Monday morning.",
        "Volgens de woordvoerder van de club is de trainer maandagochtend ontslagen.",
    ),
    (
        "opinion",
        False,
        "I find it a shameful way to treat people who worked here for years.",
        "Ik vind het een schandalige manier om mensen te behandelen die hier jaren werkten.",
    ),
    (
        "quoted opinion",
        False,
        '"This is a very sad day for our village," the mayor said.',
        "„Dit is een heel trieste dag voor ons dorp”, zei de burgemeester.",
    ),
    (
        "prediction without figures",
        False,
        "The council expects that the new bridge will make the town centre much busier.",
        "De gemeente verwacht dat de nieuwe brug het centrum veel drukker zal maken.",
    ),
    (
        "question",
        False,
        "Why did nobody warn the residents in time?",
        "Waarom heeft niemand de bewoners op tijd gewaarschuwd?",
    ),
    (
        "greeting",
        False,
        "Good evening and welcome to everyone watching at home.",
        "Goedenavond en welkom aan iedereen die thuis meekijkt.",
    ),
    (
        "appeal",
        False,
        "We urge all parents to keep their children at home tomorrow.",
        "Wij roepen alle ouders op hun kinderen morgen thuis te houden.",
    ),
    (
        "hope",
        False,
        "The minister hopes that both sides will soon return to the table.",
        "De minister hoopt dat beide partijen snel weer aan tafel gaan.",
    ),
    (
        "furniture",
        False,
        "Read also: the ten best walks in the dunes",
        "Lees ook: de tien mooiste wandelingen in de duinen",
    ),
]


@pytest.mark.parametrize(
    ("family", "expected", "english", "dutch"), PAIRS, ids=[p[0] for p in PAIRS]
)
def test_both_languages_triage_each_kind_of_sentence_alike(
    family: str, expected: bool, english: str, dutch: str
) -> None:
    for text, lang in ((english, "en"), (dutch, "nl")):
        flagged = any(c.checkworthy for c in extract_claims(text, lang))
        assert flagged is expected, (family, lang, text)


def test_the_english_simple_past_counts_as_past_without_an_auxiliary() -> None:
    """'moved', 'arrested': a regular English past needs no auxiliary to narrate an event;
    a Dutch ge-word counts only after a perfect or passive auxiliary (without one it is mostly
    an adjective or a noun)."""
    en = "the firm moved its staff and closed the office."
    words = frozenset({"and"})
    assert checkworthy.features(en, words, 0, None, lang="en")[3] == 2  # past
    assert checkworthy.features(en, words, 0, None, lang="nl")[3] == 0
    nl = "de fabriek is gesloten en de eigenaar is gearresteerd."
    assert checkworthy.features(nl, frozenset({"is", "en"}), 0, None, lang="nl")[3] == 2
    bare = "gesloten fabrieken en gearresteerde eigenaren."
    assert checkworthy.features(bare, frozenset({"en"}), 0, None, lang="nl")[3] == 0


@pytest.mark.parametrize(
    ("low", "month"),
    [
        ("the school opened in may.", True),
        ("the vote was held on may 4.", True),
        ("the school may open later.", False),
        ("prices may rise.", False),
    ],
)
def test_may_is_the_month_after_a_preposition_of_time(low: str, month: bool) -> None:
    words = frozenset({"may"})
    f = dict(
        zip(checkworthy.FEATURES, checkworthy.features(low, words, 0, None, lang="en"), strict=True)
    )
    assert (f["time"], f["modal"]) == ((1, 0) if month else (0, 1))


@pytest.mark.xfail(
    strict=True,
    reason="the word lists hold both languages' words: Dutch 'met' (with) counts as the English "
    "past of 'meet', and 'May' in a Dutch article as an English modal; lists split by language "
    "measured worse on nl-news-dev (218/293 flagged, leave-one-article-out 212/293, 57/308)",
)
def test_a_dutch_claim_counts_only_dutch_words() -> None:
    low = "premier may sprak met de leiders van de partij."
    words = frozenset({"may", "met", "sprak"})
    values = checkworthy.features(low, words, 0, None, lang="nl")
    f = dict(zip(checkworthy.FEATURES, values, strict=True))
    assert (f["past"], f["modal"]) == (1, 0)  # only "sprak"
