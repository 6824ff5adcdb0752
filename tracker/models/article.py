"""Articles: the exact text as ingested, never edited."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Base
from ._types import UTCDateTime, in_list, utcnow

if TYPE_CHECKING:
    from .claim import Claim
    from .source import Source
    from .user import User

DATE_PRECISIONS = ("year", "month", "day")


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = (
        CheckConstraint(in_list("published_precision", DATE_PRECISIONS), name="precision"),
        CheckConstraint("length(body_sha256) = 64", name="sha256"),
        Index("ix_articles_ingested_at", "ingested_at"),
        Index("ix_articles_published_on", "published_on"),
        Index("uq_articles_duplicate_key", "duplicate_key", unique=True),
        # the queue and search leave withdrawn articles out: only those are indexed
        Index(
            "ix_articles_withdrawn",
            "withdrawn_at",
            sqlite_where=text("withdrawn_at IS NOT NULL"),
            postgresql_where=text("withdrawn_at IS NOT NULL"),
        ),
        # ingest compares a new text with the stored ones of about its length
        Index("ix_articles_body_length", text("length(body)")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(String(2000))
    outlet_id: Mapped[int | None] = mapped_column(
        ForeignKey("sources.id", ondelete="RESTRICT"), index=True
    )
    author: Mapped[str | None] = mapped_column(String(300))
    published_on: Mapped[date | None] = mapped_column(Date)
    published_precision: Mapped[str | None] = mapped_column(String(5))
    language: Mapped[str] = mapped_column(String(8), index=True)
    body: Mapped[str] = mapped_column(Text)
    body_sha256: Mapped[str] = mapped_column(String(64), index=True)
    # body_sha256 again, unique: the database stores a text once however many clients ingest it
    # at the same moment. NULL only for an article stored with allow_duplicate and for the later
    # copies of a text that was stored twice before migration 0007.
    duplicate_key: Mapped[str | None] = mapped_column(String(64))
    ingested_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="RESTRICT"), index=True
    )
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Withdrawn by an editor (who is in the audit log): its claims leave the queue and the
    # reports; nothing is deleted, and an editor can reinstate it.
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    withdrawn_reason: Mapped[str | None] = mapped_column(Text)
    supersedes_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="RESTRICT"), unique=True
    )

    outlet: Mapped[Source | None] = relationship(foreign_keys=[outlet_id])
    ingested_by: Mapped[User | None] = relationship()
    supersedes: Mapped[Article | None] = relationship(remote_side=[id])
    claims: Mapped[list[Claim]] = relationship(
        back_populates="article", order_by="(Claim.start, Claim.id)"
    )

    @property
    def published(self) -> str | None:
        """The publication date as precise as it is known: '2023', '2023-02' or '2023-02-14'."""
        return published_text(self.published_on, self.published_precision)


def published_text(on: date | None, precision: str | None) -> str | None:
    """A publication date as precise as it is known: '2023', '2023-02' or '2023-02-14'."""
    if on is None:
        return None
    iso = on.isoformat()
    return {"year": iso[:4], "month": iso[:7]}.get(precision or "day", iso)
