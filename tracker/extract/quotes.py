"""Quotation spans in every Dutch and English convention, ignoring apostrophes."""

from __future__ import annotations

import re

DOUBLE_OPEN = frozenset('"“„«')
DOUBLE_CLOSE = frozenset('"”“»')
SINGLE_OPEN = frozenset("'‘‚")
SINGLE_CLOSE = frozenset("'’‘")
QUOTE_CHARS = DOUBLE_OPEN | DOUBLE_CLOSE | SINGLE_OPEN | SINGLE_CLOSE
# A quotation mark, ,, or '' (a character class first, so that re skips ahead in C); an
# apostrophe between two letters or digits (auto's, don't) is no candidate.
_CANDIDATE = re.compile(
    r"[,\"“”„«»'‘’‚](?:(?<=,),|(?<=')'|(?<=[^,])(?<!(?<=[^\W_])['’](?=[^\W_])))"
)
_LEADING_ELISION = re.compile(r"(?:s|t|n|em|tis)\b", re.IGNORECASE)


def _is_apostrophe(text: str, i: int) -> bool:
    """An apostrophe: inside a word (auto's, don't), or Dutch/English elision ('s nachts, '90s)."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isalnum() and nxt.isalnum():
        return True
    if not prev.isalnum() and (nxt.isalnum()):
        # 's nachts, 't, 'n, '90s: an elided word, not an opening quote.
        m = _LEADING_ELISION.match(text, i + 1)
        if m and (m.end() >= len(text) or not text[m.end()].isalpha()):
            return True
        if nxt.isdigit() and text[i + 1 : i + 3].isdigit() and text[i + 3 : i + 4] in ("s", " "):
            return True
    return False


def find_quotes(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, bool]]:
    """Quoted spans in text[start:end] as (open, close_end, closed); unclosed ones end at `end`."""
    stop = len(text) if end is None else end
    spans: list[tuple[int, int, bool]] = []
    open_at = -1
    family = ""
    for m in _CANDIDATE.finditer(text, start, stop):
        i = m.start()
        ch = m.group()
        prev = text[i - 1] if i > start else " "
        nxt = text[m.end()] if m.end() < stop else " "
        if ch in ("'", "’") and _is_apostrophe(text, i):
            continue
        is_double = ch in (",,", "''") or ch in DOUBLE_OPEN or ch in DOUBLE_CLOSE
        fam = "d" if is_double else "s"
        can_open = (
            (ch == ",," or ch in DOUBLE_OPEN or ch in SINGLE_OPEN)
            and ch != "''"
            and (not prev.isalnum() and not nxt.isspace())
        )
        can_close = (
            ch != ",,"
            and ch not in ("„", "«", "‚")
            and (not prev.isspace())
            and (not nxt.isalnum())
        )
        if ch == ",," and not (nxt.isalnum() or nxt in "'‘"):
            continue
        if open_at >= 0:
            if fam == family and can_close:
                spans.append((open_at, m.end(), True))
                open_at = -1
            continue
        if can_open:
            open_at = i
            family = fam
    if open_at >= 0:
        spans.append((open_at, stop, False))
    return spans
