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
from sqlalchemy.orm import Session, UOWTransaction

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


def _check_row(obj: Any, only_changed: bool) -> None:
    state = inspect(obj)
    for attr in state.mapper.column_attrs:
        column = attr.columns[0]
        if not isinstance(column.type, String):  # Text and Enum are Strings too
            continue
        if only_changed and not state.attrs[attr.key].history.has_changes():
            continue
        value = state.attrs[attr.key].value
        if isinstance(value, str):
            check_text(attr.key, value, column.type.length)


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    for obj in session.new:
        _check_row(obj, only_changed=False)
    for obj in session.dirty:
        _check_row(obj, only_changed=True)
