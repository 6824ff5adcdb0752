"""Comments on a claim and the people they mention."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Base
from ._types import UTCDateTime, utcnow

if TYPE_CHECKING:
    from .claim import Claim
    from .user import User

MAX_COMMENT = 4000


class Comment(Base):
    """One message in a claim's thread: plain text, never edited or deleted (it is history)."""

    __tablename__ = "comments"
    __table_args__ = (
        CheckConstraint("length(body) > 0", name="body"),
        Index("ix_comments_claim_id_created_at", "claim_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="RESTRICT"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    body: Mapped[str] = mapped_column(String(MAX_COMMENT))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    claim: Mapped[Claim] = relationship()
    author: Mapped[User | None] = relationship()
    mentions: Mapped[list[Mention]] = relationship(back_populates="comment")


class Mention(Base):
    """`user` was named with @ in `comment`; `seen_at` is set when they open the claim."""

    __tablename__ = "mentions"
    __table_args__ = (Index("ix_mentions_user_id_seen_at", "user_id", "seen_at"),)

    comment_id: Mapped[int] = mapped_column(
        ForeignKey("comments.id", ondelete="RESTRICT"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="RESTRICT"), primary_key=True
    )
    seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    comment: Mapped[Comment] = relationship(back_populates="mentions")
    user: Mapped[User] = relationship()
