"""An index of the articles' lengths

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-29 18:00:00

Ingest compares a new text with the stored articles of about its length
(`ingest.similar_article`: `length(body) BETWEEN ...`). Without an index every ingest read the
whole articles table, bodies and all. An expression index on length(body) makes that a range
read. No data changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_articles_body_length", "articles", [sa.text("length(body)")])


def downgrade() -> None:
    op.drop_index("ix_articles_body_length", table_name="articles")
