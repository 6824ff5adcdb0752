"""The article view's flat runs of text over nested and overlapping claims."""

from __future__ import annotations

from itertools import pairwise
from types import SimpleNamespace
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tracker.services.workbench import Said, attribution_words, segments

BODY = "Volgens de NOS telt het leger 20.000 soldaten uit 52 landen, zegt minister De Wit."


def _claim(n: int, start: int, end: int) -> Any:
    return SimpleNamespace(id=n, start=start, end=end)


def _brute_force(body: str, claims: list[Any]) -> list[tuple[int, int, list[int]]]:
    """Each character's covering claims, shortest first, then runs of equal coverage."""
    spans = [c for c in claims if 0 <= c.start < c.end <= len(body)]
    cuts = sorted({0, len(body)} | {c.start for c in spans} | {c.end for c in spans})
    runs = []
    for start, end in pairwise(cuts):
        covering = sorted(
            (c for c in spans if c.start <= start and end <= c.end),
            key=lambda c: (c.end - c.start, -c.start, c.id),
        )
        runs.append((start, end, [c.id for c in covering]))
    return runs


def test_nested_and_overlapping_claims() -> None:
    whole, part, tail = _claim(1, 0, 82), _claim(2, 24, 60), _claim(3, 50, 82)
    runs = segments(BODY, [whole, part, tail])
    assert "".join(r.text for r in runs) == BODY
    assert [(r.start, r.end, [c.id for c in r.claims]) for r in runs] == [
        (0, 24, [1]),
        (24, 50, [2, 1]),
        (50, 60, [3, 2, 1]),
        (60, 82, [3, 1]),
    ]
    assert runs[1].starts(part) and not runs[2].starts(part)


@given(st.lists(st.tuples(st.integers(-3, 90), st.integers(-3, 90)), max_size=25))
def test_sweep_equals_brute_force(pairs: list[tuple[int, int]]) -> None:
    claims = [_claim(n, a, b) for n, (a, b) in enumerate(pairs, start=1)]
    runs = segments(BODY, claims)
    assert "".join(r.text for r in runs) == BODY
    assert [(r.start, r.end, [c.id for c in r.claims]) for r in runs] == _brute_force(BODY, claims)


def test_attribution_words_are_runs_of_their_own() -> None:
    """The cue and the source's mention get runs of their own, inside or outside a claim; a
    mention wins over a cue where they overlap, and the open claim's words over the others'."""
    claim = _claim(1, 15, 59)  # "telt het leger 20.000 soldaten uit 52 landen"
    said = [
        Said(0, 7, "cue"),  # "Volgens"
        Said(8, 14, "source", selected=True),  # "de NOS"
        Said(61, 65, "cue"),  # "zegt"
        Said(61, 81, "source"),  # "zegt minister De Wit" (overlapping the cue)
    ]
    runs = segments(BODY, [claim], said)
    assert "".join(r.text for r in runs) == BODY
    marked = [(r.text, r.said, r.said_selected) for r in runs if r.said]
    assert marked == [
        ("Volgens", "cue", False),
        ("de NOS", "source", True),
        ("zegt", "source", False),
        (" minister De Wit", "source", False),
    ]
    # the claim's own runs are cut only where claims are
    assert [(r.start, r.end) for r in runs if r.claims] == [(15, 59)]
    # words outside the body are left out
    assert all(r.said is None for r in segments(BODY, [], [Said(80, 90, "cue")]))


def test_a_chain_gives_its_cue_and_mentions() -> None:
    hops = [
        SimpleNamespace(cue_start=None, cue_end=None, mention_start=8, mention_end=14),
        SimpleNamespace(cue_start=61, cue_end=65, mention_start=66, mention_end=81),
        SimpleNamespace(cue_start=None, cue_end=None, mention_start=None, mention_end=None),
    ]
    open_claim: Any = SimpleNamespace(id=1, attributions=hops)
    other: Any = SimpleNamespace(id=2, attributions=[hops[1]])
    words = attribution_words([open_claim, other], selected_id=1)
    assert words == [
        Said(8, 14, "source", True),
        Said(61, 65, "cue", True),
        Said(66, 81, "source", True),
        Said(61, 65, "cue", False),
        Said(66, 81, "source", False),
    ]
