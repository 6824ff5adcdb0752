"""Cue detection: reporting verbs, prepositional cues, hearsay markers, quote colons.

English cue words outside the fixed rules (according to, hearsay, citing, speaker colons, dash
signatures) are decided by a logistic-regression cue model over the word and its context
(cue_features); its weights are in cue_model_en.json, derived from annotated news.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter

from . import lexicon_en as en
from . import lexicon_nl as nl
from .cue_model_en import CANDIDATES, RANK_RATES, THRESHOLD, WEAK_WORDS, WEIGHTS
from .quotes import QUOTE_CHARS
from .tokens import LOW, TEXT, Token, is_cap, is_word


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
_NL_VERB_WORDS = (
    nl.SPEECH_VERBS
    | nl.SEPARABLE_WHOLE
    | frozenset(nl.SEPARABLE)
    | nl.PLURAL_VERBS
    | nl.CONTENT_VERBS
    | nl.QUOTE_VERBS
    | nl.THREAT_VERBS
    | nl.ACCUSE_VERBS
    | nl.SEE_AS
    | nl.WANT
    | nl.DECIDE_VERBS
    | frozenset(nl.SEPARABLE_CONTENT)
    | nl.SEPARABLE_CONTENT_WHOLE
)
_NL_WORDS = _NL_VERB_WORDS | {
    "ogen",
    "eigen",
    "geruchten",
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
    "staat",
    "stond",
    "stonden",
}


TRIGGERS: dict[str, frozenset[str]] = {
    "en": frozenset(_EN_WORDS) - WEAK_WORDS | en.ATTRIBUTION_NOUNS,
    "nl": frozenset(_NL_WORDS)
    | nl.ATTRIBUTION_NOUNS
    | nl.DAT_NOUNS
    | nl.DAT_NOUNS_HET
    | nl.VIEW_NOUNS,
}
_NL_TAG_AFTER_QUOTE = re.compile(r"(?:[\"”’']\s*,|[,.!?]\s*[\"”’'])\s*\w")
_DASH_AFTER_QUOTE = re.compile(r"[\"”’'»]\s*[―—–-]+\s*\w")


_POSSESSIVE_WEAK = re.compile(
    r"['’]s (?:" + "|".join(sorted(map(re.escape, WEAK_WORDS), key=len, reverse=True)) + r")\b"
)


def may_have_cues(low: str, words: frozenset[str], lang: str) -> bool:
    """Cheap test on a lower-cased sentence and its word set before the full cue analysis."""
    if not words.isdisjoint(TRIGGERS[lang]):
        return True
    if lang == "en" and ("’s " in low or "'s " in low) and _POSSESSIVE_WEAK.search(low):
        return True  # a weak cue word after a possessive ("in Garcia's view")
    colon = low.find(":")
    while 0 <= colon < 60 and low[colon + 1 : colon + 2].isdigit():
        colon = low.find(":", colon + 1)  # a time or a score ("5:30 p.m."), no speaker's colon
    if 0 < colon < 60:
        return True
    if lang == "nl" and _NL_TAG_AFTER_QUOTE.search(low):
        return True  # '"...", sputterde De Boer': a quotation tag with any verb
    if "―" in low or "—" in low or "–" in low or "-" in low:
        return bool(_DASH_AFTER_QUOTE.search(low))
    return False


_LOW = itemgetter(LOW)  # a token's lower-cased text
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


def _clause_end(toks: Sequence[Token], k: int) -> int:
    n = len(toks)
    j = k + 1
    while (
        j < n
        and toks[j][TEXT] not in (",", ";", ":", "(", ")")
        and toks[j][LOW] not in ("dat", "that", "en", "maar")
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


_STRONG = frozenset(["said", "says", "told", "according"])
_CLAUSE_PUNCT = frozenset([",", ";", ":"])
_CLAUSE_BREAKS = frozenset([",", ";"])  # clause marks that are never cue words
RANK_FLOOR = 0.2  # words ranked above it count for the sentence-rank features
_CLAUSE_RANK = 0.3  # a word ranked above it earlier in the clause sets the clause feature


@dataclass(slots=True)
class CueSentence:
    """What the cue model reads of a whole sentence, made once per sentence (cue_sentence).

    ranks: the prior cue rate of each token (0 unless above RANK_FLOOR); highs: those above
    RANK_FLOOR, sorted; clause: for each token read, 1 when a word ranked above _CLAUSE_RANK
    comes before it in its clause (clauses end at , ; :), else 0; heading: the sentence is a
    heading; quoted: it holds a closed quotation; strong: it holds said/says/told/according.
    """

    ranks: list[float]
    highs: list[float]
    clause: dict[int, int]
    heading: bool
    quoted: bool
    strong: bool


def cue_sentence(
    toks: Sequence[Token],
    read: Iterable[int],
    rank_of: Callable[[str], float | None],
    heading: bool,
    quoted: bool,
) -> CueSentence:
    """The sentence-level inputs of the cue model, from the tokens at the indices `read` (in
    order; every candidate, clause mark and strong word must be among them) and the prior
    cue rates `rank_of` (None for none): scoring reads only the few tokens that matter,
    training reads them all."""
    ranks = [0.0] * len(toks)
    highs: list[float] = []
    clause: dict[int, int] = {}
    state = 0  # 1 once a word ranked above _CLAUSE_RANK is seen in the current clause
    strong = False
    for k in read:
        w = toks[k][LOW]
        clause[k] = state
        if w in _CLAUSE_PUNCT and w != ":":
            state = 0
            continue
        r = rank_of(w)
        if r is not None and r > RANK_FLOOR:
            ranks[k] = r
            highs.append(r)
            if r > _CLAUSE_RANK:
                state = 1
        if w == ":":  # a candidate that also ends the clause
            state = 0
        if w in _STRONG:
            strong = True
    highs.sort()
    return CueSentence(ranks, highs, clause, heading, quoted, strong)


def _values(
    toks: Sequence[Token], k: int, sent: CueSentence
) -> tuple[str, str, str, str, str, int, int]:
    """The values the features of token k are made of: (w, pw, p, nw, nx, better, clause).

    pw and nw are the words before and after it ("<s>", "</s>" at the ends), p and nx their
    context classes. p: P personal pronoun, R relative pronoun, IT it/you, N name, A auxiliary,
    TO, D determiner, Q quote or colon, C comma, W other word (WS ending in -s), X other
    punctuation, S start. nx: THAT, Q quote or colon, C comma, TO, D determiner, P pronoun,
    PR:<preposition>, X other punctuation, N name, WV word in -ed/-ing, W other word, E end.
    better: how many words of the sentence rank higher (and above RANK_FLOOR); clause: see
    CueSentence.
    """
    if k:
        t = toks[k - 1]
        pw = t[LOW]
        p = _prev_fixed(pw)
        if p is None:
            ch = t[TEXT][0]
            p = "X" if not ch.isalnum() else "N" if ch.isupper() else "WS" if pw[-1] == "s" else "W"
    else:
        pw, p = "<s>", "S"
    if k + 1 < len(toks):
        t = toks[k + 1]
        nw = t[LOW]
        nx = _next_fixed(nw)
        if nx is None:
            ch = t[TEXT][0]
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
    r = sent.ranks[k]
    highs = sent.highs
    better = len(highs) - bisect_right(highs, r if r > RANK_FLOOR else RANK_FLOOR)
    return toks[k][LOW], pw, p, nw, nx, better, sent.clause[k]


def cue_features(toks: Sequence[Token], k: int, sent: CueSentence) -> list[str]:
    """Features of token k for the English cue model (what tools/derive_cue_model.py trains
    on; cue_score sums their weights)."""
    w, pw, p, nw, nx, better, clause = _values(toks, k, sent)
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
        f"wq={w}|{sent.quoted:d}",
        "pw=" + pw,
        "nw=" + nw,
        f"hd={w}|{sent.heading:d}",
        f"first={k == 0:d}",
        f"wfirst={w}|{k <= 1:d}",
        f"ws={w}|{sent.strong:d}",
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


def cue_score(toks: Sequence[Token], k: int, sent: CueSentence) -> float:
    """The cue model's score of token k (a cue when above cue_model_en.THRESHOLD): the sum of
    the weights of cue_features(toks, k, sent), looked up in per-word tables."""
    w, pw, p, nw, nx, better, clause = _values(toks, k, sent)
    base, wp, wn, wpn, wpw, wnw, fl = _WORDS.get(w, _NO_WORD)
    pn = p + "|" + nx
    g = _GFLAGS
    return (
        base
        + wp.get(p, 0.0)
        + wn.get(nx, 0.0)
        + wpn.get(pn, 0.0)
        + wpw.get(pw, 0.0)
        + wnw.get(nw, 0.0)
        + fl[sent.quoted]
        + fl[2 + sent.heading]
        + fl[4 + (k <= 1)]
        + fl[6 + sent.strong]
        + fl[8 + (better if better < 2 else 2)]
        + fl[11 + clause]
        + _G_PNX[pn]
        + _G_PW.get(pw, 0.0)
        + _G_NW.get(nw, 0.0)
        + g[k == 0]
        + g[2 + (better if better < 3 else 3)]
        + g[6 + clause]
    )


def _en_cues(toks: Sequence[Token], heading: bool = False, quoted: bool = False) -> list[Cue]:
    out: list[Cue] = []
    n = len(toks)
    marks = [k for k, t in enumerate(toks) if t[LOW] in _EN_MARKS]
    cands = [k for k in marks if toks[k][LOW] not in _CLAUSE_BREAKS]
    if not cands:
        return out
    sent = cue_sentence(toks, marks, _rank, heading, quoted)
    skip_to = -1
    for k in cands:
        if k < skip_to:
            continue
        t = toks[k]
        w = t[LOW]
        if w in _RULE_WORDS:
            nxt = toks[k + 1][LOW] if k + 1 < n else ""
            prev = toks[k - 1][LOW] if k > 0 else ""
            if w == "according" and nxt == "to":
                if _en_norm(toks, k + 2):
                    continue  # "according to the law": a rule, not a source
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
                and (k < 2 or toks[k - 2][LOW] not in en.DETERMINERS)
            ):
                out.append(Cue(k - 1, k, "hearsay"))
                continue
            if w == "citing":
                out.append(Cue(k, k, "cite"))
                continue
            if t[TEXT] == ":" and not out and _speaker_colon(toks, k):
                out.append(Cue(k, k, "colon"))
                continue
            if t[TEXT] in _DASHES and _dash_signature(toks, k):
                out.append(Cue(k, k, "dash"))
                continue
        if w not in CANDIDATES or cue_score(toks, k, sent) <= THRESHOLD:
            continue
        # merge with an adjacent cue word ("said in", "called for")
        if out and out[-1].last == k - 1 and out[-1].ctype in ("verb", "possessive"):
            out[-1] = Cue(out[-1].first, k, out[-1].ctype)
        elif k > 0 and toks[k - 1][LOW].endswith(("'s", "’s")) and is_cap(toks[k - 1]):
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


def _speaker_colon(toks: Sequence[Token], k: int) -> bool:
    """'Zaza: "We ..."', 'WALLACE: ...', a headline 'Pence: ...': a speaker and a colon."""
    first = 1 if toks and toks[0][TEXT] in QUOTE_CHARS else 0
    names = toks[first:k]
    if not 1 <= len(names) <= 7 or k + 1 >= len(toks):
        return False
    if names[0][LOW] in _NOT_SPEAKERS or not is_cap(names[0]) or not is_cap(names[-1]):
        return False
    if not all(is_word(x) or x[TEXT] in "-–'’." for x in names):
        return False
    nxt = toks[k + 1]
    if nxt[TEXT] in QUOTE_CHARS or nxt[TEXT] == ",,":
        return True  # a speaker, then the quotation
    return len(names) <= 4 and all(is_cap(x) for x in names) and is_cap(nxt)


def _dash_signature(toks: Sequence[Token], k: int) -> bool:
    """'... .” ― Sonya Herridge': a dash after a closing quote, then a name."""
    return (
        k > 0
        and toks[k - 1][TEXT] in QUOTE_CHARS
        and k + 1 < len(toks)
        and is_word(toks[k + 1])
        and is_cap(toks[k + 1])
    )


_NL_ROBUST = nl.SPEECH_VERBS - nl.CONTENT_VERBS - nl.QUOTE_VERBS
_NL_ROBUST_PLURAL = frozenset(["bevestigen", "ontkennen", "erkennen"])  # "bevestigen de arrestatie"
_NL_WH = frozenset(
    ["hoe", "hoezeer", "wat", "waarom", "wie", "waar", "hoeveel", "wanneer", "of", "welke"]
)
_NL_NOTHING = frozenset(["niets", "niks"])
_NL_STANCE = frozenset(["denkt", "dacht", "dachten", "denken"])
_NL_JUDGE_SUFFIXES = ("lijk", "ig", "baar", "isch", "loos", "zaam", "end")
_NL_STAND = frozenset(["staat", "stond", "stonden", "staan"])
_NL_AMOUNT = frozenset(["veel", "iets", "weinig", "genoeg", "alles", "meer", "niets", "niks"])
_NL_GIVE = frozenset(["geeft", "gaf", "gaven", "geven", "wel", "veel", "nog"])
_NL_PARTICLES = frozenset(
    ["vast", "op", "aan", "voor", "uit", "af", "in", "toe", "mee", "door", "terug", "na", "vol"]
)
_NL_STOPS = frozenset([",", ";", ":", "(", ")", ",,"]) | QUOTE_CHARS


_NL_WINDOW = 50  # tokens: no clause reaches further back (keeps long sentences linear)


def _nl_clause_start(toks: Sequence[Token], k: int) -> int:
    """First token of the clause holding token k (at most _NL_WINDOW tokens back)."""
    i = k - 1
    lo = k - _NL_WINDOW
    while i >= 0 and toks[i][TEXT] not in _NL_STOPS:
        if i <= lo:
            return i
        i -= 1
    return i + 1


def _nl_quote_near(toks: Sequence[Token], k: int, end: int) -> bool:
    """A quotation in the cue's clause, or the cue right after one ('"...", lacht hij')."""
    n = len(toks)
    for x in toks[_nl_clause_start(toks, k) - 2 if k > 1 else 0 : min(end + 2, n)]:
        if x[TEXT] in QUOTE_CHARS or x[TEXT] == ",,":
            return True
    return False


