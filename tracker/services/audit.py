"""The append-only audit log: appending events and verifying the hash chain."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ..config import audit_key
from ..models import GENESIS_HASH, AuditEvent, User
from ..models._types import utcnow

# Every change of data writes its audit event here, so this is where it is logged: one line at
# INFO with the action and the ids (never the content), the convention of tracker/logs.py.
log = logging.getLogger(__name__)

_PG_AUDIT_LOCK = 0x7472_6163  # advisory lock id serialising appends on PostgreSQL


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def _timestamp(at: datetime) -> str:
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


_EVENT_DOMAIN = b"tracker-audit-event-v1\0"


def _payload(event: AuditEvent) -> bytes:
    return _canonical(
        [
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
    ).encode("utf-8")


def keyless_hash(event: AuditEvent) -> str:
    """The SHA-256 the log used before it was keyed: anyone can recompute it (legacy events)."""
    return hashlib.sha256(_payload(event)).hexdigest()


def event_hash(event: AuditEvent, key: bytes) -> str:
    """The HMAC-SHA-256 of an event's content chained to its predecessor's hash.

    The key lives outside the database (config.audit_key), so whoever can only write to the
    database cannot make a forged or rewritten event verify.
    """
    return hmac.new(key, _EVENT_DOMAIN + _payload(event), hashlib.sha256).hexdigest()


def signing_key() -> bytes:
    """The key new events are signed with (made once into the instance folder if none is set)."""
    key = audit_key(create=True)
    assert key is not None
    return key


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
    event.hash = event_hash(event, signing_key())
    session.add(event)
    session.flush()
    log.info(
        "%s %s %s by %s (event %s)",
        action,
        entity_type,
        entity_id,
        f"user {actor.id}" if actor else "the system",
        event.id,
    )
    return event


def record_many(session: Session, entries: Sequence[dict[str, Any]]) -> list[AuditEvent]:
    """Append several events at once, in order, in the caller's transaction: each entry holds
    `record`'s keyword arguments. One look-up of the chain's head and one flush for them all."""
    if not entries:
        return []
    session.flush()
    prev = _last_hash(session)
    key = signing_key()
    events: list[AuditEvent] = []
    for entry in entries:
        actor: User | None = entry.get("actor")
        before, after = entry.get("before"), entry.get("after")
        event = AuditEvent(
            at=utcnow(),
            actor_id=actor.id if actor else None,
            action=entry["action"],
            entity_type=entry["entity_type"],
            entity_id=entry["entity_id"],
            claim_id=entry.get("claim_id"),
            before=json.loads(_canonical(before)) if before is not None else None,
            after=json.loads(_canonical(after)) if after is not None else None,
            prev_hash=prev,
        )
        event.hash = prev = event_hash(event, key)
        events.append(event)
    session.add_all(events)
    session.flush()
    for event, entry in zip(events, entries, strict=True):
        actor = entry.get("actor")
        log.info(
            "%s %s %s by %s (event %s)",
            event.action,
            event.entity_type,
            event.entity_id,
            f"user {actor.id}" if actor else "the system",
            event.id,
        )
    return events


@dataclass(frozen=True)
class Anchor:
    """What a signed checkpoint says about the log: its head, and how far keyless events go."""

    head_id: int
    head_hash: str
    count: int
    legacy_upto: int
    made_at: str = ""


@dataclass(frozen=True)
class ChainReport:
    """The outcome of walking the chain: ok, how many events, the first broken one."""

    ok: bool
    events: int
    broken_id: int | None = None
    reason: str = ""
    # Events from before the log was keyed (keyless SHA-256), all at the start of the chain.
    legacy: int = 0
    legacy_upto: int = 0
    head_id: int = 0
    head_hash: str = GENESIS_HASH


def verify_chain(
    session: Session, key: bytes, anchor: Anchor | None = None, batch: int = 1000
) -> ChainReport:
    """Walk every event in order; name the first whose link or authentication fails.

    A keyless (legacy) hash is accepted only at the start of the chain, before the first keyed
    event, and, given an anchor, only up to the anchor's `legacy_upto`. The anchor's head must be
    present with its hash and the number of events up to it, so truncation and the deletion of
    the newest events before the checkpoint are reported.
    """
    expected_prev = GENESIS_HASH
    count = legacy = legacy_upto = 0
    head_id = 0
    keyed_seen = False
    anchor_seen = False
    for event in _in_order(session, batch):
        count += 1
        if event.prev_hash != expected_prev:
            return ChainReport(
                False, count, event.id, "its prev_hash does not match the event before"
            )
        if hmac.compare_digest(event_hash(event, key), event.hash):
            keyed_seen = True
        elif hmac.compare_digest(keyless_hash(event), event.hash):
            if keyed_seen or (anchor is not None and event.id > anchor.legacy_upto):
                return ChainReport(
                    False, count, event.id, "it has a keyless hash where only keyed ones may be"
                )
            legacy += 1
            legacy_upto = event.id
        else:
            return ChainReport(
                False, count, event.id, "its content does not match its authenticated hash"
            )
        if anchor is not None and event.id == anchor.head_id:
            anchor_seen = True
            if event.hash != anchor.head_hash or count != anchor.count:
                return ChainReport(
                    False,
                    count,
                    event.id,
                    f"it differs from the checkpoint of {anchor.made_at} "
                    f"({count} events up to it, the checkpoint counted {anchor.count})",
                )
        expected_prev = event.hash
        head_id = event.id
    if anchor is not None and anchor.count and not anchor_seen:
        return ChainReport(
            False,
            count,
            anchor.head_id,
            f"the checkpoint of {anchor.made_at} ends at event {anchor.head_id} "
            f"({anchor.count} events) and it is missing: the log was truncated "
            "or its newest events deleted",
        )
    return ChainReport(
        True,
        count,
        legacy=legacy,
        legacy_upto=legacy_upto,
        head_id=head_id,
        head_hash=expected_prev,
    )


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
