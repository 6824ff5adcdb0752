"""Names, descriptions and words that are neither: what may become a registry source.

A *name* ("Anna de Vries", "The New York Post", "Ministerie van Defensie", the report
"Veilig Verder") picks out one entity and is matched across articles. A *description* ("een
Russische soldaat", "a senior official", "bronnen rond het kabinet", "ingewijden") says what a
source is without saying who: it belongs to its article. Anything else (pronouns, determiners,
weekdays, single lower-case words, headline fragments) is *not a name* and never a source.

The rules are general Dutch and English morphology and closed word classes; no entity list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Form = Literal["name", "description", "not_a_name"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PRONOUNS = _words(
    """
    i me my mine we us our ours you your yours he him his she her hers it its they them their
    theirs himself herself themselves itself one someone somebody anyone everyone nobody
    who whom whose which what that this these those there here
    ik mij me mijn wij we ons onze jij je jou jouw u uw hij hem zijn zij ze haar hen hun
    het men iemand niemand iedereen wie wat welke die dat deze dit daar hier er zich zelf
    """
)
DETERMINERS = _words(
    """
    a an the some any each every no all both either neither several many few most other
    another such de het een 't geen elk elke ieder iedere alle beide enkele sommige meerdere
    diverse verschillende vele veel weinig andere zo'n zulke
    """
)
# Words that open a description: an indefinite or a quantity ("een", "two", "a number of").
_INDEFINITE = _words(
    """
    a an some several many few various numerous other another one two three four five six
    seven eight nine ten dozens hundreds een enkele sommige meerdere diverse verschillende
    vele veel weinig andere twee drie vier vijf zes zeven acht negen tien tientallen
    honderden anonymous anonieme unnamed onbekende ongenoemde zo'n zulke
    """
)
_DEMONSTRATIVES = _words("this that these those deze die dit dat")
_POSSESSIVES = _words("my our your his her its their mijn onze ons jouw uw zijn haar hun")
_DEFINITE = _words("the de het 't")
TIME_WORDS = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag vandaag gisteren morgen
    vanavond vannacht january february march april may june july august september october
    november december januari februari maart mei juni juli augustus oktober
    """
)
# Connectors that may stand lower-case inside a name ("Raad van State", "Bank of England").
_PARTICLES = _words(
    """
    van de der den het ter ten te 't von di da du des le la al el bin ibn y of the for and
    on in at en voor op aan uit zonder without tot und & 's
    """
)
# Verbs that make a word run a clause or a headline, not a name.
_VERBS = _words(
    """
    is are was were be been has have had will would said says say told tells claims claimed
    warns warned denies denied admits admitted reports reported confirms confirmed
    zegt zei zeggen zeiden is was zijn waren heeft hebben had hadden wordt werd worden
    zal zullen wil willen meldt meldde melden stelt stelde ontkent ontkende bevestigt
    bevestigde waarschuwt waarschuwde vindt vond
    """
)
# Common nouns for people and groups that a description is built on.
ROLE_NOUNS = _words(
    """
    official officials source sources insider insiders spokesman spokeswoman spokesperson
    spokespeople witness witnesses expert experts analyst analysts critic critics resident
    residents diplomat diplomats soldier soldiers officer officers employee employees staff
    aide aides adviser advisers advisor advisors minister ministers lawyer lawyers
    researcher researchers scientist scientists doctor doctors person people man men woman
    women member members leader leaders executive executives investigator investigators
    observer observers activist activists neighbour neighbours neighbor neighbors
    colleague colleagues friend friends relative relatives
    bron bronnen ingewijde ingewijden woordvoerder woordvoerster woordvoerders getuige
    getuigen deskundige deskundigen expert experts analist analisten criticus critici
    bewoner bewoners omwonenden buurtbewoners diplomaat diplomaten soldaat soldaten militair
    militairen medewerker medewerkers ambtenaar ambtenaren adviseur adviseurs minister
    ministers advocaat advocaten onderzoeker onderzoekers wetenschapper wetenschappers arts
    artsen dokter man mannen vrouw vrouwen persoon personen mensen lid leden leider leiders
    betrokkene betrokkenen waarnemer waarnemers activist activisten buren collega collega's
    vriend vrienden familieleden agent agenten politie police kabinet cabinet regering
    government
    """
)
# Head nouns of institution names written lower-case in running text ("ministerie van Defensie").
_INSTITUTION_HEADS = _words(
    """
    ministerie gemeente provincie rechtbank gerechtshof politie universiteit stichting
    vereniging partij ministry department city county province court university
    foundation party minister president premier burgemeester woordvoerder wethouder
    staatssecretaris commissaris directeur hoogleraar professor mayor senator
    """
)
_EDGE = " \t\n\"'“”‘’„«»()[]{}.,;:!?-–—"
_QUOTED_TITLE = re.compile(r"[\"“„«‘'][^\"”“»’']{3,}[\"”»’']")
_MAX_NAME_WORDS = 10
_INITIAL = re.compile(r"[A-Z]\.")


