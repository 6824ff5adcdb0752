"""Cue detection: reporting verbs, prepositional cues, hearsay markers, quote colons."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import lexicon_en as en
from . import lexicon_nl as nl
from .lexicon_en_context import CUE_CONTEXTS
from .quotes import QUOTE_CHARS
from .tokens import Tok


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue: token range [first, last], its type and where its source is to be found.

    ctype: 'verb' (subject or inverted subject), 'prep' (source follows: volgens, according
    to), 'hearsay' (no source), 'colon' (speaker before a colon), 'cite' (X, citing Y).
    """

    first: int
    last: int
    ctype: str


_EN_WORDS = frozenset(CUE_CONTEXTS) - {":"} | {"according", "reportedly", "allegedly",
                                               "purportedly", "supposedly", "rumored", "rumoured"}
_NL_WORDS = (
    nl.SPEECH_VERBS | nl.SEPARABLE_WHOLE | frozenset(nl.SEPARABLE)
    | {"volgens", "aldus", "verluidt", "schijnt", "schijnen", "scheen", "schenen", "gerucht",
       "vermeend", "vermeende", "vermeendelijk", "zou", "zouden", "blijkt", "bleek", "zeggen"}
)


TRIGGERS: dict[str, frozenset[str]] = {"en": frozenset(_EN_WORDS), "nl": frozenset(_NL_WORDS)}
_DASH_AFTER_QUOTE = re.compile(r"[\"”’'»]\s*[―—–-]+\s*\w")


def may_have_cues(low: str, words: set[str], lang: str) -> bool:
    """Cheap test on a lower-cased sentence and its word set before the full cue analysis."""
    if not words.isdisjoint(TRIGGERS[lang]):
        return True
    colon = low.find(":")
    if 0 < colon < 60:
        return True
    return bool(_DASH_AFTER_QUOTE.search(low))


_EN_NOT_AFTER_WEAK = frozenset("for on off up out in into back upon over".split())
_QUOTE_OR_COLON = QUOTE_CHARS | {":", ",,"}
_NL_SUBORD = frozenset(
    "dat als omdat of wanneer die wat waardoor terwijl indien mocht waarin waarbij hoewel "
    "doordat zodat nadat voordat toen welke".split()
)


def _clause_end(toks: Sequence[Tok], k: int) -> int:
    n = len(toks)
    j = k + 1
    while j < n and toks[j].text not in (",", ";", ":", "(", ")") and toks[j].low not in (
        "dat", "that", "en", "maar"
    ):
        j += 1
    return j


_C_PRON = frozenset("he she they i we you it who which that".split())
_C_AUX = frozenset(
    "has have had will would did does do is was are were be been also not n't later then "
    "already still never just".split()
)
_C_DET = frozenset("the a an his her their its this these those my our your some".split())
_C_PREP = frozenset("for on about of in with by at from into over against as".split())
_C_QUOTE = frozenset('"“”‘’\'«»:')


def _prev_class(toks: Sequence[Tok], k: int) -> str:
    if k == 0:
        return "S"
    t = toks[k - 1]
    w = t.low
    if w in _C_PRON:
        return "P"
    if w == "to":
        return "TO"
    if w in _C_AUX:
        return "A"
    if w in _C_DET:
        return "D"
    if t.text in _C_QUOTE:
        return "Q"
    if t.text == ",":
        return "C"
    if not t.is_word:
        return "X"
    return "N" if t.is_cap else "W"


def _next_class(toks: Sequence[Tok], k: int) -> str:
    if k + 1 >= len(toks):
        return "E"
    t = toks[k + 1]
    w = t.low
    if w == "that":
        return "THAT"
    if t.text in _C_QUOTE:
        return "Q"
    if t.text == ",":
        return "C"
    if w == "to":
        return "TO"
    if w in _C_DET:
        return "D"
    if w in _C_PRON:
        return "P"
    if w in _C_PREP:
        return "PR:" + w
    if not t.is_word:
        return "X"
    return "N" if t.is_cap else "W"