def _nl_content(toks: Sequence[Token], k: int, end: int, front: bool = True) -> bool:
    """The cue word k has content: a dat- or wh-clause, a te-infinitive, a quotation or colon
    in its clause, or the content before it ('..., vindt Hox', 'Dat zeggen bronnen')."""
    n = len(toks)
    if end < n and (toks[end][LOW] == "dat" or toks[end][TEXT] == ":"):
        return True
    if k > 0:
        p = toks[k - 1]
        if p[TEXT] in (",", ",,") or p[TEXT] in QUOTE_CHARS or p[LOW] == "zo":
            return True
        if front and _nl_carrier(toks, k):
            return True  # "Dat zeggen bronnen", "Dat schrijven insiders toe aan ..."
        cs = _nl_clause_start(toks, k)
        if toks[cs][LOW] == "zoals":
            return True  # "zoals de minister al zei", "zoals was voorspeld in de peilingen"
        first = toks[0][LOW]
        if (first == "dat" and k < _NL_WINDOW and any(t[TEXT] == "," for t in toks[2:k])) or (
            front and first == "zo" and cs == 0
        ):
            return True  # "Dat er ..., vindt Visser vreselijk", "Zo wordt hij ... omschreven"
    for x in toks[k + 1 : min(end + 1, n)]:
        if x[TEXT] in QUOTE_CHARS or x[TEXT] == ",," or x[LOW] in _NL_WH or x[LOW] == "te":
            return True
    # "denkt van niet", "denkt daar anders over", "vindt het vreselijk"
    return k + 2 < n and (
        (toks[k + 1][LOW] == "van" and toks[k + 2][LOW] in ("niet", "wel"))
        or (toks[k][LOW] in _NL_STANCE and any(t[LOW] == "over" for t in toks[k + 1 : end]))
    )


