"""Sources that refer back: pronouns, short names and roles resolved to a fuller mention.

"hij", "she", "De Vries", "Mr. Obama", "de socioloog": the Resolver finds the nearest
compatible earlier mention in the article (a speaker of a recent sentence, or a name in the
sentences just before, the sentence's subject first), and for a short name the first fuller
form of it ("Klaus Ross" for "Ross"). It reads only near the source, so that an article
without such sources costs nothing and a long one stays linear.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from . import lexicon_en, lexicon_nl
from .quotes import QUOTE_CHARS
from .sentences import Segment
from .sources import TITLES, source_kind
from .types import Attribution, SourceMention, Span

DASHES = "-–—"
_WINDOW = 300  # characters of its own sentence read back from a pronoun

# --- pronouns -----------------------------------------------------------------------------

_MALE = frozenset(["hij", "hem", "he", "him"])
_FEMALE = frozenset(["she", "her"])  # Dutch zij/ze/haar: female or plural, by the verb
_PLURAL = frozenset(["they", "them", "hen", "hun", "zij", "ze"])
_NEUTER = frozenset(["it", "het"])
_AMBIGUOUS_NL = frozenset(["zij", "ze", "haar"])
PRONOUNS = _MALE | _FEMALE | _PLURAL | _NEUTER | _AMBIGUOUS_NL
_PERSON_KINDS = frozenset(["person", "anonymous"])
_GROUP_KINDS = frozenset(
    ["group", "organization", "government", "agency", "outlet", "anonymous", "document"]
)
_THING_KINDS = frozenset(["organization", "government", "agency", "outlet", "document"])

# --- names --------------------------------------------------------------------------------

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİĶĹĽŁŃŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_WORDCH = r"(?:[^\W\d_]|['’\-])"
_PARTICLE = r"(?:van|de|der|den|ter|ten|von|da|di|du|le|la|bin|al|el|'t|van der|van den|van de)"
# A run of capitalised words, with name particles between them ("Anna de Vries"), not
# after a word character or an apostrophe. The capital comes first and the lookbehind
# checks the character before it, so that re skips ahead to capitals in C.
_NAME_RUN = re.compile(
    rf"[{_UPPER}](?<![\w'’].){_WORDCH}*(?:\.(?= [{_UPPER}]))?"
    rf"(?: (?:{_PARTICLE} )?[{_UPPER}]{_WORDCH}*(?:\.(?= [{_UPPER}]))?)*"
)
_NOT_NAMES = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february april
    june july august september october november december mr mrs ms dr prof
    """.split()  # noqa: SIM905
)
# Before a name, these make it a place, an addressee or a possession, not a speaker.
PREPOSITIONS = frozenset(
    """
    in uit naar bij te op aan met tegen tegenover voor over onder na sinds tussen richting
    vanuit nabij rond van des der from to at into with for on about against near of toward
    towards across over under after since between by
    """.split()  # noqa: SIM905
)
_FUNCTION = (
    lexicon_nl.STOP
    | lexicon_nl.DETERMINERS
    | lexicon_nl.PRONOUNS
    | lexicon_en.STOP
    | lexicon_en.DETERMINERS
    | lexicon_en.PRONOUNS
    | PRONOUNS
    | frozenset(
        """
        maar toch ook volgens zo dit deze daarom daarna vervolgens bovendien wel na de het een
        hun zijn haar mijn ons onze wie waar wat welke everyone according but so yet
        then after also meanwhile however still i ik we wij instead indeed now today
        yesterday tomorrow earlier later last next here there when while as if before
        """.split()  # noqa: SIM905
    )
)


def segment_of(starts: Sequence[int], pos: int) -> int:
    return max(0, bisect_right(starts, pos) - 1)


def _is_plural_verb(att: Attribution) -> bool:
    """Dutch 'ze zeggen' (plural) against 'ze zegt' (singular), by the cue's finite verb."""
    if att.cue is None:
        return False
    w = att.cue.text.split()[0].lower()
    return len(w) > 3 and w.endswith("en") and w not in ("volgens", "tegen")


