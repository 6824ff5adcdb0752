"""Three Dutch fixture articles with hand-checked expected attributions (nl_expected.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tracker.extract import extract_claims

from .helpers import assert_claim_structure

FIXTURES = Path(__file__).parent / "fixtures"
EXPECTED: dict[str, list[dict[str, Any]]] = json.loads(
    (FIXTURES / "nl_expected.json").read_text(encoding="utf-8")
)


def _observed(c: Any) -> dict[str, Any]:
    a = c.attribution
    if a is None:
        return {"claim": c.text[:60], "attribution": None}
    return {
        "claim": c.text[:60],
        "kind": a.kind,
        "cue": a.cue.text if a.cue else None,
        "source": a.source.text if a.source else None,
        "source_kind": a.source.kind if a.source else None,
        "via": [v.text for v in a.via],
        "implicit": a.implicit,
        "status": c.suggested_status,
    }


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_article(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    claims = extract_claims(text)  # language detected
    assert_claim_structure(text, claims)
    assert [_observed(c) for c in claims] == EXPECTED[name]
    for c in claims:
        assert "Volledig scherm" not in c.text and "Lees ook" not in c.text
        assert "©" not in c.text and not c.text.startswith(("Door ", "Bijgewerkt"))


def test_fixtures_are_big_enough_and_cover_every_cue_type() -> None:
    rows = [r for name in EXPECTED for r in EXPECTED[name]]
    assert len(rows) >= 60
    cues = {r["cue"] for r in rows if r.get("cue")}
    for cue in ["naar verluidt", "Naar men zegt", "Het gerucht gaat", "schijnen", "zou",
                "vermeende", "Volgens", "aldus", "Naar zeggen van", "blijkt", "blijkt uit",
                "voegt eraan toe", "zegt", "zei", "gezegd", "laat in een verklaring weten",
                "maakte dinsdag bekend", "merkt op", "wijst erop"]:  # fmt: skip
        assert cue in cues, cue
    assert any(r.get("implicit") for r in rows)
    assert any(r.get("via") for r in rows)
    assert {r["source_kind"] for r in rows if r.get("source_kind")} >= {
        "person", "outlet", "government", "document", "group", "anonymous", "agency"
    }  # fmt: skip


def test_numbers_in_fixtures() -> None:
    text = (FIXTURES / "nl_legioen.txt").read_text(encoding="utf-8")
    values = {n.text: n.value for c in extract_claims(text) for n in c.numbers}
    assert values["20.000"] == 20000
    assert values["2,5 miljoen euro"] == 2500000
    assert values["52"] == 52
    gemeente = (FIXTURES / "nl_gemeente.txt").read_text(encoding="utf-8")
    found = {n.text: n.value for c in extract_claims(gemeente) for n in c.numbers}
    assert found["tweehonderd"] == 200
    # "een paar honderd tot duizend": a vague amount, no number
    assert not any("paar" in t or "tot duizend" in t for t in found), found