def _nl_carrier(toks: Sequence[Token], k: int) -> bool:
    """The cue word k closes a carrier clause that opens with 'Dat'/'Dit' ('Dat zeggen
    bronnen', 'Dat laatste schrijven ...', 'Dat heeft de rechtbank bepaald')."""
    cs = _nl_clause_start(toks, k)
    head = [t[LOW] for t in toks[cs:k]]
    if not head or head[0] not in ("dat", "dit"):
        return False
    return (
        len(head) == 1
        or (len(head) == 2 and head[1] in ("laatste", "alles"))
        or (len(head) >= 2 and head[1] in nl.FINITE_AUX)
    )


def _nl_blocked(toks: Sequence[Token], k: int, end: int) -> bool:
    """Not a cue: a reflexive ('meldde zich', 'sprak zich uit'), nothing said ('er werd niets
    gezegd'), or a refusal ('wil niet zeggen of ...')."""
    if k + 1 < len(toks) and toks[k + 1][LOW] == "zich" and not toks[k][LOW].startswith("verzet"):
        return True
    if k + 2 < len(toks) and toks[k + 1][LOW] in _NL_AMOUNT and toks[k + 2][LOW] == "over":
        return True  # "Dat zegt veel over ...": telling, not saying
    if k > 0 and toks[k - 1][LOW] == "zoals":
        return True  # "Zoals gezegd, ...": the article refers to itself
    cs = _nl_clause_start(toks, k)
    words = [t[LOW] for t in toks[cs : min(end, k + 3)]]
    if not _NL_NOTHING.isdisjoint(words) or "geen woord" in " ".join(words):
        return True
    near = [t[LOW] for t in toks[max(cs, k - 2) : k]]
    if "niet" in near and any(t[LOW] in nl.FINITE_AUX for t in toks[cs:k]):
        # a refusal to comment, unless direct speech follows: "wil niet reageren: 'Nee.'"
        return not (
            end + 1 < len(toks)
            and toks[end][TEXT] == ":"
            and (toks[end + 1][TEXT] in QUOTE_CHARS or toks[end + 1][TEXT] == ",,")
        )
    return False


