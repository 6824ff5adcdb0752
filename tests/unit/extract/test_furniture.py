"""Page furniture is never a claim: metadata, captions and credits, 'Lees ook', bylines,
subheads, rubric words and headlines that state nothing (own fixtures, Dutch and English)."""

from __future__ import annotations

import pytest

from tracker.extract import extract_claims
from tracker.extract.furniture import is_statement
from tracker.extract.sentences import split_sentences

NL_ARTICLE = (
    "date 2023-02\n"
    "Door: Eva Smulders\n"
    "Bron: ANP\n\n"
    "Waterschap sluit dijk bij Kampen af na ontdekking van scheur\n\n"
    "Volledig scherm Medewerkers van het waterschap bij de dijk. © ANP/Robin Jansen\n\n"
    "Het waterschap Drents Overijsselse Delta heeft dinsdag een dijk bij Kampen afgesloten. "
    "Inspecteurs vonden een scheur van veertig meter.\n\n"
    "Lees ook: Hoe veilig zijn onze dijken?\n\n"
    "Onderzoek\n\n"
    "Volgens dijkgraaf Mieke Hoek is er geen direct gevaar voor de bewoners.\n\n"
    "Volledig scherm\n"
    "Een inspecteur meet de scheur op\n\n"
    "De reparatie duurt naar verwachting drie weken.\n"
    "Foto: Reuters\n"
)
EN_ARTICLE = (
    "By Daniel Osei\n"
    "Published March 3, 2024\n\n"
    "Council Approves New Bus Lanes for City Centre\n\n"
    "Cyclists on Market Street on Monday. Photograph: Anna Lee/Reuters\n\n"
    "The city council voted 31 to 9 on Tuesday to build four new bus lanes.\n\n"
    "Read more: How the city plans its transport\n\n"
    "What comes next\n\n"
    "Work starts in June, a spokesman said.\n"
    "Image copyright Getty Images\n"
)


def _texts(text: str, lang: str) -> list[str]:
    return [c.text for c in extract_claims(text, lang)]


def test_dutch_article_keeps_text_and_a_stating_headline_only() -> None:
    assert _texts(NL_ARTICLE, "nl") == [
        "Waterschap sluit dijk bij Kampen af na ontdekking van scheur",
        "Het waterschap Drents Overijsselse Delta heeft dinsdag een dijk bij Kampen afgesloten.",
        "Inspecteurs vonden een scheur van veertig meter.",
        "Volgens dijkgraaf Mieke Hoek is er geen direct gevaar voor de bewoners.",
        "De reparatie duurt naar verwachting drie weken.",
    ]


def test_english_article_keeps_text_and_a_stating_headline_only() -> None:
    assert _texts(EN_ARTICLE, "en") == [
        "Council Approves New Bus Lanes for City Centre",
        "The city council voted 31 to 9 on Tuesday to build four new bus lanes.",
        "Work starts in June, a spokesman said.",
    ]


def test_a_headline_is_a_heading_and_never_flagged() -> None:
    for text, lang in [(NL_ARTICLE, "nl"), (EN_ARTICLE, "en")]:
        first = split_sentences(text)[0]
        assert first.kind == "heading"
        assert not extract_claims(text, lang)[0].checkworthy


@pytest.mark.parametrize(
    ("title", "kept"),
    [
        ("Miljoenen voor de jeugdzorg in Drenthe", []),
        ("Zorgen over de woningbouw. Analyse", []),
        ("Kabinet valt over stikstof. Politiek", ["Kabinet valt over stikstof."]),
        ("Burgemeester opgestapt na ophef over declaraties", None),
        ("Brandweerlieden uit drie provincies helpen mee bij de blussing", None),
        ("'Wij wisten van niets'", None),
        ("Minister: geen extra geld voor defensie", None),
        ("A Week of Storms in the North", []),
        ("Senate Passes Budget Deal", None),
        ("Weather. In pictures", []),
        # a plural or a noun in -t after the first word looks like a verb: such a label is kept
        ("Election results in the North", None),
    ],
)
def test_title_lines_keep_statements_and_drop_labels(title: str, kept: list[str] | None) -> None:
    text = title + "\n\nDe eerste zin van het artikel staat hier.\n"
    got = [text[s.start : s.end] for s in split_sentences(text)][:-1]
    assert got == ([title] if kept is None else kept)


