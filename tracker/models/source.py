"""The source registry: outlets, people, organisations ... with their aliases."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Base
from ._types import UTCDateTime, in_list, utcnow

SOURCE_KINDS = (
    "outlet",
    "person",
    "organization",
    "government",
    "agency",
    "document",
    "group",
    "anonymous",
)


# A source the extractor created is `proposed` until a person confirms a hop citing it or it
# recurs in another article; then `confirmed`. Track records count confirmed sources only.
SOURCE_STATUSES = ("proposed", "confirmed")


def name_key(name: str) -> str:
    """The form names and aliases are compared in: case-folded, single spaces."""
    return " ".join(name.casefold().split())


class Source(Base):
    __tablename__ = "sources"
    __table_args__ = (
        CheckConstraint(in_list("kind", SOURCE_KINDS), name="kind"),
        CheckConstraint(in_list("status", SOURCE_STATUSES), name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str | None] = mapped_column(String(2000))
    # Why a source stays anonymous ("fears reprisals"), shown in reports.
    anonymity_reason: Mapped[str | None] = mapped_column(Text)
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("sources.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[str] = mapped_column(String(10), default="confirmed", index=True)
    # Set for a described source ("een Russische soldaat"): it belongs to this article only and
    # is not a registry entry (never matched across articles, never listed or suggested).
    article_id: Mapped[int | None] = mapped_column(
        # use_alter: articles also reference sources (their outlet).
        ForeignKey("articles.id", ondelete="RESTRICT", use_alter=True),
        index=True,
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    aliases: Mapped[list[SourceAlias]] = relationship(
        back_populates="source", order_by="SourceAlias.alias"
    )

    @property
    def described(self) -> bool:
        """A per-article described source, not a registry entry."""
        return self.article_id is not None


class SourceAlias(Base):
    """Another name of a source ("NYT" for "The New York Times"); unique across the registry."""

    __tablename__ = "source_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(
        ForeignKey("sources.id", ondelete="RESTRICT"), index=True
    )
    alias: Mapped[str] = mapped_column(String(300))
    alias_key: Mapped[str] = mapped_column(String(300), unique=True)

    source: Mapped[Source] = relationship(back_populates="aliases")
