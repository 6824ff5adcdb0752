"""Text as the search index sees it: words, Dutch and English stems, numbers in one notation.

Pure Python, no database: the index (search_index) and the queries (search) both go through
`analyse`, so a document and a query are always cut and stemmed the same way.

Each text becomes three aligned streams of terms, one term per word:

- `raw`: the word case-folded, accents removed (prefix search runs on these);
- `nl`: its stem by Snowball's Dutch algorithm, the new one of Snowball 3.0 (the
  `snowballstemmer` package's `dutch`, PostgreSQL 19's `dutch`; PostgreSQL 15-18's `dutch` is
  the older Porter-style one, called `dutch_porter` from 19 on, and does not bring
  "verklaarde" and "verklaren" together);
- `en`: its stem by Snowball's English (Porter2) algorithm.

Numbers are one term in every stream, in one notation: "20.000", "20,000" and "20000" are
`20000`; a decimal "2,5" or "2.5" is `2d5`. In the stem streams a number written in words
("twintigduizend", "twenty thousand", "2,5 miljard") is its value as well, found by the
extractor's number reader.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from snowballstemmer.dutch_stemmer import DutchStemmer
from snowballstemmer.english_stemmer import EnglishStemmer

from ..extract.numbers import find_numbers

# The stemming algorithms, pinned: the pure-Python classes (snowballstemmer would otherwise
# hand over to PyStemmer when installed, whose Snowball version may differ).
STEMMERS = {"nl": "Snowball 3 dutch (snowballstemmer.dutch_stemmer)", "en": "Snowball english"}
STREAMS = ("raw", "nl", "en")

# Put between the parts of a document so that no phrase spans two of them; `analyse` never
# makes a term of letters and digits mixed, so no query holds it.
SEPARATOR = "sep0"
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_THOUSANDS = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")
_DECIMAL = re.compile(r"(\d+)[.,](\d+)")
# A word that may start a number written in words (the extractor's reader is run only then; it
# costs four times the rest of `analyse`): Dutch and English number and scale words.
_NUMBER_WORD = re.compile(
    r"(?i)\b(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|der|veer|twintig|"
    r"tachtig|honderd|duizend|miljoen|miljard|biljoen|anderhalf|half|halve|ton|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thir|fif|twenty|forty|"
    r"hundred|thousand|million|billion|trillion|dozen)"
)
_LETTER = re.compile(r"[^\W\d_]")
_NL = DutchStemmer()
_EN = EnglishStemmer()


def fold(word: str) -> str:
    """Case-folded, accents removed ("Geërfd" -> "geerfd")."""
    low = word.casefold()
    if low.isascii():
        return low
    return "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))


def number_term(digits: str) -> str:
    """One notation for a number written with digits: thousands separators dropped ("20.000",
    "20,000" -> "20000"), a decimal separator written `d` ("2,5", "2.5" -> "2d5")."""
    if _THOUSANDS.fullmatch(digits):
        return re.sub(r"[.,]", "", digits)
    m = _DECIMAL.fullmatch(digits)
    if m:
        fraction = m.group(2).rstrip("0")
        return m.group(1) + ("d" + fraction if fraction else "")
    return re.sub(r"[.,]", "", digits)


def value_term(value: float) -> str:
    """A number's value as a term: 20000.0 -> "20000", 2.5 -> "2d5"."""
    if float(value).is_integer():
        return str(int(value))
    return number_term(repr(float(value)))


@lru_cache(maxsize=200_000)
def _stems(word: str) -> tuple[str, str, str]:
    low = word.casefold()
    return fold(low), fold(_NL.stemWord(low)), fold(_EN.stemWord(low))


@dataclass
class Analysed:
    """A text cut into words: their spans and their terms in each stream."""

    spans: list[tuple[int, int]] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)
    nl: list[str] = field(default_factory=list)
    en: list[str] = field(default_factory=list)
    # the words that continue a number written (partly) in words ("twenty thousand": the
    # second), whose value the number's first word carries
    parts: set[int] = field(default_factory=set)

    def stream(self, name: str) -> list[str]:
        return {"raw": self.raw, "nl": self.nl, "en": self.en}[name]

    def joined(self) -> tuple[str, str, str]:
        return " ".join(self.raw), " ".join(self.nl), " ".join(self.en)


def languages(lang: str | None) -> tuple[str, ...]:
    """The languages whose number words are read in a text of language `lang`."""
    return (lang,) if lang in ("nl", "en") else ("nl", "en")


def analyse(text: str, lang: str | None = None, *, number_words: bool = True) -> Analysed:
    """The words of `text` with their terms in the three streams (`number_words` False: numbers
    written in words keep their words' stems, which is quicker)."""
    out = Analysed()
    has_letters = False
    for m in _TOKEN.finditer(text):
        word = m.group()
        out.spans.append(m.span())
        if word[0].isdigit():
            term = number_term(word)
            out.raw.append(term)
            out.nl.append(term)
            out.en.append(term)
            continue
        has_letters = True
        raw, nl, en = _stems(word)
        out.raw.append(raw)
        out.nl.append(nl)
        out.en.append(en)
    if number_words and has_letters and _NUMBER_WORD.search(text):
        _numbers_in_words(text, lang, out)
    return out


_SHARED_MAX = 2000  # characters of a text whose analysis is kept for the next caller


@lru_cache(maxsize=8192)
def _analysed(text: str, lang: str | None) -> Analysed:
    return analyse(text, lang)


def analysed(text: str, lang: str | None) -> Analysed:
    """`analyse(text, lang)`, kept for a short text (a claim): matching and the search index
    analyse each claim once per ingest. The result is shared: read it, never change it."""
    return _analysed(text, lang) if len(text) <= _SHARED_MAX else analyse(text, lang)


