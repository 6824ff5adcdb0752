"""Text fields checked in one place for every path (web, API, CLI, imports) and both databases.

A `before_flush` hook looks at every new or changed row: a string longer than its column allows,
or holding a NUL character or a lone UTF-16 surrogate, is refused with InvalidInput naming the
field. SQLite would store any of these and PostgreSQL would fail with a database error; now both
give the same clear answer before anything is sent.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Mapper, Session, UOWTransaction

from .errors import Count, InvalidInput

_SURROGATE = re.compile("[\ud800-\udfff]")


def check_text(field: str, value: str, limit: int | None = None) -> None:
    """InvalidInput unless `value` fits `limit` characters and holds no NUL or lone surrogate."""
    if "\x00" in value:
        raise InvalidInput("the field %(field)s contains a NUL character", field=field)
    if _SURROGATE.search(value):
        raise InvalidInput(
            "the field %(field)s contains an invalid character (a lone surrogate)", field=field
        )
    if limit is not None and len(value) > limit:
        raise InvalidInput(
            "the field %(field)s has %(length)s characters; the limit is %(limit)s",
            field=field,
            length=Count(len(value)),
            limit=Count(limit),
        )


_COLUMNS: dict[Mapper[Any], tuple[tuple[str, int | None], ...]] = {}


def _text_columns(mapper: Mapper[Any]) -> tuple[tuple[str, int | None], ...]:
    """The mapper's string attributes and their lengths (read once per mapper)."""
    found = _COLUMNS.get(mapper)
    if found is None:
        found = tuple(
            (attr.key, attr.columns[0].type.length)
            for attr in mapper.column_attrs
            if isinstance(attr.columns[0].type, String)  # Text and Enum are Strings too
        )
        _COLUMNS[mapper] = found
    return found


def _check_row(obj: Any, only_changed: bool) -> None:
    state = inspect(obj)
    values = state.dict  # the loaded values: a new row's are all there
    for key, limit in _text_columns(state.mapper):
        value = values.get(key)
        if not isinstance(value, str):
            continue
        if only_changed and not state.attrs[key].history.has_changes():
            continue
        if (
            "\x00" in value
            or (limit is not None and len(value) > limit)
            or (not value.isascii() and _SURROGATE.search(value))
        ):
            check_text(key, value, limit)


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    for obj in session.new:
        _check_row(obj, only_changed=False)
    for obj in session.dirty:
        _check_row(obj, only_changed=True)
