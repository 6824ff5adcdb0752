"""Cue detection: reporting verbs, prepositional cues, hearsay markers, quote colons."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import lexicon_en as en
from . import lexicon_nl as nl
from .lexicon_en_context import CUE_CONTEXTS
from .quotes import QUOTE_CHARS
from .tokens import Tok, is_cap, is_word


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue: token range [first, last], its type and where its source is to be found.

    ctype: 'verb' (subject or inverted subject), 'prep' (source follows: volgens, according
    to), 'hearsay' (no source), 'colon' (speaker before a colon), 'cite' (X, citing Y).
    """

    first: int
    last: int
    ctype: str


_EN_WORDS = frozenset(CUE_CONTEXTS) - {":"} | {
    "according",
    "reportedly",
    "allegedly",
    "purportedly",
    "supposedly",
    "rumored",
    "rumoured",
}
_NL_WORDS = (
    nl.SPEECH_VERBS
    | nl.SEPARABLE_WHOLE
    | frozenset(nl.SEPARABLE)
    | nl.PLURAL_VERBS
    | {
        "volgens",
        "aldus",
        "verluidt",
        "schijnt",
        "schijnen",
        "scheen",
        "schenen",
        "gerucht",
        "vermeend",
        "vermeende",
        "vermeendelijk",
        "zou",
        "zouden",
        "blijkt",
        "bleek",
        "zeggen",
    }
)


TRIGGERS: dict[str, frozenset[str]] = {
    "en": frozenset(_EN_WORDS) | en.ATTRIBUTION_NOUNS,
    "nl": frozenset(_NL_WORDS) | nl.ATTRIBUTION_NOUNS,
}
_DASH_AFTER_QUOTE = re.compile(r"[\"”’'»]\s*[―—–-]+\s*\w")


def may_have_cues(low: str, words: set[str], lang: str) -> bool:
    """Cheap test on a lower-cased sentence and its word set before the full cue analysis."""
    if not words.isdisjoint(TRIGGERS[lang]):
        return True
    colon = low.find(":")
    if 0 < colon < 60:
        return True
    if "―" in low or "—" in low or "–" in low or "-" in low:
        return bool(_DASH_AFTER_QUOTE.search(low))
    return False


_EN_NOT_AFTER_WEAK = frozenset(
    ["for", "on", "off", "up", "out", "in", "into", "back", "upon", "over"]
)
_QUOTE_OR_COLON = QUOTE_CHARS | {":", ",,"}
_NL_SUBORD = frozenset(
    [
        "dat",
        "als",
        "omdat",
        "of",
        "wanneer",
        "die",
        "wat",
        "waardoor",
        "terwijl",
        "indien",
        "mocht",
        "waarin",
        "waarbij",
        "hoewel",
        "doordat",
        "zodat",
        "nadat",
        "voordat",
        "toen",
        "welke",
    ]
)


def _clause_end(toks: Sequence[Tok], k: int) -> int:
    n = len(toks)
    j = k + 1
    while (
        j < n
        and toks[j][2] not in (",", ";", ":", "(", ")")
        and toks[j][3] not in ("dat", "that", "en", "maar")
    ):
        j += 1
    return j


_C_PRON = frozenset(["he", "she", "they", "i", "we", "you", "it", "who", "which", "that"])
_C_AUX = frozenset(
    [
        "has",
        "have",
        "had",
        "will",
        "would",
        "did",
        "does",
        "do",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "also",
        "not",
        "n't",
        "later",
        "then",
        "already",
        "still",
        "never",
        "just",
    ]
)
_C_DET = frozenset(
    [
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "this",
        "these",
        "those",
        "my",
        "our",
        "your",
        "some",
    ]
)
_C_PREP = frozenset(
    ["for", "on", "about", "of", "in", "with", "by", "at", "from", "into", "over", "against", "as"]
)
_C_QUOTE = frozenset("\"“”‘’'«»:")


