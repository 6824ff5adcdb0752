"""Sources: proposed or confirmed, and described sources scoped to their article

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 12:15:00

A source is confirmed when a person made it (an audited source.create with an actor, or the
outlet given with an article), when a person confirmed a hop citing it, or when it is cited in
two or more articles; every other source is proposed. Downgrade drops both columns.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_CONFIRMED = """
UPDATE sources SET status = 'confirmed'
WHERE id IN (SELECT source_id FROM attributions WHERE confirmed AND source_id IS NOT NULL)
   OR id IN (SELECT outlet_id FROM articles WHERE outlet_id IS NOT NULL)
   OR id IN (SELECT entity_id FROM audit_events
             WHERE action = 'source.create' AND entity_type = 'source'
               AND actor_id IS NOT NULL)
   OR id IN (SELECT a.source_id FROM attributions a JOIN claims c ON c.id = a.claim_id
             WHERE a.source_id IS NOT NULL
             GROUP BY a.source_id HAVING count(DISTINCT c.article_id) >= 2)
"""


def upgrade() -> None:
    _foreign_keys(False)
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("status", sa.String(length=10), nullable=False, server_default="proposed")
        )
        batch_op.add_column(sa.Column("article_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_sources_article_id_articles"),
            "articles",
            ["article_id"],
            ["id"],
            ondelete="RESTRICT",
        )
        batch_op.create_check_constraint(
            batch_op.f("ck_sources_status"), "status IN ('proposed', 'confirmed')"
        )
        batch_op.create_index(batch_op.f("ix_sources_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_sources_article_id"), ["article_id"], unique=False)
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.alter_column("status", server_default=None)
    _foreign_keys(True)
    op.execute(_CONFIRMED)


def downgrade() -> None:
    _foreign_keys(False)
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sources_article_id"))
        batch_op.drop_index(batch_op.f("ix_sources_status"))
        batch_op.drop_constraint(batch_op.f("ck_sources_status"), type_="check")
        batch_op.drop_constraint(batch_op.f("fk_sources_article_id_articles"), type_="foreignkey")
        batch_op.drop_column("article_id")
        batch_op.drop_column("status")
    _foreign_keys(True)


def _foreign_keys(on: bool) -> None:
    """SQLite rebuilds `sources` in batch mode (drop and rename), which other tables reference:
    foreign keys are off for the rebuild (DDL runs outside a transaction there)."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")
