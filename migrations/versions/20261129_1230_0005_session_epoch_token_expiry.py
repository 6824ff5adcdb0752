"""Sessions that end (users.session_epoch) and API tokens that expire (api_tokens.expires_at)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 12:30:00

Tokens issued before this revision never expired; they get 90 days from the upgrade, so scripts
keep working long enough to be given new ones.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

GRACE = timedelta(days=90)


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("session_epoch", sa.Integer(), server_default="0", nullable=False)
        )
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.add_column(sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))
    tokens = sa.table("api_tokens", sa.column("expires_at", sa.DateTime(timezone=True)))
    op.execute(tokens.update().values(expires_at=datetime.now(UTC) + GRACE))
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.alter_column(
            "expires_at", existing_type=sa.DateTime(timezone=True), nullable=False
        )


def downgrade() -> None:
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.drop_column("expires_at")
    # A plain DROP COLUMN (SQLite 3.35+): rebuilding `users` would trip the foreign keys to it.
    op.execute("ALTER TABLE users DROP COLUMN session_epoch")
