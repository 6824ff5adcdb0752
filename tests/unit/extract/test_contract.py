"""The extractor contract of DESIGN.md: JSON shape, offsets, the CLI function."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tracker.extract
from tracker.extract import (
    Attribution,
    Claim,
    KnownSource,
    Number,
    SourceMention,
    Span,
    detect_language,
    extract_claims,
)
from tracker.extract.cli import run_extract

from .helpers import assert_claim_structure, assert_spans_slice

LEGIOEN = "Het legioen telt naar verluidt 20.000 soldaten uit 52 landen."


def test_public_api_types() -> None:
    """The package exports exactly the contract's names; its records are dataclasses."""
    assert sorted(tracker.extract.__all__) == [
        "Attribution",
        "Claim",
        "KnownSource",
        "Number",
        "SourceMention",
        "Span",
        "detect_language",
        "extract_claims",
        "find_attributions",
    ]
    for record in (Attribution, Claim, KnownSource, Number, SourceMention, Span):
        assert dataclasses.is_dataclass(record), record
        assert record.__module__ == "tracker.extract.types", record
    assert detect_language(LEGIOEN) == "nl"


def test_design_example_exactly() -> None:
    [claim] = extract_claims(LEGIOEN)
    out = claim.to_json("legioen.txt")
    assert out["document"] == "legioen.txt"
    assert (out["start"], out["end"], out["text"]) == (0, 61, LEGIOEN)
    assert out["checkworthy"] is True
    assert 0.5 <= out["score"] <= 1.0
    assert out["numbers"] == [
        {"start": 31, "end": 37, "text": "20.000", "value": 20000},
        {"start": 51, "end": 53, "text": "52", "value": 52},
    ]
    assert out["attribution"] == {
        "kind": "hearsay",
        "cue": {"start": 17, "end": 30, "text": "naar verluidt"},
        "source": None,
        "via": [],
        "content": {"start": 0, "end": 61},
        "implicit": False,
    }
    assert out["suggested_status"] == "unsourced"
    assert list(out) == [
        "document", "start", "end", "text", "checkworthy", "score", "numbers",
        "attribution", "suggested_status",
    ]  # fmt: skip


def test_unattributed_sentence_has_null_attribution() -> None:
    [claim] = extract_claims("De brug werd in 1932 geopend.")
    out = claim.to_json("x.txt")
    assert out["attribution"] is None
    assert out["suggested_status"] is None
    assert "lang" not in out


def test_claims_in_text_order_with_exact_offsets() -> None:
    text = "Eerste zin. \r\nTweede zin, zegt Jan.\n\n\u00a0Derde zin met “quotes”."
    claims = extract_claims(text)
    assert [c.start for c in claims] == sorted(c.start for c in claims)
    assert_spans_slice(text, claims)


def test_two_attributions_in_one_sentence_give_two_claims() -> None:
    text = "Smith said the plan would cost $2 billion, while Jones claimed it would be cheaper."
    claims = extract_claims(text, "en")
    assert len(claims) == 2
    assert [
        c.attribution.source.text for c in claims if c.attribution and c.attribution.source
    ] == [
        "Smith",
        "Jones",
    ]
    assert claims[0].end <= claims[1].start
    assert_spans_slice(text, claims)


def test_known_sources_are_preferred() -> None:
    text = "NYT reported that the talks had failed."
    registry = [KnownSource("The New York Times", "outlet", ("NYT",))]
    [claim] = extract_claims(text, "en", registry)
    assert claim.attribution is not None and claim.attribution.source is not None
    assert claim.attribution.source.text == "NYT"
    assert claim.attribution.source.kind == "outlet"


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_run_extract_jsonl_several_files(tmp_path: Path) -> None:
    a = _write(tmp_path, "legioen.txt", LEGIOEN.encode())
    b = _write(tmp_path, "en.txt", b"The mayor said the budget rose by 4 percent.\r\n")
    out = io.StringIO()
    assert run_extract([a, b], "auto", "jsonl", out) == 0
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["document"] for r in rows] == ["legioen.txt", "en.txt"]
    assert rows[0]["text"] == LEGIOEN
    assert rows[1]["attribution"]["source"]["text"] == "The mayor"
    assert "naar verluidt" in out.getvalue()  # ensure_ascii=False keeps text readable


