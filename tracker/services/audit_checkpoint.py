"""Signed checkpoints of the audit log, kept as files outside the database.

A checkpoint names the chain's head (id and hash), the number of events up to it and how far
the keyless events written before the log was keyed go; it is signed with the audit key. The
database cannot hold the anchor that says how long the log was, so the files can.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from .audit import Anchor, ChainReport, verify_chain
from .errors import TrackerError

_DOMAIN = b"tracker-audit-checkpoint-v1\0"


class CheckpointError(TrackerError):
    """A checkpoint file that is unreadable or whose signature does not match."""


def _sign(body: dict[str, object], key: bytes) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return hmac.new(key, _DOMAIN + canonical, hashlib.sha256).hexdigest()


def _read(path: Path, key: bytes) -> Anchor:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        mac = data.pop("mac")
        anchor = Anchor(
            head_id=int(data["head_id"]),
            head_hash=str(data["head_hash"]),
            count=int(data["count"]),
            legacy_upto=int(data["legacy_upto"]),
            made_at=str(data["made_at"]),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CheckpointError(f"checkpoint {path.name} is unreadable: {exc}") from exc
    if set(data) != set(asdict(anchor)) or not hmac.compare_digest(
        str(mac), _sign(asdict(anchor), key)
    ):
        raise CheckpointError(f"checkpoint {path.name} is not signed with the audit key")
    return anchor


def newest(directory: Path, key: bytes) -> Anchor | None:
    """The checkpoint with the highest head (every file's signature is checked)."""
    anchors = [_read(path, key) for path in sorted(directory.glob("checkpoint-*.json"))]
    return max(anchors, key=lambda a: (a.count, a.head_id), default=None)


@dataclass(frozen=True)
class Written:
    """A checkpoint just written, and where."""

    anchor: Anchor
    path: Path


def write(session: Session, directory: Path, key: bytes) -> Written:
    """Verify the log against the newest checkpoint, then anchor its current head in a new one.

    A broken log is never checkpointed (that would anchor the tampering). The keyless events'
    extent is carried over from the previous checkpoint; the first checkpoint takes it from the
    log as it is now, so the log should be verified and checkpointed right after the upgrade.
    """
    previous = newest(directory, key)
    report = verify_chain(session, key, previous)
    if not report.ok:
        raise CheckpointError(f"audit chain broken at event {report.broken_id}: {report.reason}")
    legacy_upto = previous.legacy_upto if previous else report.legacy_upto
    anchor = Anchor(
        head_id=report.head_id,
        head_hash=report.head_hash,
        count=report.events,
        legacy_upto=legacy_upto,
        made_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
    )
    body = asdict(anchor)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = anchor.made_at.replace(":", "").replace("-", "").replace(".", "")
    path = directory / f"checkpoint-{anchor.head_id:012d}-{stamp}.json"
    path.write_text(json.dumps({**body, "mac": _sign(body, key)}, indent=1) + "\n")
    return Written(anchor, path)


def anchor_from_the_start(session: Session, directory: Path, key: bytes) -> Written | None:
    """Write the first checkpoint when there is none (`tracker db upgrade` does this): on a new
    database it anchors the empty log, so no event, from the first on, can later be rewritten,
    forged as a keyless one or deleted without `verify` naming it. None: one exists already."""
    if newest(directory, key) is not None:
        return None
    return write(session, directory, key)


NOT_ANCHORED = (
    "no signed checkpoint anchors the log, so a rewrite from its first event or the deletion "
    "of its newest events could not be seen; if the log is as it should be, run "
    "`tracker audit checkpoint`"
)


def verify(session: Session, directory: Path, key: bytes) -> tuple[ChainReport, Anchor | None]:
    """The log checked against the newest checkpoint (None when there is none yet). A log with
    events and no checkpoint does not pass: nothing outside the database vouches for it."""
    anchor = newest(directory, key)
    report = verify_chain(session, key, anchor)
    if report.ok and anchor is None and report.events:
        report = replace(report, ok=False, reason=NOT_ANCHORED)
    return report, anchor