@dataclass(frozen=True)
class NameCheck:
    """What a mention is, and in a few words why (shown to editors)."""

    form: Form
    reason: str

    @property
    def is_name(self) -> bool:
        return self.form == "name"


def _capitalised(word: str) -> bool:
    first = next((ch for ch in word if ch.isalnum()), "")
    return first.isupper() or first.isdigit()


def _bare(word: str) -> str:
    return word.strip(_EDGE).casefold()


def classify_mention(text: str, kind: str | None = None) -> NameCheck:
    """Decide whether `text` names a source, describes one, or is not a name at all.

    `kind` is the extractor's or user's kind: "anonymous" or "group" turns what would be a
    plural role noun into a description; a title in quotation marks marks a named document.
    """
    words = " ".join(text.split()).strip(_EDGE).split()
    if not words or not any(ch.isalpha() for ch in "".join(words)):
        return NameCheck("not_a_name", "no words")
    if _QUOTED_TITLE.search(text) and len(words) <= 2 * _MAX_NAME_WORDS:
        return NameCheck("name", "a title in quotation marks")
    if len(words) > _MAX_NAME_WORDS:
        return NameCheck("not_a_name", "too long for a name: a fragment of a sentence")
    low = [_bare(w) for w in words]
    if len(words) == 1:
        return _one_word(words[0], low[0])
    if low[0] in _DEMONSTRATIVES:
        return NameCheck("not_a_name", "a demonstrative refers back to something else")
    if any(w in _VERBS for w in low[1:]):
        return NameCheck("not_a_name", "contains a verb: a fragment of a sentence or headline")
    if low[0] in _INDEFINITE and not _INITIAL.fullmatch(words[0]):
        return NameCheck("description", "an indefinite description")
    if low[0] in _POSSESSIVES:
        return NameCheck("description", "described by its relation to someone else")
    start = 1 if low[0] in _DEFINITE else 0
    rest, rest_low = words[start:], low[start:]
    if all(w in PRONOUNS or w in DETERMINERS or w in TIME_WORDS for w in rest_low):
        return NameCheck("not_a_name", "only pronouns, determiners or time words")
    # Lower-case titles and institution heads before a name: "minister Hugo de Jonge",
    # "ministerie van Defensie", "woordvoerder Jan Smit" name their entity.
    lead = 0
    while lead < len(rest) and not _capitalised(rest[lead]) and is_title(rest_low[lead]):
        lead += 1
    if lead:
        while lead < len(rest) and rest_low[lead] in _PARTICLES:
            lead += 1
        tail, tail_low = rest[lead:], rest_low[lead:]
        if tail and _capitalised(tail[0]) and _named_tail(tail, tail_low):
            return NameCheck("name", "a title or institution with its proper name")
    if _role_before_full_name(rest, rest_low):
        return NameCheck("name", "a role before a full name")
    if not _capitalised(rest[0]):
        return NameCheck("description", "a common noun phrase, not a proper name")
    if not _named_tail(rest, rest_low):
        return NameCheck("description", "a common noun describes the source")
    if kind == "group" and any(w in ("en", "and", "&") for w in rest_low):
        return NameCheck("description", "several sources named together")
    if kind == "anonymous" or (kind == "group" and rest_low[-1] in ROLE_NOUNS):
        return NameCheck("description", "an anonymous or group source")
    if rest_low[0] in TIME_WORDS and len(rest) == 1:
        return NameCheck("not_a_name", "a day or month")
    return NameCheck("name", "capitalised words")


def _title_word(low: str) -> bool:
    """A title or role noun, also with 'oud-', 'ex-', 'vice-' or 'former-' before it."""
    for prefix in ("oud-", "ex-", "vice-", "former-"):
        low = low.removeprefix(prefix)
    return low in _PERSON_TITLES or low in ROLE_NOUNS


def _role_before_full_name(words: list[str], low: list[str]) -> int:
    """'econoom Joris van den Berg', 'Amsterdamse hoogleraar Carla de Wit': one to three words
    of a role (lower case, or a capitalised adjective before a lower-case word; no particles,
    no verbs) before a first name and a surname. Returns where the name starts, or 0."""
    k = 0
    while k < len(words) and (
        not _capitalised(words[k])  # "de Amsterdamse hoogleraar": an adjective before the role
        or (k + 1 < len(words) and not _capitalised(words[k + 1]) and low[k + 1] not in _PARTICLES)
    ):
        if low[k] in _PARTICLES or low[k] in _VERBS or not low[k].replace("-", "").isalpha():
            return 0
        k += 1
    tail, tail_low = words[k:], low[k:]
    if not 1 <= k <= 3 or len(tail) < 2 or tail_low[0] in _PARTICLES:
        return 0
    return k if _named_tail(tail, tail_low) else 0


