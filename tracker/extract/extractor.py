"""The pipeline: sentences -> cues -> sources -> claims with numbers and scores."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from . import checkworthy, numbers
from .attributions import merge_chains, sentence_attributions
from .checkworthy import score
from .cues import TRIGGERS, may_have_cues
from .discourse import link_sentences
from .language import detect_language
from .numbers import find_numbers, may_have_numbers
from .quotes import QUOTE_CHARS
from .records import Analysed, ClaimText, SentenceAttributions
from .sentences import Segment, split_sentences
from .sources import Registry, mention, np_before
from .tokens import TEXT, Token, tokenize
from .types import Attribution, Claim, KnownSource

CHECKWORTHY_THRESHOLD = 0.5
_CLAUSE_CUT = re.compile(
    r"(?:,\s+(?:while|whereas|but|terwijl|maar|en|and|zo|whereupon)\b|;\s)", re.IGNORECASE
)
_WORD = re.compile(r"\w+")
# Every word that a later test looks for in a sentence's words.
_WATCHED = frozenset(
    w
    for w in TRIGGERS["en"] | TRIGGERS["nl"] | numbers.WATCHED_WORDS | checkworthy.WATCHED_WORDS
    if _WORD.fullmatch(w)
)


# Every ASCII character that is no word character, to a blank: an ASCII text's words are
# then what str.split gives (much cheaper than the regex).
_ASCII_SEPARATORS = str.maketrans({chr(i): " " for i in range(128) if not _WORD.fullmatch(chr(i))})


def _word_list(low: str) -> list[str]:
    """The words of `low` as _WORD.findall gives them (runs of word characters)."""
    if low.isascii():
        return low.translate(_ASCII_SEPARATORS).split()
    return _WORD.findall(low)


def _words(low: str) -> frozenset[str]:
    """The watched words of a lower-cased span: the words any later test looks for."""
    return _WATCHED.intersection(_word_list(low))


def _lang(text: str, lang: str | None) -> str:
    if lang in ("nl", "en"):
        return lang
    return detect_language(text, 2000)


_LONG_QUOTE = 40  # characters; the words of a longer quotation are left out of the tokens


def sentence_tokens(text: str, seg: Segment) -> list[Token]:
    """The tokens of a sentence without the words inside its long quotations (their cues are
    the quoted speaker's, never the article's): the quotation marks stay."""
    if not seg.quotes:
        return tokenize(text, seg.start, seg.end)
    toks: list[Token] = []
    pos = seg.start
    for a, b in seg.quotes:
        if b - a <= _LONG_QUOTE:
            continue
        # a quotation running over several sentences is clipped: no mark at the cut
        opened = 2 if text.startswith((",,", "''"), a) else 1 if text[a] in QUOTE_CHARS else 0
        closed = 2 if text.startswith("''", b - 2) else 1 if text[b - 1] in QUOTE_CHARS else 0
        toks += tokenize(text, pos, a + opened)
        pos = b - closed
    toks += tokenize(text, pos, seg.end)
    return toks


def _analyse(text: str, lg: str, known_sources: Sequence[KnownSource]) -> list[Analysed]:
    """Every sentence with the attributions found in it (cue level) and its text."""
    registry = Registry(known_sources)
    out: list[Analysed] = []
    for seg in split_sentences(text):
        atts: list[Attribution] = []
        low = text[seg.start : seg.end].lower()
        words = _words(low)
        if may_have_cues(low, words, lg):
            toks = sentence_tokens(text, seg)
            known = registry.matches(text, seg.start, seg.end) if registry.pattern else []
            atts = sentence_attributions(text, toks, lg, seg, known)
        out.append(Analysed(seg, atts, ClaimText(seg.start, seg.end, low, words)))
    return out


def find_attributions(
    text: str, lang: str | None = None, known_sources: Sequence[KnownSource] = ()
) -> list[SentenceAttributions]:
    """Every sentence with all attributions found in it (cue level, before claims are built);
    the content of a quotation that runs over several sentences is the whole quotation."""
    analysed = _analyse(text, _lang(text, lang), known_sources)
    out = []
    for i, (seg, found, _) in enumerate(analysed):
        atts = [_whole_quote(seg, a) for a in found] if seg.whole else found
        if atts and i + 1 < len(analysed) and not analysed[i + 1].attributions:
            atts = [_continued_quote(text, analysed[i + 1].segment, a) for a in atts]
        out.append(SentenceAttributions(seg, atts))
    return out


def _continued_quote(text: str, nxt: Segment, att: Attribution) -> Attribution:
    """'"A," she said. "B."': a quotation before its tag goes on in the next sentence when
    that sentence opens with a quotation and has no attribution of its own; the content
    reaches to the end of that quotation."""
    c0, c1 = att.content
    if att.cue is None or c1 > att.cue.start or text[c0] not in QUOTE_CHARS:
        return att
    if not nxt.quotes or nxt.quotes[0][0] != nxt.start:
        return att
    return replace(att, content=(c0, nxt.whole[0][1] if nxt.whole else nxt.quotes[0][1]))


def _whole_quote(seg: Segment, att: Attribution) -> Attribution:
    """The attribution with its content reaching over the whole of a quotation that it holds
    part of (a claim keeps the part in its sentence: it checks one sentence)."""
    c0, c1 = att.content
    for (a, b), (wa, wb) in zip(seg.quotes, seg.whole, strict=True):
        if c0 < b and a < c1 and (wa < a or b < wb):
            c0, c1 = min(c0, wa), max(c1, wb)
    return att if (c0, c1) == att.content else replace(att, content=(c0, c1))


def _select(atts: list[Attribution]) -> list[Attribution]:
    """Attributions that become claims: sourced ones first; hearsay only without a source."""
    sourced = [a for a in merge_chains(atts) if a.kind != "hearsay"]
    if not sourced:
        return [a for a in atts if a.kind == "hearsay"][:1]
    chosen: list[Attribution] = []
    seen: set[int] = set()
    for a in sourced:
        key = a.source.start if a.source is not None else -1
        if key in seen or (key == -1 and chosen):
            continue
        seen.add(key)
        chosen.append(a)
    return chosen


_RELATIVE = frozenset(["who", "which", "die", "dat", "wie"])


def _resolve_relative(text: str, seg_start: int, att: Attribution, lg: str) -> Attribution:
    """'Smith, who said ...': a claim's source is Smith, not the relative pronoun."""
    src = att.source
    if src is None or src.text.lower() not in _RELATIVE:
        return att
    # The antecedent is near: tokenise the last 300 characters (from a blank, where tokens
    # begin), and the whole sentence start only when the phrase reaches back that far.
    lo = seg_start
    if src.start - seg_start > 300:
        lo = max(lo, text.rfind(" ", seg_start, src.start - 300) + 1)
    toks = tokenize(text, lo, src.start)
    if len(toks) < 2 or toks[-1][TEXT] != ",":
        return att
    rng = np_before(toks, len(toks) - 2, lg)
    if lo > seg_start and (rng is None or rng[0] < 8):
        toks = tokenize(text, seg_start, src.start)
        rng = np_before(toks, len(toks) - 2, lg)
    if rng is None:
        return att
    antecedent = mention(text, toks, rng, lg, [])
    return replace(att, source=antecedent)


