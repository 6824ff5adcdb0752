"""Numbers: Dutch and English notation, number words, ranges, vague amounts, units."""

from __future__ import annotations

import pytest

from tracker.extract.numbers import find_numbers


def _nums(text: str, lang: str) -> list[dict[str, object]]:
    out = []
    for n in find_numbers(text, 0, len(text), lang):
        assert text[n.start : n.end] == n.text
        out.append(n.to_json())
    return out


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("nl", "20.000", 20000),
        ("nl", "2,5 miljoen", 2500000),
        ("nl", "1,2 miljard", 1200000000),
        ("nl", "twintigduizend", 20000),
        ("nl", "vierduizend", 4000),
        ("nl", "vijfentwintig", 25),
        ("nl", "tweehonderd", 200),
        ("nl", "twee dozijn", 24),
        ("en", "20,000", 20000),
        ("en", "2.5 million", 2500000),
        ("en", "two dozen", 24),
        ("en", "a dozen", 12),
        ("en", "forty", 40),
        ("en", "3.75", 3.75),
    ],
)
def test_values(lang: str, text: str, value: float) -> None:
    [n] = _nums(f"Er waren {text} mensen." if lang == "nl" else f"There were {text} people.", lang)
    assert n["text"] == text and n["value"] == value


def test_percent_and_money() -> None:
    assert _nums("Het steeg met 40 procent en 12%.", "nl") == [
        {"start": 14, "end": 24, "text": "40 procent", "value": 40, "unit": "%"},
        {"start": 28, "end": 31, "text": "12%", "value": 12, "unit": "%"},
    ]
    [eur] = _nums("Het kost €3,5 mln.", "nl")
    assert (eur["value"], eur["unit"]) == (3500000, "EUR")
    [usd] = _nums("It cost $5 billion.", "en")
    assert (usd["value"], usd["unit"]) == (5000000000, "USD")
    [eur2] = _nums("Er is 2,5 miljoen euro gereserveerd.", "nl")
    assert (eur2["value"], eur2["unit"]) == (2500000, "EUR")


def test_ranges() -> None:
    [r2] = _nums("between 1990-1995", "en")
    assert (r2["low"], r2["high"]) == (1990, 1995)
    [r5] = _nums("ruim 300 tot 400 doden", "nl")
    assert (r5["value"], r5["low"], r5["high"], r5["approx"]) == (None, 300, 400, True)
    [r6] = _nums("The repair takes 6 to 8 weeks.", "en")
    assert (r6["text"], r6["low"], r6["high"]) == ("6 to 8", 6, 8)
    # an upper bound below the lower one is no amount at all
    assert _nums("Er stonden 20 tot 5 stoelen.", "nl") == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "Er kwamen tientallen boeren naar het plein."),
        ("nl", "Honderden agenten stonden klaar."),
        ("nl", "De fraude kostte de staat vele tientallen miljoenen."),
        ("nl", "Het gaat om honderden miljarden aan schulden."),
        ("nl", "Enkele duizenden fans bleven thuis."),
        ("nl", "Er zijn een paar honderd slaapplekken nodig."),
        ("nl", "Tienduizenden huishoudens zaten zonder stroom."),
        ("nl", "Miljoenen kijkers zagen de finale."),
        ("en", "Dozens of farmers blocked the road."),
        ("en", "Hundreds of officers were on duty."),
        ("en", "Thousands of people came."),
        ("en", "A few hundred fans stayed at home."),
        ("en", "Several million households lost power."),
        ("en", "Millions of viewers watched the final."),
    ],
)
def test_vague_amounts_are_not_numbers(lang: str, text: str) -> None:
    assert _nums(text, lang) == []


def test_vague_amount_beside_a_number() -> None:
    [n] = _nums("Tientallen dorpen, samen 4.500 inwoners, liepen onder.", "nl")
    assert (n["text"], n["value"]) == ("4.500", 4500)
    [m] = _nums("Hundreds of flights, about 1,200 in all, were cancelled.", "en")
    assert (m["text"], m["value"], m["approx"]) == ("about 1,200", 1200, True)
    [d] = _nums("She bought a dozen eggs.", "en")
    assert (d["text"], d["value"]) == ("a dozen", 12)


def test_approximations() -> None:
    [n] = _nums("Ongeveer 40.000 mensen zijn getest.", "nl")
    assert (n["value"], n["approx"]) == (40000, True)
    [m] = _nums("nearly 40% of voters", "en")
    assert (m["value"], m["approx"], m["unit"]) == (40, True, "%")


def test_no_false_numbers() -> None:
    assert _nums("No one knew.", "en") == []
    assert _nums("Een man liep weg.", "nl") == []
    assert _nums("B52X", "en") == []


def test_dutch_halves_factors_and_tons_of_money() -> None:
    values = [n["value"] for n in _nums("De rechter legde hem drieënhalf jaar cel op.", "nl")]
    assert values == [3.5]
    [h] = _nums("Het project kreeg anderhalf miljoen euro subsidie.", "nl")
    assert h["value"] == 1_500_000
    [f] = _nums("Het aantal meldingen is sindsdien verhonderdvoudigd.", "nl")
    assert (f["text"], f["value"]) == ("verhonderdvoudigd", 100)
    assert [n["value"] for n in _nums("De stichting kreeg vier ton subsidie.", "nl")] == [400_000]
    assert [n["value"] for n in _nums("De vrachtwagen vervoerde vier ton zand.", "nl")] == [4]
    assert _nums("Dat was eenvoudig en meervoudig te verklaren.", "nl") == []


def test_match_scores_and_formations_are_not_numbers() -> None:
    assert _nums("Ajax en Feyenoord speelden 2-2.", "nl") == []
    assert _nums("De thuisploeg won met 3-1.", "nl") == []
    assert _nums("De trainer koos voor een 4-3-3.", "nl") == []
    assert _nums("The home side lost 1-0.", "en") == []
    [r] = _nums("Hij kreeg 3-5 jaar cel.", "nl")
    assert (r["low"], r["high"]) == (3, 5)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("In 2019 opende de bibliotheek opnieuw.", "nl"),
        ("De brand brak uit op 3 mei 2021.", "nl"),
        ("Sinds de zomer van 2016 staat het pand leeg.", "nl"),
        ("De 45-jarige automobilist werd aangehouden.", "nl"),
        ("Burgemeester Jansen (58) opende de brug.", "nl"),
        ("Drie weken geleden sloot de fabriek.", "nl"),
        ("Volgens artikel 12 is dat niet toegestaan.", "nl"),
        ("Het overleg begon om 14:30 in het stadhuis.", "nl"),
        ("Eén ding is duidelijk.", "nl"),
        ("Het nieuwe 5G-netwerk werkt nog niet overal.", "nl"),
        ("The mill closed in 1998.", "en"),
        ("The fire started on June 12, 2020.", "en"),
        ("A 34-year-old man was arrested.", "en"),
        ("Five years ago the bridge collapsed.", "en"),
        ("Passengers waited at terminal 3.", "en"),
    ],
)
def test_years_dates_ages_times_and_labels_are_not_numbers(text: str, lang: str) -> None:
    assert _nums(text, lang) == [], text


def test_counts_next_to_dates_and_years_stay() -> None:
    values = [n["value"] for n in _nums("In 2019 kregen 2000 gezinnen op 4 juni 300 euro.", "nl")]
    assert values == [2000, 300]
    assert [n["value"] for n in _nums("In 2021, 1,500 workers lost their jobs.", "en")] == [1500]
