"""Rule-based sentence splitting for Dutch and English news text."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .furniture import credit_start, is_furniture, is_metadata, is_statement, is_subhead
from .quotes import find_quotes, may_have_quotes

ABBREVIATIONS: frozenset[str] = frozenset(
    [
        "dhr",
        "mevr",
        "mw",
        "mr",
        "mrs",
        "ms",
        "dr",
        "drs",
        "ir",
        "ing",
        "prof",
        "gen",
        "lt",
        "kol",
        "col",
        "sgt",
        "capt",
        "gov",
        "sen",
        "rep",
        "st",
        "jr",
        "sr",
        "jan",
        "feb",
        "mrt",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "okt",
        "oct",
        "nov",
        "dec",
        "mln",
        "mld",
        "mrd",
        "bijv",
        "bv",
        "o.a",
        "e.g",
        "i.e",
        "etc",
        "vs",
        "ca",
        "nr",
        "no",
        "blz",
        "p",
        "pp",
        "fig",
        "inc",
        "corp",
        "ltd",
        "co",
        "dept",
        "univ",
        "min",
        "max",
        "resp",
        "enz",
        "zgn",
        "evt",
        "mgr",
        "pres",
        "ex",
        "u.s",
        "a.m",
        "p.m",
        "n.v",
        "b.v",
        "v.s",
    ]
)

_LONGER = max(map(len, ABBREVIATIONS)) + 1
_LINE = re.compile(r"\S(?:[^\n]*\S)?")  # a line without its leading and trailing blanks
# Each pattern starts with a character class, so that re skips ahead to candidates in C.
# A sentence end: its punctuation, then (group 1) the blanks before the next sentence.
_BOUNDARY = re.compile(
    r"[.!?…][.!?…]*[\"”’»')\]]*(\s+)(?=(?:[\"“„‘'«(\[]|,,|'')?[^\s\"“„‘'«(\[a-z―—–-])"
)
_WORD_RUN = re.compile(r"(?:[^\W_]|\.)*\Z")  # letters, digits and dots up to the end


@dataclass(slots=True)
class Segment:
    """A sentence-like unit: start/end offsets, kind ('sentence', or 'heading' in the title
    line), paragraph no."""

    start: int
    end: int
    kind: str
    paragraph: int
    # closed quotations inside the segment; one that runs over several sentences is clipped
    # to each of them
    quotes: tuple[tuple[int, int], ...] = ()
    joined: bool = False  # the segment goes on with a quotation opened in the segment before
    # the quotation each of `quotes` is part of, when it runs over several sentences
    whole: tuple[tuple[int, int], ...] = ()


def _is_abbreviation(text: str, line_start: int, dot: int) -> bool:
    if dot - _LONGER >= line_start and text[dot - _LONGER : dot].isalpha():
        return False  # a word longer than every abbreviation (and than an initial)
    lo = max(line_start, dot - 12)
    space = text.rfind(" ", lo, dot)
    word = text[space + 1 : dot]
    if space < 0 or not word.isalnum():  # not a plain word after a space: the regex decides
        run = _WORD_RUN.search(text, lo, dot)
        word = text[run.start() if run else dot : dot].strip(".")
    word = word.lower()
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    # Initials: "J. Smith", "U.S."
    return len(word) == 1 and word.isalpha()


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """text[start:end] without leading and trailing blanks (start >= end when all blank)."""
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())


def _closed_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if not may_have_quotes(text, start, end):
        return []
    return [(a, b) for a, b, closed in find_quotes(text, start, end) if closed]


_ENDS = '.!?…"”’»:;'
_CAPTION_WORDS = 40  # at most this many words: a caption line, not a paragraph of text
_TAIL_WORDS = 12  # at most this many words: a label, rubric or caption fragment
_HEADLINES, _HEADLINE_WORDS = 3, 30  # a title line: this many headlines and words at most


def _pieces(text: str, ls: int, le: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The sentences of the line text[ls:le] and its closed quotations. A sentence end inside
    a quotation ends a sentence, too: a fact-checker checks the sentences of a quoted
    paragraph one by one (the discourse pass gives them the quotation's speaker)."""
    start = ls
    pieces: list[tuple[int, int]] = []
    for bm in _BOUNDARY.finditer(text, ls, le):
        dot = bm.start()
        if text[dot] == "." and _is_abbreviation(text, ls, dot):
            continue
        pieces.append((start, bm.start(1)))
        start = bm.end()  # pieces start and end without blanks
    pieces.append((start, le))
    return [(a, b) for a, b in pieces if a < b], _closed_quotes(text, ls, le)


