"""Engine and session factory; the declarative Base with a naming convention."""

from __future__ import annotations

from typing import Any

from sqlalchemy import MetaData, create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of every model; constraint names follow NAMING_CONVENTION."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# How long a SQLite connection waits for another's write lock before "database is locked".
SQLITE_BUSY_TIMEOUT_MS = 10_000
# Statements before which pysqlite's legacy mode opened a transaction, plus SAVEPOINT (which it
# let open a transaction of its own, so that RELEASE committed it).
_SQLITE_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "SAVEPOINT")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # SQLAlchemy's documented fix for pysqlite's transaction handling, part 1: the driver never
    # opens or ends transactions itself; _sqlite_begin_before_writes opens them.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin_before_writes(
    conn: Connection, _cursor: Any, statement: str, *_args: Any
) -> None:
    """Part 2 of the fix: BEGIN IMMEDIATE before the transaction's first write or SAVEPOINT.

    The transaction opens where pysqlite's legacy mode opened it (reads before the first write
    run on their own, so a conditional UPDATE that is the first write sees the newest data, as
    in PostgreSQL's READ COMMITTED), but a SAVEPOINT now lives inside it: releasing one no
    longer commits, and rolling one back undoes only its part, as on PostgreSQL. IMMEDIATE
    takes the write lock at once (waiting up to the busy timeout) instead of failing with
    "database is locked" when a read snapshot turns out stale.
    """
    raw = conn.connection.dbapi_connection
    if raw is None or raw.in_transaction:
        return
    if statement.lstrip().upper().startswith(_SQLITE_WRITES):
        raw.execute("BEGIN IMMEDIATE")


def lock_for_write(session: Session) -> None:
    """Take the database's write lock now, on SQLite, so that what the transaction reads next
    cannot change before it writes (on PostgreSQL the caller locks rows: SELECT ... FOR UPDATE).
    """
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        return
    raw = conn.connection.dbapi_connection
    if raw is not None and not raw.in_transaction:
        raw.execute("BEGIN IMMEDIATE")


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for `url`; SQLite gets WAL, foreign keys, a busy timeout and transactions that
    hold savepoints as PostgreSQL's do."""
    if url.startswith("sqlite"):
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "before_cursor_execute", _sqlite_begin_before_writes)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded objects usable after commit."""
    return sessionmaker(bind=engine, expire_on_commit=False)
