"""PostgreSQL roles: the owner runs the migrations, the app connects as a role that may only
read and append to the audit log.

The owner (the role in TRACKER_OWNER_DATABASE_URL, or TRACKER_DATABASE_URL) owns every table.
The app role gets SELECT, INSERT, UPDATE and DELETE on the other tables and only SELECT and
INSERT on `audit_events` (SELECT on `alembic_version`). Not being the owner, it cannot ALTER
TABLE ... DISABLE TRIGGER, drop or truncate the table, or grant itself more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from .db import make_engine

_ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
APPEND_ONLY = ("audit_events",)
READ_ONLY = ("alembic_version",)


class RoleError(ValueError):
    """The roles cannot be set up as asked (not PostgreSQL, a bad name, no right to)."""


@dataclass(frozen=True)
class RolesSetUp:
    """What setup_roles did."""

    app_role: str
    owner: str
    created: bool
    tables: int


def _quote(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(name)


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def setup_roles(owner_url: str, app_role: str, app_password: str | None = None) -> RolesSetUp:
    """Create the app role when missing (LOGIN, with `app_password`) and give it exactly its
    rights on the current schema's tables, as the owner. Idempotent: run it after every
    upgrade (default privileges also cover tables the owner creates later)."""
    if not _ROLE_NAME.fullmatch(app_role):
        raise RoleError(f"not a plain role name: {app_role!r} (lower-case letters, digits, _)")
    engine = make_engine(owner_url)
    try:
        if engine.dialect.name != "postgresql":
            raise RoleError("roles exist on PostgreSQL only; SQLite has no users")
        with engine.begin() as conn:
            return _grant(conn, app_role, app_password)
    except DBAPIError as err:  # e.g. the owner may not create roles
        raise RoleError(str(err.orig).strip().splitlines()[0]) from err
    finally:
        engine.dispose()


def _grant(conn: Connection, app_role: str, app_password: str | None) -> RolesSetUp:
    owner = str(conn.scalar(text("SELECT current_user")))
    if app_role == owner:
        raise RoleError("the app role must not be the owner of the tables")
    role = _quote(conn, app_role)
    exists = conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": app_role})
    password = f" PASSWORD {_literal(app_password)}" if app_password else ""
    if not exists:
        if not app_password:
            raise RoleError(f"role {app_role} does not exist; give its password to create it")
        conn.execute(text(f"CREATE ROLE {role} LOGIN{password}"))
    elif password:
        conn.execute(text(f"ALTER ROLE {role}{password}"))
    member = conn.scalar(
        text("SELECT pg_has_role(:app, :owner, 'MEMBER')"), {"app": app_role, "owner": owner}
    )
    if member:
        raise RoleError(f"role {app_role} is a member of {owner}: it would have the owner's rights")
    schema = _quote(conn, str(conn.scalar(text("SELECT current_schema()"))))
    database = _quote(conn, str(conn.scalar(text("SELECT current_database()"))))
    tables = [
        str(t)
        for t in conn.scalars(
            text(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                "AND tableowner = current_user ORDER BY tablename"
            )
        )
    ]
    statements = [
        f"GRANT CONNECT ON DATABASE {database} TO {role}",
        f"GRANT USAGE ON SCHEMA {schema} TO {role}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {role}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT USAGE, SELECT ON SEQUENCES TO {role}",
    ]
    for table in tables:
        name = f"{schema}.{_quote(conn, table)}"
        if table in APPEND_ONLY:
            rights = "SELECT, INSERT"
        elif table in READ_ONLY:
            rights = "SELECT"
        else:
            rights = "SELECT, INSERT, UPDATE, DELETE"
        statements.append(f"GRANT {rights} ON {name} TO {role}")
    for statement in statements:
        conn.execute(text(statement))
    return RolesSetUp(app_role, owner, not exists, len(tables))