def test_run_extract_keeps_non_ascii_and_crlf_offsets(tmp_path: Path) -> None:
    text = "Één zin.\r\n„Twee”, zegt Zoë."
    path = _write(tmp_path, "u.txt", text.encode("utf-8"))
    out = io.StringIO()
    assert run_extract([path], "nl", "jsonl", out) == 0
    assert "Zoë" in out.getvalue()
    for row in map(json.loads, out.getvalue().splitlines()):
        assert text[row["start"] : row["end"]] == row["text"]


def test_run_extract_text_format(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", LEGIOEN.encode())
    out = io.StringIO()
    assert run_extract([path], "nl", "text", out) == 0
    assert "a.txt" in out.getvalue() and "hearsay" in out.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bin.txt", b"\x00\x01\x02binary", "binary"),
        ("latin.txt", "caf\u00e9".encode("latin-1"), "not UTF-8"),
    ],
)
def test_run_extract_rejects_bad_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, message: str
) -> None:
    path = _write(tmp_path, name, data)
    assert run_extract([path], "auto", "jsonl", io.StringIO()) != 0
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_run_extract_missing_file_and_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _write(tmp_path, "ok.txt", LEGIOEN.encode())
    out = io.StringIO()
    status = run_extract([str(tmp_path / "missing.txt"), str(tmp_path), good], "auto", "jsonl", out)
    assert status != 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and "no such file" in err[0] and "directory" in err[1]
    assert json.loads(out.getvalue().splitlines()[0])["document"] == "ok.txt"


PIECES = [
    "zegt", "said", "according to", "volgens", "naar verluidt", "reportedly", "zou", "laat",
    "weten", ",,", "''", "“", "”", "„", "‘", "’", "'", '"', "«", "»", ":", ",", ".", "?", "\n",
    "\n\n", " ", "Mr.", "dhr.", "20.000", "2,5 miljoen", "twintigduizend", "two dozen", "—",
    "© ANP", "Lees ook", "Volledig scherm", "Tegenover", "citing", "told", "De", "Jan", "van",
    "the", "İ", "ß", "\u0301", "\U0001f600", "(", ")", "X", "tot", "-", "een paar honderd",
    "Anna de Vries", "De Vries", "hij", "zei hij", "volgens haar", "she said", "Tom Hale",
    "Hale", "Dat zegt", "aldus", "tegen de krant", "told reporters", "Zij", "He",
]  # fmt: skip


@settings(max_examples=120, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40))
def test_offsets_property_structured(parts: list[str]) -> None:
    text = " ".join(parts)
    for lang in (None, "nl", "en"):
        claims = extract_claims(text, lang)
        assert_claim_structure(text, claims)
        for c in claims:
            json.dumps(c.to_json("p.txt"), ensure_ascii=False)


@settings(max_examples=120, deadline=None)
@given(st.text())
def test_offsets_property_arbitrary_unicode(text: str) -> None:
    claims = extract_claims(text)
    assert_claim_structure(text, claims)
    assert detect_language(text) in ("nl", "en")


SENTENCES = [
    "Anna de Vries is wethouder in Zwolle.",
    "De Vries zei dat de begroting klopt.",
    "Volgens haar kost de brug 4 miljoen euro.",
    '"Het is een goed plan," zei hij.',
    "„We gaan door.",
    "Dat hebben we besloten”, zegt Jan Smit tegenover de krant.",
    "Tegenover de rechter verklaarde de getuige dat hij niets zag.",
    "De minister: 'Dat gaat niet gebeuren.'",
    "Dat meldt de NOS.",
    "De verdachte zou zijn gevlucht.",
    "Tom Hale runs the clinic in Leeds.",
    "Hale said the clinic had closed.",
    '"We were shocked," she told reporters.',
    "According to him, 300 people left.",
    "Foto: ANP",
    "Lees ook",
]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), max_size=12), st.sampled_from([" ", "\n", "\n\n"]))
def test_structure_property_articles(sentences: list[str], sep: str) -> None:
    """Articles made of realistic sentences (names, short names, pronouns, quotations
    continued over sentences, carriers, furniture): the structure holds in both languages."""
    text = sep.join(sentences)
    for lang in (None, "nl", "en"):
        assert_claim_structure(text, extract_claims(text, lang))
