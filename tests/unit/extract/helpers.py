"""Helpers for the extractor tests."""

from __future__ import annotations

from tracker.extract import Claim, extract_claims


def claim_with(text: str, fragment: str, lang: str | None = None) -> Claim:
    """The first claim whose text contains `fragment` (assert there is one)."""
    claims = extract_claims(text, lang)
    for c in claims:
        if fragment in c.text:
            return c
    raise AssertionError(f"no claim contains {fragment!r}: {[c.text for c in claims]}")


def assert_spans_slice(text: str, claims: list[Claim]) -> None:
    """Every span of every claim slices the input to exactly its text."""
    for c in claims:
        assert text[c.start : c.end] == c.text
        for n in c.numbers:
            assert text[n.start : n.end] == n.text
        a = c.attribution
        if a is None:
            continue
        if a.cue is not None:
            assert text[a.cue.start : a.cue.end] == a.cue.text
        for m in [a.source, *a.via]:
            if m is not None:
                assert text[m.start : m.end] == m.text
        assert 0 <= a.content[0] <= a.content[1] <= len(text)
