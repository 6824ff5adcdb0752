"""Source kinds guessed from a mention's words: outlets, organisations, government bodies and
people, in Dutch and English. The names are invented; each expectation was checked by hand."""

from __future__ import annotations

import pytest

from tracker.extract import extract_claims
from tracker.extract.sources import source_kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # outlets: a paper's compound ('-blad', '-post', '-krant', '-courant') or a broadcaster
        ("Het Middagblad", "outlet"),
        ("De Polderpost", "outlet"),
        ("de Kustkrant", "outlet"),
        ("Omroep Veluwezoom", "outlet"),
        ("het dagblad", "outlet"),
        # organisations: '-bond', '-vereniging', '-partij', '-bank', an NV or BV
        ("de Schaatsersbond", "organization"),
        ("de Landelijke Imkersvereniging", "organization"),
        ("de Polderpartij", "organization"),
        ("Stichting Groene Dijk", "organization"),
        ("Bouwmaatschappij Hendriks BV", "organization"),
        ("de woningcorporatie Dijkzicht", "organization"),
        # government
        ("Rijksinspectie Bodem", "government"),
        ("het ministerie van Visserij", "government"),
        ("de gemeente Polderwijk", "government"),
        ("het kabinet", "government"),
        # people: a first name, a title or a role; a short name stays a person
        ("Marloes van der Ploeg", "person"),
        ("Van der Ploeg", "person"),
        ("De Ruiter", "person"),
        ("burgemeester Ter Laak", "person"),
        ("de woordvoerder van de Schaatsersbond", "person"),
        ("Marloes van der Ploeg en Teun ter Laak", "group"),  # two people, no one entity
    ],
)  # fmt: skip
def test_dutch_kinds(text: str, kind: str) -> None:
    assert source_kind(text, "nl") == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The Lakeside Observer", "outlet"),
        ("the Morning Journal", "outlet"),
        ("Coastal Rights Watch", "organization"),
        ("Harbour Aid International", "organization"),
        ("the Valley Rowing Club", "organization"),
        ("Brightwater Holdings Ltd", "organization"),
        ("Pinecrest Corporation", "organization"),
        ("the Fenland Trust", "organization"),
        ("the Home Office", "government"),
        ("the Department of Fisheries", "government"),
        ("the Marine Safety Agency", "agency"),
        ("the Fenland Reporter", "organization"),  # a named thing with 'the', not a person
        ("Nora Whitfield", "person"),
        ("Whitfield", "person"),
        ("Dr. Whitfield", "person"),
        ("the Rev. Whitfield", "person"),
        ("spokeswoman for the Fenland Trust", "person"),
        ("the Danes", "group"),
        ("Nora Whitfield and Owen Price", "group"),
        ("Whitfield and Price", "person"),  # could be a firm's name: left alone
    ],
)  # fmt: skip
def test_english_kinds(text: str, kind: str) -> None:
    assert source_kind(text, "en") == kind


def test_kinds_reach_the_claims() -> None:
    text = (
        "De Polderpost meldt dat de brug wordt gesloten. "
        "Volgens de Schaatsersbond is het ijs te dun. "
        "Marloes van der Ploeg zegt dat de dijk het houdt."
    )
    kinds = [
        (c.attribution.source.text, c.attribution.source.kind)
        for c in extract_claims(text, "nl")
        if c.attribution and c.attribution.source
    ]
    assert kinds == [
        ("De Polderpost", "outlet"),
        ("de Schaatsersbond", "organization"),
        ("Marloes van der Ploeg", "person"),
    ]


def test_a_resolved_pronoun_takes_its_antecedents_kind() -> None:
    text = "Marloes van der Ploeg zegt dat de dijk het houdt. Zij zegt ook dat het water zakt."
    found = [
        (c.attribution.source.text, c.attribution.source.kind)
        for c in extract_claims(text, "nl")
        if c.attribution and c.attribution.source and c.attribution.source.resolved
    ]
    assert found == [("Zij", "person")]  # alone, 'zij' could be plural: a group
