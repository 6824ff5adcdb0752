"""Helpers for the extractor tests."""

from __future__ import annotations

from itertools import pairwise

from tracker.extract import Claim, extract_claims
from tracker.extract.extractor import CHECKWORTHY_THRESHOLD


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


def assert_claim_structure(text: str, claims: list[Claim]) -> None:
    """The structural invariant of extract_claims' output.

    - Claims are in text order and never partly overlap: two claims either cover exactly the
      same words (two attributions of one sentence) or the first ends before the next starts.
    - Every number, and the content of every attribution, lies inside its claim.
    - An explicit attribution's cue, source and via lie inside its claim.
    - An implicit attribution has no cue; its source (and via) is a mention elsewhere in the
      text, carried over from the sentence that names the speaker.
    - A source's `resolved` mention lies before the source's own words, inside an earlier
      claim or the claim itself (never in furniture the extractor dropped).
    - A cue is not empty and overlaps neither the source nor a via; numbers are in order and
      do not overlap.
    - The score lies in [0, 1] and `checkworthy` says whether it reaches the threshold.
    """
    assert_spans_slice(text, claims)
    for prev, nxt in pairwise(claims):
        same = (prev.start, prev.end) == (nxt.start, nxt.end)
        assert same or prev.end <= nxt.start, (prev.text, nxt.text)
    for c in claims:
        assert 0 <= c.start < c.end <= len(text)
        assert 0.0 <= c.score <= 1.0
        assert c.checkworthy is (c.score >= CHECKWORTHY_THRESHOLD)
        for n in c.numbers:
            assert c.start <= n.start <= n.end <= c.end
        for n0, n1 in pairwise(c.numbers):
            assert n0.end <= n1.start, (n0.text, n1.text)
        a = c.attribution
        if a is None:
            continue
        assert c.start <= a.content[0] <= a.content[1] <= c.end, (c.text, a.content)
        mentions = [m for m in [a.source, *a.via] if m is not None]
        if a.implicit:
            assert a.cue is None
        else:
            spans = [(m.start, m.end) for m in mentions]
            if a.cue is not None:
                spans.append((a.cue.start, a.cue.end))
            for s, e in spans:
                assert c.start <= s <= e <= c.end, (c.text, text[s:e])
        if a.cue is not None and not a.implicit:
            assert a.cue.start < a.cue.end
            for m in mentions:  # the cue's words are never part of a source or an addressee
                assert m.end <= a.cue.start or a.cue.end <= m.start, (c.text, m.text)
        for m in mentions:
            assert 0 <= m.start < m.end <= len(text)
            if m.resolved is not None:
                r = m.resolved
                assert text[r.start : r.end] == r.text
                assert r.start < r.end <= m.start, (m.text, r.text)
                assert any(
                    o.start <= r.start and r.end <= o.end and o.start <= c.start for o in claims
                ), (m.text, r.text)
