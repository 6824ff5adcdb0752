"""Attributions of one sentence: cue, primary source, intermediaries (via) and content."""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import lexicon_en as en
from . import lexicon_nl as nl
from .cues import Cue, find_cues
from .quotes import QUOTE_CHARS
from .sources import mention, np_after, np_before
from .tokens import Tok
from .types import Attribution, KnownSource, SourceMention, Span

_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag gisteren vandaag eerder
    ook nog later vanochtend vanmiddag vanavond afgelopen woensdagavond in on at""".split()
)
_ALNUM = re.compile(r"\w")
_SKIP_AFTER_NL = frozenset("ook nog gisteren vandaag eerder later dan wel toen echter".split())


def _skip_back(toks: Sequence[Tok], k: int, lang: str) -> int:
    aux = nl.AUX if lang == "nl" else en.AUX
    j = k - 1
    while j >= 0 and toks[j].low in aux and not (lang == "nl" and toks[j].low in nl.PRONOUNS):
        j -= 1
    return j


def _subject_of_clause(toks: Sequence[Tok], j: int, lang: str) -> tuple[int, int] | None:
    """The first noun phrase of the clause that ends at token j (for 'X, ..., said')."""
    i = j
    depth = 0
    while i >= 0:
        if toks[i].text == ",":
            depth += 1
            if depth == 2:
                break
        i -= 1
    # toks[i+1 ..] starts the clause; the subject is the phrase before the first comma after it
    k = i + 1
    while k <= j and toks[k].text != ",":
        k += 1
    if k - 1 >= i + 1:
        return np_before(toks, k - 1, lang)
    return None


def _source_range(
    toks: Sequence[Tok], cue: Cue, lang: str
) -> tuple[tuple[int, int] | None, bool]:
    """(token range of the source, source_after_cue)."""
    n = len(toks)
    if cue.ctype in ("prep", "cite", "dash"):
        return np_after(toks, cue.last + 1, lang), True
    if cue.ctype == "uit":
        # "Uit het rapport blijkt dat ..."
        for i in range(cue.first - 1, -1, -1):
            if toks[i].low == "uit":
                return np_after(toks, i + 1, lang), False
        return None, False
    if cue.ctype == "colon":
        first = 1 if toks[0].text in QUOTE_CHARS else 0
        return (first, cue.first - 1), False
    k, last = cue.first, cue.last
    after = last + 1
    if lang == "nl":
        # For a separable verb the subject may stand between its parts: "laat hij weten".
        probe = k + 1
        while probe < n and toks[probe].low in _SKIP_AFTER_NL:
            probe += 1
        if probe < n and toks[probe].low not in ("dat", "te", "niet") and toks[probe].is_word and (
            toks[probe].low in nl.SUBJECT_STARTERS or toks[probe].is_cap
        ) and toks[probe].low not in ("die", "dit", "deze"):
            j = _skip_back(toks, k, lang)
            if j < 0 or not toks[j].is_word or toks[j].low in ("zo", "dat", "dit", "aldus") or (
                _fronted(toks, j)
            ):
                return np_after(toks, probe, lang), True
        j = _skip_back(toks, k, lang)
        if j >= 0 and toks[j].is_word and toks[j].low not in nl.STOP:
            return np_before(toks, j, lang), False
        if j >= 0 and toks[j].text == ",":
            return _subject_of_clause(toks, j - 1, lang), False
        return None, False
    j = _skip_back(toks, k, lang)
    if j < 0 or not toks[j].is_word:
        probe = after
        while probe < n and toks[probe].low in _TIME_WORDS and probe + 1 < n and toks[probe].low not in (
            "in", "on", "at"
        ):
            probe += 1
        if j >= 0 and toks[j].text == "," and not _after_quote(toks, j):
            if toks[k].low.endswith("ing"):
                return _first_np(toks, j, lang), False
            sub = _subject_of_clause(toks, j - 1, lang)
            if sub is not None:
                return sub, False
        if probe < n and toks[probe].is_word and toks[probe].low not in ("that", "to", "it"):
            return np_after(toks, probe, lang), True
        return None, False
    if toks[j].low in ("and", "but", "to", "also") or toks[j].low in en.STOP:
        if toks[j].low in ("who", "which", "that"):
            return (j, j), False
        return _first_np(toks, j, lang), False
    return np_before(toks, j, lang), False


def _fronted(toks: Sequence[Tok], j: int) -> bool:
    """True when the words before the verb are a fronted adverbial, not the subject."""
    first = toks[0].low
    return first in ("tegenover", "gisteren", "vandaag", "later", "eerder", "in", "op", "tijdens",
                     "daarom", "ook", "bovendien", "toen", "nu", "dat", "dit", "zo", "maandag",
                     "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def _after_quote(toks: Sequence[Tok], j: int) -> bool:
    return j >= 1 and (toks[j - 1].text in QUOTE_CHARS) or (
        j + 1 < len(toks) and toks[j + 1].text in QUOTE_CHARS
    )


def _first_np(toks: Sequence[Tok], j: int, lang: str) -> tuple[int, int] | None:
    """The sentence subject: the noun phrase before the first verb-like gap."""
    pronouns = nl.PRONOUNS if lang == "nl" else en.PRONOUNS
    for i in range(0, min(j, 12)):
        t = toks[i]
        if t.low in pronouns:
            return (i, i)
        if t.is_word and t.is_cap:
            end = i
            while end + 1 < j and toks[end + 1].is_word and toks[end + 1].is_cap:
                end += 1
            return np_before(toks, end, lang)
        if t.text in QUOTE_CHARS or t.text == ",":
            continue
        if t.is_word and t.low not in (en.DETERMINERS | nl.DETERMINERS):
            break
    return None


def _via_ranges(toks: Sequence[Tok], cue: Cue, lang: str) -> list[tuple[int, int]]:
    """Addressees and channels: 'told X', 'tegenover X', 'zei tegen X'."""
    out: list[tuple[int, int]] = []
    w = toks[cue.first].low
    if lang == "en" and w in ("told", "tells", "telling", "tell"):
        r = np_after(toks, cue.last + 1, lang)
        if r is not None:
            out.append(r)
    for i, t in enumerate(toks):
        if t.low in ("tegenover", "tegen") and i + 1 < len(toks) and (
            t.low == "tegenover" or (i == cue.last + 1 or i == cue.last + 2)
        ):
            r = np_after(toks, i + 1, lang)
            if r is not None and not (r[0] <= cue.first <= r[1]):
                out.append(r)
    return out


def _content(
    text: str, toks: Sequence[Tok], cue: Cue, src: tuple[int, int] | None, after: bool,
    s_start: int, s_end: int,
) -> tuple[int, int]:
    """The reported content: after the cue (and its source) or before it."""
    last = cue.last
    if src is not None and after:
        last = max(last, src[1])
    tail_start = toks[last].end if last < len(toks) else s_end
    tail = text[tail_start:s_end]
    e = s_end
    while e > s_start and text[e - 1] in ".!?…":
        e -= 1
    if len(_ALNUM.findall(tail, 0, 200)) >= 12 or cue.ctype == "colon":
        b = tail_start
        while b < e and (text[b].isspace() or text[b] in ",:;"):
            b += 1
        for word in ("that ", "dat "):
            if text.startswith(word, b):
                b += len(word)
        return (b, max(b, e))
    head_end = toks[min(cue.first, src[0] if src else cue.first)].start
    while head_end > s_start and (text[head_end - 1].isspace() or text[head_end - 1] in ",;:-–"):
        head_end -= 1
    return (s_start, head_end)


def sentence_attributions(
    text: str,
    toks: Sequence[Tok],
    lang: str,
    s_start: int,
    s_end: int,
    known: list[tuple[int, int, KnownSource]],
    quoted: bool,
) -> list[Attribution]:
    """All attributions in one sentence, in cue order."""
    out: list[Attribution] = []
    for cue in find_cues(toks, lang):
        cue_span = Span(toks[cue.first].start, toks[cue.last].end,
                        text[toks[cue.first].start : toks[cue.last].end])
        if cue.ctype == "hearsay":
            out.append(Attribution("hearsay", cue_span, None, [], (s_start, s_end)))
            continue
        rng, after = _source_range(toks, cue, lang)
        source: SourceMention | None = None
        if rng is not None and rng[0] <= rng[1] and not (rng[0] <= cue.first <= rng[1]):
            source = mention(text, toks, rng, lang, known)
        via = [mention(text, toks, r, lang, known) for r in _via_ranges(toks, cue, lang)]
        via = [v for v in via if source is None or v.start != source.start]
        content = _content(text, toks, cue, rng, after, s_start, s_end)
        kind = "quote" if quoted or cue.ctype in ("colon", "dash") else "reported"
        out.append(Attribution(kind, cue_span, source, via, content))
    return out


def merge_chains(atts: list[Attribution]) -> list[Attribution]:
    """'X, citing Y, said ...': the verb's attribution gets source Y and via [X]."""
    cites = [a for a in atts if a.cue is not None and a.cue.text.lower() == "citing"]
    if not cites:
        return atts
    out: list[Attribution] = []
    for a in atts:
        if a in cites or a.source is None:
            out.append(a)
            continue
        cite = next((c for c in cites if c.source is not None), None)
        if cite is not None and cite.source is not None:
            out.append(Attribution(a.kind, a.cue, cite.source, [a.source, *a.via], a.content,
                                   a.implicit))
        else:
            out.append(a)
    return out
