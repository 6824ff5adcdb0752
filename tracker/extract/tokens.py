"""Word and punctuation tokens with their offsets."""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = re.compile(r"\w+(?:['’\-]\w+)*|,,|\S")


class Tok(NamedTuple):
    """A token: offsets into the full text, its text and its lower-case form."""

    start: int
    end: int
    text: str
    low: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    """Tokens of text[start:end]."""
    out: list[Tok] = []
    append = out.append
    new = Tok._make
    for m in _TOKEN.finditer(text, start, end):
        g = m.group()
        s, e = m.span()
        append(new((s, e, g, g.lower())))
    return out