def _nl_passive(toks: Sequence[Token], k: int) -> bool:
    """A participle under 'wordt/werd' with no agent ('door X') nor place ('In X wordt ...')."""
    cs = _nl_clause_start(toks, k)
    if not any(t[LOW] in nl.PASSIVE_AUX for t in toks[cs:k]):
        return False
    if toks[k][LOW] == "geciteerd" or any(t[LOW] in ("door", "in") for t in toks[cs : k + 2]):
        return False  # an agent, or where it is said: "zoals was voorspeld in de peilingen"
    return toks[cs][LOW] not in ("binnen", "bij", "onder")


def _nl_separable(toks: Sequence[Token], k: int, end: int) -> int:
    """Index of the particle completing separable verb k in its clause, or -1."""
    w = toks[k][LOW]
    free = nl.SEPARABLE.get(w, ())
    bound = nl.SEPARABLE_CONTENT.get(w, ())
    n = len(toks)
    for j in range(k + 1, min(end + 1, n)):
        x = toks[j][LOW]
        if x == "eraan" and j + 1 < n and toks[j + 1][LOW] == "toe" and "toe" in free:
            return j + 1
        if x in free:
            if x == "toe" and j + 1 < n and toks[j + 1][LOW] == "aan":
                return -1  # "gaf toe aan de eisen": yielded, not admitted
            return j
        if x in bound and _nl_content(toks, k, end, front=x != "op"):
            return j  # "Dat riep kritiek op": no call with content
    return -1


