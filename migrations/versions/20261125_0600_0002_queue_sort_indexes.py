"""Indexes for sorting the review queue by score across a million claims

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 06:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain CREATE/DROP INDEX: no table rebuild in SQLite, so the claims triggers stay.
    op.drop_index("ix_claims_status_score", table_name="claims")
    op.create_index("ix_claims_status_score", "claims", ["status", "score", "id"])
    op.create_index("ix_claims_score_id", "claims", ["score", "id"])
    op.create_index("ix_claims_assignee_score", "claims", ["assignee_id", "score", "id"])


def downgrade() -> None:
    op.drop_index("ix_claims_assignee_score", table_name="claims")
    op.drop_index("ix_claims_score_id", table_name="claims")
    op.drop_index("ix_claims_status_score", table_name="claims")
    op.create_index("ix_claims_status_score", "claims", ["status", "score"])
