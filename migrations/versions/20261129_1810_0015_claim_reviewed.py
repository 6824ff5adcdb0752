"""A claim's claimReviewed, written by the fact-checker

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-29 18:00:00

The short statement a ClaimReview names as `claimReviewed` (Google asks for under 75
characters). The fact-checker writes it with the verdict; NULL (every existing claim) means the
export cuts the claim's wording at a word boundary, as before. The downgrade drops the column.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("claims", sa.Column("claim_reviewed", sa.String(length=200), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE claims DROP COLUMN claim_reviewed")