def _pronoun_class(word: str, att: Attribution, lg: str) -> str:
    """'m' (male person), 'f' (female person), 'p' (plural / group) or 'n' (thing)."""
    if word in _MALE:
        return "m"
    if word in _FEMALE:
        return "f"
    if word in _NEUTER:
        return "n"
    if word in ("they", "them", "hen", "hun"):
        return "p"
    # zij / ze / haar
    if word == "haar":
        return "f"
    return "p" if _is_plural_verb(att) else "f"


_CAMEL = re.compile(rf"[{_UPPER}][a-zà-ÿ]+[{_UPPER}][\w\-]*")
_ROLE_AND_NAME = re.compile(
    rf"(?:^|\s)[a-zà-ÿ][\w\-]+ [{_UPPER}][\w'’\-.]* (?:{_PARTICLE} )?[{_UPPER}][\w'’\-]*$"
)


def _antecedent_like(text: str) -> bool:
    """A speaker a pronoun can refer back to: a name ("Smith") or a described person or group
    with its determiner ("the spokesman"), not a pronoun or a stray phrase ("left little")."""
    words = text.split()
    if not words or text.lower() in _FUNCTION:
        return False
    first = words[0].lower()
    if first in lexicon_en.DETERMINERS or first in lexicon_nl.DETERMINERS:
        return len(words) > 1
    return any(w[0].isupper() for w in words)


def _kind_of(text: str, lg: str) -> str:
    """The mention's kind, a person when it ends in a role and a full name ("council leader
    Tom Birch" is a person, though 'council' names an organisation)."""
    kind = source_kind(text, lg)
    if kind != "person" and _ROLE_AND_NAME.search(text):
        return "person"
    if kind == "person" and _CAMEL.fullmatch(text):
        return "organization"  # "GroenLinks", "PostNL": a name with a capital inside
    return kind


def _compatible(cls: str, kind: str, text: str) -> bool:
    if cls in ("m", "f"):
        if kind == "anonymous" and _plural_head(text):
            return False  # "hij" is not "Bronnen rond het college"
        return kind in _PERSON_KINDS and " en " not in text and " and " not in text
    if cls == "p":
        return kind in _GROUP_KINDS or " en " in text or " and " in text
    return kind in _THING_KINDS


def _plural_head(text: str) -> bool:
    """The described source's head word is plural: 'bronnen', 'ingewijden', 'sources'."""
    words = [w for w in text.lower().split() if w not in _ARTICLES]
    head = words[0] if words else ""
    return len(head) > 4 and head.endswith(("en", "s")) and not head.endswith(("aris", "ss"))


_ARTICLES = frozenset(
    ["de", "het", "een", "zijn", "haar", "hun", "the", "a", "an", "his", "her", "their", "its"]
)


def _after_article(text: str, a: int) -> bool:
    k = text.rfind(" ", 0, max(0, a - 1))
    return text[k + 1 : a].strip().lower() in _ARTICLES


def _preceded_by_preposition(text: str, a: int) -> bool:
    """True when the word before position a is a preposition ("in Krefeld", "tegen Jansen")."""
    for _ in range(2):  # the word before, or before its determiner ("op de Oudegracht")
        j = a - 1
        while j >= 0 and text[j] == " ":
            j -= 1
        k = j
        while k >= 0 and text[k].isalpha():
            k -= 1
        word = text[k + 1 : j + 1].lower()
        if word in PREPOSITIONS:
            return True
        if word not in _ARTICLES:
            return False
        a = k + 1
    return False


def _at_sentence_start(text: str, seg_start: int, a: int) -> bool:
    if a - seg_start > 8:
        return False
    return not text[seg_start:a].strip(" \t\n" + "".join(QUOTE_CHARS) + DASHES + ",")