def _nl_speaker_colon(toks: Sequence[Token], k: int) -> bool:
    """'De minister: "..."', 'De vakbond reageert fel: "..."', a headline 'Minister: ...'."""
    if toks[0][TEXT] in QUOTE_CHARS or toks[0][TEXT] == ",," or k > 10:
        return False  # a colon inside the quoted words, or no speaker's name before it
    head = toks[:k]
    n = len(toks)
    if not 1 <= len(head) <= 10 or k + 1 >= n or head[0][LOW] in _NOT_SPEAKERS:
        return False
    if not all(is_word(x) or x[TEXT] in "-–'’.()" for x in head):
        return False
    if head[-1][LOW] in ("is", "was", "zijn", "waren", "wordt", "werd", "luidt", "luidde"):
        return False  # "De vraag is: ...", "Het antwoord luidt: ..."
    nxt = toks[k + 1]
    if nxt[TEXT] in QUOTE_CHARS or nxt[TEXT] == ",,":
        h = head[0][LOW]
        return h in nl.DETERMINERS or h in nl.PRONOUNS or is_cap(head[0])
    if len(head) <= 3 and all(is_cap(x) for x in head if is_word(x)):
        return any(x[LOW] in nl.FIRST_PERSON for x in toks[k + 1 : k + 16])
    return False


def _nl_verb_cue(toks: Sequence[Token], k: int) -> Cue | None:
    """The cue of a reporting verb at token k, or None when the verb reports nothing here."""
    t = toks[k]
    w = t[LOW]
    n = len(toks)
    if is_cap(t) and k > 0:
        return None
    prev = toks[k - 1][LOW] if k > 0 else ""
    if w in ("bericht", "verwijt") and (prev in nl.DETERMINERS or prev.endswith("s")):
        return None  # the noun: "een bericht dat", "Mays verwijt dat"
    if w.endswith("en") and (k == 0 or (prev in nl.DETERMINERS and prev not in ("die", "dat"))):
        return None  # a noun or a V1 form: "de berichten", "Stellen met ..." (couples)
    if (
        k > 1
        and prev == "te"
        and (toks[k - 2][LOW] in _NL_PARTICLES or (w == "denken" and toks[k - 2][LOW] in _NL_GIVE))
    ):
        return None  # "vast te stellen": another verb; "gaf te denken": an idiom
    end = _clause_end(toks, k)
    if w in nl.SEPARABLE or w in nl.SEPARABLE_CONTENT:
        j = _nl_separable(toks, k, end)
        if j >= 0:
            return None if _nl_blocked(toks, k, end) else Cue(k, j, "verb")
    if w in nl.ACCUSE_VERBS:
        ok = (
            any(x[LOW] == "van" for x in toks[k + 1 : end])
            and prev not in nl.FINITE_AUX
            and prev not in nl.DETERMINERS
            and not prev[:1].isdigit()
        )
    elif w in nl.THREAT_VERBS:
        te = [j for j in range(k + 1, min(end, n - 1)) if toks[j][LOW] == "te"]
        ok = bool(te) and toks[te[0] + 1][LOW] not in nl.NOT_THREATENED
        ok = ok or _nl_quote_near(toks, k, end)
    elif w in nl.QUOTE_VERBS:
        ok = _nl_quote_near(toks, k, end) or (end < n and toks[end][TEXT] == ":")
        if ok and w in ("spreekt", "sprak", "spraken", "gesproken"):
            ok = any(x[LOW] in ("van", "over") for x in toks[k + 1 : end])
        if w.startswith("noem") and not ok:
            ok = any(x[LOW] == "zoals" for x in toks[_nl_clause_start(toks, k) : k])
    elif w in nl.CONTENT_VERBS or (w in nl.PLURAL_VERBS and w not in _NL_ROBUST_PLURAL):
        ok = _nl_content(toks, k, end) and toks[-1][TEXT] != "?"  # not a question of the paper
        if not ok and w in ("vindt", "vinden") and k + 1 < n and toks[-1][TEXT] != "?":
            # a judgement in a small clause: "vindt de termen zwaar overtrokken", not "vindt
            # het lichaam van de vermiste man"
            for x in toks[k + 1 : k + _NL_WINDOW]:
                if x[TEXT] in _NL_STOPS:
                    break
                if x[LOW] in nl.JUDGEMENT_WORDS or x[LOW].endswith(_NL_JUDGE_SUFFIXES):
                    ok = True
                    break
    elif w in nl.DECIDE_VERBS:  # a ruling, not "bepaalt wanneer ..." (a decision to come)
        ok = (end < n and toks[end][LOW] == "dat") or _nl_carrier(toks, k)
    elif w in nl.SEE_AS:  # "ziet de actie als ...", "ziet de actie 'niet als ...'"
        ok = any(x[LOW] == "als" for x in toks[k + 1 : end]) or _nl_quote_near(toks, k, end)
    elif w in nl.WANT:
        ok = k + 1 < n and toks[k + 1][LOW] == "dat"  # a demand: "wil dat het ministerie ..."
    elif (
        w in _NL_ROBUST
        or w in _NL_ROBUST_PLURAL
        or w in nl.SEPARABLE_WHOLE
        or w in nl.SEPARABLE_CONTENT_WHOLE
    ):
        ok = w not in nl.SEPARABLE_CONTENT_WHOLE or _nl_content(toks, k, end)
    else:
        return None
    if not ok or _nl_blocked(toks, k, end):
        return None
    if _nl_passive(toks, k):
        return Cue(k, k, "hearsay") if end < n and toks[end][LOW] == "dat" else None
    return Cue(k - 1 if prev == "zo" else k, k, "verb")