def _numbers_in_words(text: str, lang: str | None, out: Analysed) -> None:
    """Numbers written (partly) in words get their value in the stem streams."""
    starts = [start for start, _end in out.spans]
    for language in languages(lang):
        for number in find_numbers(text, 0, len(text), language):
            # its first word ("$9.8 million" starts before its first word, "9")
            k = bisect_left(starts, number.start)
            i = k if k < len(starts) and starts[k] < number.end else None
            # digits alone are already in one notation (and read by one language's rules only)
            if i is None or number.value is None or not _LETTER.search(number.text):
                continue
            term = value_term(number.value)
            out.nl[i] = term
            out.en[i] = term
            _continued(out, i, number.end)
    if "en" in languages(lang):
        _english_compounds(text, out, starts)


def _continued(out: Analysed, first: int, end: int) -> None:
    """Mark the number words after `first` up to `end` as parts of its number."""
    for j in range(first + 1, len(out.spans)):
        if out.spans[j][0] >= end:
            break
        if out.raw[j][0].isdigit() or _NUMBER_WORD.match(out.raw[j]):
            out.parts.add(j)


_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}  # fmt: skip
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
_EN_COMPOUND = re.compile(
    rf"(?i)\b({'|'.join(_TENS)})-({'|'.join(_ONES)})\b(?:\s+({'|'.join(_SCALES)})\b)?"
)


def _english_compounds(text: str, out: Analysed, starts: list[int]) -> None:
    """English tens and ones joined by a hyphen ("forty-five", "twenty-seven thousand"), which
    the extractor's number reader leaves as words."""
    for m in _EN_COMPOUND.finditer(text):
        k = bisect_left(starts, m.start())
        if k >= len(starts) or starts[k] != m.start():
            continue
        value = _TENS[m.group(1).lower()] + _ONES[m.group(2).lower()]
        if m.group(3):
            value *= _SCALES[m.group(3).lower()]
        out.nl[k] = out.en[k] = value_term(value)
        _continued(out, k, m.end())


def index_text(parts: list[str], lang: str | None) -> tuple[str, str, str]:
    """The three streams of a document made of `parts` (kept apart so that no phrase spans two
    of them), each as one space-separated string."""
    streams: tuple[list[str], list[str], list[str]] = ([], [], [])
    for part in parts:
        if not part:
            continue
        a = analysed(part, lang)
        for stream, name in zip(streams, STREAMS, strict=True):
            if stream:
                stream.append(SEPARATOR)
            stream.extend(a.stream(name))
    return " ".join(streams[0]), " ".join(streams[1]), " ".join(streams[2])


@dataclass(frozen=True)
class Term:
    """One condition of a query: a word, a phrase (several words in order) or a word prefix;
    `streams` holds its terms in raw, nl and en (a prefix only in raw)."""

    kind: str  # "word", "phrase" or "prefix"
    streams: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]

    @property
    def raw(self) -> tuple[str, ...]:
        return self.streams[0]


_QUERY_PART = re.compile(r'"([^"]*)"?|(\S+)')
MAX_TERMS = 12


def parse_query(q: str) -> list[Term]:
    """The conditions of a query (all must hold): "quoted phrases", words ending in * (prefix),
    and words. Numbers match in any notation; words by their Dutch or English stem."""
    terms: list[Term] = []
    for m in _QUERY_PART.finditer(q):
        phrase, chunk = m.group(1), m.group(2)
        if phrase is not None:
            a = analyse(phrase)
            if len(a.raw) == 1:
                terms.append(Term("word", ((a.raw[0],), (a.nl[0],), (a.en[0],))))
            elif a.raw:
                terms.append(Term("phrase", (tuple(a.raw), tuple(a.nl), tuple(a.en))))
            continue
        a = analyse(chunk)
        for i, raw in enumerate(a.raw):
            last = i == len(a.raw) - 1
            if last and chunk.endswith("*") and not raw[0].isdigit():
                terms.append(Term("prefix", ((raw,), (), ())))
            else:
                terms.append(Term("word", ((raw,), (a.nl[i],), (a.en[i],))))
    unique = list(dict.fromkeys(terms))
    return unique[:MAX_TERMS]


def marks(text: str, terms: list[Term], lang: str | None = None) -> list[tuple[str, bool]]:
    """`text` cut into runs, each True where a word matches one of `terms` (for highlighting;
    a phrase's words are marked wherever they occur)."""
    if not terms:
        return [(text, False)] if text else []
    wanted = {name: set[str]() for name in STREAMS}
    prefixes = tuple(t.raw[0] for t in terms if t.kind == "prefix")
    for t in terms:
        if t.kind == "prefix":
            continue
        for name, stream in zip(STREAMS, t.streams, strict=True):
            wanted[name].update(stream)
    # a number written in words can match only a number among the terms
    numbers = any(w[0].isdigit() for t in terms for stream in t.streams[1:] for w in stream)
    a = analyse(text, lang, number_words=numbers)
    out: list[tuple[str, bool]] = []
    pos = 0
    for i, (start, end) in enumerate(a.spans):
        hit = (
            a.raw[i] in wanted["raw"]
            or a.nl[i] in wanted["nl"]
            or a.en[i] in wanted["en"]
            or (bool(prefixes) and a.raw[i].startswith(prefixes))
        )
        if not hit:
            continue
        if start > pos:
            out.append((text[pos:start], False))
        out.append((text[start:end], True))
        pos = end
    if pos < len(text):
        out.append((text[pos:], False))
    return out
