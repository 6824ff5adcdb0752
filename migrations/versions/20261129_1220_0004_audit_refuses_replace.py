"""The audit table refuses INSERT OR REPLACE over an existing event on SQLite

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 12:15:00

SQLite's REPLACE deletes the conflicting row without firing DELETE triggers (unless the
connection turned recursive_triggers on), so the append-only triggers let an event be replaced.
A BEFORE INSERT trigger refuses any insert whose id, hash or prev_hash is already taken.
PostgreSQL needs nothing: INSERT ... ON CONFLICT DO UPDATE fires the UPDATE trigger.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_CREATE = """CREATE TRIGGER audit_events_no_replace BEFORE INSERT ON audit_events
   WHEN EXISTS (SELECT 1 FROM audit_events
                WHERE id = NEW.id OR hash = NEW.hash OR prev_hash = NEW.prev_hash)
   BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(_CREATE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_replace")
