"""Attribution across sentences: speakers carried over, cataphora, pronouns and short names.

The sentence pass finds each sentence's own attributions; this pass reads the article as a
whole. In text order it

- finds the speaker of a quotation that ends in an inverted speech clause the cue lexicon does
  not know ('"...", fulmineerde de trainer', '"...", wordt hij geciteerd'), so that a new
  speaker is never missed;
- resolves a source that is a pronoun, a bare surname, a title and surname or a role ("hij",
  "De Vries", "Mr. Obama", "de socioloog") to the nearest compatible fuller mention earlier in
  the article (`SourceMention.resolved`; the source keeps its own words; coreference.py);
- gives the sentences closed by a cataphoric carrier ("Dat zegt X.", "Zo wordt Y door X
  omschreven.", "That is what X said.") and a quoted headline above them to X;
- gives the sentences of a quotation that runs over several sentences the speaker one of
  them names (before or after), or the one carried over to its first sentence;
- carries a speaker over to the quotations that follow without a cue of their own, until
  another speaker, a subhead or a gap ends it;
- in Dutch only (English news repeats its cues, see link_sentences): gives a cue-less
  quotation after a sentence that opens with a named person to that person, the paper's
  one-sentence paraphrase between two sentences of one speaker to that speaker, and the rest
  of a short paragraph after "Volgens X" to X.

Every carried-over attribution is `implicit`, has no cue, and its content is its own sentence;
hearsay sentences stay hearsay (their source is not said).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import lexicon_en, lexicon_nl
from .coreference import DASHES, PREPOSITIONS, PRONOUNS, Resolver
from .sentences import Segment
from .sources import mention, np_after
from .tokens import END, LOW, START, TEXT, is_cap, is_word, tokenize
from .types import Attribution, SourceMention, Span

# --- carriers and cues --------------------------------------------------------------------

_CATAPHORIC = frozenset(["dat", "dit", "zo", "that", "this", "so", "thus"])
_EN_CARRIER = re.compile(
    r"(?:that|this)(?:'s|’s|\s+is|\s+was)\s+(?:what|according\s+to|the\s+conclusion\s+of)\b",
    re.IGNORECASE,
)
_CARRIER_HEAD = re.compile(r"(?:dat|dit|zo|aldus|that|this|so|thus)\b", re.IGNORECASE)
_ACCORDING = frozenset(["volgens", "according to", "aldus"])
_OPENERS = frozenset("\"“„‘'«‚")
_NO_VERB = frozenset(
    """
    zo en maar want of dus toen terwijl waarna nadat omdat als dan nu daarna and but or so
    while when after before because then now which who that die dat
    """.split()  # noqa: SIM905
)

_PASSIVE_AUX = frozenset(["wordt", "werd", "is", "was"])
_CITED = frozenset(["geciteerd", "aangehaald", "quoted", "cited"])
_CARRY_GAP = 4  # segments after the speaker's last sentence that a cue-less quote may follow
_BACK = 3  # sentences a cataphoric carrier closes at most
_SHORT_PARAGRAPH = 4  # sentences: a "Volgens X" paragraph that is X's account


def opens_quote(text: str, seg: Segment) -> bool:
    """True when the sentence starts with a quotation mark (after a dash)."""
    i = seg.start
    while i < seg.end and (text[i] in DASHES or text[i].isspace()):
        i += 1
    return i < seg.end and (text[i] in _OPENERS or text.startswith(",,", i))


def _same_speaker(a: SourceMention, b: SourceMention) -> bool:
    def key(m: SourceMention) -> str:
        t = (m.resolved.text if m.resolved else m.text).lower()
        return t.split()[-1] if t.split() else t

    return key(a) == key(b)


def _implicit(kind: str, src: SourceMention, via: list[SourceMention], seg: Segment) -> Attribution:
    return Attribution(kind, None, src, list(via), (seg.start, seg.end), implicit=True)


def quote_tail(text: str, seg: Segment, lg: str) -> Attribution | None:
    """'"...", fulmineerde Sloetski.': a quotation that opens the sentence and is followed by
    an inverted speech clause (finite verb, then its subject) names its own speaker."""
    if not seg.quotes or not (seg.joined or opens_quote(text, seg)):
        return None
    qa, qb = seg.quotes[0]
    if qa > seg.start + 2 or (qb - qa < (seg.end - seg.start) // 2 and seg.end - qb > 100):
        return None
    inner = text[qb - 3 : qb + 1]
    if "," not in inner and "?" not in inner and "!" not in inner:
        return None
    toks = tokenize(text, qb, min(seg.end, qb + 200))
    i = 0
    if i < len(toks) and toks[i][TEXT] == ",":
        i += 1
    if i + 1 >= len(toks):
        return None
    verb = toks[i]
    stop = lexicon_nl.STOP if lg == "nl" else lexicon_en.STOP
    if (
        not is_word(verb)
        or is_cap(verb)
        or len(verb[LOW]) < 3
        or (verb[LOW] in stop and verb[LOW] not in _PASSIVE_AUX)
        or verb[LOW] in _NO_VERB
        or verb[LOW] in PREPOSITIONS
        or verb[LOW] in PRONOUNS
        or verb[LOW] in lexicon_en.DETERMINERS
        or verb[LOW] in lexicon_nl.DETERMINERS
        or verb[TEXT][0].isdigit()
    ):
        return None
    nxt = toks[i + 1]
    dets = lexicon_nl.DETERMINERS if lg == "nl" else lexicon_en.DETERMINERS
    if not is_word(nxt) or not (
        is_cap(nxt) or nxt[LOW] in dets or nxt[LOW] in ("hij", "zij", "ze", "he", "she", "they")
    ):
        return None
    rng = np_after(toks, i + 1, lg)
    if rng is None:
        return None
    if verb[LOW] in _PASSIVE_AUX and not (
        rng[1] + 1 < len(toks) and toks[rng[1] + 1][LOW] in _CITED
    ):
        return None  # '"...", wordt hij geciteerd', not '"...", werd de zaal stil'
    src = mention(text, toks, rng, lg, [])
    if src.text.lower() in ("die", "dat", "dit", "het", "it", "that", "this"):
        return None
    return Attribution("quote", Span(verb[START], verb[END], verb[TEXT]), src, [], (qa, qb))


_PASSIVE_CARRIER = re.compile(
    r"(?:Zo|Dat|Dit|Aldus)\s+(?:wordt|werd|worden|werden)\s.{0,100}?\bdoor\s"
)


def passive_carrier(text: str, seg: Segment) -> Attribution | None:
    """'Zo wordt hij door bekenden omschreven.': a passive carrier names its agent after
    'door' and ends in the participle; it attributes the sentences before it."""
    m = _PASSIVE_CARRIER.match(text, seg.start, seg.end)
    if m is None:
        return None
    toks = tokenize(text, m.end(), seg.end)
    while toks and not is_word(toks[-1]):
        toks.pop()
    rng = np_after(toks, 0, "nl")
    if rng is None or rng[1] != len(toks) - 2 or is_cap(toks[-1]):
        return None
    part = toks[-1]
    src = mention(text, toks, rng, "nl", [])
    return Attribution(
        "reported", Span(part[START], part[END], part[TEXT]), src, [], (seg.start, seg.end)
    )


def _is_carrier(text: str, seg: Segment, att: Attribution) -> bool:
    """'Dat zegt X.', 'Dit meldt de politie.', 'That is what X said.': a short sentence that
    attributes what came before it, with no content of its own."""
    if att.cue is None or att.implicit or seg.quotes:
        return False
    if _CARRIER_HEAD.match(text, seg.start, seg.end) is None:
        return False
    if _PASSIVE_CARRIER.match(text, seg.start, seg.end):
        return True
    head = text[seg.start : min(att.cue.start, seg.start + 12)].strip().lower()
    if head in _CATAPHORIC and att.cue.start - seg.start < 12:
        rest = text[att.cue.end : min(seg.end, att.cue.end + 200)].lower()
        return " dat " not in rest.split(",")[0] and " that " not in rest.split(",")[0]
    return bool(_EN_CARRIER.match(text, seg.start, seg.end))


def link_sentences(
    text: str, lg: str, segs: Sequence[Segment], chosen: list[list[Attribution]]
) -> None:
    """The cross-sentence pass: fills and rewrites `chosen` (one list per segment) in place."""
    n = len(segs)
    if n == 0:
        return
    res = Resolver(text, lg, segs)
    top = _title_block(segs)
    # 1. Speakers of inverted quotations, resolution of explicit sources, in text order.
    for k in range(n):
        atts = chosen[k]
        if not atts and segs[k].kind != "heading":
            tail = quote_tail(text, segs[k], lg)
            if tail is None and lg == "nl":
                tail = passive_carrier(text, segs[k])
            if tail is not None:
                atts = chosen[k] = [tail]
        if atts:
            chosen[k] = atts = [res.resolve(a, k) for a in atts]
            for a in atts:
                if a.source is not None and a.kind != "hearsay":
                    res.add_speaker(k, a.source)
            # 2. A cataphoric carrier closes the sentences before it.
            for a in atts:
                if a.source is not None and _is_carrier(text, segs[k], a):
                    _close_before(text, segs, chosen, k, a, top)
                    break
    # 3. Quotations without a cue keep the last speaker; a paraphrase between two sentences of
    #    one speaker is that speaker's; a short "Volgens X" paragraph is X's account.
    _quote_runs(segs, chosen)
    _carry_over(text, segs, chosen, res)
    if lg == "nl":
        # Dutch news often gives a speaker's account without a cue in every sentence; English
        # news repeats its cue ("he said"), and there a cue-less sentence between two of a
        # speaker's, or after "According to X", is the paper's narration (PolNeAR train: 20
        # of 145 such sentences fall inside an annotated content).
        _bridge(text, segs, chosen)
        _according_paragraphs(text, segs, chosen)


def _title_block(segs: Sequence[Segment]) -> int:
    """How many segments open the article as its title block: leading headings and the
    sentences of the first line (at most three; none when the article is one long line)."""
    end = 0
    while end < len(segs) and (
        segs[end].kind == "heading" or segs[end].paragraph == segs[0].paragraph
    ):
        end += 1
        if end > 3:
            return 0
    return end if end < len(segs) else 0


def _close_before(
    text: str,
    segs: Sequence[Segment],
    chosen: list[list[Attribution]],
    k: int,
    a: Attribution,
    top: int,
) -> None:
    """The sentences a cataphoric carrier at k closes get its source (and a quoted headline
    above them when they open the article; `top` is the size of the title block)."""
    assert a.source is not None
    para = segs[k].paragraph
    j = k - 1
    while j >= 0 and k - j <= _BACK:
        s = segs[j]
        if chosen[j] or s.kind == "heading" or s.paragraph != para:
            break
        kind = "quote" if s.quotes or opens_quote(text, s) else "reported"
        chosen[j] = [_implicit(kind, a.source, a.via, s)]
        j -= 1
    if j < top and j + 1 < k:
        # A quoted headline above the opening sentences is the same speaker's.
        for i in range(j + 1):
            if not chosen[i] and segs[i].quotes:
                chosen[i] = [_implicit("quote", a.source, a.via, segs[i])]


def _carry_over(
    text: str, segs: Sequence[Segment], chosen: list[list[Attribution]], res: Resolver
) -> None:
    last: Attribution | None = None
    last_seg = -1
    for k, s in enumerate(segs):
        atts = chosen[k]
        if s.kind == "heading" and not opens_quote(text, s):
            last = None  # a subhead ends the carry-over (a quotation on a line of its own not)
            continue
        if atts:
            if atts[0].implicit and last is not None and atts[0].source is last.source:
                last_seg = k
                continue
            main = _speaker(atts)  # the first: the main clause's speaker
            if main is not None:
                last, last_seg = main, k
            continue
        if s.joined and last is not None and last.source is not None and last_seg == k - 1:
            # the next sentence of a quotation carried over to its first
            chosen[k] = [_implicit("quote", last.source, last.via, s)]
            last_seg = k
            continue
        if not opens_quote(text, s):
            continue
        src = last.source if last is not None else None
        if last is not None and (
            k - last_seg > _CARRY_GAP or s.paragraph > segs[last_seg].paragraph + 1
        ):
            last, src = None, None
        if last is None or src is None:
            # A quotation after a sentence about a named person is that person's words (in
            # Dutch news; English quotes carry their own cue: on PolNeAR train this rule
            # found 2 right speakers for 10 wrong or unattributed ones).
            named = res.subject_before(k) if res.lg == "nl" else None
            if named is not None:
                last = _implicit("quote", named, [], s)
                chosen[k], last_seg = [last], k
            continue
        chosen[k] = [_implicit("quote", src, last.via, s)]
        last_seg = k


def _quote_runs(segs: Sequence[Segment], chosen: list[list[Attribution]]) -> None:
    """The sentences of one quotation (a run of segments `joined` to the one before) without
    an attribution of their own get the speaker that another of them names or carries."""
    n = len(segs)
    k = 0
    while k < n:
        j = k + 1
        while j < n and segs[j].joined:
            j += 1
        if j - k > 1:
            found = [a for i in range(k, j) if (a := _speaker(chosen[i])) is not None]
            speaker = next((a for a in found if not a.implicit), found[0] if found else None)
            if speaker is not None and speaker.source is not None:
                for i in range(k, j):
                    if not chosen[i]:
                        chosen[i] = [_implicit("quote", speaker.source, speaker.via, segs[i])]
        k = j


def _speaker(atts: list[Attribution]) -> Attribution | None:
    for a in atts:
        if a.source is not None and a.kind != "hearsay":
            return a
    return None


def _bridge(text: str, segs: Sequence[Segment], chosen: list[list[Attribution]]) -> None:
    for k in range(1, len(segs) - 1):
        s = segs[k]
        if chosen[k] or s.kind == "heading":
            continue
        before, after = _speaker(chosen[k - 1]), _speaker(chosen[k + 1])
        if before is None or after is None or before.source is None or after.source is None:
            continue
        if not (segs[k - 1].paragraph == s.paragraph or segs[k + 1].paragraph == s.paragraph):
            continue
        if not _same_speaker(before.source, after.source):
            continue
        if not _refers_to(text, s, before.source):
            continue
        kind = "quote" if s.quotes or opens_quote(text, s) else "reported"
        chosen[k] = [_implicit(kind, before.source, before.via, s)]


_SUBJECT_PRONOUNS = frozenset(["hij", "zij", "ze", "he", "she", "they"])


def _refers_to(text: str, s: Segment, src: SourceMention) -> bool:
    """The sentence goes on about the speaker: a subject pronoun among its first words, and
    not the speaker's name (the paper naming the speaker is the paper's narration)."""
    words = re.findall(r"\w+", text[s.start : s.end].lower())
    name = (src.resolved.text if src.resolved else src.text).lower().split()
    if name and name[-1] in words:
        return False
    return any(w in _SUBJECT_PRONOUNS for w in words[:10])


def _according_paragraphs(
    text: str, segs: Sequence[Segment], chosen: list[list[Attribution]]
) -> None:
    """In a short paragraph, the sentences after 'Volgens X' / 'According to X' are X's
    account to the paragraph's end or the next attribution (hearsay sentences stay hearsay:
    their source is not said)."""
    k = 0
    n = len(segs)
    while k < n:
        para = segs[k].paragraph
        j = k
        while j < n and segs[j].paragraph == para:
            j += 1
        if 1 < j - k <= _SHORT_PARAGRAPH:
            current: Attribution | None = None
            for i in range(k, j):
                if chosen[i]:
                    a = _speaker(chosen[i])
                    cue = a.cue if a is not None else None
                    according = cue is not None and cue.text.lower() in _ACCORDING
                    current = a if according and a is not None and not a.implicit else None
                    continue
                if current is not None and current.source is not None:
                    kind = "quote" if segs[i].quotes else "reported"
                    chosen[i] = [_implicit(kind, current.source, current.via, segs[i])]
        k = j
