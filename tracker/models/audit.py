"""The append-only, hash-chained audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Base
from ._types import JSONValue, UTCDateTime, utcnow
from .user import User

GENESIS_HASH = "0" * 64


class AuditEvent(Base):
    """One change. UPDATE and DELETE on this table are refused by database triggers."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_entity", "entity_type", "entity_id"),
        Index("ix_audit_events_claim_at", "claim_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="RESTRICT"), index=True
    )
    action: Mapped[str] = mapped_column(String(50), index=True)
    entity_type: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[int] = mapped_column(Integer)
    # The claim an event concerns (for a claim's history), also for evidence and attributions.
    claim_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[Any] = mapped_column(JSONValue, nullable=True)
    after: Mapped[Any] = mapped_column(JSONValue, nullable=True)
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)

    actor: Mapped[User | None] = relationship()