def is_context_cue(toks: Sequence[Tok], k: int) -> bool:
    """Whether token k is a cue in its context, by the context lexicon."""
    table = CUE_CONTEXTS.get(toks[k].low)
    if table is None:
        return False
    p = _prev_class(toks, k)
    nx = _next_class(toks, k)
    for key in (f"{p}|{nx}", f"{p}|*", f"*|{nx}", "*|*"):
        v = table.get(key)
        if v is not None:
            return v
    return False


def _en_cues(toks: Sequence[Tok]) -> list[Cue]:
    out: list[Cue] = []
    n = len(toks)
    k = 0
    while k < n:
        t = toks[k]
        w = t.low
        nxt = toks[k + 1].low if k + 1 < n else ""
        prev = toks[k - 1].low if k > 0 else ""
        if w == "according" and nxt == "to":
            out.append(Cue(k, k + 1, "prep"))
            k += 2
            continue
        if w in ("reportedly", "allegedly", "purportedly", "supposedly", "rumored", "rumoured"):
            out.append(Cue(k, k, "hearsay"))
        elif w == "said" and prev in ("is", "are", "was", "were", "been") and nxt == "to":
            out.append(Cue(k - 1, k + 1, "hearsay"))
        elif w in ("say", "said", "says") and prev in ("sources", "bronnen") and (
            k < 2 or toks[k - 2].low not in en.DETERMINERS
        ):
            out.append(Cue(k - 1, k, "hearsay"))
        elif w == "citing":
            out.append(Cue(k, k, "cite"))
        elif t.text == ":":
            if _speaker_colon(toks, k):
                out.append(Cue(k, k, "colon"))
        elif t.text in _DASHES and _dash_signature(toks, k):
            out.append(Cue(k, k, "dash"))
        elif w in CUE_CONTEXTS and is_context_cue(toks, k):
            # merge with an adjacent cue word ("said in", "called for")
            if out and out[-1].last == k - 1 and out[-1].ctype == "verb":
                out[-1] = Cue(out[-1].first, k, "verb")
            else:
                out.append(Cue(k, k, "verb"))
        k += 1
    return out


_DASHES = frozenset("―—–-")
_NOT_SPEAKERS = frozenset(
    """update note editor watch photo photos video related source read breaking exclusive
    analysis opinion correction live lees ook bekijk zie foto video beeld tip disclaimer
    transcript q a partial full""".split()
)


def _speaker_colon(toks: Sequence[Tok], k: int) -> bool:
    """'Zaza: "We ..."', 'WALLACE: ...', a headline 'Pence: ...': a speaker and a colon."""
    first = 1 if toks and toks[0].text in QUOTE_CHARS else 0
    names = toks[first:k]
    if not 1 <= len(names) <= 4 or k + 1 >= len(toks):
        return False
    if not all(x.is_word and x.is_cap for x in names) or names[0].low in _NOT_SPEAKERS:
        return False
    nxt = toks[k + 1]
    return nxt.text in QUOTE_CHARS or nxt.text == ",," or nxt.is_cap


def _dash_signature(toks: Sequence[Tok], k: int) -> bool:
    """'... .” ― Sonya Herridge': a dash after a closing quote, then a name."""
    return (
        k > 0 and toks[k - 1].text in QUOTE_CHARS and k + 1 < len(toks)
        and toks[k + 1].is_word and toks[k + 1].is_cap
    )


