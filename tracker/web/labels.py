"""The interface's words for each stored code (statuses, source kinds, attribution kinds,
stances, roles, languages, check-worthiness bands), translated here and nowhere else, and the one
helper that turns them into select options. Statuses, source kinds, stances and languages are the
words the reports use too (tracker/vocabulary.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.numbers import get_decimal_symbol
from flask_babel import get_locale, gettext
from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice

from ..models import ATTRIBUTION_KINDS, ROLES
from ..vocabulary import (
    CHECKWORTHINESS_NAMES,
    DISMISS_NAMES,
    LANGUAGE_NAMES,
    LANGUAGE_READ_NAMES,
    SOURCE_KIND_NAMES,
    STANCE_NAMES,
    STATUS_NAMES,
    checkworthiness_band,
)

STATUS = {code: _l(name) for code, name in STATUS_NAMES.items()}
SOURCE_KIND = {code: _l(name) for code, name in SOURCE_KIND_NAMES.items()}
# An attribution kind in a line of text, and explained where one is chosen.
ATTRIBUTION_KIND = {"reported": _l("reported"), "quote": _l("quote"), "hearsay": _l("hearsay")}
ATTRIBUTION_KIND_CHOICE = {
    "reported": _l("reported (cites someone)"),
    "quote": _l("direct quote"),
    "hearsay": _l("hearsay (no source)"),
}
STANCE = {code: _l(name) for code, name in STANCE_NAMES.items()}
DISMISS = {code: _l(name) for code, name in DISMISS_NAMES.items()}
ROLE = {"factchecker": _l("fact-checker"), "editor": _l("editor"), "admin": _l("administrator")}
LANGUAGE = LANGUAGE_NAMES  # for choosing the interface's language: each in its own
LANGUAGE_READ = {code: _l(name) for code, name in LANGUAGE_READ_NAMES.items()}
CHECKWORTHINESS = {code: _l(name) for code, name in CHECKWORTHINESS_NAMES.items()}
# What an audit event did, as a history list says it.
CLAIM_EVENT = {
    "claim.status": _l("set the verdict"),
    "claim.text": _l("reworded the claim"),
    "claim.assign": _l("assigned the claim"),
    "claim.chain": _l("changed the provenance chain"),
    "claim.split": _l("split the claim"),
    "claim.create": _l("added the claim"),
    "claim.reanchor": _l("re-anchored the claim in a new version of the article"),
    "claim.orphan": _l("could not find the claim in a new version of the article"),
    "claim.dismiss": _l("dismissed the claim"),
    "claim.restore": _l("restored the claim"),
    "claim.comment": _l("commented"),
    "evidence.add": _l("added evidence"),
    "evidence.remove": _l("removed evidence"),
}
SOURCE_EVENT = {
    "source.create": _l("created"),
    "source.update": _l("edited"),
    "source.alias": _l("alias added"),
    "source.merge": _l("another source merged into it"),
    "source.unmerge": _l("a merge was undone"),
    "source.confirm": _l("confirmed"),
}
# Why two registry entries look like one (tracker/services/source_duplicates.py).
DUPLICATE_REASON = {
    "same web address": _l("same web address"),
    "same name": _l("same name"),
    "same surname, one with a first name": _l("same surname, one with a first name"),
    "same name with or without an article, city or first word": _l(
        "same name with or without an article, city or first word"
    ),
    "similar spelling": _l("similar spelling"),
}

for _labels, _codes in (
    (ATTRIBUTION_KIND, ATTRIBUTION_KINDS),
    (ATTRIBUTION_KIND_CHOICE, ATTRIBUTION_KINDS),
    (ROLE, ROLES),
):
    assert set(_labels) == set(_codes), f"labels {sorted(_labels)} != codes {sorted(_codes)}"


def label(labels: Mapping[str, Any], code: str) -> str:
    """The translated word for `code` (the code itself when it has none)."""
    return str(labels.get(code, code))


def status_label(status: str) -> str:
    return label(STATUS, status)


def stance_label(stance: str) -> str:
    return label(STANCE, stance)


def dismiss_label(reason: str) -> str:
    return label(DISMISS, reason)


def language_label(code: str | None) -> str:
    """An article's language by name in the interface's language ("Dutch" / "Nederlands");
    babel names the languages the vocabulary does not list."""
    if not code:
        return ""
    if code in LANGUAGE_READ:
        return str(LANGUAGE_READ[code])
    try:
        name = Locale.parse(code).get_display_name(get_locale() or "en")
    except (UnknownLocaleError, ValueError):
        return code
    return name or code


def language_options(codes: Iterable[str]) -> list[tuple[str, str]]:
    """(code, name) pairs of a language filter, by name."""
    return sorted(((code, language_label(code)) for code in codes), key=lambda p: p[1])


def checkworthiness_label(score: float) -> str:
    """A check-worthiness score in words: high, medium or low (tracker/vocabulary.py)."""
    return label(CHECKWORTHINESS, checkworthiness_band(score))


def source_kind_label(kind: str) -> str:
    return label(SOURCE_KIND, kind)


def role_label(role: str) -> str:
    return label(ROLE, role)


def source_event_label(action: str) -> str:
    return label(SOURCE_EVENT, action)


def source_duplicate_reason(reason: str) -> str:
    return label(DUPLICATE_REASON, reason)


def opts(pairs: Iterable[tuple[str, Any]]) -> list[SelectChoice]:
    """Select options as WTForms wants them (tuples are deprecated)."""
    return [SelectChoice(value, text) for value, text in pairs]


def choices(labels: Mapping[str, Any], blank: Any = None) -> list[SelectChoice]:
    """The options of a select over `labels`, after a blank option when `blank` names it."""
    return opts(([("", blank)] if blank is not None else []) + list(labels.items()))


class RowWords:
    """The words a long list repeats on every row, translated once per language: a page of 50
    claims otherwise looks each one up again through Flask-Babel's request context (hundreds of
    lookups a page). Words with a `%(id)s` are kept as templates for Jinja's `format`."""

    def __init__(self, locale: str) -> None:
        self.checkworthy = gettext("check-worthy")
        self.nobody = gettext("nobody")
        self.none_given = gettext("none given")
        self.save = gettext("Save")
        self.rationale = gettext("Rationale")
        self.needs_rationale = gettext("Write a rationale, then press Enter to save.")
        self.dismiss = gettext("Dismiss")
        self.claim_n = gettext("Claim %(n)s")
        self.new_status_of = gettext("New status of claim %(n)s in “%(article)s”")
        self.rationale_of = gettext("Rationale for claim %(n)s in “%(article)s”")
        self.dismiss_as = gettext("Dismiss claim %(n)s as")
        self.status = {code: str(name) for code, name in STATUS.items()}
        self.statuses = list(self.status.items())
        self.bands = {code: str(name) for code, name in CHECKWORTHINESS.items()}
        self._decimal = get_decimal_symbol(locale)
        self._languages: dict[str | None, str] = {}

    def band(self, score: float) -> str:
        """A check-worthiness score's band code (high / medium / low)."""
        return checkworthiness_band(score)

    def language(self, code: str | None) -> str:
        """An article's language by name (language_label), looked up once per code."""
        name = self._languages.get(code)
        if name is None:
            name = self._languages[code] = language_label(code)
        return name

    def score(self, value: float) -> str:
        """A score with two decimals, as `decimalformat("0.00")` writes it in this language."""
        rounded = Decimal(str(value)).quantize(_CENT, ROUND_HALF_EVEN)  # as Babel rounds
        return str(rounded).replace(".", self._decimal)


_CENT = Decimal("0.01")
_ROW_WORDS: dict[str, RowWords] = {}


def row_words() -> RowWords:
    """The request's language's RowWords (made on its first use, then kept)."""
    locale = str(get_locale() or "en")
    words = _ROW_WORDS.get(locale)
    if words is None:
        words = _ROW_WORDS[locale] = RowWords(locale)
    return words