def prev_class(toks: Sequence[Tok], k: int) -> str:
    """Context class of the token before token k (see lexicon_en_context.py)."""
    if k == 0:
        return "S"
    t = toks[k - 1]
    w = t[3]
    if w in _C_PRON:
        return "R" if w in ("who", "which", "that") else ("IT" if w in ("it", "you") else "P")
    if w == "to":
        return "TO"
    if w in _C_AUX:
        return "A"
    if w in _C_DET:
        return "D"
    if t[2] in _C_QUOTE:
        return "Q"
    if t[2] == ",":
        return "C"
    if not is_word(t):
        return "X"
    if is_cap(t):
        return "N"
    return "WS" if w.endswith("s") else "W"


def next_class(toks: Sequence[Tok], k: int) -> str:
    """Context class of the token after token k (see lexicon_en_context.py)."""
    if k + 1 >= len(toks):
        return "E"
    t = toks[k + 1]
    w = t[3]
    if w == "that":
        return "THAT"
    if t[2] in _C_QUOTE:
        return "Q"
    if t[2] == ",":
        return "C"
    if w == "to":
        return "TO"
    if w in _C_DET:
        return "D"
    if w in _C_PRON:
        return "P"
    if w in _C_PREP:
        return "PR:" + w
    if not is_word(t):
        return "X"
    if is_cap(t):
        return "N"
    return "WV" if w.endswith(("ed", "ing")) else "W"


def is_context_cue(toks: Sequence[Tok], k: int) -> bool:
    """Whether token k is a cue in its context, by the context lexicon."""
    table = CUE_CONTEXTS.get(toks[k][3])
    if table is None:
        return False
    p = prev_class(toks, k)
    nx = next_class(toks, k)
    for key in (f"{p}|{nx}", f"{p}|*", f"*|{nx}", "*|*"):
        v = table.get(key)
        if v is not None:
            return v
    return False


def _en_cues(toks: Sequence[Tok]) -> list[Cue]:
    out: list[Cue] = []
    n = len(toks)
    cands = [k for k, t in enumerate(toks) if t[3] in _EN_CANDIDATES]
    skip_to = -1
    for k in cands:
        if k < skip_to:
            continue
        t = toks[k]
        w = t[3]
        nxt = toks[k + 1][3] if k + 1 < n else ""
        prev = toks[k - 1][3] if k > 0 else ""
        if w == "according" and nxt == "to":
            out.append(Cue(k, k + 1, "prep"))
            skip_to = k + 2
            continue
        if w in ("reportedly", "allegedly", "purportedly", "supposedly", "rumored", "rumoured"):
            out.append(Cue(k, k, "hearsay"))
        elif w == "said" and prev in ("is", "are", "was", "were", "been") and nxt == "to":
            out.append(Cue(k - 1, k + 1, "hearsay"))
        elif (
            w in ("say", "said", "says")
            and prev in ("sources", "bronnen")
            and (k < 2 or toks[k - 2][3] not in en.DETERMINERS)
        ):
            out.append(Cue(k - 1, k, "hearsay"))
        elif w == "citing":
            out.append(Cue(k, k, "cite"))
        elif t[2] == ":":
            if not out and _speaker_colon(toks, k):
                out.append(Cue(k, k, "colon"))
        elif t[2] in _DASHES and _dash_signature(toks, k):
            out.append(Cue(k, k, "dash"))
        elif w in _CORE_VERBS or (w in CUE_CONTEXTS and is_context_cue(toks, k)):
            # merge with an adjacent cue word ("said in", "called for")
            if out and out[-1].last == k - 1 and out[-1].ctype == "verb":
                out[-1] = Cue(out[-1].first, k, "verb")
            else:
                out.append(Cue(k, k, "verb"))
    return out


