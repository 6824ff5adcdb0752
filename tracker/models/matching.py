"""Proposed links between a new claim and an earlier one that says the same (claim matching)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Float, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Base
from ._types import UTCDateTime, in_list, utcnow

if TYPE_CHECKING:
    from .claim import Claim
    from .user import User

MATCH_STATUSES = ("proposed", "confirmed", "rejected")


class ClaimMatch(Base):
    """`claim` (the newer) repeats `earlier`; proposed by the matcher, decided by a person.

    A proposed or confirmed match puts both claims in one cluster; a rejected one is kept so the
    pair is never proposed again.
    """

    __tablename__ = "claim_matches"
    __table_args__ = (
        CheckConstraint(in_list("status", MATCH_STATUSES), name="status"),
        CheckConstraint("claim_id <> earlier_id", name="distinct"),
        CheckConstraint("score >= 0 AND score <= 1", name="score"),
        Index("uq_claim_matches_pair", "claim_id", "earlier_id", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="RESTRICT"))
    earlier_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="RESTRICT"), index=True
    )
    score: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(10), default="proposed")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    claim: Mapped[Claim] = relationship(foreign_keys=[claim_id])
    earlier: Mapped[Claim] = relationship(foreign_keys=[earlier_id])
    decided_by: Mapped[User | None] = relationship()
