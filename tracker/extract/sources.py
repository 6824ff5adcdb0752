"""Source noun phrases around a cue: names, described people and groups, documents."""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import lexicon_en, lexicon_nl
from .tokens import Tok
from .types import KnownSource, SourceMention

PARTICLES: frozenset[str] = frozenset(
    "van de der den het ter ten in 't op von da di du le la of the al bin el".split()
)
TITLES: frozenset[str] = frozenset(
    "mr mrs ms dr prof gov sen rep gen lt col sgt st dhr mevr mw drs ir ing pres".split()
)
OUTLET_WORDS = re.compile(
    r"\b(?:Times|Post|Journal|News|Reuters|AP|AFP|ANP|Bloomberg|CNN|BBC|NBC|CBS|ABC|Fox|MSNBC|"
    r"Guardian|Telegraaf|Volkskrant|NRC|Trouw|NOS|RTL|Parool|Politico|Axios|Breitbart|Tribune|"
    r"Herald|Gazette|Daily|Nieuwsuur|Spiegel|Bild|Monde|Agency|krant|newspaper|omroep|"
    r"persbureau|zender|tv|televisie|magazine|website|blog)\b",
    re.IGNORECASE,
)
DOCUMENT_WORDS = re.compile(
    r"\b(?:rapport|report|verklaring|statement|onderzoek|study|studie|survey|peiling|poll|"
    r"memo|brief|letter|document|documents|analysis|analyse|persbericht|release|filing|"
    r"cijfers|figures|data|gegevens|tweet|post|email|e-mail|video|footage|beelden|transcript)\b",
    re.IGNORECASE,
)
GOV_WORDS = re.compile(
    r"\b(?:ministerie|ministry|department|kabinet|cabinet|regering|government|administration|"
    r"Kremlin|Pentagon|White House|Witte Huis|police|politie|army|leger|defensie|gemeente|"
    r"provincie|court|rechter|rechtbank|congress|senate|parliament|Kamer|state|staat|OM)\b",
    re.IGNORECASE,
)
ORG_WORDS = re.compile(
    r"\b(?:party|partij|campaign|campagne|company|bedrijf|bank|committee|commissie|council|raad|"
    r"union|bond|organisation|organization|organisatie|group|groep|institute|instituut|"
    r"foundation|stichting|association|vereniging|NATO|NAVO|VN|UN|EU|FBI|CIA|Inc|Corp)\b",
    re.IGNORECASE,
)
ANON_WORDS = re.compile(
    r"\b(?:sources?|bronnen|bron|insiders?|anonymous|anonieme|ingewijden|unnamed|"
    r"official|officials|functionaris|functionarissen)\b",
    re.IGNORECASE,
)
AGENCY_WORDS = re.compile(r"\b(?:agency|agentschap|bureau|dienst|CBS|RIVM|CPB)\b")
GROUP_PLURAL = re.compile(r"(?:en|ers|s|ten|den)$")


