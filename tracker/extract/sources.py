"""Source noun phrases around a cue: names, described people and groups, documents."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from . import lexicon_en, lexicon_nl
from .records import KnownMatch
from .tokens import END, LOW, START, TEXT, Token, is_cap, is_word
from .types import KnownSource, SourceMention

PARTICLES: frozenset[str] = frozenset(
    [
        "van",
        "de",
        "der",
        "den",
        "het",
        "ter",
        "ten",
        "in",
        "'t",
        "op",
        "von",
        "da",
        "di",
        "du",
        "le",
        "la",
        "of",
        "the",
        "al",
        "bin",
        "el",
    ]
)
TITLES: frozenset[str] = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gov",
        "sen",
        "rep",
        "gen",
        "lt",
        "col",
        "sgt",
        "st",
        "dhr",
        "mevr",
        "mw",
        "drs",
        "ir",
        "ing",
        "pres",
    ]
)
OUTLET_WORDS = re.compile(
    r"\b(?:Times|Post|Journal|News|Reuters|AP|AFP|ANP|Bloomberg|CNN|BBC|NBC|CBS|ABC|Fox|MSNBC|"
    r"Guardian|Telegraaf|Volkskrant|NRC|Trouw|NOS|RTL|Parool|Politico|Axios|Breitbart|Tribune|"
    r"Herald|Gazette|Daily|Nieuwsuur|Spiegel|Bild|Monde|Agency|krant|newspaper|omroep|"
    r"Dagblad|dagblad|Courant|Nieuwsblad|Gelderlander|Stentor|Limburger|blad|weekblad|AD|RTV|"
    r"persbureau|zender|tv|televisie|magazine|website|blog)\b",
    re.IGNORECASE,
)
DOCUMENT_WORDS = re.compile(
    r"\b(?:rapport|report|verklaring|statement|onderzoek|study|studie|survey|peiling|poll|"
    r"memo|brief|letter|document|documents|documenten|stukken|jaarrapport|jaarverslag|analysis|analyse|persbericht|release|filing|"
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
AGENCY_WORDS = re.compile(
    r"(?:\b(?:agency|CBS|RIVM|CPB|GGD|EMA|FDA|CDC|WHO|AIVD|MIVD)|agentschap|bureau|dienst)\b",
    re.IGNORECASE,
)
_HEAD_SPLIT = re.compile(r"\s(?:van|of|from|bij|at|uit)\s")
_ROLE_FOR = re.compile(r"[a-z][a-z\-]* (?=(?:for|voor) )")  # "spokeswoman for the X"
_AND = re.compile(r"\s(?:en|and|&)\s")
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
GROUP_PLURAL = re.compile(r"(?:en|ers|s|ten|den)$")


def _lex(lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    if lang == "nl":
        return lexicon_nl.PRONOUNS, lexicon_nl.DETERMINERS, lexicon_nl.STOP
    return lexicon_en.PRONOUNS, lexicon_en.DETERMINERS, lexicon_en.STOP


def _nationality(t: Token, lang: str) -> bool:
    return lang == "nl" and t[LOW] in lexicon_nl.NATIONALITIES


# Particles of names in Dutch text, Dutch ones and those of names from elsewhere ("el Amrani").
_NL_PARTICLES = frozenset(
    [
        "van",
        "de",
        "der",
        "den",
        "het",
        "ter",
        "ten",
        "te",
        "'t",
        "’t",
        "el",
        "al",
        "von",
        "da",
        "di",
        "du",
        "le",
        "la",
        "dos",
        "del",
    ]
)
_NL_PARTICLE_LEAD = frozenset(["in", "op", "uit"])  # only before another particle: "in 't Veld"


def _apostrophe_t(toks: Sequence[Token], k: int) -> bool:
    """The tokens at k are the particle 't, split by the tokeniser into "'" and "t"."""
    return toks[k][TEXT] in ("'", "’") and k + 1 < len(toks) and toks[k + 1][TEXT] == "t"


