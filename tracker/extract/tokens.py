"""Word and punctuation tokens with their offsets.

A token is a plain tuple (start, end, text, low): offsets into the full text, the token's text
and its lower-case form. Plain tuples keep tokenising cheap (it dominates the extractor's time).
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\w++(?:['’\-]\w++)*+|,,|\S")  # possessive: the same tokens, faster

Tok = tuple[int, int, str, str]


def is_word(t: Tok) -> bool:
    """True for a word token (starts with a letter or digit)."""
    return t[2][0].isalnum()


def is_cap(t: Tok) -> bool:
    """True for a token that starts with a capital letter."""
    return t[2][0].isupper()


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    """Tokens of text[start:end]."""
    return [
        (m.start(), m.end(), g, g.lower())
        for m in _TOKEN.finditer(text, start, end)
        for g in (m.group(),)
    ]
