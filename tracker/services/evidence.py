"""Evidence for and against claims; removal keeps the row and records why."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.orm import Session

from ..models import STANCES, Evidence, User
from ..models._types import utcnow
from . import audit
from .errors import InvalidInput, NotFound
from .policy import authorize
from .review import get_claim

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def _snapshot(ev: Evidence) -> dict[str, Any]:
    return {
        "url": ev.url,
        "title": ev.title,
        "excerpt": ev.excerpt,
        "stance": ev.stance,
        "archived_sha256": ev.archived_sha256,
    }


def check_url(url: str) -> str:
    """An http(s) URL, or InvalidInput (javascript:, data: and the like are refused)."""
    url = url.strip()
    if not re.match(r"^https?://[^\s/?#]+", url, re.IGNORECASE):
        raise InvalidInput("evidence needs a web address starting with http:// or https://")
    if len(url) > 2000:
        raise InvalidInput("the web address is longer than 2,000 characters")
    return url


def add_evidence(
    session: Session,
    claim_id: int,
    url: str,
    stance: str,
    actor: User,
    *,
    title: str = "",
    excerpt: str = "",
    archived_sha256: str | None = None,
) -> Evidence:
    """Attach a piece of evidence (supports, refutes or context) to a claim."""
    authorize(actor, "claim.review")
    claim = get_claim(session, claim_id)
    if stance not in STANCES:
        raise InvalidInput(
            "unknown stance %(stance)r; choose one of %(choices)s",
            stance=stance,
            choices=", ".join(STANCES),
        )
    if archived_sha256 is not None and not _SHA256.match(archived_sha256):
        raise InvalidInput("the archived copy's hash must be 64 lowercase hex digits (SHA-256)")
    ev = Evidence(
        claim=claim,
        url=check_url(url),
        title=title.strip()[:500],
        excerpt=excerpt.strip(),
        stance=stance,
        archived_sha256=archived_sha256,
        added_by=actor,
    )
    session.add(ev)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="evidence.add",
        entity_type="evidence",
        entity_id=ev.id,
        claim_id=claim.id,
        after=_snapshot(ev),
    )
    return ev


def remove_evidence(session: Session, evidence_id: int, reason: str, actor: User) -> Evidence:
    """Withdraw a piece of evidence; the row stays, with who, when and why."""
    authorize(actor, "claim.review")
    ev = session.get(Evidence, evidence_id)
    if ev is None:
        raise NotFound("no evidence %(id)s", id=evidence_id)
    if ev.removed_at is not None:
        raise InvalidInput("this evidence was already removed")
    reason = reason.strip()
    if not reason:
        raise InvalidInput("say why the evidence is removed")
    ev.removed_at, ev.removed_by_id, ev.removed_reason = utcnow(), actor.id, reason
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="evidence.remove",
        entity_type="evidence",
        entity_id=ev.id,
        claim_id=ev.claim_id,
        before=_snapshot(ev),
        after={"removed": True, "reason": reason},
    )
    return ev
