"""Failed-login counters in the database, so every worker and server counts the same

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 15:00:00

The per-address limit lived in each worker's memory: with N workers an address got N times its
guesses. The counters start empty; nothing is carried over.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_counters",
        sa.Column("scope", sa.String(length=20), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("period", sa.Integer(), nullable=False),
        sa.Column("window_start", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("scope", "key", "period", name=op.f("pk_login_counters")),
    )


def downgrade() -> None:
    op.drop_table("login_counters")
