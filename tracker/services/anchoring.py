"""W3C Web Annotation selectors: making them for a span, and finding a span again in new text."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from ..models import QUOTE_CONTEXT

FUZZY_THRESHOLD = 85.0


@dataclass(frozen=True)
class Quote:
    """A TextQuoteSelector: the exact text with up to 32 characters either side."""

    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class Anchor:
    """Where a quote was found again, and how: position, quote, fuzzy."""

    start: int
    end: int
    method: str


def quote_for(body: str, start: int, end: int) -> Quote:
    return Quote(
        exact=body[start:end],
        prefix=body[max(0, start - QUOTE_CONTEXT) : start],
        suffix=body[end : end + QUOTE_CONTEXT],
    )


def reanchor(body: str, start: int, end: int, quote: Quote) -> Anchor | None:
    """The claim's place in `body`: by position, else by quote and context, else fuzzily.

    None means the claim has no place in the new text (the caller flags it orphaned).
    """
    if not quote.exact:
        return None
    if body[start:end] == quote.exact:
        return Anchor(start, end, "position")
    hits = _occurrences(body, quote.exact)
    if hits:
        best = max(hits, key=lambda s: (_context_score(body, s, quote), -abs(s - start)))
        return Anchor(best, best + len(quote.exact), "quote")
    window = len(quote.exact)
    alignment = fuzz.partial_ratio_alignment(quote.exact, body, score_cutoff=FUZZY_THRESHOLD)
    if alignment is None or alignment.dest_end - alignment.dest_start < window // 2:
        return None
    start, end = _whole_words(body, alignment.dest_start, alignment.dest_end, quote.exact)
    return Anchor(start, end, "fuzzy")


def _whole_words(body: str, start: int, end: int, exact: str) -> tuple[int, int]:
    """The span widened so it neither starts nor ends inside a word, with the quote's closing
    punctuation: a fuzzy alignment may begin a letter late ("lgens" for "Volgens") or stop
    before the full stop when the text around it changed."""
    while start > 0 and body[start - 1].isalnum() and body[start].isalnum():
        start -= 1
    while end < len(body) and body[end - 1].isalnum() and body[end].isalnum():
        end += 1
    if end < len(body) and not exact[-1].isalnum() and body[end] == exact[-1]:
        end += 1
    return start, end


def _occurrences(body: str, exact: str) -> list[int]:
    found: list[int] = []
    at = body.find(exact)
    while at != -1:
        found.append(at)
        at = body.find(exact, at + 1)
    return found


def _context_score(body: str, at: int, quote: Quote) -> float:
    prefix = body[max(0, at - QUOTE_CONTEXT) : at]
    suffix = body[at + len(quote.exact) : at + len(quote.exact) + QUOTE_CONTEXT]
    return float(fuzz.ratio(prefix, quote.prefix) + fuzz.ratio(suffix, quote.suffix))
