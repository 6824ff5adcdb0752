"""Dismissed claims and withdrawn articles

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 15:30:00

A claim a fact-checker sets aside ("not a claim", "duplicate", "not check-worthy") and an article
an editor withdraws keep every row; these columns only take them out of the queue, the counts and
the reports. Who did it, and when it was undone, is in the audit log. Existing rows get NULL
(nothing dismissed or withdrawn); the downgrade drops the columns.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_COLUMNS = (
    ("claims", "dismissed_reason"),
    ("claims", "dismissed_at"),
    ("articles", "withdrawn_at"),
    ("articles", "withdrawn_reason"),
)


def upgrade() -> None:
    op.add_column("claims", sa.Column("dismissed_reason", sa.String(length=20), nullable=True))
    op.add_column("claims", sa.Column("dismissed_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("articles", sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("articles", sa.Column("withdrawn_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    for table, column in reversed(_COLUMNS):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