def _first_conditional(toks: Sequence[Token], cache: list[int]) -> int:
    """Index of the first conditional word of the sentence, found once per sentence."""
    if not cache:
        cache.append(next((i for i, t in enumerate(toks) if t[LOW] in nl.CONDITIONAL), len(toks)))
    return cache[0]


def _nl_cues(toks: Sequence[Token]) -> list[Cue]:
    out: list[Cue] = []
    cond: list[int] = []
    n = len(toks)
    k = 0
    seen_cue = False
    while k < n:
        t = toks[k]
        w = t[LOW]
        nxt = toks[k + 1][LOW] if k + 1 < n else ""
        if w == "naar" and nxt in ("verluidt",):
            out.append(Cue(k, k + 1, "hearsay"))
            k += 2
            continue
        if w == "naar" and nxt == "men" and k + 2 < n and toks[k + 2][LOW] in ("zegt", "zei"):
            out.append(Cue(k, k + 2, "hearsay"))
            k += 3
            continue
        if w == "naar" and nxt == "zeggen" and k + 2 < n and toks[k + 2][LOW] == "van":
            out.append(Cue(k, k + 2, "prep"))
            seen_cue = True
            k += 3
            continue
        if w == "naar" and nxt == "eigen" and k + 2 < n and toks[k + 2][LOW] == "zeggen":
            out.append(Cue(k, k + 2, "own"))
            seen_cue = True
            k += 3
            continue
        if (
            w == "in"
            and nxt == "de"
            and k + 3 < n
            and toks[k + 2][LOW] == "ogen"
            and (toks[k + 3][LOW] == "van")
        ):
            out.append(Cue(k, k + 3, "prep"))  # "in de ogen van Brussel"
            seen_cue = True
            k += 4
            continue
        if (
            ((w == "het" and nxt == "gerucht") or (w == "er" and nxt in ("gaan", "gingen")))
            and k + 2 < n
            and toks[k + 2][LOW] in ("gaat", "ging", "geruchten")
        ):
            out.append(Cue(k, k + 2, "hearsay"))
            k += 3
            continue
        if w in ("volgens", "aldus"):
            if w == "volgens" and _nl_norm(toks, k + 1):
                k += 1
                continue  # "volgens de wet": a rule, not a source
            out.append(Cue(k, k, "prep"))
            seen_cue = True
        elif (
            (
                w in ("schijnt", "schijnen", "scheen", "schenen")
                and any(x[LOW] == "te" for x in toks[k + 1 : _clause_end(toks, k) + 1])
            )
            or w in ("vermeend", "vermeende", "vermeendelijk")
            or (
                w in ("zou", "zouden")
                and not seen_cue
                and _reportative_zou(toks, k, _first_conditional(toks, cond))
            )
        ):
            out.append(Cue(k, k, "hearsay"))
        elif w in ("blijkt", "bleek") and (
            nxt == "uit"
            or (k >= 2 and any(x[LOW] == "uit" for x in toks[max(0, k - _NL_WINDOW) : k]))
        ):
            out.append(Cue(k, k + 1 if nxt == "uit" else k, "prep" if nxt == "uit" else "uit"))
            seen_cue = True
        elif w in _NL_STAND and nxt == "in" and _nl_content(toks, k, _clause_end(toks, k)):
            out.append(Cue(k, k + 1, "prep"))  # "Dat staat in een rapport van X"
            seen_cue = True
        elif (
            w in _NL_STAND
            and nxt == "dat"
            and toks[_nl_clause_start(toks, k)][LOW] == "in"
            and any(x[LOW] in nl.ATTRIBUTION_NOUNS for x in toks[max(0, k - 8) : k])
            and not any(x[LOW] == "van" for x in toks[max(0, k - 8) : k])  # a noun cue's
        ):
            out.append(Cue(k, k, "in"))  # "In het rapport staat dat ..."
            seen_cue = True
        elif w in _NL_VERB_WORDS or _nl_quote_tag(toks, k):
            cue = _nl_verb_cue(toks, k) if w in _NL_VERB_WORDS else None
            if cue is None and _nl_quote_tag(toks, k):
                cue = Cue(k, k, "verb")  # '"...", sputterde De Boer'
            if cue is not None:
                out.append(cue)
                seen_cue = seen_cue or cue.ctype == "verb"
        elif t[TEXT] == ":" and not seen_cue and _nl_speaker_colon(toks, k):
            out.append(Cue(k, k, "colon"))
            seen_cue = True
        elif t[TEXT] in _DASHES and _dash_signature(toks, k):
            out.append(Cue(k, k, "dash"))
        k += 1
    return _nl_hearsay_scope(toks, out)