_DASHES = frozenset("―—–-")
# Reporting verbs that are cues in (nearly) every context, whatever the context lexicon says.
_CORE_VERBS = frozenset(
    "said says told tells wrote writes noted argued tweeted insisted warned".split()  # noqa: SIM905
)
_EN_CANDIDATES = (
    frozenset(CUE_CONTEXTS)
    | _DASHES
    | {"according", "reportedly", "allegedly", "purportedly", "supposedly", "rumored"}
    | {"rumoured", "said", "say", "says", "citing", ":"}
)
_NOT_SPEAKERS = frozenset(
    [
        "the",
        "question",
        "answer",
        "editor’s",
        "editor's",
        "latest",
        "update",
        "note",
        "editor",
        "watch",
        "photo",
        "photos",
        "video",
        "related",
        "source",
        "read",
        "breaking",
        "exclusive",
        "analysis",
        "opinion",
        "correction",
        "live",
        "lees",
        "ook",
        "bekijk",
        "zie",
        "foto",
        "video",
        "beeld",
        "tip",
        "disclaimer",
        "transcript",
        "q",
        "a",
        "partial",
        "full",
    ]
)


def _speaker_colon(toks: Sequence[Tok], k: int) -> bool:
    """'Zaza: "We ..."', 'WALLACE: ...', a headline 'Pence: ...': a speaker and a colon."""
    first = 1 if toks and toks[0][2] in QUOTE_CHARS else 0
    names = toks[first:k]
    if not 1 <= len(names) <= 7 or k + 1 >= len(toks):
        return False
    if names[0][3] in _NOT_SPEAKERS or not is_cap(names[0]) or not is_cap(names[-1]):
        return False
    if not all(is_word(x) or x[2] in "-–'’." for x in names):
        return False
    nxt = toks[k + 1]
    if nxt[2] in QUOTE_CHARS or nxt[2] == ",,":
        return True  # a speaker, then the quotation
    return len(names) <= 4 and all(is_cap(x) for x in names) and is_cap(nxt)


def _dash_signature(toks: Sequence[Tok], k: int) -> bool:
    """'... .” ― Sonya Herridge': a dash after a closing quote, then a name."""
    return (
        k > 0
        and toks[k - 1][2] in QUOTE_CHARS
        and k + 1 < len(toks)
        and is_word(toks[k + 1])
        and is_cap(toks[k + 1])
    )


def _nl_cues(toks: Sequence[Tok]) -> list[Cue]:
    out: list[Cue] = []
    n = len(toks)
    k = 0
    seen_cue = False
    while k < n:
        t = toks[k]
        w = t[3]
        nxt = toks[k + 1][3] if k + 1 < n else ""
        prev = toks[k - 1][3] if k > 0 else ""
        if w == "naar" and nxt in ("verluidt",):
            out.append(Cue(k, k + 1, "hearsay"))
            k += 2
            continue
        if w == "naar" and nxt == "men" and k + 2 < n and toks[k + 2][3] in ("zegt", "zei"):
            out.append(Cue(k, k + 2, "hearsay"))
            k += 3
            continue
        if w == "naar" and nxt == "zeggen" and k + 2 < n and toks[k + 2][3] == "van":
            out.append(Cue(k, k + 2, "prep"))
            seen_cue = True
            k += 3
            continue
        if w == "het" and nxt == "gerucht" and k + 2 < n and toks[k + 2][3] in ("gaat", "ging"):
            out.append(Cue(k, k + 2, "hearsay"))
            k += 3
            continue
        if w in ("volgens", "aldus"):
            out.append(Cue(k, k, "prep"))
            seen_cue = True
        elif (
            (
                w in ("schijnt", "schijnen", "scheen", "schenen")
                and any(x[3] == "te" for x in toks[k + 1 : _clause_end(toks, k) + 1])
            )
            or w in ("vermeend", "vermeende", "vermeendelijk")
            or (w in ("zou", "zouden") and not seen_cue and _reportative_zou(toks, k))
        ):
            out.append(Cue(k, k, "hearsay"))
        elif w in ("blijkt", "bleek") and (
            nxt == "uit" or (k >= 2 and any(x[3] == "uit" for x in toks[:k]))
        ):
            out.append(Cue(k, k + 1 if nxt == "uit" else k, "prep" if nxt == "uit" else "uit"))
            seen_cue = True
        elif w in nl.SEPARABLE:
            end = _clause_end(toks, k)
            for j in range(k + 1, min(end + 1, n)):
                if toks[j][3] in nl.SEPARABLE[w] or (
                    toks[j][3] == "eraan" and j + 1 < n and toks[j + 1][3] == "toe"
                ):
                    last = j + 1 if toks[j][3] == "eraan" else j
                    out.append(Cue(k, last, "verb"))
                    seen_cue = True
                    break
        elif w in nl.PLURAL_VERBS and not is_cap(t):
            end = _clause_end(toks, k)
            if (end < n and (toks[end][3] == "dat" or toks[end][2] == ":")) or (
                nxt in _QUOTE_OR_COLON or prev in _QUOTE_OR_COLON or prev == ","
            ):
                out.append(Cue(k, k, "verb"))
                seen_cue = True
        elif w in nl.SPEECH_VERBS or w in nl.SEPARABLE_WHOLE:
            if (
                w
                in (
                    "zeggen",
                    "stellen",
                    "vertellen",
                    "bericht",
                    "vraagt",
                    "vroeg",
                    "vroegen",
                    "gevraagd",
                    "roept",
                    "riep",
                    "melden",
                )
                and not (
                    nxt in ("dat", ":", ",")
                    or nxt in _QUOTE_OR_COLON
                    or prev in (",", "zo")
                    or prev in _QUOTE_OR_COLON
                )
            ) or (is_cap(t) and k > 0):
                pass
            else:
                out.append(Cue(k - 1 if prev == "zo" else k, k, "verb"))
                seen_cue = True
        elif t[2] == ":" and _speaker_colon(toks, k):
            out.append(Cue(k, k, "colon"))
        elif t[2] in _DASHES and _dash_signature(toks, k):
            out.append(Cue(k, k, "dash"))
        k += 1
    return out