def _nl_particles_end(toks: Sequence[Token], k: int) -> int:
    """Index after the run of Dutch name particles starting at k ('van', 'van der', 'van 't',
    'in 't', 'ter'), or k when none starts there."""
    n = len(toks)
    m = k
    while m < n and m - k < 4:
        if _apostrophe_t(toks, m):
            m += 2
        elif is_cap(toks[m]):
            break
        elif toks[m][LOW] in _NL_PARTICLES or (
            toks[m][LOW] in _NL_PARTICLE_LEAD
            and m + 1 < n
            and not is_cap(toks[m + 1])
            and (toks[m + 1][LOW] in _NL_PARTICLES or _apostrophe_t(toks, m + 1))
        ):
            m += 1
        else:
            break
    return m


def _nl_particles_start(toks: Sequence[Token], k: int) -> int:
    """Start of the run of Dutch name particles ending just before token k (k when none)."""
    m = k
    while m > 0 and k - m < 4:
        p = toks[m - 1]
        if p[TEXT] == "t" and m >= 2 and toks[m - 2][TEXT] in ("'", "’"):
            m -= 2
        elif is_cap(p):
            break
        elif p[LOW] in _NL_PARTICLES or (p[LOW] in _NL_PARTICLE_LEAD and m < k):
            m -= 1
        else:
            break
    return m


def _cap_run_back(toks: Sequence[Token], j: int, lang: str) -> int:
    """Start index of the capitalised name ending at token j (with particles and titles)."""
    i = j
    while i > 0:
        p = toks[i - 1]
        if is_word(p) and is_cap(p) and not _nationality(p, lang):
            i -= 1
        elif (
            lang == "nl"
            and not is_cap(p)
            and (m := _nl_particles_start(toks, i)) < i
            and _nl_particles_end(toks, m) == i
            and m > 0
            and is_word(toks[m - 1])
            and is_cap(toks[m - 1])
            and toks[m - 1][LOW] not in lexicon_nl.STOP
        ):
            i = m  # "Joris van den Berg", "Marieke van 't Hek"
        elif p[TEXT] == "." and i >= 2 and toks[i - 2][LOW] in TITLES:
            i -= 2
        elif (
            lang == "en"
            and p[TEXT] == "."
            and i >= 2
            and len(toks[i - 2][TEXT]) == 1
            and is_cap(toks[i - 2])
            and toks[i - 2][END] == p[START]
        ):
            i -= 2  # an initial: "Joseph R. Biden"
        elif (
            lang == "en"
            and p[TEXT] == "/"
            and i >= 2
            and is_word(toks[i - 2])
            and is_cap(toks[i - 2])
            and toks[i - 2][END] == p[START]
        ):
            i -= 2  # "a Reuters/Ipsos poll"
        elif (
            p[LOW] in PARTICLES
            and (lang != "nl" or p[LOW] not in _NL_PARTICLE_LEAD)  # not "Anna van Dam in Delft"
            and i >= 2
            and is_word(toks[i - 2])
            and is_cap(toks[i - 2])
        ) or (p[TEXT] in ("-", "&") and i >= 2 and is_cap(toks[i - 2])):
            i -= 1
        else:
            break
    while i < j and ((toks[i][LOW] in PARTICLES and not is_cap(toks[i])) or toks[i][TEXT] in "-&."):
        i += 1
    return i


_NL_OBJECT_POSSESSIVE = frozenset(["haar", "hun"])  # a pronoun, or a possessive before a noun

_NAME_NOUNS = frozenset(
    ["roepnaam", "bijnaam", "naam", "schuilnaam", "sign", "nickname", "name", "alias"]
)
_EXTEND_OVER = frozenset(
    ["van", "of", "rond", "rondom", "binnen", "bij", "around", "within", "near", "for", "voor"]
)


_EN_NOT_TITLE = frozenset(
    """
    week weeks month months year years night morning afternoon evening day days time times
    ago today yesterday tonight earlier later then now also when where who what
    """.split()  # noqa: SIM905
)
_EN_TITLE_OPENERS = frozenset(['"', "“", "‘", "(", ",", ";", ":", "—", "–"])