def test_subheads_on_their_own_line_are_dropped_but_sentences_stay() -> None:
    text = (
        "De rechter sprak de verdachte vrij.\n\n"
        "Reactie van het OM\n\n"
        "Het OM gaat in hoger beroep.\n\n"
        "The ruling\n\n"
        "The judge said the evidence was thin.\n"
    )
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "De rechter sprak de verdachte vrij.",
        "Het OM gaat in hoger beroep.",
        "The judge said the evidence was thin.",
    ]


def test_run_in_subheads_do_not_break_sentences() -> None:
    """A print subhead run into the next sentence stays part of it: the sentence is kept whole."""
    text = (
        "De gemeente sloot het zwembad. Kritiek De oppositie wil opheldering over het besluit. "
        "Meer informatie volgt."
    )
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "De gemeente sloot het zwembad.",
        "Kritiek De oppositie wil opheldering over het besluit.",
        "Meer informatie volgt.",
    ]


@pytest.mark.parametrize(
    "caption",
    ["Professor Anke de Groot op het strand van Katwijk", "Wethouder Ellen Pieters bij de dijk"],
)
def test_a_caption_run_into_the_end_of_the_text_is_dropped(caption: str) -> None:
    text = (
        "Een onderzoek van de universiteit toont aan dat de zeespiegel sneller stijgt. " + caption
    )
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "Een onderzoek van de universiteit toont aan dat de zeespiegel sneller stijgt.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Foto: ANP",
        "Beeld: Pieter de Vries",
        "Bron: NOS",
        "LEES OOK: De tien beste stranden",
        "Read more: Why prices rise",
        "Also read: The budget explained",
        "Photo: AP",
        "Source: Eurostat",
        "Image caption Firefighters at the scene",
    ],
)
def test_furniture_lines_anywhere(line: str) -> None:
    text = f"Het kabinet kondigde dinsdag nieuwe maatregelen aan.\n{line}\nDaarna volgde een debat."
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "Het kabinet kondigde dinsdag nieuwe maatregelen aan.",
        "Daarna volgde een debat.",
    ]


@pytest.mark.parametrize(
    "meta",
    [
        "date 2023-02",
        "2024-03-14",
        "14 maart 2023",
        "Door Jan de Wit",
        "Door: Jan de Wit | 12 maart 2023, 14:05",
        "Bijgewerkt: 4 april 2024, 10:12",
        "By Sarah Miller and Tom Baker, Associated Press",
        "Updated March 14, 2024, 9:30 a.m.",
        "Posted 12 May 2023",
    ],
)
def test_metadata_lines_before_the_text(meta: str) -> None:
    text = f"{meta}\n\nDe politie heeft vannacht drie mannen aangehouden in Tilburg.\n"
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "De politie heeft vannacht drie mannen aangehouden in Tilburg.",
    ]


def test_a_sentence_about_a_photo_or_a_source_is_not_furniture() -> None:
    text = (
        "Door de storm vielen in Zeeland veertig bomen om.\n"
        "De fotograaf maakte de foto vanaf het dak van het stadhuis.\n"
        "The source of the leak was found on Friday.\n"
    )
    assert len(split_sentences(text)) == 3


def test_is_statement() -> None:
    assert is_statement("Rusland stuurt extra troepen naar het front")
    assert is_statement("Gemeente opgelicht door nepfactuur")
    assert is_statement("Boeren melden zich bij het provinciehuis")
    assert not is_statement("Het weer in beeld")
    assert not is_statement("Rondje Europa")


@pytest.mark.parametrize(
    "title",
    [
        "Door de storm is de dijk bij Kampen beschadigd",
        "By-election called after MP resigns",
        "Date of the harbour vote is moved again",
    ],
)
def test_a_headline_that_starts_like_metadata_stays(title: str) -> None:
    text = f"{title}\n\nDe eerste zin van het artikel staat hier.\n"
    first = split_sentences(text)[0]
    assert text[first.start : first.end] == title
