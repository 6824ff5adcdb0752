"""Claim matches: a new claim linked to an earlier one that says the same

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29 15:10:00

The matcher proposes; a person confirms or rejects (a rejected pair is kept so that it is never
proposed again). Both claims of a proposed or confirmed match share a claim cluster.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claim_matches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("earlier_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "status IN ('proposed', 'confirmed', 'rejected')", name=op.f("ck_claim_matches_status")
        ),
        sa.CheckConstraint("claim_id <> earlier_id", name=op.f("ck_claim_matches_distinct")),
        sa.CheckConstraint("score >= 0 AND score <= 1", name=op.f("ck_claim_matches_score")),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_claim_matches_claim_id_claims"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["earlier_id"],
            ["claims.id"],
            name=op.f("fk_claim_matches_earlier_id_claims"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_id"],
            ["users.id"],
            name=op.f("fk_claim_matches_decided_by_id_users"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_matches")),
    )
    op.create_index("ix_claim_matches_earlier_id", "claim_matches", ["earlier_id"])
    op.create_index(
        "uq_claim_matches_pair", "claim_matches", ["claim_id", "earlier_id"], unique=True
    )


def downgrade() -> None:
    op.drop_index("uq_claim_matches_pair", table_name="claim_matches")
    op.drop_index("ix_claim_matches_earlier_id", table_name="claim_matches")
    op.drop_table("claim_matches")