def _clip(
    pieces: list[tuple[int, int]], quotes: list[tuple[int, int]]
) -> list[tuple[tuple[tuple[int, int], ...], bool, tuple[tuple[int, int], ...]]]:
    """The quotations of each piece (both in text order), clipped to it (a quotation over
    several sentences is a part of it in each), whether the piece goes on with a quotation
    opened before it, and the whole quotations when one of them runs over several pieces.
    One pass over both lists."""
    out: list[tuple[tuple[tuple[int, int], ...], bool, tuple[tuple[int, int], ...]]] = []
    q = 0
    for a, b in pieces:
        while q < len(quotes) and quotes[q][1] <= a:
            q += 1
        inside: list[tuple[int, int]] = []
        whole: list[tuple[int, int]] = []
        i = q
        while i < len(quotes) and quotes[i][0] < b:
            qa, qb = quotes[i]
            if qb > a:
                inside.append((max(a, qa), min(b, qb)))
                whole.append((qa, qb))
            i += 1
        split = any(w[0] < a or w[1] > b for w in whole)
        joined = q < len(quotes) and quotes[q][0] < a < quotes[q][1]
        out.append((tuple(inside), joined, tuple(whole) if split else ()))
    return out


def _is_label(text: str, a: int, b: int, ended: bool = False) -> bool:
    """A short piece that states nothing: a rubric word or a label headline in a title line
    ('Analyse', 'Onrust in Den Haag.'), a caption run into the end of the text (without a
    sentence end unless `ended`)."""
    piece = text[a:b]
    if not ended and text[b - 1] in _ENDS:
        return False
    return len(piece.split()) <= _TAIL_WORDS and not is_statement(piece)


def split_sentences(text: str) -> list[Segment]:
    """Sentences and headings of `text`. Dropped as page furniture: 'Lees ook', 'Volledig
    scherm' and the caption after it, caption lines ending in a photo credit, metadata lines
    before the text (byline, date), one-line subheads, a headline or rubric that states
    nothing, and a caption fragment ending the text."""
    out: list[Segment] = []
    para = 0
    seen_content = False  # a line with a sentence end: metadata lines come before it
    headline_seen = False
    caption_next = False  # the line after "Volledig scherm" is the photo's caption
    last_line_end = len(text.rstrip())
    for lm in _LINE.finditer(text):
        ls, le = lm.span()
        para += 1  # every line is a paragraph of its own
        line = text[ls:le]
        if len(line) < 120 and is_furniture(line):
            caption_next = len(line) < 20 and line.lower().startswith("volledig scherm")
            continue
        if caption_next:
            caption_next = False
            if len(line.split()) <= _CAPTION_WORDS:
                continue
        if not seen_content and is_metadata(line):
            continue
        if text[le - 1] in '.!?…"”’»':
            seen_content = True
        if "©" in line or ":" in line or "(c)" in line or "(C)" in line:
            credit = credit_start(line)
            if credit < len(line) and len(line.split()) <= _CAPTION_WORDS:
                continue  # a caption with its credit
            le = ls + credit
            ls, le = _strip(text, ls, le)
            if ls >= le:
                continue
        first = not headline_seen
        headline_seen = True
        ended = text[le - 1] in _ENDS
        if not first and not ended and is_subhead(line):
            continue
        # the first of several lines, without a sentence end: the title
        title = first and not ended and le < last_line_end
        title = title and len(line.split()) <= _HEADLINE_WORDS
        pieces, quotes = _pieces(text, ls, le)
        if title:  # a rubric or a label in the title is no claim
            pieces = [(a, b) for a, b in pieces if not _is_label(text, a, b, True)]
        elif le == last_line_end and len(pieces) > 1 and _is_label(text, *pieces[-1]):
            pieces.pop()  # a caption run into the end of the text
        kind = "heading" if title and len(pieces) <= _HEADLINES else "sentence"
        clipped = _clip(pieces, quotes) if quotes else [((), False, ())] * len(pieces)
        for (a, b), (inside, joined, whole) in zip(pieces, clipped, strict=True):
            out.append(Segment(a, b, kind, para, inside, joined, whole))
        if first and len(pieces) == 1 and not ended and len(line.split()) <= 20:
            out[-1] = replace(out[-1], kind="heading")
    return out
