"""Attributions of one sentence: cue, primary source, intermediaries (via) and content."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from . import lexicon_en as en
from . import lexicon_nl as nl
from . import spans_en
from .clauses_nl import nl_colon_source, nl_noun_source, own_subject
from .clauses_nl import source_range as nl_source_range
from .clauses_nl import via_ranges as nl_via_ranges
from .cues import Cue, find_cues
from .quotes import QUOTE_CHARS
from .records import KnownMatch
from .sentences import Segment
from .sources import TITLES, mention, np_after, np_before
from .tokens import END, LOW, START, TEXT, Token, is_cap, is_word
from .types import Attribution, SourceMention, Span

_TIME_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tonight",
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
        "gisteren",
        "vandaag",
        "eerder",
        "ook",
        "nog",
        "later",
        "vanochtend",
        "vanmiddag",
        "vanavond",
        "afgelopen",
        "woensdagavond",
        "in",
        "on",
        "at",
    ]
)
_LEADING_PREPS = frozenset(["in", "to", "for", "on", "at", "by", "from", "with", "of", "under"])


def _skip_back(toks: Sequence[Token], k: int, lang: str) -> int:
    aux = nl.AUX if lang == "nl" else en.AUX
    j = k - 1
    while j >= 0:
        if toks[j][LOW] in aux and not (lang == "nl" and toks[j][LOW] in nl.PRONOUNS):
            j -= 1
        elif toks[j][TEXT] == ")":
            # "Sanne de Jong (GroenLinks) zegt", "Rubio (R-Fla.) said"
            o = j - 1
            while o >= 0 and toks[o][TEXT] != "(" and j - o < 8:
                o -= 1
            if o < 0 or toks[o][TEXT] != "(":
                break
            j = o - 1
        else:
            break
    return j


def _subject_of_clause(toks: Sequence[Token], j: int, lang: str) -> tuple[int, int] | None:
    """The first noun phrase of the clause that ends at token j (for 'X, ..., said')."""
    i = j
    depth = 0
    while i >= 0:
        if toks[i][TEXT] == ",":
            depth += 1
            if depth == 2:
                break
        i -= 1
    # toks[i+1 ..] starts the clause; the subject is the phrase before the first comma after it
    k = i + 1
    while k <= j and toks[k][TEXT] != ",":
        k += 1
    if k - 1 >= i + 1:
        return np_before(toks, k - 1, lang)
    return None


def _source_range(
    toks: Sequence[Token], cue: Cue, lang: str
) -> tuple[tuple[int, int] | None, bool]:
    """(token range of the source, source_after_cue)."""
    n = len(toks)
    if cue.ctype in ("prep", "cite", "dash"):
        return np_after(toks, cue.last + 1, lang), True
    if cue.ctype == "noun":
        return np_after(toks, cue.last + 2, lang), True
    if cue.ctype == "possessive":
        rng = np_before(toks, cue.first - 1, lang)
        if rng is not None and rng[0] < rng[1] and toks[rng[0]][LOW] in _LEADING_PREPS:
            rng = (rng[0] + 1, rng[1])  # "In Garcia's view": the possessor, not "In"
        return rng, False
    if cue.ctype in ("uit", "in"):
        # "Uit het rapport blijkt dat ...", "In het rapport staat dat ..."
        for i in range(cue.first - 1, -1, -1):
            if toks[i][LOW] == cue.ctype:
                return np_after(toks, i + 1, lang), False
        return None, False
    if cue.ctype == "colon":
        first = 1 if toks[0][TEXT] in QUOTE_CHARS else 0
        if lang == "nl":
            return nl_colon_source(toks, first, cue.first), False
        return (first, cue.first - 1), False
    if cue.ctype == "own":  # "naar eigen zeggen"
        return own_subject(toks, cue.first, cue.last), False
    if cue.ctype == "noun_dat":
        return nl_noun_source(toks, cue.first), False  # "Mays verwijt dat", "een briefje dat"
    k, last = cue.first, cue.last
    if toks[k][LOW] == "zo" and k < last:
        k += 1  # "zo zegt X"
    after = last + 1
    if lang == "nl":
        return nl_source_range(toks, cue.first, cue.last)
    j = _skip_back(toks, k, lang)
    while j > 0 and (
        toks[j][LOW] in spans_en.TIME_BETWEEN
        or (toks[j][LOW] in spans_en.DAYS and is_cap(toks[j]))
        or (spans_en.adverb(toks[j]) and (is_word(toks[j - 1]) or toks[j - 1][TEXT] == ")"))
    ):
        # "Trump on Friday endorsed", "the senator this week said"
        j -= 1
        if toks[j][LOW] in ("on", "this", "last", "earlier", "later", "next"):
            j -= 1
        j = _skip_back(toks, j + 1, lang)
    if (
        j > 0
        and toks[j][TEXT] == "."
        and is_cap(toks[j - 1])
        and (toks[j - 1][LOW] in ("jr", "sr") or len(toks[j - 1][TEXT]) == 1)
    ):
        rng = np_before(toks, j - 1, lang)  # "Joseph R. Biden Jr. said"
        if rng is not None:
            return (rng[0], j), False
    if j > 0 and toks[j][LOW] in ("all", "both", "each") and is_word(toks[j - 1]):
        j = _skip_back(toks, j, lang)  # "Carson, Cruz and Paul have all attacked"
    if j < 0 or not is_word(toks[j]):
        probe = after
        while (
            probe < n
            and toks[probe][LOW] in _TIME_WORDS
            and probe + 1 < n
            and toks[probe][LOW] not in ("in", "on", "at")
        ):
            probe += 1
        if (
            toks[k][LOW].endswith("ing")
            and j > 0
            and toks[j][TEXT] in QUOTE_CHARS
            and (toks[j - 1][TEXT] == "," or toks[j - 1][TEXT] in QUOTE_CHARS)
        ):
            return _first_np(toks, j, lang), False  # '... the "Golden Week," saying that'
        if j >= 0 and toks[j][TEXT] == "," and not _after_quote(toks, j):
            if toks[k][LOW].endswith("ing"):
                return _first_np(toks, j, lang), False
            if toks[k][LOW].endswith("ed") and k + 2 < n and toks[k + 1][LOW] == "by":
                return np_after(toks, k + 2, lang), True  # "The bill, opposed by the union,"
            if (
                toks[k][LOW] in spans_en.INVERTING
                and probe < n
                and is_word(toks[probe])
                and (is_cap(toks[probe]) or toks[probe][LOW] in en.DETERMINERS)
            ):
                inv = np_after(toks, probe, lang)  # "..., said James Henson, director ..."
                if inv is not None and (inv[1] + 1 >= n or toks[inv[1] + 1][TEXT] in ",.;"):
                    return inv, True
            sub = _subject_of_clause(toks, j - 1, lang)
            if sub is not None:
                return sub, False
        if probe < n and is_word(toks[probe]) and toks[probe][LOW] not in ("that", "to", "it"):
            return np_after(toks, probe, lang), True
        return None, False
    if toks[j][LOW] in ("and", "but", "to", "also") or toks[j][LOW] in en.STOP:
        if toks[j][LOW] in ("who", "which", "that"):
            return (j, j), False
        return _first_np(toks, j, lang), False
    return np_before(toks, j, lang), False


def _after_quote(toks: Sequence[Token], j: int) -> bool:
    return (j >= 1 and (toks[j - 1][TEXT] in QUOTE_CHARS)) or (
        j + 1 < len(toks) and toks[j + 1][TEXT] in QUOTE_CHARS
    )


def _first_np(toks: Sequence[Token], j: int, lang: str) -> tuple[int, int] | None:
    """The sentence subject: the noun phrase before the first verb-like gap."""
    pronouns = nl.PRONOUNS if lang == "nl" else en.PRONOUNS
    start = 0
    if lang == "en" and toks and (toks[0][LOW] in spans_en.FRONTED or toks[0][LOW] in _TIME_WORDS):
        # "On Thursday, he said ...", "Still, the mayor insisted ...": after the fronted phrase
        start = next(
            (
                i + 1
                for i in range(min(j - 1, 25))
                if toks[i][TEXT] == ","
                and (
                    is_cap(toks[i + 1])
                    or toks[i + 1][LOW] in pronouns
                    or toks[i + 1][LOW] in en.DETERMINERS
                )
            ),
            0,
        )
        while not start or start >= j:
            # "And so Ms. Ortega has agreed to ..., hoping": after the opening words
            start = next((i for i in range(min(j, 4)) if toks[i][LOW] not in spans_en.OPENERS), 0)
            if not start:
                return None
    for i in range(start, min(j, start + 12)):
        t = toks[i]
        if t[LOW] in pronouns:
            return (i, i)
        if lang == "en" and t[LOW] in en.DETERMINERS:
            rng = np_after(toks, i, lang)  # "The mayor is also expected to"
            if rng is None or rng[1] >= j:
                return None
            end = next((e for e in range(i + 1, rng[1] + 1) if spans_en.verb_like(toks, e, i)), 0)
            return (i, end - 1) if end else rng  # "The coach said ..., adding": not "said"
        if is_word(t) and is_cap(t):
            end = i
            while end + 1 < j and (
                (is_word(toks[end + 1]) and is_cap(toks[end + 1]))
                or (lang == "en" and toks[end + 1][TEXT] == "." and toks[end][LOW] in TITLES)
            ):
                end += 1
            return np_before(toks, end, lang)
        if t[TEXT] in QUOTE_CHARS or t[TEXT] == ",":
            continue
        if is_word(t) and t[LOW] not in (en.DETERMINERS | nl.DETERMINERS):
            break
    return None


def _via_ranges(toks: Sequence[Token], cue: Cue, lang: str) -> list[tuple[int, int]]:
    """Addressees: 'told X' (Dutch ones: clauses_nl.via_ranges)."""
    out: list[tuple[int, int]] = []
    w = toks[cue.first][LOW]
    if lang == "en" and w in ("told", "tells", "telling", "tell"):
        r = np_after(toks, cue.last + 1, lang)
        if r is not None:
            out.append(r)
    return out


_NOT_OBJECTS = _LEADING_PREPS | _TIME_WORDS
_TWELVE_ALNUM = re.compile(r"(?:[\W_]*[^\W_]){12}")  # twelve letters or digits


def _content(
    text: str,
    toks: Sequence[Token],
    cue: Cue,
    src: tuple[int, int] | None,
    after: bool,
    s_start: int,
    s_end: int,
    lang: str = "nl",
) -> tuple[int, int]:
    """The reported content: after the cue (and its source) or before it."""
    last = cue.last
    if src is not None and after:
        last = max(last, src[1])
    tail_start = toks[last][END] if last < len(toks) else s_end
    tail = text[tail_start:s_end]
    e = s_end
    while e > s_start and text[e - 1] in ".!?…":
        e -= 1
    if (
        cue.ctype == "colon"
        or _TWELVE_ALNUM.match(tail, 0, 80)
        or (lang == "en" and spans_en.object_after(toks, last + 1, tail_start, e, _NOT_OBJECTS))
    ):
        b = tail_start
        prev_end = tail_start
        for t in toks[last + 1 : last + 7]:
            if t[START] - prev_end > 8:
                break  # the words of a long quotation were left out: it is the content
            if t[LOW] == "dat":
                b = t[END]
                break
            if t[LOW] == "that":
                b = t[START]  # PolNeAR: the English content holds its complementizer
                break
            if lang == "en" and t[LOW] in ("and", "but", ",", ";"):
                break  # "said she would run and added that ...": not this cue's "that"
            prev_end = t[END]
        while b < e and (text[b].isspace() or text[b] in ",:;"):
            b += 1
        if lang == "en" and cue.ctype != "colon":
            e = spans_en.content_end(text, b, e)
            if toks[0][LOW] in spans_en.FRONT_SUBORDINATORS or cue.first == 0:
                e = spans_en.fronted_clause_end(toks, b, e)
        return (b, e) if b < e else (s_start, s_end)
    head_end = toks[min(cue.first, src[0] if src else cue.first)][START]
    while head_end > s_start and (text[head_end - 1].isspace() or text[head_end - 1] in ",;:-–"):
        head_end -= 1
    return (s_start, head_end) if head_end > s_start else (s_start, s_end)


# Where English reported content ends: a semicolon, a dash, or a comma that opens another
# clause ("..., but", "..., while", "..., adding that", "..., according to").
def sentence_attributions(
    text: str, toks: Sequence[Token], lang: str, seg: Segment, known: list[KnownMatch]
) -> list[Attribution]:
    """All attributions in one sentence `seg` (its tokens `toks`), in cue order; `known` are
    the registry names in it."""
    s_start, s_end, quotes, heading = seg.start, seg.end, seg.quotes, seg.kind == "heading"
    quoted = bool(quotes) and any(b - a > 8 for a, b in quotes)
    tegen = (
        [i for i, t in enumerate(toks) if t[LOW] in ("tegenover", "tegen")] if lang == "nl" else []
    )
    out: list[Attribution] = []
    prep_ends: set[int] = set()
    prev_end = -1  # the last token of the previous attribution's cue and source
    prev_rng: tuple[int, int] | None = None
    for cue in find_cues(toks, lang, heading, bool(quotes)):
        if cue.first in prep_ends and lang == "nl":
            continue  # "Volgens X meldden ...": the clause's verb, not a second attribution
        if quotes and any(
            a < toks[cue.first][START] and toks[cue.last][END] < b for a, b in quotes
        ):
            continue  # a cue inside a quotation belongs to the quoted words, not to the article
        if cue.ctype == "hearsay":
            a, b = toks[cue.first][START], toks[cue.last][END]
            hv = (
                [mention(text, toks, r, lang, known) for r in _nl_hearsay_via(toks, cue, tegen)]
                if tegen
                else []
            )
            out.append(Attribution("hearsay", Span(a, b, text[a:b]), None, hv, (s_start, s_end)))
            continue
        rng, after = _source_range(toks, cue, lang)
        if cue.ctype == "noun_dat" and rng is None:
            continue  # "Het bericht dat de fabriek sluit, ...": nobody reports it here
        inherited = False
        if (
            lang == "en"
            and prev_end >= 0
            and prev_rng is not None
            and toks[cue.first][LOW].endswith("ing")
            and cue.first == prev_end + 2
            and toks[prev_end + 1][TEXT] == ","
        ):
            rng, after = prev_rng, False  # '"...," McCain said, citing low growth'
            inherited = True
        if cue.ctype == "prep" and rng is not None:
            prep_ends.add(rng[1] + 1)
        if lang == "en" and rng is not None and rng[0] <= rng[1]:
            rng = spans_en.source_extent(toks, rng, cue, after, len(toks), _skip_back)
            if cue.ctype == "prep":
                rng = spans_en.prep_source_extent(toks, rng, cue)
        first, last = cue.first, cue.last
        head = first
        if rng is not None and first < rng[0] <= last:
            last = first  # "laat een woordvoerder weten": the cue is the finite verb
        if lang == "en" and cue.ctype == "verb":
            first, last = spans_en.cue_extent(toks, first, last, rng)
            if (first, last) != (cue.first, cue.last):
                cue = Cue(first, last, cue.ctype)  # noqa: PLW2901 -- the widened cue
        cue_span = Span(
            toks[first][START], toks[last][END], text[toks[first][START] : toks[last][END]]
        )
        source: SourceMention | None = None
        if rng is not None and rng[0] <= rng[1] and not (rng[0] <= cue.first <= rng[1]):
            source = mention(text, toks, rng, lang, known)
            end = toks[rng[1]][END]
            if lang == "en" and source.end < end and text[end - 1] in ",).":
                # the corpus keeps an apposition's closing comma, a parenthesis, "Jr."
                source = SourceMention(source.start, end, text[source.start : end], source.kind)
        via_rngs = (
            nl_via_ranges(toks, cue.first, cue.last, rng, tegen)
            if lang == "nl" and cue.ctype in ("verb", "colon")
            else _via_ranges(toks, cue, lang)
        )
        via = [mention(text, toks, r, lang, known) for r in via_rngs]
        if via:
            via = [v for v in via if source is None or v.start != source.start]
        if lang == "en" and via_rngs and via_rngs[0][0] == cue.last + 1:
            # "told reporters the plan was dead": the content follows the addressee
            content = _content(text, toks, cue, via_rngs[0], True, s_start, s_end, lang)
        else:
            content = _content(text, toks, cue, rng, after, s_start, s_end, lang)
        if quotes:
            before = [q for q in quotes if q[1] <= toks[cue.first][START]]
            near = toks[cue.first][START]
            if lang == "en" and rng is not None and not after and not inherited:
                near = min(near, toks[rng[0]][START])  # '"...," Lopez said'
            if (
                before
                and before[-1][1] >= near - 4
                and not (lang == "en" and rng is not None and toks[rng[1]][END] <= before[-1][0])
            ):
                content = before[-1]  # '"...," zegt X': the quote is the content
        if lang == "en" and cue.ctype == "verb":
            raising = spans_en.raising(toks, cue, head)
            if raising:
                source = None  # "The vote is expected to ...": nobody is said to expect it
            elif spans_en.passive(toks, cue, head) and (rng is None or rng[1] < cue.first):
                # "The plan was criticized by the union": the agent is the source, the
                # subject belongs to the content
                raising = True
                n = len(toks)
                by = cue.last + 1
                agent = np_after(toks, by + 1, lang) if by < n and toks[by][LOW] == "by" else None
                source = mention(text, toks, agent, lang, known) if agent is not None else None
            whole = spans_en.whole_content(text, toks, cue, rng, after, raising, s_start, s_end)
            if whole is not None:
                content = whole
        if (
            lang == "en"
            and cue.ctype == "prep"
            and cue.first >= 2
            and toks[cue.first - 1][TEXT] == ","
            and is_word(toks[cue.first - 2]) | (toks[cue.first - 2][TEXT] in QUOTE_CHARS)
        ):
            content = (s_start, toks[cue.first - 2][END])  # "..., according to the poll"
        kind = "quote" if quoted or cue.ctype in ("colon", "dash") else "reported"
        out.append(Attribution(kind, cue_span, source, via, content))
        prev_end = max(cue.last, rng[1]) if rng is not None and source is not None else cue.last
        prev_rng = rng if source is not None else None
    if lang == "en" and len(out) > 1:
        return _en_before_next(text, out)
    return _nl_tags(toks, _nl_relays(out)) if lang == "nl" and len(out) > 1 else out


_NEXT_CLAUSE = re.compile(r"(?:,(?:\s+(?:and|but|while|whereas))?|;)\s")


def _en_before_next(text: str, atts: list[Attribution]) -> list[Attribution]:
    """'X said A, and Y said B': the content of a cue ends before the clause that holds the
    next cue of the sentence (its source and cue); a clause break must lie between them."""
    out = list(atts)
    for i in range(len(out) - 1):
        a, nxt = out[i], out[i + 1]
        if a.cue is None or nxt.cue is None:
            continue
        c0, c1 = a.content
        stop = nxt.cue.start
        if nxt.source is not None and a.cue.end <= nxt.source.start < stop:
            stop = nxt.source.start
        if not (a.cue.end <= c0 < stop < c1):
            continue
        last = None
        for m in _NEXT_CLAUSE.finditer(text, c0, stop):
            last = m
        if last is not None and last.start() > c0:
            out[i] = replace(a, content=(c0, last.start()))
    return out


_RELAY_VERBS = frozenset(
    ["schrijft", "schreef", "meldt", "meldde", "bericht", "berichtte", "berichten", "melden"]
)


def _nl_relays(atts: list[Attribution]) -> list[Attribution]:
    """'De advocaat vindt ..., schrijft de krant': an outlet relaying the speaker of the same
    sentence is a via of that attribution, not a second source."""
    out: list[Attribution] = []
    for a in atts:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.source is not None
            and prev.kind != "hearsay"
            and a.cue is not None
            and a.cue.text.lower() in _RELAY_VERBS
            and a.source is not None
            and a.source.kind == "outlet"
            and a.source.start > prev.source.start
        ):
            out[-1] = replace(prev, via=[*prev.via, a.source])
            continue
        out.append(a)
    return out


def _nl_tags(toks: Sequence[Token], atts: list[Attribution]) -> list[Attribution]:
    """'De NS verwacht ..., aldus een woordvoerster': a tag ending the sentence reports the
    whole sentence, the attribution inside it is part of its content."""
    last = atts[-1]
    if last.cue is None or last.source is None or last.kind == "hearsay":
        return atts
    k = next((i for i, t in enumerate(toks) if t[START] == last.cue.start), -1)
    if k < 1 or toks[k - 1][TEXT] != "," or last.source.start < last.cue.end:
        return atts
    rest = [t for t in toks if t[START] >= last.source.end]
    if any(is_word(t) for t in rest):
        return atts  # "..., waarschuwt de inspectie voor tekorten": a clause of its own
    if not any(a.source is not None and a.kind != "hearsay" for a in atts[:-1]):
        return atts
    return [replace(last, content=(atts[0].content[0], last.content[1]))]


def _nl_hearsay_via(toks: Sequence[Token], cue: Cue, tegen: list[int]) -> list[tuple[int, int]]:
    """'Zij zou tegenover X hebben gezegd': the addressee of hearsay words."""
    out = []
    for i in tegen:
        if i > cue.first and toks[i][LOW] == "tegenover":
            r = np_after(toks, i + 1, "nl")
            if r is not None:
                out.append(r)
    return out


def merge_chains(atts: list[Attribution]) -> list[Attribution]:
    """'X, citing Y, said ...': the verb's attribution gets source Y and via [X]."""
    cites = [a for a in atts if a.cue is not None and a.cue.text.lower() == "citing"]
    cite = next((c for c in cites if c.source is not None), None)
    if cite is None or cite.source is None:
        return atts
    out: list[Attribution] = []
    merged = False
    for a in atts:
        if a in cites or a.source is None or a.kind == "hearsay":
            continue
        out.append(
            Attribution(a.kind, a.cue, cite.source, [a.source, *a.via], a.content, a.implicit)
        )
        merged = True
    return out if merged else atts
