"""The demo article (tracker/services/demo_article_nl.txt, our own text) against hand-written
expectations: every claim with its kind, cue, source, resolved mention and via; the byline and
the photo caption with its credit make no claims; a pronoun source is resolved."""

from __future__ import annotations

from tracker.extract import extract_claims
from tracker.services.demo import DEMO_BODY

# (the claim's first words, kind, cue, source, resolved, via, checkworthy) - checked by hand.
EXPECTED = [
    ("Vrijwilligers uit tientallen landen", None, None, None, None, [], False),  # the headline
    ("Het buitenlandse legioen telt", "hearsay", "naar verluidt", None, None, [], True),
    ("Die cijfers zijn niet", None, None, None, None, [], False),
    ("Volgens The New York Times", "reported", "Volgens", "The New York Times", None, [], True),
    (
        "Tegenover The New York Times",
        "reported",
        "verklaren",
        "Russische soldaten",
        None,
        ["The New York Times"],
        True,
    ),
    (
        '"We kregen drie dagen',
        "quote",
        "zegt",
        "een soldaat met de roepnaam Zaza",
        None,
        [],
        True,
    ),
    ("Hij vecht sinds de zomer", None, None, None, None, [], True),
    ("Sinds vorig jaar leidt majoor", None, None, None, None, [], True),
    ("Volgens haar houdt", "reported", "Volgens", "haar", "Ilse ter Horst", [], True),
    (
        "Het ministerie van Defensie laat weten",
        "reported",
        "laat weten",
        "Het ministerie van Defensie",
        None,
        [],
        True,
    ),
    ("Een woordvoerder van de NAVO wilde niet", None, None, None, None, [], False),
    ("Bronnen rond het kabinet", "reported", "zeggen", "Bronnen rond het kabinet", None, [], True),
    ("De commandant zou vorige week", "hearsay", "zou", None, None, [], True),
]


def test_demo_article_claims_match_the_hand_written_expectations() -> None:
    claims = extract_claims(DEMO_BODY, "nl")
    assert len(claims) == len(EXPECTED), [c.text for c in claims]
    for claim, (start, kind, cue, source, resolved, via, worthy) in zip(
        claims, EXPECTED, strict=True
    ):
        assert claim.text.startswith(start), (claim.text, start)
        assert claim.checkworthy is worthy, claim.text
        att = claim.attribution
        if kind is None:
            assert att is None, claim.text
            continue
        assert att is not None and att.kind == kind, claim.text
        assert not att.implicit
        assert att.cue is not None and att.cue.text == cue
        if source is None:
            assert att.source is None
        else:
            assert att.source is not None and att.source.text == source
            got = att.source.resolved
            assert (got.text if got is not None else None) == resolved
            if got is not None:  # the resolved mention is the earlier full name, in the text
                assert DEMO_BODY[got.start : got.end] == got.text
                assert got.end <= att.source.start
        assert [v.text for v in att.via] == via


def test_demo_furniture_makes_no_claims() -> None:
    claims = extract_claims(DEMO_BODY, "nl")
    for furniture in ("Door onze correspondent", "14 februari 2023", "Nieuwe rekruten", "Foto:"):
        at = DEMO_BODY.index(furniture)
        assert not any(c.start <= at < c.end for c in claims), furniture
