"""Check-worthiness bands and a claim's place in its article, in a reader's terms."""

from __future__ import annotations

import pytest

from tracker.extract.extractor import CHECKWORTHY_THRESHOLD
from tracker.services.positions import Place, place_in_text
from tracker.vocabulary import CHECKWORTHINESS_BANDS, checkworthiness_band


@pytest.mark.parametrize(
    ("score", "band"),
    [(0.0, "low"), (0.49, "low"), (0.5, "medium"), (0.74, "medium"), (0.75, "high"), (1.0, "high")],
)
def test_bands(score: float, band: str) -> None:
    assert checkworthiness_band(score) == band


def test_medium_starts_where_the_extractor_flags_a_claim() -> None:
    assert dict(CHECKWORTHINESS_BANDS)["medium"] == CHECKWORTHY_THRESHOLD


BODY = (
    "Raad stemt in\n\n"
    "De raad stemde dinsdag in. Volgens de wethouder kost het plan “twee miljoen.” Klopt dat?\n"
    "Wie betaalt! Niemand weet het.\n\n\n"
    "  Slotzin hier."
)


@pytest.mark.parametrize(
    ("words", "place"),
    [
        ("Raad", Place(1, 1)),
        ("De raad", Place(2, 1)),
        ("Volgens", Place(2, 2)),
        ("Klopt", Place(2, 3)),
        ("Wie", Place(3, 1)),
        ("Niemand", Place(3, 2)),
        ("Slotzin", Place(4, 1)),
    ],
)
def test_place_in_text(words: str, place: Place) -> None:
    assert place_in_text(BODY, BODY.index(words)) == place


def test_leading_white_space_is_no_paragraph() -> None:
    body = "\n\n  Eerste zin. Tweede."
    assert place_in_text(body, body.index("Tweede")) == Place(1, 2)
