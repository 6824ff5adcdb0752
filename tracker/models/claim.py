"""Claims, their provenance chains (attributions) and their evidence."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    and_,
    exists,
    select,
)
from sqlalchemy.orm import Mapped, aliased, mapped_column, relationship
from sqlalchemy.sql.elements import ColumnElement

from ..db import Base
from ._types import UTCDateTime, in_list, utcnow

if TYPE_CHECKING:
    from .article import Article
    from .source import Source
    from .user import User

STATUSES = ("unreviewed", "verified", "disputed", "unsourced")
VERDICTS = ("verified", "disputed", "unsourced")
ORIGINS = ("extractor", "user")
ATTRIBUTION_KINDS = ("hearsay", "reported", "quote")
# Why a fact-checker set a claim aside: it states nothing checkable, repeats another claim, or
# is not worth checking (a subhead, a caption, an opinion).
DISMISS_REASONS = ("not_a_claim", "duplicate", "not_checkworthy")
STANCES = ("supports", "refutes", "context")
QUOTE_CONTEXT = 32


class ClaimCluster(Base):
    """The same claim seen in several articles."""

    __tablename__ = "claim_clusters"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Claim(Base):
    __tablename__ = "claims"
    __table_args__ = (
        CheckConstraint(in_list("status", STATUSES), name="status"),
        CheckConstraint(in_list("origin", ORIGINS), name="origin"),
        CheckConstraint('start >= 0 AND start <= "end"', name="span"),
        CheckConstraint("version >= 1", name="version"),
        CheckConstraint("score >= 0 AND score <= 1", name="score"),
        # The review queue filters by status and sorts by score or time.
        Index("ix_claims_status_score", "status", "score", "id"),
        Index("ix_claims_score_id", "score", "id"),
        Index("ix_claims_assignee_score", "assignee_id", "score", "id"),
        Index("ix_claims_status_updated", "status", "updated_at"),
        Index("ix_claims_article_start", "article_id", "start"),
        Index("ix_claims_assignee_status", "assignee_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="RESTRICT"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    exact: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(String(QUOTE_CONTEXT * 4), default="")
    suffix: Mapped[str] = mapped_column(String(QUOTE_CONTEXT * 4), default="")
    text: Mapped[str] = mapped_column(Text)
    checkworthy: Mapped[bool] = mapped_column(Boolean, default=False)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    status: Mapped[str] = mapped_column(String(12), default="unreviewed")
    suggested_status: Mapped[str | None] = mapped_column(String(12))
    rationale: Mapped[str] = mapped_column(Text, default="")
    # The short statement a ClaimReview names (claimReviewed), as the fact-checker wrote it; None:
    # the export cuts the wording at a word boundary.
    claim_reviewed: Mapped[str | None] = mapped_column(String(200))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    reviewed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="RESTRICT"), index=True
    )
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("claims.id", ondelete="RESTRICT"), index=True
    )
    cluster_id: Mapped[int | None] = mapped_column(
        ForeignKey("claim_clusters.id", ondelete="RESTRICT"), index=True
    )
    origin: Mapped[str] = mapped_column(String(10), default="extractor")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    # Set when re-anchoring in a newer version of the article found no place for the claim.
    orphaned: Mapped[bool] = mapped_column(Boolean, default=False)
    # Set aside by a fact-checker (one of DISMISS_REASONS; who and why is in the audit log):
    # out of the queue, the counts and the reports until it is restored.
    dismissed_reason: Mapped[str | None] = mapped_column(String(20))
    dismissed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    __mapper_args__ = {"version_id_col": version}

    article: Mapped[Article] = relationship(back_populates="claims")
    assignee: Mapped[User | None] = relationship(foreign_keys=[assignee_id])
    reviewed_by: Mapped[User | None] = relationship(foreign_keys=[reviewed_by_id])
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    parent: Mapped[Claim | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Claim]] = relationship(back_populates="parent", order_by="Claim.start")
    attributions: Mapped[list[Attribution]] = relationship(
        back_populates="claim", order_by="Attribution.position", cascade="all, delete-orphan"
    )
    evidence: Mapped[list[Evidence]] = relationship(
        back_populates="claim", order_by="Evidence.added_at"
    )

    @property
    def primary_attribution(self) -> Attribution | None:
        """The last hop of the chain: the source the claim comes from."""
        return self.attributions[-1] if self.attributions else None


def is_unsplit() -> ColumnElement[bool]:
    """SQL condition: the claim was not split into parts. A split claim is reviewed, queued,
    reported and counted through its parts, never beside them."""
    part = aliased(Claim)
    return ~exists().where(part.parent_id == Claim.id)


def in_review() -> ColumnElement[bool]:
    """SQL condition: the claim is one to review, count and report: not split into parts, not
    dismissed, and its article not withdrawn."""
    from .article import Article

    withdrawn = select(Article.id).where(Article.withdrawn_at.is_not(None))
    return and_(is_unsplit(), Claim.dismissed_reason.is_(None), Claim.article_id.not_in(withdrawn))


class Attribution(Base):
    """One hop of a claim's provenance chain; position 0 is the source the article cites."""

    __tablename__ = "attributions"
    __table_args__ = (
        UniqueConstraint("claim_id", "position", name="uq_attributions_claim_position"),
        # A source's page lists its claims newest first without sorting all its hops.
        Index("ix_attributions_source_claim", "source_id", "claim_id", "position"),
        CheckConstraint(in_list("kind", ATTRIBUTION_KINDS), name="kind"),
        CheckConstraint("position >= 0", name="position"),
        CheckConstraint(
            "(cue_start IS NULL AND cue_end IS NULL) OR (cue_start >= 0 AND cue_start <= cue_end)",
            name="cue_span",
        ),
        CheckConstraint(
            "(mention_start IS NULL AND mention_end IS NULL)"
            " OR (mention_start >= 0 AND mention_start <= mention_end)",
            name="mention_span",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(Integer)
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("sources.id", ondelete="RESTRICT"), index=True
    )
    kind: Mapped[str] = mapped_column(String(10))
    cue_text: Mapped[str | None] = mapped_column(String(300))
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    # The source as the article words it ("een soldaat met de roepnaam Zaza").
    mention_text: Mapped[str | None] = mapped_column(String(500))
    mention_start: Mapped[int | None] = mapped_column(Integer)
    mention_end: Mapped[int | None] = mapped_column(Integer)
    implicit: Mapped[bool] = mapped_column(Boolean, default=False)
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)

    claim: Mapped[Claim] = relationship(back_populates="attributions")
    source: Mapped[Source | None] = relationship()


class Evidence(Base):
    """A piece of evidence for or against a claim; removal is recorded, never deleted."""

    __tablename__ = "evidence"
    __table_args__ = (
        CheckConstraint(in_list("stance", STANCES), name="stance"),
        CheckConstraint(
            "archived_sha256 IS NULL OR length(archived_sha256) = 64", name="archived_sha256"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="RESTRICT"), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    title: Mapped[str] = mapped_column(String(500), default="")
    excerpt: Mapped[str] = mapped_column(Text, default="")
    archived_sha256: Mapped[str | None] = mapped_column(String(64))
    stance: Mapped[str] = mapped_column(String(10))
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    removed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    removed_reason: Mapped[str | None] = mapped_column(Text)

    claim: Mapped[Claim] = relationship(back_populates="evidence")
    added_by: Mapped[User | None] = relationship(foreign_keys=[added_by_id])