_NL_NOT_TAG = (
    nl.SUBORDINATORS
    | nl.FRONT_PREPS
    | nl.FRONT_ADVERBS
    | {"en", "maar", "want", "aldus", "volgens", "zo", "niet", "nee", "ja", "dus"}
)


def _nl_quote_tag(toks: Sequence[Token], k: int) -> bool:
    """Any verb that follows a closed quotation and precedes its subject: '",,...", sprak
    De Boer', "'...,' probeerde Van Dijk ..." (Dutch puts the subject after the verb)."""
    if k < 2 or k + 1 >= len(toks):
        return False
    t = toks[k]
    if not is_word(t) or is_cap(t) or t[LOW] in _NL_NOT_TAG:
        return False
    p1, p2 = toks[k - 1][TEXT], toks[k - 2][TEXT]
    if not (
        (p1 == "," and p2 in QUOTE_CHARS) or (p1 in QUOTE_CHARS and p2 in (",", ".", "!", "?"))
    ):
        return False
    if toks[0][TEXT] not in QUOTE_CHARS and toks[0][TEXT] != ",,":
        return False  # the sentence is the quotation and its tag
    nx = toks[k + 1]
    return (
        nx[LOW] in nl.SUBJECT_PRONOUNS
        or nx[LOW] in ("de", "het", "een")
        or (is_word(nx) and is_cap(nx))
    )


def _en_norm(toks: Sequence[Token], i: int) -> bool:
    """'according to the law / the rules / the protocol': a norm follows, not a source."""
    n = len(toks)
    while i < n and toks[i][LOW] in ("the", "a", "this", "that", "these", "new", "current"):
        i += 1
    return i < n and toks[i][LOW] in en.NORM_NOUNS


def _nl_norm(toks: Sequence[Token], i: int) -> bool:
    """'volgens de wet / de regels / het protocol': a norm follows, not a source."""
    n = len(toks)
    while i < n and toks[i][LOW] in ("de", "het", "een", "die", "deze", "dat", "nieuwe", "huidige"):
        i += 1
    return i < n and toks[i][LOW] in nl.NORM_NOUNS


def _nl_hearsay_scope(toks: Sequence[Token], cues: list[Cue]) -> list[Cue]:
    """A reportative marker over a speech verb in its clause ('zou tegenover X hebben gezegd',
    'gaf naar verluidt aan'): hearsay, the verb is not a second cue."""
    colon = [c for c in cues if c.ctype == "colon"]
    if colon and any(
        c.ctype == "verb" and c.first > colon[0].first and toks[c.first - 1][TEXT] in _NL_STOPS
        for c in cues
    ):
        cues = [c for c in cues if c.ctype != "colon"]  # "X: '...', schrijft KLM"
    hearsay = [c for c in cues if c.ctype == "hearsay"]
    if not hearsay or len(hearsay) == len(cues):
        return cues
    out = []
    for c in cues:
        if c.ctype == "verb" and any(_in_scope(toks, h, c.first) for h in hearsay):
            continue
        out.append(c)
    return out


def _in_scope(toks: Sequence[Token], h: Cue, b: int) -> bool:
    """Cue word b is under hearsay marker h: in its clause, or the participle that 'zou'
    governs past an apposition."""
    lo, hi = min(h.first, b), max(h.first, b)
    if hi - lo > _NL_WINDOW:
        return False
    between = toks[lo + 1 : hi]
    if all(t[TEXT] not in _NL_STOPS and t[LOW] != "dat" for t in between):
        return True
    return (
        toks[h.first][LOW] in ("zou", "zouden")
        and b > h.first
        and toks[b][LOW].startswith("ge")
        and all(t[TEXT] not in (";", ":") and t[LOW] != "dat" for t in between)
    )


_IRREGULAR_INF = frozenset(["zijn", "gaan", "staan", "slaan", "doen", "zien"])


