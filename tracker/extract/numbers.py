"""Numbers in Dutch and English text: digits, number words, scales, ranges, percent, money."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .types import Number

_EN_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_NL_UNITS = {
    "nul": 0,
    "één": 1,
    "eén": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "zestien": 16,
    "zeventien": 17,
    "achttien": 18,
    "negentien": 19,
    "twintig": 20,
    "dertig": 30,
    "veertig": 40,
    "vijftig": 50,
    "zestig": 60,
    "zeventig": 70,
    "tachtig": 80,
    "negentig": 90,
}
_SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "honderd": 100,
    "duizend": 1000,
    "miljoen": 10**6,
    "mln": 10**6,
    "miljard": 10**9,
    "mld": 10**9,
    "mrd": 10**9,
    "biljoen": 10**12,
    "bn": 10**9,
    "m": 10**6,
    "k": 1000,
    "dozen": 12,
    "dozijn": 12,
}
# Vague amounts: the annotation rules count them as no numbers. They are matched (so that
# "honderden" is not read as the number word "honderd") and dropped.
_VAGUE = frozenset(
    """
    honderden duizenden tienduizenden honderdduizenden tientallen miljoenen miljarden
    hundreds thousands dozens millions billions
    """.split()  # noqa: SIM905
)

# Dutch compound number words: "vijfentwintigduizend", "tweehonderd", "vierduizend".
_NL_ATOM = "|".join(sorted(_NL_UNITS, key=len, reverse=True))
_NL_WORD = re.compile(
    rf"(?:(?:{_NL_ATOM})?(?:en|ën)?(?:{_NL_ATOM})?(?:honderd|duizend)(?:{_NL_ATOM}|en|ën)*"
    rf"|(?:{_NL_ATOM})(?:en|ën)(?:{_NL_ATOM})|{_NL_ATOM}|honderd|duizend)",
)
_NL_TOKEN = re.compile(rf"{_NL_ATOM}|honderd|duizend|ën|en")

_DIGITS_NL = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_DIGITS_EN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_WORDS = (
    r"dozijn|dozen|hundred|thousand|million|billion|trillion|honderd|duizend|miljoen|miljard|biljoen"
    r"|mln|mld|mrd|bn|m|k"
)
_APPROX = (
    r"(?:about|around|roughly|nearly|almost|some|approximately|more\ than|over|at\ least|up\ to|"
    r"less\ than|fewer\ than|ongeveer|circa|ca\.|bijna|ruim|zo'n|zo’n|meer\ dan|minder\ dan|"
    r"minstens|tenminste|hooguit|rond)"
)
_EN_WORDS = "|".join(sorted(_EN_UNITS, key=len, reverse=True))
_NUM_ATOM = (
    r"(?:(?P<cur>[€$£])\s?)?(?:(?P<digits>{D})|(?P<words>{W}))"
    rf"(?:[\s-](?P<scale>{_SCALE_WORDS}))?\b"
)


def _build(digits: str, words: str) -> re.Pattern[str]:
    atom = _NUM_ATOM.replace("{D}", digits).replace("{W}", words)
    second = atom.replace("?P<", "?P<b_")
    return re.compile(
        rf"(?<!\w)(?=[\w€$£])(?:(?P<vague>(?:{'|'.join(sorted(_VAGUE))})\b)|"
        rf"(?<![\w.,])(?:(?P<approx>{_APPROX})\s+)?"
        rf"(?:(?P<fewscale>een\ paar|a\ few|enkele|several|a|een)\s+(?=(?:{_SCALE_WORDS})\b))?"
        rf"(?:{atom}|(?P<fs>(?:{_SCALE_WORDS})))"
        rf"(?:\s*(?:-|–|tot|to|à)\s*{second})?"
        rf"(?P<unit>\s?(?:%|procent|percent|per\ cent|euro|dollars?|pounds?))?)",
        re.IGNORECASE,
    )


_PATTERN = {"nl": _build(_DIGITS_NL, _NL_WORD.pattern), "en": _build(_DIGITS_EN, _EN_WORDS)}


_HAS_DIGIT = re.compile(r"\d")
# ASCII digits and every block that holds other decimal digits (not Latin-1 nor the
# punctuation at U+2000-U+206F): scanning for this class is cheaper than for \d.
_MAYBE_DIGIT = re.compile("[0-9\u0660-\u1fff\u2070-\U0010ffff]")


_ASCII_DIGIT = re.compile("[0-9]")  # in an ASCII text, the only digits (a smaller class)


def _has_digit(s: str) -> bool:
    """True when `s` holds a decimal digit (re's \\d)."""
    if s.isascii():
        return _ASCII_DIGIT.search(s) is not None
    m = _MAYBE_DIGIT.search(s)
    if m is None:
        return False
    return m.group() in "0123456789" or _HAS_DIGIT.search(s, m.start()) is not None


_NUMBER_WORDS = (
    frozenset(_EN_UNITS) - {"one", "zero"}
    | frozenset(_NL_UNITS)
    | frozenset(_SCALES)
    | frozenset(_VAGUE)
    | {"dozen", "dozens"}
)
_NL_COMPOUND = re.compile(r"duizend|honderd|tig\b|tien\b|half\b|voudig")
# "tweeënhalf", "anderhalf" (x.5); "vervijfvoudigd", "tienvoudig" (a factor)
_NL_HALF_OR_FACTOR = re.compile(
    rf"(?<!\w)(?:(?P<half>(?:{_NL_WORD.pattern})(?:ën|en)half|anderhalf)"
    rf"|(?:ver)?(?P<factor>{_NL_WORD.pattern})voudig\w*)(?!\w)",
    re.IGNORECASE,
)
_HALF_SCALE = re.compile(r"\s+(duizend|miljoen|miljard)\b", re.IGNORECASE)
# "twee ton" in a sentence about money: two hundred thousand (euro)
_TON_AFTER = re.compile(r"\s+ton\b", re.IGNORECASE)
_MONEY = re.compile(
    r"euro|€|geld|subsidie|budget|begroting|gift|schenk|betaal|betaald|verdien|kost|salaris"
    r"|bonus|boete|schade|prijs|bedrag|binnen",
    re.IGNORECASE,
)


def _build_digits(digits: str) -> re.Pattern[str]:
    tail = (
        rf"(?:[\s-](?P<scale>{_SCALE_WORDS})\b)?"
        rf"(?:\s*(?:-|–|tot|to|à)\s*(?:[€$£]\s?)?(?P<b_digits>{digits})"
        rf"(?:[\s-](?P<b_scale>{_SCALE_WORDS})\b)?)?"
        r"(?P<unit>\s?(?:%|procent\b|percent\b|per\ cent\b|euro\b|dollars?\b|pounds?\b))?"
    )
    return re.compile(
        rf"(?:(?P<cur>[€$£])\s?(?P<digits>{digits})|(?P<digits2>{digits})){tail}", re.IGNORECASE
    )


_DIGIT_PATTERN = {"nl": _build_digits(_DIGITS_NL), "en": _build_digits(_DIGITS_EN)}
_APPROX_BEFORE = re.compile(rf"(?<![\w]){_APPROX}\s+$", re.IGNORECASE)


_DIGIT_OR_SIGN = re.compile(r"[\d€$£]")  # where a match of _DIGIT_PATTERN can start


def _matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int], start: int, end: int
) -> Iterator[re.Match[str]]:
    """pattern.finditer(text, start, end) when every match begins at one of `starts`
    (ascending): the same matches, tried only there."""
    match = pattern.match
    last = start
    for p in starts:
        if p >= last:
            m = match(text, p, end)
            if m is not None:
                last = m.end()
                yield m


