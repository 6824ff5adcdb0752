"""Dutch clause structure around a cue: the subject of a V2 main clause or a verb-final
subordinate clause, and the addressees and channels (via) of a speech verb.

Dutch main clauses put the finite verb second: whatever stands before it (the prefield) is the
subject or a fronted phrase ("Na afloop", "Bij de rechtbank", "Dat", a clause ending in a
comma, a quotation), and after a fronted phrase the subject follows the verb.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import lexicon_nl as nl
from .quotes import QUOTE_CHARS
from .sources import OUTLET_WORDS, np_after, np_before
from .tokens import END, LOW, START, TEXT, Token, is_cap, is_word

Range = tuple[int, int]

_STOPS = frozenset([",", ";", ":", "(", ")", ",,", "―", "—", "–", "-"]) | QUOTE_CHARS
_COORD = frozenset(["en", "maar", "want", "dus", "of"])
_FOCUS = frozenset(["ook", "zelfs", "alleen", "vooral", "juist"])
_DEMONSTRATIVES = frozenset(["dat", "dit", "die", "deze", "zo"])
_RELATIVES = frozenset(["die", "wie", "dat", "wat"])
_MODALS = nl.FINITE_AUX - {"heeft", "hebben", "had", "hadden", "is", "zijn", "was", "waren"}
_WINDOW = 50  # tokens: no clause reaches further back (keeps long sentences linear)
_PERFECT = frozenset(["heeft", "hebben", "had", "hadden"])
_SKIP_AFTER = nl.FRONT_ADVERBS | frozenset(["er", "zelf", "ook", "nog", "zowel", "dus"])
_NOT_SUBJECT = frozenset(["dat", "te", "niet", "om", "geen", "zich", "hem", "haar", "hen", "het"])
_SPOKEN = frozenset(
    ["zegt", "zei", "zeiden", "zeggen", "gezegd", "vertelt", "vertelde", "vertelden", "verteld",
     "verklaarde", "verklaart", "bevestigde", "bevestigt", "laat", "liet", "lieten"]
)  # fmt: skip
_TALK = frozenset(["gesprek", "interview", "vraaggesprek", "gesprekken", "onderhoud"])
_TELL = frozenset(["vertelt", "vertelde", "vertelden"])
_SHARE = frozenset(["deelde", "deelden", "deelt", "delen", "gedeeld"])


def _decimal(toks: Sequence[Token], i: int) -> bool:
    """A comma inside a number ('2,5'), which the tokens split."""
    return (
        0 < i < len(toks) - 1
        and toks[i][TEXT] == ","
        and toks[i - 1][TEXT][-1].isdigit()
        and toks[i + 1][TEXT][0].isdigit()
        and toks[i][START] == toks[i - 1][END]
    )


def _inner_quote(toks: Sequence[Token], i: int) -> bool:
    """A quotation mark around a quoted word inside the clause ("die hem een 'volksverrader'
    noemden"), not one closing a quotation before its tag ('"...", zegt X')."""
    if toks[i][TEXT] not in QUOTE_CHARS:
        return False
    before = toks[i - 1][TEXT] if i > 0 else ""
    after = toks[i + 1][TEXT] if i + 1 < len(toks) else ""
    return i > 0 and is_word(toks[i - 1]) and after not in (",", ":", ";") and before != ","


def clause_start(toks: Sequence[Token], k: int) -> int:
    """First token of the clause holding token k (after punctuation or a quotation mark)."""
    i = k - 1
    lo = k - _WINDOW
    while i >= 0 and (
        toks[i][TEXT] not in _STOPS
        or toks[i][TEXT] == ")"
        or _decimal(toks, i)
        or _inner_quote(toks, i)
    ):
        if toks[i][TEXT] == ")":  # "Het ministerie (IenW) wijst ...": skip the parenthesis
            o = i - 1
            while o >= 0 and toks[o][TEXT] != "(" and i - o < 12:
                o -= 1
            if o < 0 or toks[o][TEXT] != "(":
                return i + 1
            i = o - 1
            continue
        if i <= lo:
            return i
        if (
            i > 0
            and is_cap(toks[i])
            and toks[i][LOW] in nl.FRONT_PREPS
            and not is_cap(toks[i - 1])
            and is_word(toks[i - 1])
        ):
            return i  # a subhead run into the text: "Onrust In het stadhuis ..."
        i -= 1
    return i + 1


def _nonfinite(toks: Sequence[Token], cs: int, k: int) -> bool:
    """True when the cue word k is a participle or an infinitive (its clause has an auxiliary)."""
    w = toks[k][LOW]
    before = [t[LOW] for t in toks[cs:k]]
    if w.endswith("en") and not w.startswith("ge"):
        # "wil zeggen", "heeft laten weten" (an infinitive for a participle)
        ipp = w in ("laten", "horen")
        return any(x in _MODALS or (ipp and x in _PERFECT) for x in before)
    if w.startswith("ge") or w.endswith("d"):
        return any(x in nl.FINITE_AUX for i, x in enumerate(before) if i or x != "zijn")
    return False


def finite_verb(toks: Sequence[Token], cs: int, k: int) -> int:
    """Index of the clause's finite verb: the cue itself, or the auxiliary before it."""
    if not _nonfinite(toks, cs, k):
        return k
    for i in range(cs, k):
        w = toks[i][LOW]
        if w in nl.FINITE_AUX and not (i == cs and w in ("zijn", "haar")):
            return i
    return k


def _subordinator(toks: Sequence[Token], cs: int, f: int) -> int | None:
    """Index of the word opening a verb-final clause before f, or None."""
    for i in range(f - 1, cs - 1, -1):
        w = toks[i][LOW]
        if w in _RELATIVES or w in ("als", "of"):
            if i == cs and (cs > 0 or w in ("als", "of")) and i + 1 < f:
                return i
            pw = toks[i - 1][LOW] if i > 0 else ""
            if (
                w in ("die", "dat")
                and i > cs
                and i + 1 < f
                and is_word(toks[i - 1])
                and pw not in nl.FRONT_PREPS
                and pw not in nl.STOP
                and pw not in nl.DETERMINERS
            ):
                return i  # "de buren die hem ... noemden", "gedacht dat X ... zei"
            continue
        if w in nl.SUBORDINATORS and i + 1 <= f:
            return i  # (right before the verb: a passive, "zoals was voorspeld")
    return None


def prefield_is_subject(toks: Sequence[Token], a: int, f: int) -> tuple[bool, int]:
    """(whether toks[a:f] is the subject, where the subject starts): False for a fronted
    adverbial, object or time phrase."""
    if a >= f:
        return False, a
    w = toks[a][LOW]
    if w in _FOCUS and f - a > 1:
        a += 1
        w = toks[a][LOW]
    if (
        not is_word(toks[a])
        or w in nl.FRONT_PREPS
        or w in nl.FRONT_ADVERBS
        or w in nl.SUBORDINATORS
        or w == "er"
    ) and w not in ("die", "wie", "wat", "dat"):
        return False, a
    last = toks[f - 1][LOW]
    if last in nl.TIME_NOUNS or (f - a == 1 and last.endswith("lang")):
        return False, a
    if w in _DEMONSTRATIVES and (f - a == 1 or toks[a + 1][LOW] in ("laatste", "alles", "ook")):
        return False, a
    return True, a


def _after_start(toks: Sequence[Token], p: int) -> int:
    """The first token at or after p that is no adverb (where an inverted subject starts)."""
    n = len(toks)
    while p < n and toks[p][LOW] in _SKIP_AFTER and not is_cap(toks[p]):
        p += 1
    return p


def _np_here(toks: Sequence[Token], p: int) -> Range | None:
    """A subject noun phrase starting at token p, or None."""
    if p >= len(toks) or not is_word(toks[p]):
        return None
    w = toks[p][LOW]
    if w in _NOT_SUBJECT and not (w == "het" and p + 1 < len(toks) and is_word(toks[p + 1])):
        return None
    if not is_cap(toks[p]) and (w in nl.STOP or w in nl.FRONT_PREPS) and w not in nl.PRONOUNS:
        return None
    return np_after(toks, p, "nl")


def _prefield_np(toks: Sequence[Token], a: int, f: int) -> Range | None:
    """The subject in the prefield toks[a:f]."""
    e = f - 1
    while e > a and not is_word(toks[e]):
        if toks[e][TEXT] == ")":
            o = e - 1
            while o > a and toks[o][TEXT] != "(":
                o -= 1
            e = o - 1
        else:
            e -= 1
    if e < a:
        return None
    if e - a > 12:
        return np_before(toks, e, "nl")
    return (a, e)


def _left_subject(toks: Sequence[Token], f: int) -> Range | None:
    """'Sanne Kok, ooit ..., beloofde', 'Ministers die ..., zeggen': the sentence opens with
    the subject, an apposition or relative clause, then the verb after a comma."""
    if not toks or toks[0][TEXT] in QUOTE_CHARS or toks[0][TEXT] == ",,":
        return None
    if f > _WINDOW:
        return None
    commas = [i for i in range(f) if toks[i][TEXT] == "," and not _decimal(toks, i)]
    if not commas:
        return None
    a = 0
    while a < commas[0] and toks[a][LOW] in _COORD:
        a += 1
    first = toks[a][LOW]
    if (
        first in nl.FRONT_PREPS
        or first in nl.FRONT_ADVERBS
        or first in nl.SUBORDINATORS
        or first in nl.STOP
    ):
        return None
    r = np_after(toks, a, "nl")
    if r is None:
        return None
    nxt = toks[r[1] + 1][LOW] if r[1] + 1 < len(toks) else ""
    if (
        r[1] + 1 < commas[0]
        and len(commas) >= 2
        and commas[0] - a <= 4
        and all(is_word(t) and t[LOW] not in nl.STOP for t in toks[a : commas[0]])
    ):
        r = (a, commas[0] - 1)  # "De hoogste rechter, Ellen Smit, zegt"
    if r[1] + 1 == commas[0] and len(commas) >= 2:
        # "De officier, Pieter Mol, zegt": the subject with its apposition
        b = commas[-2] + 1
        app = np_after(toks, b, "nl") if commas[-1] == f - 1 else None
        if app is not None and app[1] + 1 == commas[-1] and is_cap(toks[app[0]]):
            return (r[0], app[1])
        return r
    if nxt in ("die", "dat", "wie"):
        return r
    return None


def governing_subject(toks: Sequence[Token], k: int) -> Range | None:
    """The subject of the sentence's first main clause (for 'om te melden', 'naar eigen
    zeggen'), found as for a cue at its finite verb."""
    if not toks:
        return None
    f = _fronted_end(toks, k)  # a fronted phrase: the subject follows the finite verb
    if f is None:
        ok, a = prefield_is_subject(toks, 0, min(k, len(toks)))
        if ok:
            r = np_after(toks, a, "nl")
            return r if r is not None and r[1] < k else None
    else:
        p = _after_start(toks, f + 1)
        if p < k and toks[p][LOW] in nl.SUBJECT_PRONOUNS:
            return (p, p)
        r = _np_here(toks, p)
        if r is not None and r[1] < k:
            return r
    for i in range(1, min(k, _WINDOW)):
        if toks[i][LOW] in nl.SUBJECT_PRONOUNS:
            return (i, i)
    return None


def _fronted_end(toks: Sequence[Token], k: int) -> int | None:
    """Index of the finite verb after a fronted phrase that opens the sentence ('Die dag
    stuurde ...', 'Pas veel later kwamen ...', 'Op de Markt spreekt ...'), or None."""
    i = 0
    n = min(k, len(toks))
    while i < n and toks[i][LOW] in _COORD:
        i += 1
    if i >= n:
        return None
    w = toks[i][LOW]
    if w in nl.FRONT_PREPS:
        r = np_after(toks, i + 1, "nl")
        i = r[1] + 1 if r is not None else i + 1
        while i + 1 < n and toks[i][LOW] in nl.FRONT_PREPS:  # "Op de Markt in Delft"
            r = np_after(toks, i + 1, "nl")
            i = r[1] + 1 if r is not None else i + 1
    elif w in _DEMONSTRATIVES or w in nl.FRONT_ADVERBS:
        j = i
        while j < min(n, i + 4) and toks[j][LOW] not in nl.TIME_NOUNS:
            j += 1
        i = j + 1 if j < min(n, i + 4) else i
    else:
        return None
    while i < n and toks[i][LOW] in nl.FRONT_ADVERBS:
        i += 1
    return i if i < n and is_word(toks[i]) and not is_cap(toks[i]) else None


def own_subject(toks: Sequence[Token], first: int, last: int) -> Range | None:
    """Whose own words 'naar eigen zeggen' gives: the clause's subject, after the finite verb
    when the phrase itself is fronted ('Naar eigen zeggen heeft de man ...')."""
    if first == 0:
        p = _after_start(toks, last + 2)
        if p < len(toks) and toks[p][LOW] in nl.SUBJECT_PRONOUNS:
            return (p, p)
        return _np_here(toks, p)
    return governing_subject(toks, first)


def nl_noun_source(toks: Sequence[Token], k: int) -> Range | None:
    """Who holds the content of an attribution noun: 'Mays verwijt dat' (the possessor), 'de
    mededeling van X dat', else the subject of the clause ('stuurde Jansen een mail dat')."""
    if k > 0 and is_cap(toks[k - 1]) and toks[k - 1][LOW].endswith("s") and is_word(toks[k - 1]):
        return (k - 1, k - 1)
    return governing_subject(toks, k)


def source_range(toks: Sequence[Token], first: int, last: int) -> tuple[Range | None, bool]:
    """(token range of the source of a Dutch verb cue toks[first..last], source after cue)."""
    k = first + 1 if toks[first][LOW] == "zo" and first < last else first
    if k > 0 and toks[k - 1][LOW] in ("te", "en", "maar"):
        # "belde op om te melden dat ...", "spreekt haar aan en zegt haar dat ..."
        return governing_subject(toks, k - 1), False
    cs = clause_start(toks, k)
    f = finite_verb(toks, cs, k)
    if f < k and toks[f][LOW] in nl.PASSIVE_AUX and toks[k][LOW] != "geciteerd":
        return _passive_source(toks, cs, k), False
    s = _subordinator(toks, cs, f)
    if s is not None:
        if toks[s][LOW] in _RELATIVES and s == cs:
            return (s, s), False  # "De Vries, die zei ...": resolved for the claim later
        if toks[s][LOW] == "die" and s > cs:
            ante = np_before(toks, s - 1, "nl")  # the antecedent of the relative clause
            if ante is not None:
                return ante, False
        r = _np_here(toks, s + 1)
        if r is not None and r[1] < f:
            return r, False
        if s + 1 < len(toks) and toks[s + 1][LOW] in nl.FINITE_AUX:
            return _passive_source(toks, cs, k), False  # "zoals was voorspeld in ..."
    p = _after_start(toks, f + 1)
    if p < len(toks) and toks[p][LOW] in nl.SUBJECT_PRONOUNS:
        return (p, p), True
    a = cs
    while a < f and toks[a][LOW] in _COORD:
        a += 1
    ok, a = prefield_is_subject(toks, a, f)
    if ok:
        return _prefield_np(toks, a, f), False
    if a == f and cs > 0:
        left = _left_subject(toks, f)
        if left is not None:
            return left, False
    r = _np_here(toks, p)
    if r is not None:
        if r[0] < last <= r[1]:
            r = (r[0], last - 1)  # "houdt de verdachte vol": the particle ends the subject
        return r, True
    if a < f:
        return _prefield_np(toks, a, f), False
    if cs > 0:
        return _left_subject(toks, f) or governing_subject(toks, cs), False
    return None, False


def _passive_source(toks: Sequence[Token], cs: int, k: int) -> Range | None:
    """The agent of a passive cue ('door bekenden omschreven'), else the place it is said in
    ('In het stadhuis wordt gesproken van ...')."""
    n = len(toks)
    for i in range(cs, min(n - 1, k + 6)):
        if toks[i][LOW] == "door":
            return np_after(toks, i + 1, "nl")
    if toks[cs][LOW] in ("in", "binnen", "bij", "onder"):
        return np_after(toks, cs + 1, "nl")
    if k + 2 < n and toks[k + 1][LOW] == "in":
        return np_after(toks, k + 2, "nl")
    for i in range(cs, k):
        if toks[i][LOW] == "in":
            return np_after(toks, i + 1, "nl")
    return None


def via_ranges(
    toks: Sequence[Token], first: int, last: int, src: Range | None, tegen: list[int]
) -> list[Range]:
    """Addressees and channels of the speech verb toks[first..last]: 'tegen(over) X', 'in
    (een) gesprek met X', 'zei aan X', 'vertelde Visser de rechter', 'in het blad', 'met X
    deelden'."""
    out: list[Range] = []
    n = len(toks)
    if toks[first][LOW] == "zo" and first < last:
        first += 1  # "zo vertelde hij de agent"
    w = toks[first][LOW]
    lo = clause_start(toks, first)
    for i in tegen:
        if i + 1 < n and (toks[i][LOW] == "tegenover" or last < i <= last + 5 or i == lo):
            r = np_after(toks, i + 1, "nl")
            if r is not None and not (r[0] <= first <= r[1]):
                out.append(r)
    end = min(n, last + _WINDOW)
    for j in range(last + 1, min(n, last + _WINDOW)):
        if toks[j][TEXT] in (";", ":") or toks[j][LOW] == "dat":
            end = j
            break
    for i in range(lo, end):
        t = toks[i][LOW]
        if t in _TALK and i + 2 < n and toks[i + 1][LOW] == "met":
            r = np_after(toks, i + 2, "nl")
            if r is not None:
                out.append(r)
        elif t == "in" and i > first and i + 1 < n:
            r = np_after(toks, i + 1, "nl")
            if r is not None and _is_channel(toks, r):
                out.append(r)
        elif t == "aan" and w in _SPOKEN and i in (last + 1, (src[1] + 1) if src else -1):
            r = np_after(toks, i + 1, "nl")
            if r is not None and toks[r[1]][LOW] not in ("het", "de"):
                out.append(r)
        elif t == "met" and i + 1 < n:
            r = np_after(toks, i + 1, "nl")
            if r is not None and any(x[LOW] in _SHARE for x in toks[r[1] + 1 : r[1] + 3]):
                out.append(r)
    if w in _TELL and src is not None and src[0] > first and src[1] + 1 < n:
        r = _np_here(toks, src[1] + 1)  # "vertelde Visser de rechter"
        if r is not None and toks[src[1] + 1][LOW] in nl.DETERMINERS:
            out.append(r)
    return out


def _is_channel(toks: Sequence[Token], r: Range) -> bool:
    """'het blad', 'de krant', 'dagblad Trouw', 'Vrij Nederland, een weekblad': a medium the
    words appeared in."""
    words = [t[LOW] for t in toks[r[0] : r[1] + 1]]
    if r[1] + 2 < len(toks) and toks[r[1] + 1][TEXT] == ",":  # an apposition names the medium
        words += [t[LOW] for t in toks[r[1] + 2 : r[1] + 6]]
    if any(x.endswith(c) for x in words for c in nl.CHANNEL_NOUNS):
        return True
    return OUTLET_WORDS.search(" ".join(t[TEXT] for t in toks[r[0] : r[1] + 1])) is not None


def nl_colon_source(toks: Sequence[Token], first: int, colon: int) -> Range | None:
    """The speaker before a colon: the whole phrase when it is one noun phrase ('De minister:'),
    else the subject of the clause ('De vakbond reageert fel:')."""
    if first >= colon:
        return None
    r = np_after(toks, first, "nl")
    if r is None or r[1] >= colon:
        return (first, colon - 1)
    return r