def _clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [m.start() for m in _CLAUSE_CUT.finditer(text, start, end)]
    bounds = [start, *cuts, end]
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _claim_spans(text: str, seg: Segment, chosen: list[Attribution]) -> list[tuple[int, int]]:
    """The span of each of several claims in one sentence: the clause holding its cue."""
    clauses = _clause_spans(text, seg.start, seg.end)
    if len(clauses) <= 1:
        return [(seg.start, seg.end)] * len(chosen)
    spans = []
    for a in chosen:
        pos = a.cue.start if a.cue is not None else seg.start
        c = next((c for c in clauses if c[0] <= pos < c[1]), (seg.start, seg.end))
        s, e = _trim(text, *c)
        if a.cue is not None:
            ends = [(m.start, m.end) for m in [a.source, *a.via] if m is not None]
            if any(ws < s or we > e for ws, we in [(a.cue.start, a.cue.end), *ends]):
                # The source or an addressee stands in another clause ("X urged A, and
                # criticized B"): the sentence stays one span for all its attributions.
                return [(seg.start, seg.end)] * len(chosen)
        spans.append((s, e))
    return spans


def _claim(text: str, span: ClaimText, att: Attribution | None, lg: str, heading: bool) -> Claim:
    """The claim text[span.start:span.end] with its numbers and check-worthiness."""
    s, e, low, words = span
    nums = find_numbers(text, s, e, lg, words, low) if may_have_numbers(low, words, lg) else []
    if att is None:
        sc = score(low, words, len(nums), None, heading, False, lg)
    else:
        sc = score(low, words, len(nums), att.kind, heading, att.implicit, lg)
    return Claim(s, e, text[s:e], sc >= CHECKWORTHY_THRESHOLD, sc, nums, att, _status(att))


def _fit(att: Attribution | None, s: int, e: int) -> Attribution | None:
    """The attribution with its content inside the claim text[s:e] (a claim that is one
    clause of its sentence gets the part of the content in that clause)."""
    if att is None:
        return None
    c0, c1 = att.content
    if s <= c0 and c1 <= e:
        return att
    if c0 < e and s < c1:
        return replace(att, content=(max(s, c0), min(e, c1)))
    return replace(att, content=(s, e))


def _status(att: Attribution | None) -> str | None:
    """The suggested status: unsourced for hearsay."""
    return "unsourced" if att is not None and att.kind == "hearsay" else None


def extract_claims(
    text: str, lang: str | None = None, known_sources: Sequence[KnownSource] = ()
) -> list[Claim]:
    """Claim candidates of `text` in text order, each with its attribution (or None)."""
    lg = _lang(text, lang)
    claims: list[Claim] = []
    analysed = _analyse(text, lg, known_sources)
    chosen_all = [
        [_resolve_relative(text, seg.start, a, lg) for a in _select(atts)] if atts else []
        for seg, atts, _ in analysed
    ]
    link_sentences(text, lg, [a.segment for a in analysed], chosen_all)
    for (seg, _, whole), chosen in zip(analysed, chosen_all, strict=True):
        heading = seg.kind == "heading"
        if len(chosen) <= 1:  # most sentences: one claim, the whole sentence
            att = _fit(chosen[0], seg.start, seg.end) if chosen else None
            claims.append(_claim(text, whole, att, lg, heading))
            continue
        made: dict[tuple[int, int], Claim] = {}
        for a, (s, e) in zip(chosen, _claim_spans(text, seg, chosen), strict=True):
            att = _fit(a, s, e)
            same = made.get((s, e))
            if same is not None:  # another attribution of the same words: measured once
                claims.append(
                    replace(
                        same,
                        numbers=list(same.numbers),
                        attribution=att,
                        suggested_status=_status(att),
                    )
                )
            elif (s, e) == (seg.start, seg.end):
                claims.append(_claim(text, whole, att, lg, heading))
            else:
                low = text[s:e].lower()
                claims.append(_claim(text, ClaimText(s, e, low, _words(low)), att, lg, heading))
            made[(s, e)] = claims[-1]
    return claims
