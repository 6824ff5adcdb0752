"""Word and punctuation tokens with their offsets.

A token is a plain tuple (start, end, text, low): offsets into the full text, the token's text
and its lower-case form. Plain tuples keep tokenising cheap (it dominates the extractor's time).
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\w++(?:['’\-]\w++)*+|,,|\S")  # possessive: the same tokens, faster
# Each token with the blanks before it: findall gives plain strings (no match objects, much
# cheaper), and the offsets follow from their lengths, since every other character is blank.
_BLANKS_TOKEN = re.compile(r"(\s*+)(" + _TOKEN.pattern + ")")

Tok = tuple[int, int, str, str]


def is_word(t: Tok) -> bool:
    """True for a word token (starts with a letter or digit)."""
    return t[2][0].isalnum()


def is_cap(t: Tok) -> bool:
    """True for a token that starts with a capital letter."""
    return t[2][0].isupper()


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    """Tokens of text[start:end]."""
    out: list[Tok] = []
    append = out.append
    pos = start
    for blanks, g in _BLANKS_TOKEN.findall(text, start, end):
        s = pos + len(blanks)
        pos = s + len(g)
        append((s, pos, g, g.lower()))
    return out
