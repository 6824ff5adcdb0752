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


def may_have_quotes(text: str, start: int, end: int) -> bool:
    """False when text[start:end] holds no quotation mark (apostrophes inside words aside)."""
    return _CANDIDATE.search(text, start, end) is not None


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


def _kind(ch: str) -> tuple[str, bool, bool]:
    """(family 'd' or 's', may open, may close) of a candidate, before its context is seen."""
    double = ch in (",,", "''") or ch in DOUBLE_OPEN or ch in DOUBLE_CLOSE
    opens = ch in (",,", "''") or ch in DOUBLE_OPEN or ch in SINGLE_OPEN  # '' opens in English
    closes = ch != ",," and ch not in ("„", "«", "‚")
    return ("d" if double else "s"), opens, closes


_KIND = {ch: _kind(ch) for ch in (*QUOTE_CHARS, ",,", "''")}


def find_quotes(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, bool]]:
    """Quoted spans in text[start:end] as (open, close_end, closed); unclosed ones end at `end`."""
    stop = len(text) if end is None else end
    spans: list[tuple[int, int, bool]] = []
    open_at = -1
    family = ""
    for m in _CANDIDATE.finditer(text, start, stop):
        i, e = m.span()
        ch = m.group()
        if ch in {"'", "’"} and _is_apostrophe(text, i):
            continue
        nxt = text[e] if e < stop else " "
        if ch == ",," and not (nxt.isalnum() or nxt in "'‘"):
            continue
        fam, opens, closes = _KIND[ch]
        prev = text[i - 1] if i > start else " "
        if open_at >= 0:
            if fam == family and closes and not prev.isspace() and not nxt.isalnum():
                spans.append((open_at, e, True))
                open_at = -1
        elif opens and not prev.isalnum() and not nxt.isspace():
            open_at = i
            family = fam
    if open_at >= 0:
        spans.append((open_at, stop, False))
    return spans