def _reportative_zou(toks: Sequence[Token], k: int, first_cond: int = -1) -> bool:
    """'zou/zouden' + infinitive in a main clause, not conditional nor a future in the past
    (`first_cond`: index of the sentence's first conditional word, when known)."""
    if first_cond < 0:
        first_cond = next((i for i, t in enumerate(toks) if t[LOW] in nl.CONDITIONAL), len(toks))
    # Main clause: no subordinator or conditional before it in its clause.
    i = k - 1
    while i >= max(0, k - _NL_WINDOW) and toks[i][TEXT] not in (",", ";", ":"):
        demonstrative = i == k - 1 and (i == 0 or toks[i - 1][TEXT] in (",", ";", ":"))
        if (toks[i][LOW] in _NL_SUBORD and not demonstrative) or toks[i][LOW] in nl.CONDITIONAL:
            return False
        i -= 1
    if first_cond < k:
        return False
    if toks[-1][TEXT] == "?" or any(
        toks[j][TEXT] == "," and toks[j + 1][LOW] in nl.CONDITIONAL
        for j in range(k + 1, min(len(toks) - 1, k + _NL_WINDOW))
    ):
        return False  # a question ("Wat zou jij doen?"), a condition after it (", als ...")
    end = _clause_end(toks, k)
    infinitives = _infinitives(toks, k, end)
    if not infinitives:
        # "zou in het weekend ... zijn aangehouden", "zou tegenover X, de
        # onderhandelaar, hebben gezegd": the verb cluster lies past 'en' or an apposition
        end = _zou_end(toks, k)
        infinitives = _infinitives(toks, k, end)
    if not infinitives:
        return False
    if any(x[LOW] in nl.MODAL_INF for x in infinitives):
        return False  # "zou de kosten moeten betalen": deontic or modal
    return toks[k + 1][LOW] not in ("graag", "liever", "moeten", "kunnen", "willen")


def _infinitives(toks: Sequence[Token], k: int, end: int) -> list[Token]:
    return [
        x
        for x in toks[k + 1 : end]
        if is_word(x)
        and not is_cap(x)
        and ((x[LOW].endswith("en") and len(x[LOW]) > 3) or x[LOW] in _IRREGULAR_INF)
    ]


def _zou_end(toks: Sequence[Token], k: int) -> int:
    """End of the verb cluster of a main-clause 'zou': the next dat/omdat/maar, ';' or ':'."""
    n = len(toks)
    j = k + 1
    while j < n and j - k <= 30:
        if toks[j][TEXT] in (";", ":") or toks[j][LOW] in (
            "dat",
            "omdat",
            "maar",
            "want",
            "terwijl",
        ):
            break
        j += 1
    return j


def _noun_cues(toks: Sequence[Token], lang: str) -> list[Cue]:
    """Attribution nouns with their source: 'een verklaring van X', "Trump's claim that"."""
    nouns = nl.ATTRIBUTION_NOUNS if lang == "nl" else en.ATTRIBUTION_NOUNS
    if nouns.isdisjoint(map(_LOW, toks)):
        return []
    links = [j for j, t in enumerate(toks) if t[LOW] in _NOUN_LINKS]
    if not links:
        return []
    for k in range(1, min(len(toks) - 2, links[-1])):  # a link word must follow the noun
        if toks[k][LOW] not in nouns:
            continue
        if toks[k + 1][LOW] in ("van", "from", "by", "of") and is_word(toks[k + 2]):
            return [Cue(k, k, "noun")]
        if toks[k - 1][LOW].endswith(("'s", "’s")) and is_cap(toks[k - 1]):
            return [Cue(k, k, "possessive")]
    return []


_NOUN_LINKS = frozenset(["that", "dat", ":", "staat", "stond", "says", "said"])


def find_cues(
    toks: Sequence[Token], lang: str, heading: bool = False, quoted: bool = False
) -> list[Cue]:
    """Cues in one sentence's tokens (`heading`: a heading; `quoted`: it holds a quotation)."""
    if lang == "nl":
        return _nl_cues(toks) or _nl_noun_cues(toks) or _noun_cues(toks, lang)
    cues = _en_cues(toks, heading, quoted)
    return cues or _noun_cues(toks, lang)


def _nl_noun_cues(toks: Sequence[Token]) -> list[Cue]:
    """'de mededeling dat ...', 'Mays verwijt dat ...' (noun_dat: the possessor or the clause's
    subject speaks) and '..., is de indruk van X' (noun: X after 'van')."""
    n = len(toks)
    for k in range(1, n - 2):
        w = toks[k][LOW]
        nxt = toks[k + 1][LOW]
        if nxt == "dat" and (
            w in nl.DAT_NOUNS
            or (w in nl.DAT_NOUNS_HET and toks[k + 2][LOW] not in nl.SUBJECT_PRONOUNS)
        ):
            return [Cue(k, k, "noun_dat")]
        if (
            w in nl.VIEW_NOUNS
            and nxt == "van"
            and toks[k - 1][LOW] in ("de", "het")
            and is_word(toks[k + 2])
        ):
            return [Cue(k, k, "noun")]
    return []
