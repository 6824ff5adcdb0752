"""Failed-login limits counted in the database, so every worker and server shares them.

Each attempt takes its place first, in one atomic upsert (INSERT ... ON CONFLICT DO UPDATE ...
WHERE there is room, RETURNING the count), before any password is checked: parallel guesses in
any number of workers and servers are counted before they are tried, and the row stays locked
until the caller's transaction ends. A successful login gives its place back, so only failures
count. Two kinds of counter:

- per client address: windows in `limits`' notation ("20/minute;100/hour"), each opened by
  the first failure and lasting its length;
- per unknown account: the same "MAX in a row, then locked until LOCKOUT after the last
  failure" as a real account's (services.users), so the answers do not tell which e-mail
  addresses have an account.

Counters whose window has closed are forgotten at the next successful login, so the table
holds only the keys seen within the longest window.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from limits import parse_many
from sqlalchemy import case, delete, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from ..models import LoginCounter
from .errors import InvalidInput

DEFAULT_ADDRESS_LIMITS = "20/minute;100/hour"
_TABLE = LoginCounter.__table__


@dataclass(frozen=True)
class Window:
    """At most `amount` failures per `seconds`."""

    amount: int
    seconds: int


def parse_limits(text: str) -> tuple[Window, ...]:
    """ "20/minute;100/hour" (the `limits` library's notation) as windows."""
    try:
        items = parse_many(text)
    except ValueError as err:
        raise InvalidInput("not a login limit: %(text)r", text=text) from err
    return tuple(Window(item.amount, item.get_expiry()) for item in items)


@dataclass(frozen=True)
class Refused:
    """An attempt for which there was no room; `seconds` until there is."""

    seconds: int


def _insert(session: Session, values: dict[str, Any]) -> Any:
    dialect = session.get_bind().dialect.name
    module: Any = postgresql if dialect == "postgresql" else sqlite
    return module.insert(LoginCounter).values(**values)


def take_in_window(
    session: Session, scope: str, key: str, windows: Sequence[Window], now: float | None = None
) -> Refused | None:
    """Take one attempt from each window; Refused when a window is full. A window opens at the
    first failure and lasts its `seconds` (as `limits`' fixed window does). The caller rolls
    back on Refused (places taken in other windows go back) and commits otherwise."""
    at = int(now if now is not None else time.time())
    for window in windows:
        stmt = _insert(
            session,
            {
                "scope": scope,
                "key": key,
                "period": window.seconds,
                "window_start": at,
                "count": 1,
            },
        )
        expired = _TABLE.c.window_start <= at - window.seconds
        stmt = stmt.on_conflict_do_update(
            index_elements=[_TABLE.c.scope, _TABLE.c.key, _TABLE.c.period],
            set_={
                "count": case((expired, 1), else_=_TABLE.c.count + 1),
                "window_start": case((expired, at), else_=_TABLE.c.window_start),
            },
            where=or_(expired, _TABLE.c.count < window.amount),
        ).returning(_TABLE.c.count)
        if session.execute(stmt).first() is None:
            return Refused(_seconds_left(session, scope, key, window.seconds, at))
    return None


def _seconds_left(session: Session, scope: str, key: str, period: int, at: int) -> int:
    start = session.scalar(
        select(LoginCounter.window_start).where(
            LoginCounter.scope == scope, LoginCounter.key == key, LoginCounter.period == period
        )
    )
    return max(1, int(start if start is not None else at) + period - at)


def give_back_in_window(
    session: Session, scope: str, key: str, windows: Sequence[Window], now: float | None = None
) -> None:
    """Return the place a successful attempt took in each open window."""
    at = int(now if now is not None else time.time())
    for window in windows:
        session.execute(
            update(LoginCounter)
            .where(
                LoginCounter.scope == scope,
                LoginCounter.key == key,
                LoginCounter.period == window.seconds,
                LoginCounter.window_start > at - window.seconds,
                LoginCounter.count > 0,
            )
            .values(count=LoginCounter.count - 1)
            .execution_options(synchronize_session=False)
        )


def take_in_a_row(
    session: Session, scope: str, key: str, most: int, lockout: int, now: float | None = None
) -> Refused | None:
    """Take one attempt from a run of failures in a row: refused while `most` failures are
    counted and the last is less than `lockout` seconds old (a real account's rule)."""
    at = int(now if now is not None else time.time())
    stmt = _insert(
        session, {"scope": scope, "key": key, "period": lockout, "window_start": at, "count": 1}
    )
    stmt = stmt.on_conflict_do_update(
        index_elements=[_TABLE.c.scope, _TABLE.c.key, _TABLE.c.period],
        set_={"count": _TABLE.c.count + 1, "window_start": at},
        where=or_(_TABLE.c.count < most, _TABLE.c.window_start <= at - lockout),
    ).returning(_TABLE.c.count)
    if session.execute(stmt).first() is not None:
        return None
    return Refused(_seconds_left(session, scope, key, lockout, at))


def forget_expired(session: Session, now: float | None = None) -> int:
    """Delete every counter whose window (or lockout) has closed; the number deleted. An
    expired counter answers as a missing one does, so nothing is lost."""
    at = int(now if now is not None else time.time())
    result = session.execute(
        delete(LoginCounter)
        .where(LoginCounter.window_start + LoginCounter.period <= at)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