def _named_tail(words: list[str], low: list[str]) -> bool:
    """Every word is capitalised, a connector inside a name, or a quoted title."""
    if any(w in ROLE_NOUNS and not _capitalised(words[i]) for i, w in enumerate(low)):
        return False
    if low[-1] in _PARTICLES:
        return False
    return all(_capitalised(w) or lw in _PARTICLES for w, lw in zip(words, low, strict=True))


def _one_word(word: str, low: str) -> NameCheck:
    if low in PRONOUNS or low in DETERMINERS:
        return NameCheck("not_a_name", "a pronoun or determiner")
    letters = [ch for ch in word if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return NameCheck("name", "an acronym")
    if low in TIME_WORDS:
        return NameCheck("not_a_name", "a day, month or time word")
    if low in _VERBS or low in _PARTICLES:
        return NameCheck("not_a_name", "a function word")
    if low in ROLE_NOUNS:
        return NameCheck("description", "a common noun for people")
    if not _capitalised(word):
        return NameCheck("not_a_name", "a single lower-case word")
    return NameCheck("name", "a proper name")


def is_name(text: str, kind: str | None = None) -> bool:
    return classify_mention(text, kind).is_name


def name_tokens(text: str) -> list[str]:
    """The capitalised words of a name without leading articles: what surname matching uses."""
    words = [_bare(w) for w in text.split()]
    while words and words[0] in _DEFINITE:
        words = words[1:]
    return [w for w in words if w]


_PERSON_TITLES = _words(
    """
    minister president premier burgemeester woordvoerder woordvoerster wethouder
    staatssecretaris commissaris directeur hoogleraar professor mayor senator spokesman
    spokeswoman chairman chairwoman voorzitter
    """
)


_TITLE_PREFIXES = ("oud-", "ex-", "vice-", "adjunct-", "interim-", "former-")


def is_title(low: str) -> bool:
    """A lower-case title or role before a name, also as a Dutch compound or with a prefix:
    "wethouder", "havenwethouder", "oud-minister", "fractievoorzitter", "ex-senator"."""
    for prefix in _TITLE_PREFIXES:
        if low.startswith(prefix):
            low = low[len(prefix) :]
            break
    if low in _PERSON_TITLES or low in _INSTITUTION_HEADS:
        return True
    return len(low) > 8 and any(
        low.endswith(t) for t in _PERSON_TITLES if len(t) >= 6 and len(low) - len(t) >= 3
    )


def registry_name(text: str, kind: str) -> str:
    """The form a named mention is registered under: single spaces, no edge punctuation, and
    for a person no lower-case title before the name ("minister Hugo de Jonge" -> "Hugo de
    Jonge", "the spokesman Tom Hale" -> "Tom Hale")."""
    words = " ".join(text.split()).strip(_EDGE).split()
    if kind == "person":
        i = 0
        if len(words) > 2 and _bare(words[0]) in _DEFINITE and is_title(_bare(words[1])):
            i = 1
        while i < len(words) - 1 and not _capitalised(words[i]) and is_title(_bare(words[i])):
            i += 1
        if i and _capitalised(words[i]):
            words = words[i:]
        elif not i and len(words) > 2 and _title_word(_bare(words[0])):
            words = words[1:]  # a sentence opening "Minister Hugo de Jonge", "Oud-minister ..."
        elif not i:
            start = 1 if len(words) > 1 and _bare(words[0]) in _DEFINITE else 0
            low = [_bare(w) for w in words[start:]]
            k = _role_before_full_name(words[start:], low)
            if k:
                words = words[start + k :]  # "econoom Joris van den Berg" -> "Joris van den Berg"
    return " ".join(words)


_PARENTHESIS = re.compile(r"\s*\([^)]*\)")


def naming_part(text: str) -> str:
    """The words of a source mention that name it, without an apposition or a parenthesis:
    "Frank Luntz, a Republican pollster," -> "Frank Luntz", "a pollster, Frank Luntz" ->
    "Frank Luntz", "Rep. Dana Cole (D-Ore.)" -> "Rep. Dana Cole". A mention without a named
    part is returned as it is."""
    plain = _PARENTHESIS.sub("", text).strip(" ,;")
    parts = [p.strip() for p in plain.split(",") if p.strip()]
    if len(parts) < 2:
        return plain or text
    for part in (parts[0], parts[-1]):
        if classify_mention(part).is_name:
            return part
    return plain
