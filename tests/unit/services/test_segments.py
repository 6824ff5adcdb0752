"""The article view's flat runs of text over nested and overlapping claims."""

from __future__ import annotations

from itertools import pairwise
from types import SimpleNamespace
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tracker.services.workbench import segments

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