_IRREGULAR_INF = frozenset(["zijn", "gaan", "staan", "slaan", "doen", "zien"])


def _reportative_zou(toks: Sequence[Tok], k: int) -> bool:
    """'zou/zouden' + infinitive in a main clause, not conditional nor a future in the past."""
    # Main clause: no subordinator or conditional before it in its clause.
    i = k - 1
    while i >= 0 and toks[i][2] not in (",", ";", ":"):
        demonstrative = i == k - 1 and (i == 0 or toks[i - 1][2] in (",", ";", ":"))
        if (toks[i][3] in _NL_SUBORD and not demonstrative) or toks[i][3] in nl.CONDITIONAL:
            return False
        i -= 1
    if any(x[3] in nl.CONDITIONAL for x in toks[:k]):
        return False
    end = _clause_end(toks, k)
    infinitives = [
        x
        for x in toks[k + 1 : end]
        if is_word(x)
        and not is_cap(x)
        and ((x[3].endswith("en") and len(x[3]) > 3) or x[3] in _IRREGULAR_INF)
    ]
    if not infinitives:
        return False
    if infinitives[-1][3] in nl.MODAL_INF:
        return False
    return toks[k + 1][3] not in ("graag", "liever", "moeten", "kunnen", "willen")


def _noun_cues(toks: Sequence[Tok], lang: str) -> list[Cue]:
    """Attribution nouns with their source: 'een verklaring van X', "Trump's claim that"."""
    nouns = nl.ATTRIBUTION_NOUNS if lang == "nl" else en.ATTRIBUTION_NOUNS
    out: list[Cue] = []
    n = len(toks)
    for k in range(1, n - 2):
        t = toks[k]
        if t[3] not in nouns:
            continue
        rest = {x[3] for x in toks[k + 1 :]}
        if not rest & {"that", "dat", ":", "staat", "stond", "says", "said"}:
            continue
        if toks[k + 1][3] in ("van", "from", "by", "of") and is_word(toks[k + 2]):
            out.append(Cue(k, k, "noun"))
        elif toks[k - 1][3].endswith(("'s", "’s")) and is_cap(toks[k - 1]):
            out.append(Cue(k, k, "possessive"))
    return out[:1]


def find_cues(toks: Sequence[Tok], lang: str) -> list[Cue]:
    """Cues in one sentence's tokens."""
    cues = _nl_cues(toks) if lang == "nl" else _en_cues(toks)
    return cues or _noun_cues(toks, lang)
