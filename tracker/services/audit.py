"""The append-only audit log: appending events and verifying the hash chain."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ..models import GENESIS_HASH, AuditEvent, User
from ..models._types import utcnow

_PG_AUDIT_LOCK = 0x7472_6163  # advisory lock id serialising appends on PostgreSQL


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def _timestamp(at: datetime) -> str:
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def event_hash(event: AuditEvent) -> str:
    """The SHA-256 of an event's content chained to its predecessor's hash."""
    payload = [
        event.prev_hash,
        _timestamp(event.at),
        event.actor_id,
        event.action,
        event.entity_type,
        event.entity_id,
        event.claim_id,
        event.before,
        event.after,
    ]
    return hashlib.sha256(_canonical(payload).encode("utf-8")).hexdigest()


def _last_hash(session: Session) -> str:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_AUDIT_LOCK})
    last = session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1))
    return last or GENESIS_HASH


def record(
    session: Session,
    *,
    actor: User | None,
    action: str,
    entity_type: str,
    entity_id: int,
    before: Any = None,
    after: Any = None,
    claim_id: int | None = None,
) -> AuditEvent:
    """Append one event in the caller's transaction (flushes it at once)."""
    session.flush()
    event = AuditEvent(
        at=utcnow(),
        actor_id=actor.id if actor else None,
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        claim_id=claim_id,
        before=json.loads(_canonical(before)) if before is not None else None,
        after=json.loads(_canonical(after)) if after is not None else None,
        prev_hash=_last_hash(session),
    )
    event.hash = event_hash(event)
    session.add(event)
    session.flush()
    return event


@dataclass(frozen=True)
class ChainReport:
    """The outcome of walking the chain: ok, how many events, the first broken one."""

    ok: bool
    events: int
    broken_id: int | None = None
    reason: str = ""


def verify_chain(session: Session, batch: int = 1000) -> ChainReport:
    """Walk every event in order; name the first whose link or content does not match."""
    expected_prev = GENESIS_HASH
    count = 0
    for event in _in_order(session, batch):
        count += 1
        if event.prev_hash != expected_prev:
            return ChainReport(
                False, count, event.id, "its prev_hash does not match the event before"
            )
        if event_hash(event) != event.hash:
            return ChainReport(False, count, event.id, "its content does not match its hash")
        expected_prev = event.hash
    return ChainReport(True, count)


def _in_order(session: Session, batch: int) -> Iterator[AuditEvent]:
    last_id = 0
    while True:
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.id > last_id).order_by(AuditEvent.id).limit(batch)
        ).all()
        if not rows:
            return
        yield from rows
        last_id = rows[-1].id
        session.expunge_all()


def history(session: Session, claim_id: int) -> list[AuditEvent]:
    """Every event concerning a claim, oldest first, with its actor loaded."""
    from sqlalchemy.orm import joinedload

    return list(
        session.scalars(
            select(AuditEvent)
            .options(joinedload(AuditEvent.actor))
            .where(AuditEvent.claim_id == claim_id)
            .order_by(AuditEvent.id)
        )
    )
