"""The interface's one vocabulary: the words shown for each stored code (statuses, source kinds,
attribution kinds, stances, roles, languages), translated here and nowhere else, and the one
helper that turns them into select options.

The reports' own words (tracker/reports/common.py) are rendered in the report's language, not
the interface's, by the renderers, which do not import Flask.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice

from ..models import ATTRIBUTION_KINDS, ROLES, SOURCE_KINDS, STANCES, STATUSES

STATUS = {
    "unreviewed": _l("Unreviewed"),
    "verified": _l("Verified"),
    "disputed": _l("Disputed"),
    "unsourced": _l("Unsourced"),
}
SOURCE_KIND = {
    "outlet": _l("news outlet"),
    "person": _l("person"),
    "organization": _l("organisation"),
    "government": _l("government"),
    "agency": _l("agency"),
    "document": _l("document"),
    "group": _l("group"),
    "anonymous": _l("anonymous"),
}
# An attribution kind in a line of text, and explained where one is chosen.
ATTRIBUTION_KIND = {"reported": _l("reported"), "quote": _l("quote"), "hearsay": _l("hearsay")}
ATTRIBUTION_KIND_CHOICE = {
    "reported": _l("reported (cites someone)"),
    "quote": _l("direct quote"),
    "hearsay": _l("hearsay (no source)"),
}
STANCE = {"supports": _l("supports"), "refutes": _l("refutes"), "context": _l("context")}
ROLE = {"factchecker": _l("fact-checker"), "editor": _l("editor"), "admin": _l("administrator")}
LANGUAGE = {"nl": "Nederlands", "en": "English"}

for _labels, _codes in (
    (STATUS, STATUSES),
    (SOURCE_KIND, SOURCE_KINDS),
    (ATTRIBUTION_KIND, ATTRIBUTION_KINDS),
    (ATTRIBUTION_KIND_CHOICE, ATTRIBUTION_KINDS),
    (STANCE, STANCES),
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


def source_kind_label(kind: str) -> str:
    return label(SOURCE_KIND, kind)


def role_label(role: str) -> str:
    return label(ROLE, role)


def opts(pairs: Iterable[tuple[str, Any]]) -> list[SelectChoice]:
    """Select options as WTForms wants them (tuples are deprecated)."""
    return [SelectChoice(value, text) for value, text in pairs]


def choices(labels: Mapping[str, Any], blank: Any = None) -> list[SelectChoice]:
    """The options of a select over `labels`, after a blank option when `blank` names it."""
    return opts(([("", blank)] if blank is not None else []) + list(labels.items()))
