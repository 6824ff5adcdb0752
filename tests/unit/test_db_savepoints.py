"""Savepoints nest in the session's transaction on SQLite as on PostgreSQL (the pysqlite fix)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from tracker.db import make_session_factory
from tracker.models import Source


def _sources(engine: Engine) -> int:
    with make_session_factory(engine)() as session:
        return session.scalar(select(func.count()).select_from(Source)) or 0


def test_a_released_savepoint_is_undone_by_the_outer_rollback(engine: Engine) -> None:
    with make_session_factory(engine)() as session:
        session.scalar(select(func.count()).select_from(Source))  # a read opens the session
        with session.begin_nested():
            session.add(Source(name="Gemeente Ede", name_key="gemeente ede", kind="government"))
        nested = session.begin_nested()
        session.add(Source(name="Anna Smit", name_key="anna smit", kind="person"))
        session.flush()
        nested.rollback()
        assert _sources(engine) == 0, "another connection sees the released savepoint"
        session.rollback()
    assert _sources(engine) == 0


def test_a_rolled_back_savepoint_keeps_the_rest_of_the_transaction(engine: Engine) -> None:
    with make_session_factory(engine)() as session:
        with session.begin_nested():
            session.add(Source(name="Gemeente Ede", name_key="gemeente ede", kind="government"))
        nested = session.begin_nested()
        session.add(Source(name="Anna Smit", name_key="anna smit", kind="person"))
        session.flush()
        nested.rollback()
        session.commit()
    assert _sources(engine) == 1