def _lex(lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    if lang == "nl":
        return lexicon_nl.PRONOUNS, lexicon_nl.DETERMINERS, lexicon_nl.STOP
    return lexicon_en.PRONOUNS, lexicon_en.DETERMINERS, lexicon_en.STOP


def _nationality(t: Tok, lang: str) -> bool:
    return lang == "nl" and t.low in lexicon_nl.NATIONALITIES


def _cap_run_back(toks: Sequence[Tok], j: int, lang: str) -> int:
    """Start index of the capitalised name ending at token j (with particles and titles)."""
    i = j
    while i > 0:
        p = toks[i - 1]
        if p.is_word and p.is_cap and not _nationality(p, lang):
            i -= 1
        elif p.text == "." and i >= 2 and toks[i - 2].low in TITLES:
            i -= 2
        elif p.low in PARTICLES and i >= 2 and toks[i - 2].is_word and toks[i - 2].is_cap:
            i -= 1
        elif p.text in ("-", "&") and i >= 2 and toks[i - 2].is_cap:
            i -= 1
        else:
            break
    while i < j and (toks[i].low in PARTICLES and not toks[i].is_cap or toks[i].text in "-&."):
        i += 1
    return i


def np_before(toks: Sequence[Tok], j: int, lang: str) -> tuple[int, int] | None:
    """Token range [i, j] of the noun phrase ending at token j, or None."""
    if j < 0 or j >= len(toks):
        return None
    pronouns, dets, stop = _lex(lang)
    t = toks[j]
    if not t.is_word:
        return None
    if t.low in pronouns:
        return (j, j)
    if t.is_cap and not _nationality(t, lang):
        i = _cap_run_back(toks, j, lang)
    elif t.low in stop or t.low in dets or t.text[0].isdigit():
        return None
    else:
        i = j
        n = 0
        while i > 0 and n < 4:
            p = toks[i - 1]
            if not p.is_word or p.low in stop or p.low in dets or p.low in pronouns:
                break
            if p.is_cap and not _nationality(p, lang):
                i = _cap_run_back(toks, i - 1, lang)
                break
            i -= 1
            n += 1
    if i > 0 and toks[i - 1].low in dets:
        i -= 1
    elif i > 0 and toks[i - 1].low.endswith(("'s", "’s")):
        i -= 1
    # "de minister van Defensie", "the secretary of state": extend over van/of.
    if i >= 2 and toks[i - 1].low in ("van", "of") and toks[i - 2].is_word:
        k = toks[i - 2]
        if k.low not in stop and k.low not in pronouns and not k.text[0].isdigit():
            ext = np_before(toks, i - 2, lang)
            if ext is not None and j - ext[0] < 10:
                i = ext[0]
    return (i, j)


def np_after(toks: Sequence[Tok], i: int, lang: str) -> tuple[int, int] | None:
    """Token range [i, j] of the noun phrase starting at token i, or None."""
    pronouns, dets, stop = _lex(lang)
    n = len(toks)
    if i >= n or not toks[i].is_word:
        return None
    t = toks[i]
    if t.low in pronouns and t.low not in ("that", "die", "which"):
        return (i, i)
    j = i
    if t.low in dets:
        j = i + 1
    elif t.low in TITLES and i + 2 < n and toks[i + 1].text == ".":
        j = i + 2
    if j >= n or not toks[j].is_word:
        return None
    if toks[j].low in stop and not toks[j].is_cap:
        return None
    end = j
    k = j
    count = 0
    while k < n and count < 8:
        tk = toks[k]
        if tk.is_word and (tk.is_cap or tk.low not in stop) and tk.low not in pronouns:
            end = k
            k += 1
            count += 1
        elif tk.low in PARTICLES and k + 1 < n and toks[k + 1].is_cap and count > 0:
            k += 1
        elif tk.text == "." and toks[k - 1].low in TITLES and k + 1 < n:
            k += 1
        elif tk.text in ("-", "&") and k + 1 < n and toks[k + 1].is_word and count > 0:
            k += 1
        else:
            break
        if toks[end].is_cap and k < n and toks[k].is_word and not toks[k].is_cap and (
            toks[k].low not in PARTICLES
        ):
            # a name ends at the first lowercase word ("Smith told ...")
            if toks[j].is_cap and not _nationality(toks[j], lang):
                break
    # "a report by the Times", "het rapport van de inspectie"
    if end + 2 < n and toks[end + 1].low in ("by", "from", "of", "van") and count <= 3:
        ext = np_after(toks, end + 2, lang)
        if ext is not None and ext[1] - i < 12:
            end = ext[1]
    return (i, end)


def source_kind(text: str, lang: str) -> str:
    """A Source kind guessed from the mention's words."""
    words = text.split()
    low = text.lower()
    if not words:
        return "person"
    pronouns = lexicon_nl.PRONOUNS if lang == "nl" else lexicon_en.PRONOUNS
    if len(words) == 1 and low in pronouns:
        return "group" if low in ("they", "we", "zij", "wij", "we") else "person"
    if ANON_WORDS.search(text) and not words[0][0].isupper() or low.startswith(("a source", "een bron")):
        return "anonymous"
    if OUTLET_WORDS.search(text):
        return "outlet"
    if DOCUMENT_WORDS.search(text) and not words[-1][0].isupper():
        return "document"
    if AGENCY_WORDS.search(text):
        return "agency"
    if GOV_WORDS.search(text):
        return "government"
    if ORG_WORDS.search(text):
        return "organization"
    caps = [w for w in words if w[0].isupper() and w.lower() not in lexicon_nl.NATIONALITIES]
    if not caps and GROUP_PLURAL.search(words[-1]) and len(
        words[-1]
    ) > 3:
        return "group"
    return "person"


class Registry:
    """Known sources and their aliases, matched in the text (longest alias first)."""

    def __init__(self, known: Sequence[KnownSource]) -> None:
        self.by_alias: dict[str, KnownSource] = {}
        for ks in known:
            for alias in (ks.name, *ks.aliases):
                if alias.strip():
                    self.by_alias[alias] = ks
        names = sorted(self.by_alias, key=len, reverse=True)
        self.pattern = (
            re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in names) + r")(?!\w)")
            if names
            else None
        )

    def matches(self, text: str, start: int, end: int) -> list[tuple[int, int, KnownSource]]:
        """Registry mentions in text[start:end]."""
        if self.pattern is None:
            return []
        return [(m.start(), m.end(), self.by_alias[m.group()]) for m in self.pattern.finditer(text, start, end)]


def mention(
    text: str,
    toks: Sequence[Tok],
    rng: tuple[int, int],
    lang: str,
    known: list[tuple[int, int, KnownSource]],
) -> SourceMention:
    """SourceMention for a token range, trimmed, preferring an overlapping registry entry."""
    start, end = toks[rng[0]].start, toks[rng[1]].end
    for ks_start, ks_end, ks in known:
        if ks_start < end and start < ks_end:
            s, e = min(start, ks_start), max(end, ks_end)
            return SourceMention(s, e, text[s:e], ks.kind)
    while end > start and text[end - 1] in ",.;:!?)\"'”’»-–":
        end -= 1
    while start < end and text[start] in "(\"'“‘„«-–":
        start += 1
    if start >= end:
        start, end = toks[rng[0]].start, toks[rng[1]].end
    span = text[start:end]
    return SourceMention(start, end, span, source_kind(span, lang))
