"""Counts of the claims in review, kept up to date as claims change (services/tallies.py).

The start page's counts per status, a user's open assignments and a source's track record would
otherwise read every claim on each page view."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base

# What a count is kept for: every claim in review (key 0), its primary source, its assignee.
SCOPES = ("all", "source", "assignee")


class ClaimCount(Base):
    """How many claims in review (`in_review()`) have `status` within `scope` and `key`."""

    __tablename__ = "claim_counts"

    scope: Mapped[str] = mapped_column(String(10), primary_key=True)
    key: Mapped[int] = mapped_column(Integer, primary_key=True)
    status: Mapped[str] = mapped_column(String(12), primary_key=True)
    n: Mapped[int] = mapped_column(Integer, default=0)


class CountedClaim(Base):
    """What a claim in review adds to the counts (its status, primary source and assignee) as
    they stand: the counts change by the difference when the claim changes. No foreign key: a
    row outlives its claim until the counts are brought up to date in the same transaction."""

    __tablename__ = "counted_claims"

    claim_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    status: Mapped[str] = mapped_column(String(12))
    source_id: Mapped[int | None] = mapped_column(Integer)
    assignee_id: Mapped[int | None] = mapped_column(Integer)