def _digit_numbers(text: str, start: int, end: int, lang: str) -> list[Number]:
    """Numbers written in digits: _DIGIT_PATTERN[lang].finditer, tried only at digits and
    currency signs (faster)."""
    out: list[Number] = []
    starts = (c.start() for c in _DIGIT_OR_SIGN.finditer(text, start, end))
    for m in _matches_at(_DIGIT_PATTERN[lang], text, starts, start, end):
        s = m.start()
        if s > start and (text[s - 1].isalnum() or text[s - 1] in ".,_"):
            continue
        g = m.groupdict()
        digits = g["digits"] or g["digits2"]
        try:
            value = _value(digits, None, g["scale"] or g["b_scale"], lang)
            b_value = (
                _value(g["b_digits"], None, g["b_scale"] or g["scale"], lang)
                if g["b_digits"]
                else None
            )
        except (ValueError, KeyError, OverflowError):
            continue
        if value is None or _is_score(text, s, m.end(), value, b_value):
            continue
        unit = _UNIT.get((g["unit"] or "").strip().lower() or (g["cur"] or ""))
        # "about 20": an approximation ends in blanks right before the number
        a = (
            _APPROX_BEFORE.search(text, max(start, s - 20), s)
            if s > start and text[s - 1].isspace()
            else None
        )
        if a:
            s = a.start()
        approx = a is not None
        txt = text[s : m.end()]
        if b_value is not None and b_value >= value:
            out.append(Number(s, m.end(), txt, None, value, b_value, approx, unit))
        elif b_value is not None:
            continue  # "20 tot 5": no amount
        else:
            out.append(Number(s, m.end(), txt, value, None, None, approx, unit))
    return out


