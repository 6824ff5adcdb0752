"""Comments on claims and the people they mention

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-29 16:20:00

A thread of plain-text comments per claim; an `@name` in a comment becomes a mention row that
puts the claim in the mentioned user's "For me" list until they open it (`seen_at`). Comments
are never edited or deleted. The downgrade drops both tables.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("body", sa.String(length=4000), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("length(body) > 0", name=op.f("ck_comments_body")),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_comments_claim_id_claims"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_comments_author_id_users"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comments")),
    )
    op.create_index("ix_comments_claim_id_created_at", "comments", ["claim_id", "created_at"])
    op.create_table(
        "mentions",
        sa.Column("comment_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["comment_id"],
            ["comments.id"],
            name=op.f("fk_mentions_comment_id_comments"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_mentions_user_id_users"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("comment_id", "user_id", name=op.f("pk_mentions")),
    )
    op.create_index("ix_mentions_user_id_seen_at", "mentions", ["user_id", "seen_at"])


def downgrade() -> None:
    op.drop_index("ix_mentions_user_id_seen_at", table_name="mentions")
    op.drop_table("mentions")
    op.drop_index("ix_comments_claim_id_created_at", table_name="comments")
    op.drop_table("comments")
