"""English span conventions, as the PolNeAR corpus marks them.

The cue with its auxiliaries, negation and adverbs and the preposition that introduces its
content; the whole source noun phrase (title, parenthesis, apposition, coordination; no
leading conjunction or trailing adverb); the content without cue and source, ending at a
clause break, and the whole clause for raising and passive verbs and inserted attributions.
attributions.py calls these for English only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from . import lexicon_en as en
from .cue_model_en import RANK_RATES
from .cues import Cue
from .quotes import QUOTE_CHARS
from .sources import np_before
from .tokens import END, LOW, START, TEXT, Token, is_cap, is_word

LEADING_PREPS = frozenset(["in", "to", "for", "on", "at", "by", "from", "with", "of", "under"])


# English cue spans as PolNeAR marks them: the auxiliaries, negation and adverbs before the
# verb ("has also said", "did not deny"), and a preposition that introduces the content after
# it ("complained about", "called for", "pointed to the report", "said:").
CUE_BEFORE = frozenset(
    """
    has have had is are was were be been being did does do will would could can may might
    should must not never also now first later recently still then just often even once
    already again long previously initially since ever always repeatedly quickly only
    """.split()  # noqa: SIM905
)
CUE_PARTICLES = frozenset(
    ["for", "about", "of", "against", "out", "with", "on", "at", "upon", "off", "over"]
)
SAY = frozenset(
    """
    said says say saying told tell tells telling wrote writes write writing added adds adding
    stated states declared announced reported tweeted posted explained noted argued insisted
    claimed
    """.split()  # noqa: SIM905
)
WRITTEN = frozenset(["statement", "email", "e-mail"])
NP_START = en.DETERMINERS | en.PRONOUNS | {"him", "them", "me", "us"}
DAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])


def cue_extent(
    toks: Sequence[Token], first: int, last: int, rng: tuple[int, int] | None
) -> tuple[int, int]:
    """The token range of an English verb cue as the corpus marks it."""
    stop = rng[1] if rng is not None and rng[1] < first else -1
    while first - 1 > stop:
        w = toks[first - 1][LOW]
        if not (
            w in CUE_BEFORE
            or w.endswith(("n't", "n’t"))
            or (w.endswith("ly") and len(w) > 4 and is_word(toks[first - 1]))
            or (w == "to" and first == last)
        ):
            break
        first -= 1
    n = len(toks)
    if last + 1 < n and not (rng is not None and rng[0] == last + 1):
        nxt = toks[last + 1]
        w = nxt[LOW]
        head = toks[first][LOW]
        if w == ":" or w in DAYS:
            last += 1
        elif (
            w == "in"
            and last + 3 < n
            and toks[last + 2][LOW] in ("a", "an")
            and toks[last + 3][LOW] in WRITTEN
        ):
            last += 3  # "said in a statement": the corpus marks the channel with the verb
        elif head not in SAY and toks[last][LOW] not in SAY:
            to_np = (
                w == "to"
                and last + 2 < n
                and (toks[last + 2][LOW] in NP_START or is_cap(toks[last + 2]))
            )
            if w in CUE_PARTICLES or to_np:
                last += 1
    return first, last


# Words that open a clause, never its subject: "But Mr. Lee said", "As the mayor noted".
NOT_SOURCE_START = frozenset(
    """
    but and as while when after yet though although then now so because since if where before
    or nor whereas once until that
    """.split()  # noqa: SIM905
)
NOT_ADVERBS = frozenset(["family", "ally", "assembly", "supply", "rally", "monopoly", "anomaly"])
APPOSITION_STOP = QUOTE_CHARS | {";", ":", "(", "—", "–"}


def name_like(t: Token) -> bool:
    """A capitalised word or a personal pronoun: one member of a coordinated subject."""
    return is_word(t) and (is_cap(t) or t[LOW] in en.PRONOUNS)


def apposition_start(t: Token) -> bool:
    """A word that opens an apposition: a determiner, a name, a number or who/whose."""
    return is_word(t) and (
        t[LOW] in en.DETERMINERS or t[LOW] in ("who", "whose") or is_cap(t) or t[TEXT][0].isdigit()
    )


ROLE_LINKS = frozenset(["of", "for", "at"])
NOW = frozenset(["now", "also", "once", "formerly"])


def apposition_opens(toks: Sequence[Token], k: int) -> bool:
    """Token k opens an apposition: see apposition_start, or a role without a determiner
    ("director of the center", "senior strategist for the group"), or "now a radio host"."""
    t = toks[k]
    if apposition_start(t):
        return True
    w = t[LOW]
    if w in NOW:
        return k + 1 < len(toks) and toks[k + 1][LOW] in en.DETERMINERS
    if not is_word(t) or w in en.STOP or w.endswith(("ing", "ed", "ly")):
        return False
    for m in range(k + 1, min(k + 4, len(toks))):
        x = toks[m]
        if x[LOW] in ROLE_LINKS:
            return True
        if not is_word(x) or is_cap(x) or x[LOW] in en.STOP or x[LOW].endswith(("ing", "ed")):
            return False
    return False


def source_extent(
    toks: Sequence[Token],
    rng: tuple[int, int],
    cue: Cue,
    after: bool,
    n_end: int,
    skip_back: Callable[[Sequence[Token], int, str], int],
) -> tuple[int, int]:
    """An English source noun phrase as PolNeAR marks it: without a leading conjunction or a
    trailing adverb, with its parenthesis ("Sen. Rand Paul (R-Ky.)") and its apposition
    ("Ms. Diaz, a spokeswoman for the council," before the verb; "said Ms. Diaz, a
    spokeswoman for the council." after it, to the end of the sentence)."""
    i, j = rng
    while i < j and (toks[i][LOW] in NOT_SOURCE_START or not is_word(toks[i])):
        i += 1
    while (
        j > i
        and toks[j][LOW].endswith("ly")
        and not is_cap(toks[j])
        and toks[j][LOW] not in NOT_ADVERBS
    ):
        j -= 1
    n = len(toks)
    if not after and j < cue.first:
        # "Ms. Ruiz, Mr. Hale and Ms. Vos have all criticized": the whole coordination
        if i >= 2 and toks[i - 1][LOW] in ("and", "&"):
            left = np_before(toks, i - 2, "en")
            while left is not None and name_like(toks[left[0]]):
                i = left[0]
                if i >= 2 and toks[i - 1][TEXT] == ",":
                    left = np_before(toks, i - 2, "en")
                else:
                    break
        k = j + 1
        if k < cue.first and toks[k][TEXT] == "(":
            close = k + 1
            while close < cue.first and toks[close][TEXT] != ")" and close - k < 8:
                close += 1
            if close < cue.first and toks[close][TEXT] == ")":
                j = close
                k = close + 1
        if k < cue.first and toks[k][TEXT] == ",":
            v = skip_back(toks, cue.first, "en")
            if k < v and toks[v][TEXT] == "," and v - k < 30 and apposition_opens(toks, k + 1):
                j = v  # "Ms. Diaz, a spokeswoman for the council, said"
    elif (
        after
        and j + 2 < n
        and toks[j + 1][TEXT] == ","
        and apposition_opens(toks, j + 2)
        and (cue.ctype != "prep" or cue.first > 0)  # not "According to X, [the sentence]"
    ):
        k = j + 2
        while k < n and toks[k][TEXT] not in APPOSITION_STOP:
            k += 1
        e = k - 1
        while e > j and not is_word(toks[e]) and toks[e][TEXT] != ")":
            e -= 1
        if k >= n_end and e > j + 1:
            j = e  # "said Ms. Diaz, a spokeswoman for the council."
    return i, j


INVERTING = frozenset(["said", "says", "added", "adds", "wrote", "writes", "noted", "asked"])
TIME_BETWEEN = frozenset(["week", "month", "year", "today", "yesterday", "tonight"])


def adverb(t: Token) -> bool:
    """A lower-case -ly adverb ('widely', 'formally'), not a noun such as 'family'."""
    w = t[LOW]
    return w.endswith("ly") and len(w) > 4 and not is_cap(t) and w not in NOT_ADVERBS


FRONTED = (
    LEADING_PREPS
    | NOT_SOURCE_START
    | frozenset(
        """
        still instead earlier later meanwhile however also indeed yet after during despite back
        last this next among amid over without within
        """.split()  # noqa: SIM905
    )
)


# One-word openers before a sentence subject: "And now Mr. Lee ...", "But then she ...".
OPENERS = NOT_SOURCE_START | frozenset(
    ["still", "instead", "meanwhile", "however", "also", "indeed", "now", "then", "so"]
)


IRREGULAR_PAST = frozenset(
    """
    went came made took gave got left met kept held ran saw found thought knew became began
    brought put set sent spent stood won lost paid led fell rose wrote spoke chose told said
    has have had is are was were will would could can may might must should does did
    """.split()  # noqa: SIM905
)


def verb_like(toks: Sequence[Token], e: int, start: int) -> bool:
    """Token e is (likely) the verb after a subject noun phrase that begins at `start`."""
    w = toks[e][LOW]
    if RANK_RATES.get(w, 0.0) > 0.3 or w in IRREGULAR_PAST:
        return True
    return e >= start + 2 and w.endswith("ed") and not is_cap(toks[e])


CONTENT_END = re.compile(
    r"[;,—–\-a](?:(?<=;)|(?<=,)\s+(?:but|while|whereas|though|although|according|which|"
    r"and\s+(?:said|told|added|says)|(?!including\b)\w+ing\b)|(?<=\s[—–-])[—–-]*\s|"
    r"(?<=\sa)nd\s+(?:said|told|added|says|took|made|gave|went|called|\w+ed\b))"
)  # one character class first: re scans for it in C


def content_end(text: str, b: int, e: int) -> int:
    """The end of English content running from b to at most e, at the first clause break
    outside an open quotation."""
    m = CONTENT_END.search(text, b, e)
    while m is not None:
        before = text[b : m.start()]
        if before.count("“") <= before.count("”") and before.count('"') % 2 == 0:
            end = m.start()
            while end > b and text[end - 1].isspace():
                end -= 1
            return end if end > b else e
        m = CONTENT_END.search(text, m.end(), e)
    return e


def object_after(
    toks: Sequence[Token], k: int, tail_start: int, e: int, not_objects: frozenset[str]
) -> bool:
    """A short object after an English cue is its content ("praised the plan", "denied it"),
    not a time or place phrase ("said on Monday")."""
    if k >= len(toks) or toks[k][START] >= e or not is_word(toks[k]):
        return False
    w = toks[k][LOW]
    return w not in not_objects and toks[k][START] - tail_start < 3


RAISING = frozenset(["seem", "seems", "seemed", "appear", "appears", "appeared"])
BE = frozenset(["is", "are", "was", "were", "be", "been", "being", "'s", "’s"])


def passive(toks: Sequence[Token], cue: Cue, head: int) -> bool:
    """'was criticized', 'has been accused': a be-form before a participle cue."""
    w = toks[head][LOW]
    return (
        w.endswith(("ed", "en", "wn"))
        and w not in SAY
        and any(toks[i][LOW] in BE for i in range(cue.first, head))
    )


def raising(toks: Sequence[Token], cue: Cue, head: int) -> bool:
    """'X seems to', 'X appeared ...', 'X is expected to': X is part of the content."""
    w = toks[head][LOW]
    if w in RAISING:
        return True
    return w == "expected" and any(toks[i][LOW] in BE for i in range(cue.first, head))


def whole_content(
    text: str,
    toks: Sequence[Token],
    cue: Cue,
    rng: tuple[int, int] | None,
    after: bool,
    raising: bool,
    s_start: int,
    s_end: int,
) -> tuple[int, int] | None:
    """The content around an English cue, as the corpus spans it (from its first to its last
    word): the clause from its subject for a raising verb, the whole sentence for an inserted
    attribution ("The plan, he said, was dead.", '"...," she said, "..."')."""
    e = s_end
    while e > s_start and text[e - 1] in ".!?…":
        e -= 1
    if raising:
        start = toks[rng[0]][START] if rng is not None and not after else s_start
        end = content_end(text, toks[cue.last][END], e)
        return (start, end) if start < toks[cue.first][START] < end else None
    if rng is None:
        return None
    first = min(rng[0], cue.first)
    last = max(rng[1], cue.last)
    n = len(toks)
    if (
        first > 0
        and last + 2 < n
        and toks[last + 1][TEXT] == ","
        and (toks[first - 1][TEXT] == "," or toks[first - 1][TEXT] in QUOTE_CHARS)
        and is_word(toks[first - 2] if first > 1 else toks[0])
        and (is_word(toks[last + 2]) or toks[last + 2][TEXT] in QUOTE_CHARS)
    ):
        return (s_start, e)
    return None


PREP_SOURCE_STOP = APPOSITION_STOP | {",", ".", "!", "?", ")", "-"}
PREP_SOURCE_MAX = 25  # tokens


def prep_source_extent(toks: Sequence[Token], rng: tuple[int, int], cue: Cue) -> tuple[int, int]:
    """The source after 'according to' as the corpus marks it: the whole phrase to the end of
    its clause ("a Gallup poll released Thursday", "a new article in Politico"), not the
    noun phrase alone; an abbreviation's dot stays inside ("through Jan. 31"). Before its
    content ("According to X, ...") the phrase must end at a comma."""
    i, j = rng
    n = len(toks)
    k = j + 1
    while k < n and k - i < PREP_SOURCE_MAX:
        t = toks[k][TEXT]
        if t == "." and k + 1 < n and is_word(toks[k + 1]) and not is_cap(toks[k + 1]):
            k += 1  # "Jan. 31": an abbreviation inside the phrase
            continue
        if t in PREP_SOURCE_STOP or t == "." or toks[k][LOW] == "according":
            break
        k += 1
    if k - i >= PREP_SOURCE_MAX:
        return rng
    if (cue.first == 0 or toks[cue.first - 1][TEXT] != ",") and (k >= n or toks[k][TEXT] != ","):
        return rng  # "According to Smith the plan ...": where the phrase ends is unclear
    return i, max(j, k - 1)


# A sentence that opens with one of these (or with its cue: "Asked about ..., the mayor")
# puts the cue in a fronted clause; its content ends where the main clause begins.
FRONT_SUBORDINATORS = frozenset(
    """
    if after when while before since although though because once as unless until whether
    """.split()  # noqa: SIM905
)


def fronted_clause_end(toks: Sequence[Token], b: int, e: int) -> int:
    """The end of content (from offset b to at most e) in a fronted clause: the comma before
    the main clause's subject ("If voters believe X, the party ...": "X")."""
    depth = 0
    for i, t in enumerate(toks):
        if t[START] < b:
            continue
        if t[START] >= e:
            break
        if t[TEXT] in QUOTE_CHARS:
            depth ^= 1
        elif t[TEXT] == "," and not depth and i + 1 < len(toks):
            nxt = toks[i + 1]
            if is_word(nxt) and (
                nxt[LOW] in en.DETERMINERS or nxt[LOW] in en.PRONOUNS or is_cap(nxt)
            ):
                return t[START]
    return e