_BARE_RANGE = re.compile(r"\d+-\d+")
_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    "|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec"
    "|january|february|march|may|june|july|august|october"
)
# Before a year: a preposition of time, a month, a season ("zomer van 2017", "in 2016")
_BEFORE_YEAR = re.compile(
    rf"(?:\b(?:in|sinds|van|tot|vanaf|uit|eind|begin|medio|sedert|since|from|until|to|of|by"
    rf"|the|zomer|winter|lente|herfst|voorjaar|najaar|summer|spring|autumn|fall|{_MONTHS})"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?,?)\s+$",
    re.IGNORECASE,
)
_AFTER_DAY = re.compile(rf"\s+(?:en\s+\d{{1,2}}\s+|and\s+\d{{1,2}}\s+)?(?:{_MONTHS})\b", re.I)
_BEFORE_DAY = re.compile(rf"\b(?:{_MONTHS})\.?\s+$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"-?(?:jarige?n?\b|years?-old\b|\s+(?:jaar\s+oud|years?\s+old)\b)", re.I)
_AGO_AFTER = re.compile(
    r"\s+(?:dagen|dag|weken|week|maanden|maand|jaar|jaren|uur|minuten|eeuwen|days?|weeks?"
    r"|months?|years?|hours?|minutes?)\s+(?:geleden|ago)\b",
    re.IGNORECASE,
)
_LABEL_BEFORE = re.compile(
    r"\b(?:artikel|article|terminal|nummer|number|nr|no|pagina|page|hoofdstuk|chapter|sectie"
    r"|section|paragraaf|lijn|line|route|vlucht|flight|tram|kamer|room|fase|phase|ronde|round"
    r"|speelronde|versie|version|model|type|item|punt|point|stap|step)\.?\s+$",
    re.IGNORECASE,
)


def _not_a_count(text: str, start: int, end: int, n: Number) -> bool:
    """A number that the annotation rules do not count: a year ('in 2017'), a day of a date
    ('26 juni'), a clock time, an age ('de 61-jarige', 'Netanyahu (69)'), a point in time
    counted back ('zes jaar geleden'), a label ('artikel 50') or a bare 'één'."""
    s, e, t = n.start, n.end, n.text
    if t.lower() in ("één", "eén", "een"):
        return True
    before = text[max(start, s - 14) : s]
    if _AGE_AFTER.match(text, e, end) or _AGO_AFTER.match(text, e, end):
        return True
    if not t.isdigit():
        return False  # other words, scales, units and ranges are counts
    value = int(t)
    if (s > start and text[s - 1] == ":") or (
        text.startswith(":", e) and text[e + 1 : e + 2].isdigit()
    ):
        return True  # a clock time "14:05"
    if (
        len(t) == 4
        and 1800 <= value <= 2099
        and (_BEFORE_YEAR.search(before) or e >= end or not text[e].isspace() or s == start)
    ):
        return True  # a year
    if value <= 31 and (_AFTER_DAY.match(text, e, end) or _BEFORE_DAY.search(before)):
        return True
    if text[e : e + 1].isupper():
        return True  # part of a name: "5G", "3BP"
    if text[s - 1 : s] == "(" and text[e : e + 1] == ")":
        return True  # an age after a name: "Netanyahu (69)"
    return bool(_LABEL_BEFORE.search(before))


def _is_score(
    text: str, start: int, end: int, value: float | int, b_value: float | int | None
) -> bool:
    """A match score or a formation, not a number: '3-3', '2-1', '4-2-4' (a bare hyphen
    between digits, the second not above the first, or a chain of them)."""
    if start >= 2 and text[start - 1] == "-" and text[start - 2].isdigit():
        return True  # the tail of '4-2-4'
    if b_value is None or not _BARE_RANGE.fullmatch(text, start, end):
        return False
    return b_value <= value or (text.startswith("-", end) and text[end + 1 : end + 2].isdigit())


def may_have_numbers(low: str, words: frozenset[str], lang: str = "nl") -> bool:
    """Cheap test on a lower-cased sentence and its word set before the number regex."""
    return bool(
        _has_digit(low)
        or not words.isdisjoint(_NUMBER_WORDS)
        or (lang == "nl" and _NL_COMPOUND.search(low))
    )


def _nl_word_value(word: str) -> int | None:
    """Value of a Dutch (compound) number word, e.g. 'vijfentwintigduizend' -> 25000."""
    total = 0
    current = 0
    pos = 0
    w = word.lower()
    while pos < len(w):
        m = _NL_TOKEN.match(w, pos)
        if not m:
            return None
        tok = m.group()
        pos = m.end()
        if tok in ("en", "ën"):
            continue
        if tok == "honderd":
            current = (current or 1) * 100
        elif tok == "duizend":
            total += (current or 1) * 1000
            current = 0
        else:
            current += _NL_UNITS[tok]
    return total + current


def _digits_value(s: str, lang: str) -> float | int:
    s = s.replace(".", "").replace(",", ".") if lang == "nl" else s.replace(",", "")
    v = float(s)
    return int(v) if v.is_integer() else v


def _value(
    digits: str | None, words: str | None, scale: str | None, lang: str
) -> float | int | None:
    base: float | int | None
    if digits:
        base = _digits_value(digits, lang)
    elif words:
        lw = words.lower()
        base = _EN_UNITS.get(lw)
        if base is None:
            base = _nl_word_value(lw)
    else:
        base = 1
    if base is None:
        return None
    if scale:
        base = base * _SCALES[scale.lower()]
    if isinstance(base, float) and base.is_integer():
        return int(base)
    return base


_UNIT = {
    "%": "%",
    "procent": "%",
    "percent": "%",
    "per cent": "%",
    "euro": "EUR",
    "€": "EUR",
    "dollar": "USD",
    "dollars": "USD",
    "$": "USD",
    "pound": "GBP",
    "pounds": "GBP",
    "£": "GBP",
}


def find_numbers(
    text: str,
    start: int,
    end: int,
    lang: str,
    words: frozenset[str] | None = None,
    low: str | None = None,
) -> list[Number]:
    """All numbers in text[start:end] with values; ranges carry low/high, approximations
    ('ruim 300') approx. Not numbers: vague amounts ('tientallen', 'a few hundred'), years,
    dates, clock times, ages, points in time counted back ('twee weken geleden'), labels
    ('artikel 50', 'terminal 4') and a bare 'één'.

    `words` (the lower-cased words of the span) and `low` (the span lower-cased), when the
    caller has them, let the search skip to where a number can start.
    """
    found = _find_all(text, start, end, lang, words, low)
    return [n for n in found if not _not_a_count(text, start, end, n)] if found else found


def _find_all(
    text: str,
    start: int,
    end: int,
    lang: str,
    words: frozenset[str] | None = None,
    low: str | None = None,
) -> list[Number]:
    """Every number-like expression of text[start:end] (find_numbers before its filter)."""
    if (
        words is not None
        and words.isdisjoint(_NUMBER_WORDS)
        and (lang != "nl" or not _NL_COMPOUND.search(text, start, end))
    ):
        found = _digit_numbers(text, start, end, lang)
        if lang == "nl" and found and "ton" in text[start:end].lower():
            return _nl_tons_of_money(text, start, end, found)
        return found
    out: list[Number] = []
    if lang == "en":
        if words is not None and low is not None and len(low) == end - start:
            return _en_numbers(text, start, end, _en_starts(low, start, words))
        return _en_numbers(text, start, end)
    for m in _PATTERN[lang].finditer(text, start, end):
        number = _from_match(m, lang)
        if number is not None:
            out.append(number)
    if lang == "nl":
        out = _nl_half_and_factor(text, start, end, out)
        if "ton" in text[start:end].lower():
            out = _nl_tons_of_money(text, start, end, out)
    return out


def _nl_half_and_factor(text: str, start: int, end: int, found: list[Number]) -> list[Number]:
    """Add "tweeënhalf" (2.5), "anderhalf" (1.5) and "vervijfhonderdvoudigd" (500)."""
    extra: list[Number] = []
    for m in _NL_HALF_OR_FACTOR.finditer(text, start, end):
        half = m.group("half")
        if half is not None:
            low = half.lower()
            whole = 1 if low == "anderhalf" else _nl_word_value(re.sub("(?:ën|en)half$", "", low))
            value: float | int | None = None if whole is None else whole + 0.5
        else:
            value = _nl_word_value(m.group("factor"))
        if value is None:
            continue
        e = m.end()
        scale = _HALF_SCALE.match(text, e, end) if half is not None else None
        if scale is not None:
            value *= _SCALES[scale.group(1).lower()]
            e = scale.end()
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        extra.append(Number(m.start(), e, text[m.start() : e], value))
    if not extra:
        return found
    kept = [n for n in found if not any(x.start < n.end and n.start < x.end for x in extra)]
    return sorted(kept + extra, key=lambda n: n.start)


def _nl_tons_of_money(text: str, start: int, end: int, found: list[Number]) -> list[Number]:
    """'twee ton' is 200,000 (euro) in a sentence about money, a weight otherwise."""
    if not _MONEY.search(text, start, end):
        return found
    out = []
    for n in found:
        m = _TON_AFTER.match(text, n.end, end)
        if m is not None and isinstance(n.value, int | float) and n.unit is None:
            n = Number(  # noqa: PLW2901 -- the number with its unit
                n.start, m.end(), text[n.start : m.end()], n.value * 100_000, approx=n.approx
            )
        out.append(n)
    return out


# Words an English match of _PATTERN can start with (besides digits and currency signs). A
# scale word that is only the prefix of a longer word ("m" of "many") matches too, but never
# yields a number and ends inside that word, so leaving it out changes nothing.
_EN_STARTS = (
    frozenset(_VAGUE)
    | frozenset(_EN_UNITS)
    | frozenset(_SCALE_WORDS.split("|"))
    | frozenset(
        """about around roughly nearly almost some approximately more over at up less fewer
        ongeveer circa ca bijna ruim zo meer minder minstens tenminste hooguit rond een paar a
        enkele several""".split()  # noqa: SIM905
    )
)
_WORD_OR_SIGN = re.compile(r"[€$£]|\w+")
# A currency sign, or a digit not after a word character (one class first: re skips ahead
# in C; the lookbehind never matches after a sign)
_SIGN_OR_LEADING_DIGIT = re.compile(r"[€$£\d](?<!\w\d)")
# Each English start word on its own: the word first, so that re skips ahead in C.
_START_WORD = {w: re.compile(re.escape(w) + rf"(?<!\w{re.escape(w)})(?!\w)") for w in _EN_STARTS}


WATCHED_WORDS = _NUMBER_WORDS | _EN_STARTS  # the words find_numbers looks for in `words`


def _en_starts(low: str, start: int, words: frozenset[str]) -> list[int]:
    """Where a match of _PATTERN["en"] can start in a span (`low`, lower-cased, at `start`):
    a currency sign, a word beginning with a digit, or one of _EN_STARTS as a whole word."""
    found = [m.start() + start for m in _SIGN_OR_LEADING_DIGIT.finditer(low)]
    for w in words & _EN_STARTS:
        found.extend(m.start() + start for m in _START_WORD[w].finditer(low))
    found.sort()
    return found


def _en_numbers(text: str, start: int, end: int, starts: list[int] | None = None) -> list[Number]:
    """_PATTERN["en"].finditer, tried only where a match can start (much faster): at `starts`
    when the caller found them (_en_starts), else at every word."""
    out: list[Number] = []
    if starts is None:
        starts = [
            w.start()
            for w in _WORD_OR_SIGN.finditer(text, start, end)
            for g in (w.group(),)
            if g[0].isdigit() or g in "€$£" or g.lower() in _EN_STARTS
        ]
    for m in _matches_at(_PATTERN["en"], text, starts, start, end):
        number = _from_match(m, "en")
        if number is not None:
            out.append(number)
    return out


def _from_match(m: re.Match[str], lang: str) -> Number | None:
    """A Number from a match of the full pattern, or None for a false hit."""
    g = m.groupdict()
    s, e, txt = m.start(), m.end(), m.group()
    if s == e or txt.lower() in ("one", "zero", "nul"):
        return None
    if g["vague"] or (g["fewscale"] and g["fewscale"].lower() not in ("a", "een")):
        return None  # "tientallen", "a few hundred", "enkele duizenden": vague amounts
    nwords: str | None = g["words"]
    if (g["fs"] and not g["fewscale"]) or (nwords and nwords.lower() in ("m", "k")):
        return None  # a bare scale word ("million") without a count
    if not g["digits"] and not nwords and not g["fewscale"]:
        return None
    scale = g["scale"] or g["fs"] or g["b_scale"]
    try:
        if g["digits"] is None and nwords is None:
            value = _value(None, None, scale, lang)  # "a dozen", "een paar honderd"
        else:
            value = _value(g["digits"], nwords, scale, lang)
        has_b = bool(g["b_digits"] or g["b_words"])
        b_value = (
            _value(g["b_digits"], g["b_words"], g["b_scale"] or scale, lang) if has_b else None
        )
    except (ValueError, KeyError, OverflowError):
        return None
    if value is None or _is_score(m.string, s, e, value, b_value):
        return None
    approx = bool(g["approx"])
    unit = _UNIT.get((g["unit"] or "").strip().lower() or (g["cur"] or ""))
    if b_value is not None:
        if b_value < value:
            return None  # "20 tot 5": no amount
        return Number(s, e, txt, None, value, b_value, approx, unit)
    return Number(s, e, txt, value, None, None, approx, unit)
