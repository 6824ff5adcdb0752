"""Articles' duplicate key: the body's sha256, unique, so a text is stored once under races

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 13:30:00

Existing articles get the key computed here. Where the same text was already stored more than
once (the check-then-insert race this revision closes), the oldest copy (lowest id) gets the key
and the later copies keep NULL: nothing is deleted or renumbered (claims and reviews may hang on
any copy), and every new ingest of that text is refused as a duplicate of the oldest one.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("duplicate_key", sa.String(length=64), nullable=True))
    # The oldest article of each text; one UPDATE, so it is the same on SQLite and PostgreSQL.
    op.execute(
        "UPDATE articles SET duplicate_key = body_sha256 WHERE id IN "
        "(SELECT min(id) FROM articles GROUP BY body_sha256)"
    )
    op.create_index("uq_articles_duplicate_key", "articles", ["duplicate_key"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_articles_duplicate_key", table_name="articles")
    op.execute("ALTER TABLE articles DROP COLUMN duplicate_key")
