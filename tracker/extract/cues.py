"""Cue detection: reporting verbs, prepositional cues, hearsay markers, quote colons.

English cue words outside the fixed rules (according to, hearsay, citing, speaker colons, dash
signatures) are decided by a logistic-regression cue model over the word and its context
(cue_features); its weights are in cue_model_en.json, derived from annotated news.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

from . import lexicon_en as en
from . import lexicon_nl as nl
from .cue_model_en import CANDIDATES, RANK_RATES, THRESHOLD, WEIGHTS
from .quotes import QUOTE_CHARS
from .tokens import Tok, is_cap, is_word


@dataclass(slots=True)
class Cue:
    """A cue: token range [first, last], its type and where its source is to be found.

    ctype: 'verb' (subject or inverted subject), 'prep' (source follows: volgens, according
    to), 'hearsay' (no source), 'colon' (speaker before a colon), 'cite' (X, citing Y).
    """

    first: int
    last: int
    ctype: str


_EN_WORDS = (
    CANDIDATES - {":"}
    | frozenset(RANK_RATES)
    | {
        "according",
        "reportedly",
        "allegedly",
        "purportedly",
        "supposedly",
        "rumored",
        "rumoured",
    }
)
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


def may_have_cues(low: str, words: frozenset[str], lang: str) -> bool:
    """Cheap test on a lower-cased sentence and its word set before the full cue analysis."""
    if not words.isdisjoint(TRIGGERS[lang]):
        return True
    colon = low.find(":")
    if 0 < colon < 60:
        return True
    if "―" in low or "—" in low or "–" in low or "-" in low:
        return bool(_DASH_AFTER_QUOTE.search(low))
    return False


_LOW = itemgetter(3)  # a token's lower-cased text
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


_PREV_FIXED: dict[str, str] = {
    **{q: "Q" for q in _C_QUOTE},
    ",": "C",
    **{w: "D" for w in _C_DET},
    **{w: "A" for w in _C_AUX},
    "to": "TO",
    **{w: "R" if w in ("who", "which", "that") else "IT" if w in ("it", "you") else "P"
       for w in _C_PRON},
}  # fmt: skip
_NEXT_FIXED: dict[str, str] = {
    **{w: "PR:" + w for w in _C_PREP},
    **{w: "P" for w in _C_PRON},
    **{w: "D" for w in _C_DET},
    "to": "TO",
    ",": "C",
    **{q: "Q" for q in _C_QUOTE},
    "that": "THAT",
}  # fmt: skip
_prev_fixed = _PREV_FIXED.get
_next_fixed = _NEXT_FIXED.get


def prev_class(toks: Sequence[Tok], k: int) -> str:
    """Context class of the token before token k (a feature of the English cue model).

    P personal pronoun, R relative pronoun, IT it/you, N name, A auxiliary, TO, D determiner,
    Q quote or colon, C comma, W other word (WS ending in -s), X other punctuation, S start.
    """
    if k == 0:
        return "S"
    t = toks[k - 1]
    c = _prev_fixed(t[3])
    if c is not None:
        return c
    ch = t[2][0]
    if not ch.isalnum():
        return "X"
    if ch.isupper():
        return "N"
    return "WS" if t[3][-1] == "s" else "W"


def next_class(toks: Sequence[Tok], k: int) -> str:
    """Context class of the token after token k (a feature of the English cue model).

    THAT, Q quote or colon, C comma, TO, D determiner, P pronoun, PR:<preposition>, X other
    punctuation, N name, WV word in -ed/-ing, W other word, E end.
    """
    if k + 1 >= len(toks):
        return "E"
    t = toks[k + 1]
    c = _next_fixed(t[3])
    if c is not None:
        return c
    ch = t[2][0]
    if not ch.isalnum():
        return "X"
    if ch.isupper():
        return "N"
    return "WV" if t[3].endswith(("ed", "ing")) else "W"


_STRONG = frozenset(["said", "says", "told", "according"])
_CLAUSE_PUNCT = frozenset([",", ";", ":"])


def cue_features(
    toks: Sequence[Tok], k: int, ranks: Sequence[float], heading: bool, quoted: bool, strong: bool
) -> list[str]:
    """Features of token k for the English cue model.

    `ranks` are the prior cue rates of the sentence's tokens (cue_model_en.RANK_RATES, 0 when
    absent), `heading` marks a heading, `quoted` a sentence holding a closed quotation and
    `strong` one holding said/says/told/according.
    """
    w = toks[k][3]
    p = prev_class(toks, k)
    nx = next_class(toks, k)
    pw = toks[k - 1][3] if k else "<s>"
    nw = toks[k + 1][3] if k + 1 < len(toks) else "</s>"
    r = ranks[k]
    floor = r if r > 0.2 else 0.2
    better = 0
    for x in ranks:
        if x > floor:
            better += 1
    clause = 0
    for j in range(k - 1, -1, -1):
        if toks[j][2] in _CLAUSE_PUNCT:
            break
        if ranks[j] > 0.3:
            clause = 1
            break
    return [
        "b",
        "w=" + w,
        f"wp={w}|{p}",
        f"wn={w}|{nx}",
        f"wpn={w}|{p}|{nx}",
        f"wpw={w}|{pw}",
        f"wnw={w}|{nw}",
        f"pn={p}|{nx}",
        "p=" + p,
        "n=" + nx,
        f"wq={w}|{quoted:d}",
        "pw=" + pw,
        "nw=" + nw,
        f"hd={w}|{heading:d}",
        f"first={k == 0:d}",
        f"wfirst={w}|{k <= 1:d}",
        f"ws={w}|{strong:d}",
        f"rk={min(better, 3)}",
        f"wrk={w}|{min(better, 2)}",
        f"cl={clause}",
        f"wcl={w}|{clause}",
    ]


_WordModel = tuple[
    float,  # b + w=
    dict[str, float],  # wp
    dict[str, float],  # wn
    dict[str, float],  # wpn
    dict[str, float],  # wpw
    dict[str, float],  # wnw
    list[float],  # wq, hd, wfirst, ws (two each), wrk (three), wcl (two)
]
_FLAG_AT = {"wq": 0, "hd": 2, "wfirst": 4, "ws": 6, "wrk": 8, "wcl": 11}
_GENERIC_AT = {"first": 0, "rk": 2, "cl": 6}


def _compile(
    weights: dict[str, float],
) -> tuple[dict[str, _WordModel], dict[str, dict[str, float]], list[float]]:
    """The weights as per-word tables, so that scoring builds no feature strings."""
    words: dict[str, tuple[list[float], list[dict[str, float]], list[float]]] = {}
    generic: dict[str, dict[str, float]] = {n: {} for n in ("pn", "p", "n", "pw", "nw")}
    flags = [0.0] * 8
    bias = weights.get("b", 0.0)
    for key, v in weights.items():
        name, _, rest = key.partition("=")
        if name == "b":
            continue
        if name in generic:
            generic[name][rest] = v
        elif name in _GENERIC_AT:
            flags[_GENERIC_AT[name] + int(rest)] = v
        else:
            word, _, value = rest.partition("|")
            entry = words.setdefault(word, ([bias], [{}, {}, {}, {}, {}], [0.0] * 13))
            if name == "w":
                entry[0][0] += v
            elif name in _FLAG_AT:
                entry[2][_FLAG_AT[name] + int(value)] = v
            else:
                entry[1][("wp", "wn", "wpn", "wpw", "wnw").index(name)][value] = v
    table = {w: (b[0], *d, f) for w, (b, d, f) in words.items()}
    return table, generic, flags  # type: ignore[return-value]


_WORDS, _GENERIC, _GFLAGS = _compile(WEIGHTS)
_G_PN, _G_P, _G_N, _G_PW, _G_NW = (_GENERIC[n] for n in ("pn", "p", "n", "pw", "nw"))
_P_CLASSES = ("S", "P", "R", "IT", "N", "A", "TO", "D", "Q", "C", "W", "WS", "X")
_N_CLASSES = (
    "E",
    "THAT",
    "Q",
    "C",
    "TO",
    "D",
    "P",
    "X",
    "N",
    "WV",
    "W",
    *("PR:" + w for w in _C_PREP),
)
# pn, p and n weights in one table with every class pair (one lookup per score)
_G_PNX = {
    f"{p}|{n}": _G_PN.get(f"{p}|{n}", 0.0) + _G_P.get(p, 0.0) + _G_N.get(n, 0.0)
    for p in _P_CLASSES
    for n in _N_CLASSES
}
_NO_WORD: _WordModel = (WEIGHTS.get("b", 0.0), {}, {}, {}, {}, {}, [0.0] * 13)


def cue_score(
    toks: Sequence[Tok], k: int, ranks: Sequence[float], heading: bool, quoted: bool, strong: bool
) -> float:
    """The cue model's score of token k (a cue when above cue_model_en.THRESHOLD): the sum of
    the weights of cue_features(...), computed from per-word tables."""
    highs = sorted(x for x in ranks if x > 0.2)
    return _score(toks, k, ranks, highs, _clause(toks, k, ranks), heading, quoted, strong)


def _clause(toks: Sequence[Tok], k: int, ranks: Sequence[float]) -> int:
    """1 when a word ranked above 0.3 comes before token k in its clause, else 0."""
    for j in range(k - 1, -1, -1):
        if toks[j][2] in _CLAUSE_PUNCT:
            return 0
        if ranks[j] > 0.3:
            return 1
    return 0


def _score(
    toks: Sequence[Tok],
    k: int,
    ranks: Sequence[float],
    highs: list[float],
    clause: int,
    heading: bool,
    quoted: bool,
    strong: bool,
) -> float:
    """cue_score with `highs` (the ranks above 0.2, sorted) and `clause` (_clause) known."""
    base, wp, wn, wpn, wpw, wnw, fl = _WORDS.get(toks[k][3], _NO_WORD)
    # prev_class and next_class, inlined
    if k:
        t = toks[k - 1]
        pw = t[3]
        p = _prev_fixed(pw)
        if p is None:
            ch = t[2][0]
            p = "X" if not ch.isalnum() else "N" if ch.isupper() else "WS" if pw[-1] == "s" else "W"
    else:
        pw, p = "<s>", "S"
    if k + 1 < len(toks):
        t = toks[k + 1]
        nw = t[3]
        nx = _next_fixed(nw)
        if nx is None:
            ch = t[2][0]
            nx = (
                "X"
                if not ch.isalnum()
                else "N"
                if ch.isupper()
                else "WV"
                if nw.endswith(("ed", "ing"))
                else "W"
            )
    else:
        nw, nx = "</s>", "E"
    pn = p + "|" + nx
    r = ranks[k]
    floor = r if r > 0.2 else 0.2
    better = len(highs) - bisect_right(highs, floor)  # the higher-ranked words
    g = _GFLAGS
    return (
        base
        + wp.get(p, 0.0)
        + wn.get(nx, 0.0)
        + wpn.get(pn, 0.0)
        + wpw.get(pw, 0.0)
        + wnw.get(nw, 0.0)
        + fl[quoted]
        + fl[2 + heading]
        + fl[4 + (k <= 1)]
        + fl[6 + strong]
        + fl[8 + (better if better < 2 else 2)]
        + fl[11 + clause]
        + _G_PNX[pn]
        + _G_PW.get(pw, 0.0)
        + _G_NW.get(nw, 0.0)
        + g[k == 0]
        + g[2 + (better if better < 3 else 3)]
        + g[6 + clause]
    )


def _en_cues(toks: Sequence[Tok], heading: bool = False, quoted: bool = False) -> list[Cue]:
    out: list[Cue] = []
    n = len(toks)
    marks = [k for k, t in enumerate(toks) if t[3] in _EN_MARKS]
    if not marks:
        return out
    ranks = [0.0] * n  # only candidate words have a rank
    highs: list[float] = []
    clause: dict[int, int] = {}  # candidate -> _clause(toks, k, ranks), found in this pass
    state = 0  # 1 once a word ranked above 0.3 is seen in the current clause
    strong = False
    cands = []
    for k in marks:
        w = toks[k][3]
        if w == "," or w == ";":
            state = 0
            continue
        clause[k] = state
        cands.append(k)
        r = _rank(w)
        if r is not None:
            ranks[k] = r
            if r > 0.2:
                highs.append(r)
            if r > 0.3:
                state = 1
        if w == ":":  # a candidate that also ends the clause
            state = 0
        if w in _STRONG:
            strong = True
    if not cands:
        return out
    highs.sort()
    skip_to = -1
    for k in cands:
        if k < skip_to:
            continue
        t = toks[k]
        w = t[3]
        if w in _RULE_WORDS:
            nxt = toks[k + 1][3] if k + 1 < n else ""
            prev = toks[k - 1][3] if k > 0 else ""
            if w == "according" and nxt == "to":
                out.append(Cue(k, k + 1, "prep"))
                skip_to = k + 2
                continue
            if w in _HEARSAY_WORDS:
                out.append(Cue(k, k, "hearsay"))
                continue
            if w == "said" and prev in ("is", "are", "was", "were", "been") and nxt == "to":
                out.append(Cue(k - 1, k + 1, "hearsay"))
                continue
            if (
                w in ("say", "said", "says")
                and prev in ("sources", "bronnen")
                and (k < 2 or toks[k - 2][3] not in en.DETERMINERS)
            ):
                out.append(Cue(k - 1, k, "hearsay"))
                continue
            if w == "citing":
                out.append(Cue(k, k, "cite"))
                continue
            if t[2] == ":" and not out and _speaker_colon(toks, k):
                out.append(Cue(k, k, "colon"))
                continue
            if t[2] in _DASHES and _dash_signature(toks, k):
                out.append(Cue(k, k, "dash"))
                continue
        if (
            w not in CANDIDATES
            or _score(toks, k, ranks, highs, clause[k], heading, quoted, strong) <= THRESHOLD
        ):
            continue
        # merge with an adjacent cue word ("said in", "called for")
        if out and out[-1].last == k - 1 and out[-1].ctype in ("verb", "possessive"):
            out[-1] = Cue(out[-1].first, k, out[-1].ctype)
        elif k > 0 and toks[k - 1][3].endswith(("'s", "’s")) and is_cap(toks[k - 1]):
            out.append(Cue(k, k, "possessive"))  # "in Smith's view", "Smith's claim"
        else:
            out.append(Cue(k, k, "verb"))
    return out


_HEARSAY_WORDS = frozenset(
    ["reportedly", "allegedly", "purportedly", "supposedly", "rumored", "rumoured"]
)
_rank = RANK_RATES.get
_DASHES = frozenset("―—–-")
_RULE_WORDS = _HEARSAY_WORDS | _DASHES | {"according", "said", "say", "says", "citing", ":"}
_EN_CANDIDATES = CANDIDATES | _RULE_WORDS | _STRONG
_EN_MARKS = _EN_CANDIDATES | _CLAUSE_PUNCT  # what _en_cues reads in one pass
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
    if nouns.isdisjoint(map(_LOW, toks)):
        return []
    links = [j for j, t in enumerate(toks) if t[3] in _NOUN_LINKS]
    if not links:
        return []
    for k in range(1, min(len(toks) - 2, links[-1])):  # a link word must follow the noun
        if toks[k][3] not in nouns:
            continue
        if toks[k + 1][3] in ("van", "from", "by", "of") and is_word(toks[k + 2]):
            return [Cue(k, k, "noun")]
        if toks[k - 1][3].endswith(("'s", "’s")) and is_cap(toks[k - 1]):
            return [Cue(k, k, "possessive")]
    return []


_NOUN_LINKS = frozenset(["that", "dat", ":", "staat", "stond", "says", "said"])


def find_cues(
    toks: Sequence[Tok], lang: str, heading: bool = False, quoted: bool = False
) -> list[Cue]:
    """Cues in one sentence's tokens (`heading`: a heading; `quoted`: it holds a quotation)."""
    cues = _nl_cues(toks) if lang == "nl" else _en_cues(toks, heading, quoted)
    return cues or _noun_cues(toks, lang)