def _en_title_back(
    toks: Sequence[Token],
    i: int,
    stop: frozenset[str],
    dets: frozenset[str],
    pronouns: frozenset[str],
) -> int:
    """Start of an English name with the title or description before it, as one noun phrase:
    "campaign spokeswoman Ana Ruiz", "former Florida governor Jeb Bush"; kept only when a
    determiner, the sentence start or punctuation opens it."""
    k = i
    while k > 0 and i - k < 6:
        p = toks[k - 1]
        w = p[LOW]
        if not is_word(p) or w in stop or w in dets or w in pronouns or w in _EN_NOT_TITLE:
            break
        if is_cap(p):
            k = _cap_run_back(toks, k - 1, "en")
        elif w.endswith(("ed", "ing", "ly", "'s", "’s")) or p[TEXT][0].isdigit():
            break
        else:
            k -= 1
    if k == i or not any(not is_cap(x) for x in toks[k:i]):
        return i
    if k == 0 or toks[k - 1][LOW] in dets or toks[k - 1][TEXT] in _EN_TITLE_OPENERS:
        return k
    return i


_EN_QUANTIFIERS = frozenset(["one", "no", "every", "each", "all"])
_EN_NUMBERS = frozenset(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"])
_EN_BEFORE_NUMBERS = frozenset(
    ["the", "these", "those", "all", "its", "their", "our", "his", "her"]
)
_EN_PARTITIVE = frozenset(
    """
    one some many most all none each both several few two three four five half majority
    """.split()  # noqa: SIM905
)


def _en_modifiers_back(
    toks: Sequence[Token], i: int, dets: frozenset[str], stop: frozenset[str]
) -> int:
    """Start of an English common-noun phrase with the lowercase modifiers before a name
    inside it ("a top GOP strategist", "one former Podesta employee"): kept only when a
    determiner or quantifier opens them."""
    k = i
    while k > 0 and i - k < 3:
        p = toks[k - 1]
        w = p[LOW]
        if not is_word(p) or is_cap(p) or w in stop or w in dets or w in _EN_QUANTIFIERS:
            break
        if w.endswith(("ing", "ly", "'s", "’s")) or p[TEXT][0].isdigit():
            break
        k -= 1
    if k < i and k > 0 and (toks[k - 1][LOW] in dets or toks[k - 1][LOW] in _EN_QUANTIFIERS):
        return k
    return i


def np_before(toks: Sequence[Token], j: int, lang: str) -> tuple[int, int] | None:
    """Token range [i, j] of the noun phrase ending at token j, or None."""
    if j < 0 or j >= len(toks):
        return None
    pronouns, dets, stop = _lex(lang)
    t = toks[j]
    if not is_word(t):
        return None
    if t[LOW] in pronouns:
        return (j, j)
    if is_cap(t) and not _nationality(t, lang):
        i = _cap_run_back(toks, j, lang)
    elif t[LOW] in stop or t[LOW] in dets or t[TEXT][0].isdigit():
        return None
    else:
        i = j
        n = 0
        while i > 0 and n < 4:
            p = toks[i - 1]
            if not is_word(p) or p[LOW] in stop or p[LOW] in dets or p[LOW] in pronouns:
                break
            if is_cap(p) and not _nationality(p, lang):
                i = _cap_run_back(toks, i - 1, lang)
                break
            i -= 1
            n += 1
    if lang == "en" and is_cap(t) and i > 0:
        i = _en_title_back(toks, i, stop, dets, pronouns)
    if (
        is_cap(t)
        and i >= 2
        and is_word(toks[i - 1])
        and not is_cap(toks[i - 1])
        and toks[i - 1][LOW] not in stop
        and toks[i - 1][LOW] not in pronouns
        and toks[i - 2][LOW] in dets
    ):
        i -= 1  # "de gemeente Utrecht", "the company Apple"
    if lang == "en" and not is_cap(t) and i < j:
        i = _en_modifiers_back(toks, i, dets, stop)
    if (i > 0 and toks[i - 1][LOW] in dets) or (i > 0 and toks[i - 1][LOW].endswith(("'s", "’s"))):
        i -= 1
    if lang == "en" and i > 0 and toks[i - 1][LOW] in _EN_QUANTIFIERS:
        i -= 1  # "one senior official", "no one", "every voter"
    if (
        lang == "en"
        and i > 0
        and (toks[i][LOW] in _EN_NUMBERS or toks[i][TEXT][0].isdigit())
        and toks[i - 1][LOW] in _EN_BEFORE_NUMBERS
    ):
        i -= 1  # "the three Democratic candidates", "all four contenders"
    # "een soldaat met de roepnaam Zaza", "a soldier with the call sign Zaza"
    for back in range(1, 5):
        if (
            i - back - 1 >= 0
            and toks[i - back][LOW] in ("met", "with")
            and all(is_word(x) and not is_cap(x) for x in toks[i - back + 1 : i])
        ):
            ext = np_before(toks, i - back - 1, lang)
            if ext is not None:
                i = ext[0]
            break
    # "de rechtbank in Arnhem": a body bound to a place, read backwards from the place
    if (
        lang == "nl"
        and i >= 2
        and toks[i - 1][LOW] == "in"
        and is_cap(toks[i])
        and not is_cap(toks[i - 2])
        and toks[i - 2][LOW].endswith(_PLACE_BOUND)
        and not OUTLET_WORDS.fullmatch(toks[i][TEXT])
    ):
        ext = np_before(toks, i - 2, lang)
        if ext is not None:
            i = ext[0]
    # "de minister van Defensie", "bronnen rond het kabinet": extend over van/of/rond.
    if i >= 2 and toks[i - 1][LOW] in _EXTEND_OVER and is_word(toks[i - 2]):
        k = toks[i - 2]
        if k[LOW] not in stop and k[LOW] not in pronouns and not k[TEXT][0].isdigit():
            ext = np_before(toks, i - 2, lang)
            if ext is not None and j - ext[0] < 10:
                i = ext[0]
    # "one of his advisers", "most of the voters", "a majority of Republicans"
    if lang == "en" and i >= 2 and toks[i - 1][LOW] == "of" and toks[i - 2][LOW] in _EN_PARTITIVE:
        i -= 2
        if i > 0 and toks[i - 1][LOW] in ("a", "the", "only"):
            i -= 1
    return (i, j)


_NL_ADJ_ENDINGS = ("se", "sche", "ieve", "ale", "iele", "ische")


def _cap_adjective(toks: Sequence[Token], k: int, lang: str) -> bool:
    """A capitalised Dutch adjective before its noun: 'de Amsterdamse hoogleraar', 'het
    Frankfurter museum', 'Conservatieve parlementsleden'."""
    if lang != "nl" or k + 1 >= len(toks):
        return False
    t, nx = toks[k], toks[k + 1]
    if not (is_cap(t) and is_word(nx) and not is_cap(nx)) or nx[LOW] in lexicon_nl.STOP:
        return False
    if nx[LOW] in PARTICLES or nx[LOW] in lexicon_nl.PRONOUNS:
        return False
    w = t[LOW]
    if len(w) >= 7 and w.endswith(_NL_ADJ_ENDINGS):
        return True
    return k > 0 and toks[k - 1][LOW] in ("de", "het", "een") and w.endswith(("er", "se"))


def _cap_run_forward(toks: Sequence[Token], k: int, lang: str) -> int:
    """Index of the last token of the capitalised name starting at token k."""
    n = len(toks)
    end = k
    k += 1
    while k < n:
        tk = toks[k]
        if is_word(tk) and is_cap(tk) and not _nationality(tk, lang):
            end = k
        elif lang == "nl" and not is_cap(tk):
            m = _nl_particles_end(toks, k)
            if (
                m == k
                or m >= n
                or not (is_word(toks[m]) and is_cap(toks[m]))
                or _cap_adjective(toks, m, lang)  # "van de Koerdische koepel"
            ):
                break
            k = m  # "Joris van den Berg", "Marieke van 't Hek", "Sophie in 't Veld"
            continue
        elif (
            (tk[LOW] in PARTICLES and k + 1 < n and is_cap(toks[k + 1]) and is_word(toks[k + 1]))
            or (
                tk[TEXT] == "." and toks[k - 1][LOW] in TITLES and k + 1 < n and is_cap(toks[k + 1])
            )
            or (
                lang == "en"  # an initial: "Joseph R. Biden"
                and tk[TEXT] == "."
                and len(toks[k - 1][TEXT]) == 1
                and toks[k - 1][END] == tk[START]
                and k + 1 < n
                and is_word(toks[k + 1])
                and is_cap(toks[k + 1])
            )
            or (
                tk[TEXT] in ("-", "&")
                and k + 1 < n
                and is_word(toks[k + 1])
                and is_cap(toks[k + 1])
            )
        ):
            pass
        else:
            break
        k += 1
    return end


# Prepositions that never begin a Dutch name (unlike the particles "Van", "In 't", "Op den").
_NL_PREPOSITIONS = frozenset(
    "tegenover tegen volgens naar met via aan voor over onder na sinds tussen".split()  # noqa: SIM905
)


def _en_head_after_name(
    toks: Sequence[Token],
    end: int,
    pronouns: frozenset[str],
    dets: frozenset[str],
    stop: frozenset[str],
) -> int:
    """End of an English noun phrase whose head follows a name: "the Rubio campaign",
    "Trump campaign manager Ana Ruiz"; kept only when punctuation, the sentence end or
    another name follows the lowercase words."""
    n = len(toks)
    k = end
    while k + 1 < n and k - end < 3:
        x = toks[k + 1]
        w = x[LOW]
        if (
            not is_word(x)
            or is_cap(x)
            or w in stop
            or w in pronouns
            or w in dets
            or w in _EN_NOT_TITLE
            or w.endswith(("ly", "ed", "ing"))
            or x[TEXT][0].isdigit()
        ):
            break
        k += 1
    if k == end:
        return end
    if k + 1 >= n or not is_word(toks[k + 1]):
        return k
    if is_cap(toks[k + 1]):
        return _cap_run_forward(toks, k + 1, "en")
    return end


def np_after(toks: Sequence[Token], i: int, lang: str) -> tuple[int, int] | None:
    """Token range [i, j] of the noun phrase starting at token i, or None."""
    pronouns, dets, stop = _lex(lang)
    n = len(toks)
    if i >= n or not is_word(toks[i]):
        return None
    t = toks[i]
    if t[LOW] in pronouns and t[LOW] not in ("that", "die", "which"):
        return (i, i)
    if (
        lang == "nl"
        and t[LOW] in _NL_OBJECT_POSSESSIVE
        and (i + 1 >= n or not is_word(toks[i + 1]) or toks[i + 1][LOW] in stop)
        and (i + 1 >= n or not is_cap(toks[i + 1]))
    ):
        return (i, i)  # "Volgens haar is het zo", "volgens haar."
    if (
        lang == "nl"
        and t[LOW] in ("een", "één", "geen")
        and i + 2 < n
        and toks[i + 1][LOW] == "van"
    ):
        if toks[i + 2][LOW] in ("hen", "hun", "hem", "haar", "ons", "hen."):
            return (i, i + 2)  # "een van hen"
        rest = np_after(toks, i + 2, lang)
        if rest is not None:
            return (i, rest[1])  # "een van de ministers"
    j = i
    if t[LOW] in dets:
        j = i + 1
    if j < n and toks[j][LOW] in TITLES and j + 2 < n and toks[j + 1][TEXT] == ".":
        j += 2
    if j >= n or not is_word(toks[j]) or toks[j][TEXT][0].isdigit():
        return None
    if toks[j][LOW] in stop and not is_cap(toks[j]):
        return None
    if lang == "nl" and toks[j][LOW] in _NL_PREPOSITIONS:
        return None  # "Tegenover Jansen": an addressee, capitalised or not, is no source
    k = j
    if is_cap(toks[k]) and not _nationality(toks[k], lang) and not _cap_adjective(toks, k, lang):
        end = _cap_run_forward(toks, k, lang)
        if lang == "en":
            end = _en_head_after_name(toks, end, pronouns, dets, stop)
    else:
        # adjectives, then the head noun, then an optional name ("minister De Vries")
        count = 0
        while (
            k + 1 < n
            and count < 4
            and is_word(toks[k + 1])
            and (toks[k + 1][LOW] not in stop or is_cap(toks[k + 1]))
            and (
                _nationality(toks[k], lang)
                or (lang == "nl" and toks[k][LOW].endswith("e") and not toks[k][LOW].endswith("ie"))
                or _cap_adjective(toks, k, lang)
                or (lang == "nl" and toks[k][LOW].startswith("ge") and toks[k][LOW].endswith("en"))
                or (
                    lang == "en"
                    and not is_cap(toks[k + 1])
                    and toks[k + 1][LOW] not in pronouns
                    and toks[k + 1][LOW] not in dets
                    and not toks[k + 1][TEXT][0].isdigit()
                )
            )
        ):
            k += 1
            count += 1
        end = k
        if (
            k + 1 < n
            and is_word(toks[k + 1])
            and is_cap(toks[k + 1])
            and not _nationality(toks[k + 1], lang)
        ):
            end = _cap_run_forward(toks, k + 1, lang)
    # "de soldaat met de roepnaam Zaza", "a soldier with the call sign Zaza"
    if end + 3 < n and toks[end + 1][LOW] in ("met", "with"):
        k = end + 2
        while k < n and k <= end + 5 and is_word(toks[k]) and not is_cap(toks[k]):
            k += 1
        if k < n and k > end + 2 and toks[k - 1][LOW] in _NAME_NOUNS and is_cap(toks[k]):
            end = _cap_run_forward(toks, k, lang)
    if lang == "nl" and end + 2 < n and toks[end + 1][LOW] == "in":
        end = _in_place(toks, i, end)
    if lang == "nl" and end + 3 < n and toks[end + 1][TEXT] == ",":
        end = _role_apposition(toks, i, end)
    # "a report by the Times", "het rapport van de inspectie"
    if end + 2 < n and toks[end + 1][LOW] in ("by", "from", "of", "van") and end - i <= 3:
        ext = np_after(toks, end + 2, lang)
        if ext is not None and ext[1] - i < 12:
            end = ext[1]
    return (i, end)


_PLACE_BOUND = (
    "rechtbank",
    "hof",
    "politie",
    "gemeente",
    "provincie",
    "ambassade",
    "consulaat",
    "correspondent",
    "universiteit",
    "ziekenhuis",
    "brandweer",
    "parket",
    "kantoor",
    "vestiging",
    "afdeling",
    "school",
    "museum",
)


def _in_place(toks: Sequence[Token], i: int, end: int) -> int:
    """'de rechtbank in Arnhem', 'het consulaat in Antwerpen': a body bound to a place keeps
    'in' + the place name in its noun phrase; a person's 'in Den Haag' or a channel ('in de
    krant', 'in Nieuwsuur') stays outside. Returns the new last token."""
    head = toks[end]
    place = toks[end + 2]
    if (
        is_cap(head)
        or not head[LOW].endswith(_PLACE_BOUND)
        or not (is_word(place) and is_cap(place))
        or OUTLET_WORDS.fullmatch(place[TEXT])
    ):
        return end
    return _cap_run_forward(toks, end + 2, "nl")


def _role_apposition(toks: Sequence[Token], i: int, end: int) -> int:
    """'de voorzitter, Anna van Dam.': a role described in lower case takes the full name that
    follows it after a comma, when the name closes the clause. Returns the new last token."""
    if not (toks[i][LOW] in lexicon_nl.DETERMINERS and 1 <= end - i <= 3):
        return end
    if any(not is_word(t) or is_cap(t) for t in toks[i + 1 : end + 1]):
        return end
    k = end + 2
    if not (is_word(toks[k]) and is_cap(toks[k])) or toks[k][LOW] in lexicon_nl.STOP:
        return end
    last = _cap_run_forward(toks, k, "nl")
    after = toks[last + 1][TEXT] if last + 1 < len(toks) else "."
    if last == k or after not in (".", ",", "!", "?", ";"):
        return end  # a lone capital may open a new clause: "zei de minister, Rutte ..."
    return last


@lru_cache(maxsize=4096)
def source_kind(text: str, lang: str) -> str:
    """A Source kind guessed from the mention's words (its head, before 'van'/'of')."""
    pair = _AND.split(text, 1)
    if len(pair) == 2 and all(len(p.split()) >= 2 and _kind(p, lang) == "person" for p in pair):
        return "group"  # "Pieter de Groot en Anna van Dam": two people, no one entity
    head = _HEAD_SPLIT.split(text, 1)[0]
    if m := _ROLE_FOR.match(head):
        head = m.group().rstrip()  # a lower-case role before 'for'/'voor' is the head
    kind = _kind(head, lang)
    if kind == "person" and head == text and _ACRONYM.search(text) and len(text.split()) <= 3:
        return "organization"
    return kind


# Kind cues inside a capitalised compound or name, on top of the word lists above: an outlet's
# "-blad"/"-post"/"-krant" ("Het Avondblad", "De Ochtendpost"), an organisation's
# "-bond"/"-vereniging"/"-partij" ("de Consumentenbond"), a government's "Rijks-"/"-ministerie".
_OUTLET_PART = re.compile(
    r"[a-zà-ÿ](?:blad|krant|post|courant|omroep|bode|nieuws)\b|\bOmroep\b|"
    r"\b(?:Observer|Review|Chronicle|Examiner|Inquirer|Economist|Mirror|Express|Magazine)\b"
)
_ORG_PART = re.compile(
    r"[a-zà-ÿ](?:bond|vereniging|stichting|partij|bank|bedrijf|raad|groep|fonds|corporatie|"
    r"federatie|unie|organisatie|instituut|maatschappij|coöperatie|concern|beweging|alliantie)\b|"
    r"\b(?:Watch|International|Club|Corporation|Company|Ltd|LLC|PLC|Holdings|NV|BV|N\.V\.|"
    r"B\.V\.|GmbH|Foundation|Trust|Society|Federation|Alliance|Coalition|Fund|Charity|Red Cross|"
    r"Energy|Energie|Airlines|Airways|Motors|Systems|Technologies|Industries|Partners|Logistics|"
    r"Pharmaceuticals|Telecom)\b"
)
_GOV_PART = re.compile(
    r"\bRijks[a-zà-ÿ]|[a-zà-ÿ]ministerie\b|\b(?:Home|Foreign|Cabinet|War) Office\b|"
    r"\b(?:Treasury|Downing Street|Whitehall|Kremlin|Elysée|Binnenhof|Torentje)\b"
)
_NEWS_AGENCY = re.compile(r"\b(?:news|press|pers|persbureau|nieuwsagentschap)\b", re.IGNORECASE)
_THING_ARTICLES = frozenset(["het", "the"])  # "Het X" / "the X": never a person's name
_HONORIFICS = TITLES | frozenset(
    ["rev", "reverend", "father", "sir", "dame", "lord", "lady", "king", "queen", "prince",
     "princess", "pope", "bishop", "imam", "rabbi", "sheikh", "koning", "koningin", "prins"]
)  # fmt: skip
_DEMONYM = re.compile(r"(?:s|ese|ish|ch)$")  # "the Danes", "the Chinese", "the Dutch", "the Smiths"


def _kind(text: str, lang: str) -> str:
    words = text.split()
    low = text.lower()
    if not words:
        return "person"
    pronouns = lexicon_nl.PRONOUNS if lang == "nl" else lexicon_en.PRONOUNS
    if len(words) == 1 and low in pronouns:
        return "group" if low in ("they", "we", "zij", "wij", "hen", "hun") else "person"
    if (
        ANON_WORDS.match(low)
        or (len(words) > 1 and ANON_WORDS.match(words[1].lower()))
        or (low.startswith(("a source", "een bron")))
    ):
        return "anonymous"
    if lang == "nl" and AGENCY_WORDS.search(text):
        return "agency"
    if re.search(r"\bAgency\b", text) and not _NEWS_AGENCY.search(text):
        return "agency"  # "the Environment Agency" (a news agency is an outlet)
    if OUTLET_WORDS.search(text) or _OUTLET_PART.search(text):
        return "outlet"
    if DOCUMENT_WORDS.search(text) and not words[-1][0].isupper():
        return "document"
    if AGENCY_WORDS.search(text):
        return "agency"
    if GOV_WORDS.search(text) or _GOV_PART.search(text):
        return "government"
    if ORG_WORDS.search(text) or _ORG_PART.search(text):
        return "organization"
    skip = lexicon_nl.NATIONALITIES | lexicon_nl.DETERMINERS | lexicon_en.DETERMINERS
    caps = [w for w in words if w[0].isupper() and w.lower() not in skip]
    if not caps and GROUP_PLURAL.search(words[-1]) and len(words[-1]) > 3:
        return "group"
    if _named_thing(words):
        return "organization"
    if len(words) == 2 and words[0].lower() in _THING_ARTICLES and _DEMONYM.search(words[1]):
        return "group"  # "the Chinese", "the Europeans"
    return "person"


def _named_thing(words: list[str]) -> bool:
    """'Het Zuiderlicht', 'the Sierra Club', 'de Zonnebloem': a name led by a definite article
    (lower-case 'de' in Dutch, since 'De Vries' is a surname) with no title or role in it is
    an organisation or a title, never a person."""
    first = words[0]
    rest = words[1:]
    if not rest or not (first.lower() in _THING_ARTICLES or (first == "de" and len(rest) > 1)):
        return False
    if len(rest) == 1 and _DEMONYM.search(rest[0]):
        return False
    return all(w[0].isupper() and not w.endswith(".") for w in rest) and not any(
        w.lower().rstrip(".") in _HONORIFICS for w in rest
    )


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

    def matches(self, text: str, start: int, end: int) -> list[KnownMatch]:
        """Registry mentions in text[start:end]."""
        if self.pattern is None:
            return []
        return [
            KnownMatch(m.start(), m.end(), self.by_alias[m.group()])
            for m in self.pattern.finditer(text, start, end)
        ]


def mention(
    text: str,
    toks: Sequence[Token],
    rng: tuple[int, int],
    lang: str,
    known: list[KnownMatch],
) -> SourceMention:
    """SourceMention for a token range, trimmed, preferring an overlapping registry entry."""
    start, end = toks[rng[0]][START], toks[rng[1]][END]
    for ks in known:
        if ks.start < end and start < ks.end:
            s, e = min(start, ks.start), max(end, ks.end)
            return SourceMention(s, e, text[s:e], ks.source.kind)
    if (
        text.endswith(("'s", "’s"), start, end)
        and end - start > 2
        and (lang != "nl" or text[max(start, text.rfind(" ", start, end) + 1)].isupper())
    ):
        end -= 2  # "Trump's claim": the possessor is the source (not Dutch "collega's")
    while end > start and text[end - 1] in ",.;:!?)\"'”’»-–":
        end -= 1
    while start < end and text[start] in "(\"'“‘„«-–":
        start += 1
    if start >= end:
        start, end = toks[rng[0]][START], toks[rng[1]][END]
    span = text[start:end]
    return SourceMention(start, end, span, source_kind(span, lang))
