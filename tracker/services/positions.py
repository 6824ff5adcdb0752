"""Where a claim lies in its article, as a reader counts: paragraph and sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARAGRAPH_BREAK = re.compile(r"\n\s*")
# the end of a sentence: its mark, closing quotes or brackets, then white space
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+")


@dataclass(frozen=True)
class Place:
    paragraph: int  # 1-based, counting every non-empty line block of the body (the title too)
    sentence: int  # 1-based, within the paragraph


def place_in_text(body: str, offset: int) -> Place:
    """The paragraph and sentence of `body` that character `offset` lies in."""
    offset = max(0, min(offset, len(body)))
    paragraph, start = 1, 0
    for m in _PARAGRAPH_BREAK.finditer(body, 0, offset):
        if body[: m.start()].strip():  # white space before the first words is no paragraph
            paragraph, start = paragraph + 1, m.end()
    sentence = 1 + sum(1 for _ in _SENTENCE_END.finditer(body, start, offset))
    return Place(paragraph, sentence)
