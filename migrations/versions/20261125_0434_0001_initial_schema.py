"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25 04:34:06.235473
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claim_clusters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_clusters")),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_key", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("anonymity_reason", sa.Text(), nullable=True),
        sa.Column("merged_into_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('outlet', 'person', 'organization', 'government', 'agency', 'document', 'group', 'anonymous')",
            name=op.f("ck_sources_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["merged_into_id"],
            ["sources.id"],
            name=op.f("fk_sources_merged_into_id_sources"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
    )
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sources_kind"), ["kind"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_sources_merged_into_id"), ["merged_into_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_sources_name_key"), ["name_key"], unique=False)

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=True),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("last_failed_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "role IN ('factchecker', 'editor', 'admin')", name=op.f("ck_users_role")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("scopes", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_api_tokens_owner_id_users"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_tokens_token_hash")),
    )
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_api_tokens_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("outlet_id", sa.Integer(), nullable=True),
        sa.Column("author", sa.String(length=300), nullable=True),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("published_precision", sa.String(length=5), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("body_sha256", sa.String(length=64), nullable=False),
        sa.Column("ingested_by_id", sa.Integer(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "published_precision IN ('year', 'month', 'day')", name=op.f("ck_articles_precision")
        ),
        sa.CheckConstraint("length(body_sha256) = 64", name=op.f("ck_articles_sha256")),
        sa.ForeignKeyConstraint(
            ["ingested_by_id"],
            ["users.id"],
            name=op.f("fk_articles_ingested_by_id_users"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["outlet_id"],
            ["sources.id"],
            name=op.f("fk_articles_outlet_id_sources"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"],
            ["articles.id"],
            name=op.f("fk_articles_supersedes_id_articles"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("supersedes_id", name=op.f("uq_articles_supersedes_id")),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_articles_body_sha256"), ["body_sha256"], unique=False)
        batch_op.create_index("ix_articles_ingested_at", ["ingested_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_articles_ingested_by_id"), ["ingested_by_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_articles_language"), ["language"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_outlet_id"), ["outlet_id"], unique=False)
        batch_op.create_index("ix_articles_published_on", ["published_on"], unique=False)

    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=50), nullable=False),
        sa.Column("entity_type", sa.String(length=30), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["users.id"],
            name=op.f("fk_audit_events_actor_id_users"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_events_hash")),
        sa.UniqueConstraint("prev_hash", name=op.f("uq_audit_events_prev_hash")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_events_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index("ix_audit_events_claim_at", ["claim_id", "at"], unique=False)
        batch_op.create_index("ix_audit_events_entity", ["entity_type", "entity_id"], unique=False)

    op.create_table(
        "source_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=300), nullable=False),
        sa.Column("alias_key", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_source_aliases_source_id_sources"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_aliases")),
        sa.UniqueConstraint("alias_key", name=op.f("uq_source_aliases_alias_key")),
    )
    with op.batch_alter_table("source_aliases", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_source_aliases_source_id"), ["source_id"], unique=False
        )

    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("exact", sa.Text(), nullable=False),
        sa.Column("prefix", sa.String(length=128), nullable=False),
        sa.Column("suffix", sa.String(length=128), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("checkworthy", sa.Boolean(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("suggested_status", sa.String(length=12), nullable=True),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("assignee_id", sa.Integer(), nullable=True),
        sa.Column("reviewed_by_id", sa.Integer(), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("cluster_id", sa.Integer(), nullable=True),
        sa.Column("origin", sa.String(length=10), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("orphaned", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("origin IN ('extractor', 'user')", name=op.f("ck_claims_origin")),
        sa.CheckConstraint(
            "status IN ('unreviewed', 'verified', 'disputed', 'unsourced')",
            name=op.f("ck_claims_status"),
        ),
        sa.CheckConstraint("score >= 0 AND score <= 1", name=op.f("ck_claims_score")),
        sa.CheckConstraint('start >= 0 AND start <= "end"', name=op.f("ck_claims_span")),
        sa.CheckConstraint("version >= 1", name=op.f("ck_claims_version")),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_claims_article_id_articles"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["assignee_id"],
            ["users.id"],
            name=op.f("fk_claims_assignee_id_users"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["claim_clusters.id"],
            name=op.f("fk_claims_cluster_id_claim_clusters"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_claims_created_by_id_users"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["claims.id"],
            name=op.f("fk_claims_parent_id_claims"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by_id"],
            ["users.id"],
            name=op.f("fk_claims_reviewed_by_id_users"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index("ix_claims_article_start", ["article_id", "start"], unique=False)
        batch_op.create_index("ix_claims_assignee_status", ["assignee_id", "status"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_cluster_id"), ["cluster_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_parent_id"), ["parent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_reviewed_at"), ["reviewed_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_claims_reviewed_by_id"), ["reviewed_by_id"], unique=False
        )
        batch_op.create_index("ix_claims_status_score", ["status", "score"], unique=False)
        batch_op.create_index("ix_claims_status_updated", ["status", "updated_at"], unique=False)

    op.create_table(
        "attributions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("cue_text", sa.String(length=300), nullable=True),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("mention_text", sa.String(length=500), nullable=True),
        sa.Column("mention_start", sa.Integer(), nullable=True),
        sa.Column("mention_end", sa.Integer(), nullable=True),
        sa.Column("implicit", sa.Boolean(), nullable=False),
        sa.Column("confirmed", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('hearsay', 'reported', 'quote')", name=op.f("ck_attributions_kind")
        ),
        sa.CheckConstraint(
            "(cue_start IS NULL AND cue_end IS NULL) OR (cue_start >= 0 AND cue_start <= cue_end)",
            name=op.f("ck_attributions_cue_span"),
        ),
        sa.CheckConstraint(
            "(mention_start IS NULL AND mention_end IS NULL) OR (mention_start >= 0 AND mention_start <= mention_end)",
            name=op.f("ck_attributions_mention_span"),
        ),
        sa.CheckConstraint("position >= 0", name=op.f("ck_attributions_position")),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_attributions_claim_id_claims"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_attributions_source_id_sources"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attributions")),
        sa.UniqueConstraint("claim_id", "position", name="uq_attributions_claim_position"),
    )
    with op.batch_alter_table("attributions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attributions_source_id"), ["source_id"], unique=False)

    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("excerpt", sa.Text(), nullable=False),
        sa.Column("archived_sha256", sa.String(length=64), nullable=True),
        sa.Column("stance", sa.String(length=10), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("removed_by_id", sa.Integer(), nullable=True),
        sa.Column("removed_reason", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "stance IN ('supports', 'refutes', 'context')", name=op.f("ck_evidence_stance")
        ),
        sa.CheckConstraint(
            "archived_sha256 IS NULL OR length(archived_sha256) = 64",
            name=op.f("ck_evidence_archived_sha256"),
        ),
        sa.ForeignKeyConstraint(
            ["added_by_id"],
            ["users.id"],
            name=op.f("fk_evidence_added_by_id_users"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_evidence_claim_id_claims"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["removed_by_id"],
            ["users.id"],
            name=op.f("fk_evidence_removed_by_id_users"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
    )
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_claim_id"), ["claim_id"], unique=False)
    _create_triggers()


def downgrade() -> None:
    _drop_triggers()
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_claim_id"))

    op.drop_table("evidence")
    with op.batch_alter_table("attributions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attributions_source_id"))

    op.drop_table("attributions")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index("ix_claims_status_updated")
        batch_op.drop_index("ix_claims_status_score")
        batch_op.drop_index(batch_op.f("ix_claims_reviewed_by_id"))
        batch_op.drop_index(batch_op.f("ix_claims_reviewed_at"))
        batch_op.drop_index(batch_op.f("ix_claims_parent_id"))
        batch_op.drop_index(batch_op.f("ix_claims_cluster_id"))
        batch_op.drop_index("ix_claims_assignee_status")
        batch_op.drop_index("ix_claims_article_start")

    op.drop_table("claims")
    with op.batch_alter_table("source_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_aliases_source_id"))

    op.drop_table("source_aliases")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_events_entity")
        batch_op.drop_index("ix_audit_events_claim_at")
        batch_op.drop_index(batch_op.f("ix_audit_events_actor_id"))
        batch_op.drop_index(batch_op.f("ix_audit_events_action"))

    op.drop_table("audit_events")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index("ix_articles_published_on")
        batch_op.drop_index(batch_op.f("ix_articles_outlet_id"))
        batch_op.drop_index(batch_op.f("ix_articles_language"))
        batch_op.drop_index(batch_op.f("ix_articles_ingested_by_id"))
        batch_op.drop_index("ix_articles_ingested_at")
        batch_op.drop_index(batch_op.f("ix_articles_body_sha256"))

    op.drop_table("articles")
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_api_tokens_owner_id"))

    op.drop_table("api_tokens")
    op.drop_table("users")
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sources_name_key"))
        batch_op.drop_index(batch_op.f("ix_sources_merged_into_id"))
        batch_op.drop_index(batch_op.f("ix_sources_kind"))

    op.drop_table("sources")
    op.drop_table("claim_clusters")


# Database-enforced invariants. A later migration that rebuilds one of these tables in SQLite batch
# mode drops its triggers and must create them again (tests/migrations checks they exist at head).
_SQLITE_TRIGGERS = [
    """CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
       BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END""",
    """CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
       BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END""",
    """CREATE TRIGGER articles_body_immutable BEFORE UPDATE OF body, body_sha256 ON articles
       WHEN NEW.body IS NOT OLD.body OR NEW.body_sha256 IS NOT OLD.body_sha256
       BEGIN SELECT RAISE(ABORT, 'an article body is never edited'); END""",
    """CREATE TRIGGER claims_span_insert BEFORE INSERT ON claims
       WHEN NEW."end" > (SELECT length(body) FROM articles WHERE id = NEW.article_id)
       BEGIN SELECT RAISE(ABORT, 'claim span lies outside its article'); END""",
    """CREATE TRIGGER claims_span_update BEFORE UPDATE OF start, "end", article_id ON claims
       WHEN NEW."end" > (SELECT length(body) FROM articles WHERE id = NEW.article_id)
       BEGIN SELECT RAISE(ABORT, 'claim span lies outside its article'); END""",
]
_SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS audit_events_no_update",
    "DROP TRIGGER IF EXISTS audit_events_no_delete",
    "DROP TRIGGER IF EXISTS articles_body_immutable",
    "DROP TRIGGER IF EXISTS claims_span_insert",
    "DROP TRIGGER IF EXISTS claims_span_update",
]
_PG_TRIGGERS = [
    """CREATE FUNCTION tracker_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$""",
    """CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
       FOR EACH ROW EXECUTE FUNCTION tracker_append_only()""",
    """CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
       FOR EACH STATEMENT EXECUTE FUNCTION tracker_append_only()""",
    """CREATE FUNCTION tracker_body_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.body IS DISTINCT FROM OLD.body OR NEW.body_sha256 IS DISTINCT FROM OLD.body_sha256
         THEN RAISE EXCEPTION 'an article body is never edited'; END IF;
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER articles_body_immutable BEFORE UPDATE ON articles
       FOR EACH ROW EXECUTE FUNCTION tracker_body_immutable()""",
    """CREATE FUNCTION tracker_claim_span() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW."end" > (SELECT char_length(body) FROM articles WHERE id = NEW.article_id)
         THEN RAISE EXCEPTION 'claim span lies outside its article'; END IF;
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER claims_span BEFORE INSERT OR UPDATE OF start, "end", article_id ON claims
       FOR EACH ROW EXECUTE FUNCTION tracker_claim_span()""",
]
_PG_DROP = [
    "DROP TRIGGER IF EXISTS claims_span ON claims",
    "DROP FUNCTION IF EXISTS tracker_claim_span()",
    "DROP TRIGGER IF EXISTS articles_body_immutable ON articles",
    "DROP FUNCTION IF EXISTS tracker_body_immutable()",
    "DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events",
    "DROP TRIGGER IF EXISTS audit_events_no_change ON audit_events",
    "DROP FUNCTION IF EXISTS tracker_append_only()",
]


def _create_triggers() -> None:
    dialect = op.get_bind().dialect.name
    for sql in _PG_TRIGGERS if dialect == "postgresql" else _SQLITE_TRIGGERS:
        op.execute(sql)


def _drop_triggers() -> None:
    dialect = op.get_bind().dialect.name
    for sql in _PG_DROP if dialect == "postgresql" else _SQLITE_DROP:
        op.execute(sql)