def _nl_cues(toks: Sequence[Tok]) -> list[Cue]:
    out: list[Cue] = []
    n = len(toks)
    k = 0
    seen_cue = False
    while k < n:
        t = toks[k]
        w = t.low
        nxt = toks[k + 1].low if k + 1 < n else ""
        prev = toks[k - 1].low if k > 0 else ""
        if w == "naar" and nxt in ("verluidt",):
            out.append(Cue(k, k + 1, "hearsay"))
            k += 2
            continue
        if w == "naar" and nxt == "men" and k + 2 < n and toks[k + 2].low in ("zegt", "zei"):
            out.append(Cue(k, k + 2, "hearsay"))
            k += 3
            continue
        if w == "naar" and nxt == "zeggen" and k + 2 < n and toks[k + 2].low == "van":
            out.append(Cue(k, k + 2, "prep"))
            seen_cue = True
            k += 3
            continue
        if w == "het" and nxt == "gerucht" and k + 2 < n and toks[k + 2].low in ("gaat", "ging"):
            out.append(Cue(k, k + 2, "hearsay"))
            k += 3
            continue
        if w in ("volgens", "aldus"):
            out.append(Cue(k, k, "prep"))
            seen_cue = True
        elif w in ("schijnt", "schijnen", "scheen", "schenen") and any(
            x.low == "te" for x in toks[k + 1 : _clause_end(toks, k) + 1]
        ):
            out.append(Cue(k, k, "hearsay"))
        elif w in ("vermeend", "vermeende", "vermeendelijk"):
            out.append(Cue(k, k, "hearsay"))
        elif w in ("zou", "zouden") and not seen_cue and _reportative_zou(toks, k):
            out.append(Cue(k, k, "hearsay"))
        elif w in ("blijkt", "bleek") and (nxt == "uit" or (
            k >= 2 and any(x.low == "uit" for x in toks[:k])
        )):
            out.append(Cue(k, k + 1 if nxt == "uit" else k, "prep" if nxt == "uit" else "uit"))
            seen_cue = True
        elif w in nl.SEPARABLE:
            end = _clause_end(toks, k)
            for j in range(k + 1, min(end + 1, n)):
                if toks[j].low in nl.SEPARABLE[w] or (
                    toks[j].low == "eraan" and j + 1 < n and toks[j + 1].low == "toe"
                ):
                    last = j + 1 if toks[j].low == "eraan" else j
                    out.append(Cue(k, last, "verb"))
                    seen_cue = True
                    break
        elif w in nl.SPEECH_VERBS or w in nl.SEPARABLE_WHOLE:
            if w in ("zeggen", "stellen", "vertellen", "bericht", "vraagt", "vroeg", "vroegen",
                     "gevraagd", "roept", "riep", "melden") and not (
                nxt in ("dat", ":", ",") or nxt in _QUOTE_OR_COLON or prev in (",", "zo")
                or prev in _QUOTE_OR_COLON
            ):
                pass
            elif t.is_cap and k > 0:
                pass
            else:
                out.append(Cue(k, k, "verb"))
                seen_cue = True
        elif t.text == ":" and _speaker_colon(toks, k):
            out.append(Cue(k, k, "colon"))
        elif t.text in _DASHES and _dash_signature(toks, k):
            out.append(Cue(k, k, "dash"))
        k += 1
    return out


def _reportative_zou(toks: Sequence[Tok], k: int) -> bool:
    """'zou/zouden' + infinitive in a main clause, not conditional nor a future in the past."""
    # Main clause: no subordinator or conditional before it in its clause.
    i = k - 1
    while i >= 0 and toks[i].text not in (",", ";", ":"):
        if toks[i].low in _NL_SUBORD or toks[i].low in nl.CONDITIONAL:
            return False
        i -= 1
    if any(x.low in nl.CONDITIONAL for x in toks[:k]):
        return False
    end = _clause_end(toks, k)
    infinitives = [
        x for x in toks[k + 1 : end]
        if x.is_word and x.low.endswith("en") and len(x.low) > 3 and not x.is_cap
    ]
    if not infinitives:
        return False
    if infinitives[-1].low in nl.MODAL_INF and len(infinitives) == 1:
        return infinitives[-1].low in ("hebben", "zijn") and any(
            x.low.startswith("ge") for x in toks[k + 1 : end]
        )
    return toks[k + 1].low not in ("graag", "liever", "moeten", "kunnen", "willen")


def find_cues(toks: Sequence[Tok], lang: str) -> list[Cue]:
    """Cues in one sentence's tokens."""
    return _nl_cues(toks) if lang == "nl" else _en_cues(toks)
