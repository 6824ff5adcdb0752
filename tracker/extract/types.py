"""Value types of the extractor's output (the `tracker extract` JSON contract).

They are values: never changed after they are made (`dataclasses.replace` makes a changed copy).
They are not declared frozen only because a frozen dataclass is much slower to construct, and
the extractor makes one per sentence, cue and number (7 % of its time on news text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Span:
    """A half-open range of code points in the input text."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class SourceMention:
    """A source as the article names it; `kind` is one of the Source kinds of DESIGN.md.

    `resolved` is the earlier, fuller mention that a pronoun or a short name refers to ("De
    Vries" -> "Anna de Vries"); None when the words are a full mention or could not be resolved.
    """

    start: int
    end: int
    text: str
    kind: str
    resolved: Span | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
        }
        if self.resolved is not None:
            out["resolved"] = self.resolved.to_json()
        return out


@dataclass(slots=True)
class Number:
    start: int
    end: int
    text: str
    value: float | int | None
    low: float | int | None = None
    high: float | int | None = None
    approx: bool = False
    unit: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
        }
        if self.low is not None or self.high is not None:
            out["low"] = self.low
            out["high"] = self.high
        if self.approx:
            out["approx"] = True
        if self.unit:
            out["unit"] = self.unit
        return out


@dataclass(slots=True)
class Attribution:
    """Who the article says a claim comes from. kind: hearsay, reported or quote."""

    kind: str
    cue: Span | None
    source: SourceMention | None
    via: list[SourceMention]
    content: tuple[int, int]
    implicit: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "cue": self.cue.to_json() if self.cue else None,
            "source": self.source.to_json() if self.source else None,
            "via": [v.to_json() for v in self.via],
            "content": {"start": self.content[0], "end": self.content[1]},
            "implicit": self.implicit,
        }


@dataclass(slots=True)
class Claim:
    """One claim candidate: a span of the text with its attribution."""

    start: int
    end: int
    text: str
    checkworthy: bool
    score: float
    numbers: list[Number] = field(default_factory=list)
    attribution: Attribution | None = None
    suggested_status: str | None = None

    def to_json(self, document: str) -> dict[str, Any]:
        return {
            "document": document,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "checkworthy": self.checkworthy,
            "score": round(self.score, 2),
            "numbers": [n.to_json() for n in self.numbers],
            "attribution": self.attribution.to_json() if self.attribution else None,
            "suggested_status": self.suggested_status,
        }


@dataclass(slots=True)
class KnownSource:
    """A registry entry handed to the extractor so it prefers known names."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
