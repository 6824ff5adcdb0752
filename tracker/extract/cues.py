"""Cue detection: reporting verbs, prepositional cues, hearsay markers, quote colons."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import lexicon_en as en
from . import lexicon_nl as nl
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


_EN_WORDS = en.SPEECH_VERBS | en.WEAK_VERBS | {"according", "reportedly", "allegedly",
                                               "purportedly", "supposedly", "rumored", "rumoured"}
_NL_WORDS = (
    nl.SPEECH_VERBS | nl.SEPARABLE_WHOLE | frozenset(nl.SEPARABLE)
    | {"volgens", "aldus", "verluidt", "schijnt", "schijnen", "scheen", "schenen", "gerucht",
       "vermeend", "vermeende", "vermeendelijk", "zou", "zouden", "blijkt", "bleek", "zeggen"}
)


def _prefilter(words: frozenset[str]) -> re.Pattern[str]:
    alt = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})\b|:\s*[\"“„‘'«,]", re.IGNORECASE)


PREFILTER = {"en": _prefilter(frozenset(_EN_WORDS)), "nl": _prefilter(frozenset(_NL_WORDS))}

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
        elif w in en.SPEECH_VERBS:
            if t.is_cap and k > 0 and w not in ("said", "says"):
                pass  # a title or name ("Claims Court")
            elif w in ("reports", "claims", "posted", "states", "charged", "notes", "writing",
                       "write", "reported", "report", "claim", "alleged", "remarks"):
                # noun/adjective readings: need a subject or complement
                if nxt in ("that", ",", ":") or nxt in _QUOTE_OR_COLON or prev in en.PRONOUNS or (
                    k > 0 and toks[k - 1].is_cap and w not in ("claims", "states", "notes", "reports")
                ):
                    out.append(Cue(k, k, "verb"))
            else:
                out.append(Cue(k, k, "verb"))
        elif w in en.WEAK_VERBS:
            if nxt in _EN_NOT_AFTER_WEAK:
                pass
            elif nxt in ("that", ":") or nxt in _QUOTE_OR_COLON or (
                prev in en.PRONOUNS and prev not in ("that", "which", "it")
            ):
                out.append(Cue(k, k, "verb"))
        elif t.text == ":" and 0 < k <= 4 and k + 1 < n and toks[k + 1].text in QUOTE_CHARS | {",,"}:
            if all(x.is_cap for x in toks[:k]):
                out.append(Cue(k, k, "colon"))
        k += 1
    return out


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
        elif t.text == ":" and 0 < k <= 4 and k + 1 < n and toks[k + 1].text in QUOTE_CHARS | {",,"}:
            if all(x.is_cap for x in toks[:k]):
                out.append(Cue(k, k, "colon"))
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
