"""Records passed between the extractor's stages (named tuples: cheap to make, read by name).

split_sentences -> Segment (sentences.py)
Registry.matches -> KnownMatch per registry name in the sentence
_analyse -> Analysed per sentence: its attributions and its ClaimText
_claim(ClaimText, attribution) -> Claim (types.py, the contract)
find_attributions -> SentenceAttributions per sentence
"""

from __future__ import annotations

from typing import NamedTuple

from .sentences import Segment
from .types import Attribution, KnownSource


class KnownMatch(NamedTuple):
    """A registry source named in the text: text[start:end] is one of its names."""

    start: int
    end: int
    source: KnownSource


class ClaimText(NamedTuple):
    """A claim's span with what the later stages read of it: `low` is text[start:end]
    lower-cased and `words` its watched words (extractor._words)."""

    start: int
    end: int
    low: str
    words: frozenset[str]


class Analysed(NamedTuple):
    """A sentence after cue analysis: every attribution found in it and its text."""

    segment: Segment
    attributions: list[Attribution]
    text: ClaimText


class SentenceAttributions(NamedTuple):
    """A sentence with all attributions found in it (find_attributions)."""

    segment: Segment
    attributions: list[Attribution]