class Resolver:
    """Resolves pronoun, short-name and role sources of one article to fuller mentions.

    It reads only near the source: the sentences before a pronoun, the occurrences of a
    short name or a role noun before it, so that articles without such sources cost nothing.
    """

    def __init__(self, text: str, lg: str, segs: Sequence[Segment]) -> None:
        self.text = text
        self.lg = lg
        self.segs = segs
        self.starts = [s.start for s in segs]
        self._seen: dict[str, bool] = {}
        self._first_full: dict[str, tuple[tuple[int, int] | None, int]] = {}
        self._names_cache: dict[int, list[tuple[float, int, int, str, str]]] = {}
        self._titles: dict[int, bool] = {}
        self.speakers: list[tuple[int, SourceMention]] = []  # (segment, source) in order
        self._antecedents: dict[tuple[int, int], tuple[Span, str] | None] = {}

    def add_speaker(self, seg: int, src: SourceMention) -> None:
        """Remember a speaker of sentence `seg` as a possible antecedent of later pronouns."""
        self.speakers.append((seg, src))

    def _antecedent(self, src: SourceMention) -> tuple[Span, str] | None:
        """The mention a pronoun refers to when it refers to this speaker, and its kind."""
        key = (src.start, src.end)
        if key not in self._antecedents:
            found = None
            if src.resolved is not None or _antecedent_like(src.text):
                target = src.resolved or Span(src.start, src.end, src.text)
                found = (target, _kind_of(target.text, self.lg))
            self._antecedents[key] = found
        return self._antecedents[key]

    def resolve(self, att: Attribution, seg_index: int) -> Attribution:
        """The attribution with source.resolved set when its words refer back."""
        src = att.source
        if src is None or src.resolved is not None:
            return att
        t = src.text
        if att.cue is not None and att.cue.text.lower() == "volgens":
            src = self._volgens_pronoun(src)
            att = Attribution(att.kind, att.cue, src, att.via, att.content, att.implicit)
            t = src.text
        sp = t.find(" ")
        if sp > 0 and t[:sp].lower() not in _REFERRING_FIRST:
            return att  # a full mention: "Donald Trump", "Kabinetsleden van May"
        low = t.lower()
        found: Span | None = None
        if low in PRONOUNS:
            found = self._pronoun(low, att, src, seg_index)
            words = []
        else:
            words = src.text.split()
        if not words:
            pass
        elif _short_name(words):
            found = self._full(src.start, src.end)
            if (found.start, found.end) == (src.start, src.end):
                found = None
        elif words[0].lower().rstrip(".") in TITLES and _short_name(words[1:]):
            # "Mr. Obama" after "President Barack Obama"
            a = src.start + len(t) - len(" ".join(words[1:]))
            found = self._full(a, src.end)
            if found.start == a:
                found = None
        elif (
            2 <= len(words) <= 3
            and words[0].lower() in _ROLE_DETS
            and not any(w[0].isupper() or w.lower() in PREPOSITIONS for w in words[1:])
        ):
            found = self._role(src)  # "de socioloog", not "de woordvoerder van de burgemeester"
        if found is None or found.end > src.start:
            return att
        # A pronoun takes its antecedent's kind: "Zij" after "Anna de Vries" is a person.
        kind = _kind_of(found.text, self.lg) if low in PRONOUNS else src.kind
        resolved = SourceMention(src.start, src.end, src.text, kind, found)
        return Attribution(att.kind, att.cue, resolved, att.via, att.content, att.implicit)

    def subject_before(self, k: int) -> SourceMention | None:
        """The named person that the sentence before sentence k opens with, when that
        sentence is the paper's own (no attribution) and in the same or the previous
        paragraph: 'Van Bommel baalde.' before a quotation without a cue."""
        if k == 0:
            return None
        prev = self.segs[k - 1]
        if prev.kind == "heading" or prev.quotes or self.segs[k].paragraph > prev.paragraph + 1:
            return None
        for sc, ra, rb, kind, name in self._sentence_names(k - 1, prev.start, prev.end):
            if sc > 100 and kind == "person" and ra == self._first_word(prev):
                full = self._full(ra, rb) if _short_name(name.split()) else None
                resolved = full if full is not None and full.start != ra else None
                return SourceMention(ra, rb, name, kind, resolved)
        return None

    def _first_word(self, seg: Segment) -> int:
        i = seg.start
        while i < seg.end and not self.text[i].isalnum():
            i += 1
        return i

    def _volgens_pronoun(self, src: SourceMention) -> SourceMention:
        """'Volgens haar kost een renovatie ...': the object pronoun is the source and the
        next word the verb (a determiner or pronoun follows it), unlike 'volgens haar
        advocaat is ...'."""
        words = src.text.split()
        if len(words) != 2 or words[0].lower() not in ("haar", "hem", "hen", "hun"):
            return src
        rest = self.text[src.end : src.end + 30].split()
        nxt = rest[0].lower() if rest else ""
        if nxt not in lexicon_nl.DETERMINERS and nxt not in lexicon_nl.PRONOUNS:
            return src
        end = src.start + len(words[0])
        return SourceMention(src.start, end, self.text[src.start : end], "person")

    def _name_back(self, p: int) -> int:
        """Start of the capitalised name that ends just before position p (p if none)."""
        text = self.text
        if p < 2 or text[p - 1] != " ":
            return p
        # Walk back over the words before p: capitalised name words and particles, up to
        # the first other word (a function word or a lower-case one).
        a = p
        pos = p - 1
        lo = max(0, p - 80, text.rfind("\n", max(0, p - 80), p) + 1)
        for word in reversed(text[lo : p - 1].split(" ")):
            if not word or word[-1] in ",;:()\"”’'":
                break
            low = word.lower()
            if word[-1] == "." and len(word) > 3 and low.rstrip(".") not in TITLES:
                break  # the end of the sentence before ("Hanoi. Donald Trump")
            if (
                word[0].isupper()
                and word[0].isalpha()
                and low not in _FUNCTION
                and low not in lexicon_nl.NATIONALITIES
            ):
                a = pos - len(word)
            elif low not in _PARTICLES:
                break
            pos -= len(word) + 1
        while a < p and text[a : text.find(" ", a, p)].lower() in _PARTICLES:
            a = text.find(" ", a, p) + 1  # a name does not begin with its particle
        if a >= p - 1 or all(w.lower().rstrip(".") in TITLES for w in self.text[a:p].split()):
            return p  # nothing, or only a title ("Mr. Obama"): no fuller name
        if self._title_case(segment_of(self.starts, p)):
            return p  # a title-case headline is no name
        return self._drop_initial_role(a, p)

    def _title_case(self, k: int) -> bool:
        """A heading, or a line of mostly capitalised words ("Christie Calls Clinton ...")."""
        known = self._titles.get(k)
        if known is None:
            seg = self.segs[k]
            words = self.text[seg.start : seg.end].split()
            caps = sum(1 for w in words if w[:1].isupper())
            known = seg.kind == "heading" or (len(words) >= 4 and caps > 0.6 * len(words))
            self._titles[k] = known
        return known

    def _drop_initial_role(self, a: int, b: int) -> int:
        """'Wethouder Anna de Vries' at a sentence start is 'Anna de Vries': a first word
        capitalised only by its place and never written so inside a sentence."""
        text = self.text
        sp = text.find(" ", a, b)
        if sp < 0 or text.count(" ", sp + 1, b) < 1:
            return a
        seg_start = self.starts[segment_of(self.starts, a)]
        if _at_sentence_start(text, seg_start, a) and not self._named_elsewhere(text[a:sp]):
            return sp + 1
        return a

    def _full(self, a: int, b: int) -> Span:
        """The first fuller mention of the name text[a:b] before it ("Klaus Ross" for
        "Ross", "Anna de Vries" for "De Vries"), else text[a:b] itself."""
        text = self.text
        key = text[a:b]
        # Per name: the first fuller mention found, or how far the text has been read.
        found, upto = self._first_full.get(key, (None, 0))
        if found is None and upto < a:
            keys = [key]
            if " " in key and key[0].isupper():  # "De Vries" is "de Vries" after a first name
                keys.append(key[0].lower() + key[1:])
            for k in keys:
                p = text.find(k, upto, a)
                while p >= 0 and (found is None or p < found[0]):
                    e = p + len(k)
                    if (e >= len(text) or not text[e].isalnum()) and (
                        p == 0 or not text[p - 1].isalnum()
                    ):
                        s = self._name_back(p)
                        if s < p and text[s:e].count(" ") < 5:
                            found = (s, e)
                            break
                    p = text.find(k, p + 1, a)
            self._first_full[key] = (found, max(upto, a))
        if found is not None and found[1] <= a:
            return Span(found[0], found[1], text[found[0] : found[1]])
        return Span(a, b, text[a:b])

    def _role(self, src: SourceMention) -> Span | None:
        """'de socioloog' after 'socioloog Niels Blom' or 'Niels Blom, de socioloog'."""
        noun = src.text.split()[-1].lower()
        if len(noun) < 4:
            return None
        text = self.text
        lo = max(0, src.start - 4000)
        p = text.rfind(noun, lo, src.start)
        while p >= 0:
            e = p + len(noun)
            if (p == 0 or not text[p - 1].isalnum()) and text[e : e + 1] == " ":
                # "socioloog Niels Blom"
                m = _NAME_AFTER.match(text, e + 1)
                if (
                    m
                    and m.end() <= src.start
                    and not m.group().isupper()
                    and m.group().split()[0].lower() not in _FUNCTION
                ):
                    return self._full(m.start(), m.end())
            comma = text.rfind(",", max(lo, p - 60), p)
            if comma > 0 and _CLAUSE_PUNCT.search(text, comma + 1, p) is None:
                s = self._name_back(comma)
                if s < comma:
                    return self._full(s, comma)
            p = text.rfind(noun, lo, p)
        return None

    def _pronoun(self, word: str, att: Attribution, src: SourceMention, k: int) -> Span | None:
        cls = _pronoun_class(word, att, self.lg)
        best: tuple[float, int, int] | None = None
        # Earlier speakers are the most salient antecedents.
        for seg, sp in reversed(self.speakers):
            d = k - seg
            if d > 6:
                break
            ante = self._antecedent(sp) if sp.start < src.start else None
            if ante is None:
                continue
            target, kind = ante
            if not _compatible(cls, kind, target.text):
                continue
            sc = 100 * 0.6**d + 40
            if best is None or sc > best[0]:
                best = (sc, target.start, target.end)
        if cls != "n":
            # Sentence by sentence back, while a name there could still score higher.
            for j in range(k, max(-1, k - 3), -1):
                if best is not None and best[0] >= 100 * 0.6 ** (k - j) + 30:
                    break
                end = src.start if j == k else self.segs[j].end  # not the furniture after it
                found = self._best_name(cls, j, self.starts[j], end, src)
                if found is not None:
                    sc = found[0] * 0.6 ** (k - j)
                    if best is None or sc >= best[0]:
                        best = (sc, found[1], found[2])
        if best is None:
            return None
        a, b = best[1], best[2]
        if self.text[a:b].lower() in PRONOUNS:
            return None
        span = Span(a, b, self.text[a:b])
        if _short_name(span.text.split()):
            return self._full(a, b)
        return span

    def _best_name(
        self, cls: str, j: int, lo: int, hi: int, src: SourceMention
    ) -> tuple[float, int, int] | None:
        """The best compatible name in text[lo:hi] (sentence j) before src: the sentence's
        subject first, else the last one."""
        if hi == src.start:
            # the sentence of the pronoun itself: its last few hundred characters (a very
            # long sentence with many pronouns stays linear)
            names = self._sentence_names(j, lo, hi, max(lo, hi - _WINDOW))
        else:
            cached = self._names_cache.get(j)
            if cached is None:
                cached = self._names_cache[j] = self._sentence_names(j, lo, hi)
            names = cached
        best: tuple[float, int, int] | None = None
        for sc, ra, rb, kind, name in names:
            if (
                (ra, rb) != (src.start, src.end)
                and _compatible(cls, kind, name)
                and (best is None or sc >= best[0])
            ):
                best = (sc, ra, rb)
        return best

    def _sentence_names(
        self, j: int, lo: int, hi: int, scan: int | None = None
    ) -> list[tuple[float, int, int, str, str]]:
        """Candidate antecedents in text[scan:hi] of sentence j (which starts at lo):
        (score, start, end, kind, text), outside quotations (the quoted words are never the
        speaker) and not after a preposition (a place or an addressee)."""
        first = lo if scan is None or scan <= lo else self.text.find(" ", scan, hi) + 1 or hi
        pieces = [first]
        for qa, qb in self.segs[j].quotes:
            if first <= qa < hi:
                pieces += [qa, qb]
        pieces.append(hi)
        text = self.text
        out: list[tuple[float, int, int, str, str]] = []
        for i in range(0, len(pieces) - 1, 2):
            for m in _NAME_RUN.finditer(text, pieces[i], pieces[i + 1]):
                ma, mb = m.start(), m.end()
                sp = text.find(" ", ma, mb)
                if text[ma : sp if sp > 0 else mb].lower() in PREPOSITIONS:
                    continue  # "Tegenover Jansen", "In Krefeld": an addressee or a place
                ra, rb = self._trim_name(ma, mb)
                if (
                    ra >= rb - 1
                    or text[rb : rb + 1].isalnum()
                    or _preceded_by_preposition(text, ra)
                ):
                    continue  # nothing left, or part of a word with digits ("D66")
                name = text[ra:rb]
                if " " not in name and name.endswith(("se", "sche")) and _after_article(text, ra):
                    continue  # "een Vlaamse": an adjective, no name
                if (
                    " " not in name
                    and _at_sentence_start(text, lo, ra)
                    and not self._named_elsewhere(name)
                ):
                    continue
                sc = 100.0
                if ra - lo < 40 and "," not in text[lo:ra]:
                    sc += 30  # the subject at the start of its sentence
                out.append((sc, ra, rb, _kind_of(name, self.lg), name))
        return out

    def _trim_name(self, a: int, b: int) -> tuple[int, int]:
        """A name run without leading function words ("Maar Jansen") and non-names."""
        text = self.text
        while a < b:
            sp = text.find(" ", a, b)
            w = text[a : sp if sp > 0 else b].lower()
            if w in _FUNCTION or w in _NOT_NAMES or w in lexicon_nl.NATIONALITIES:
                a = sp + 1 if sp > 0 else b
            else:
                break
        while b > a:
            sp = text.rfind(" ", a, b)
            w = text[sp + 1 if sp >= 0 else a : b].lower()
            if w in _FUNCTION or w in _NOT_NAMES:
                b = sp if sp >= 0 else a
            else:
                break
        return a, b

    def _named_elsewhere(self, word: str) -> bool:
        """A capitalised word seen mid-sentence too: a name, not a sentence opener."""
        known = self._seen.get(word)
        if known is None:
            text = self.text
            p = text.find(" " + word)
            while p > 0 and not (text[p - 1].isalnum() or text[p - 1] == ","):
                p = text.find(" " + word, p + 1)
            known = self._seen[word] = p > 0
        return known


def _short_name(words: list[str]) -> bool:
    """A bare surname ("Rutte") or a surname with its particles ("De Vries", "Van der Lee")."""
    if not words or len(words) > 3 or not words[-1][:1].isupper():
        return False
    if len(words) == 1:
        w = words[0]
        return w.lower() not in _FUNCTION and not w.isupper() and len(w) > 1
    return all(w.lower() in _PARTICLES for w in words[:-1])


_CLAUSE_PUNCT = re.compile(r"[.,;:]")
_NAME_AFTER = re.compile(rf"[{_UPPER}]{_WORDCH}*(?: (?:{_PARTICLE} )?[{_UPPER}]{_WORDCH}*)*")


_PARTICLES = frozenset(
    ["van", "de", "der", "den", "ter", "ten", "von", "da", "di", "du", "le", "la", "bin", "el",
     "'t", "’t"]
)  # fmt: skip
_ROLE_DETS = frozenset(["de", "het", "the", "die", "deze", "this"])
_REFERRING_FIRST = _PARTICLES | _ROLE_DETS | frozenset(t + "." for t in TITLES) | TITLES
