"""Records as the API's JSON objects (the shapes the OpenAPI document describes)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ...models import Article, AuditEvent, Claim, Comment, Evidence, Source
from ...services.api_reads import ClusterView
from ...services.review import chain_snapshot
from ...services.sources import TrackRecord


def when(at: datetime | None) -> str | None:
    return at.isoformat() if at is not None else None


def claim(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "article_id": c.article_id,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "claim_reviewed": c.claim_reviewed,
        "status": c.status,
        "rationale": c.rationale,
        "version": c.version,
        "score": c.score,
        "checkworthy": c.checkworthy,
        "assignee_id": c.assignee_id,
        "parent_id": c.parent_id,
        "cluster_id": c.cluster_id,
        "orphaned": c.orphaned,
        "dismissed": c.dismissed_reason,
        "reviewed_at": when(c.reviewed_at),
        "chain": chain_snapshot(c),
    }


def article(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "url": a.url,
        "outlet_id": a.outlet_id,
        "outlet": a.outlet.name if a.outlet is not None else None,
        "author": a.author,
        "published": a.published,
        "language": a.language,
        "body_sha256": a.body_sha256,
        "ingested_at": when(a.ingested_at),
        "supersedes_id": a.supersedes_id,
    }


def source(s: Source, record: TrackRecord | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": s.id,
        "name": s.name,
        "kind": s.kind,
        "status": s.status,
        "description": s.description,
        "url": s.url,
        "aliases": [a.alias for a in s.aliases],
    }
    if record is not None:
        data["track_record"] = {
            "verified": record.verified,
            "disputed": record.disputed,
            "unsourced": record.unsourced,
            "unreviewed": record.unreviewed,
            "counted": record.counted,
        }
    return data


def evidence(e: Evidence) -> dict[str, Any]:
    return {
        "id": e.id,
        "claim_id": e.claim_id,
        "url": e.url,
        "title": e.title,
        "excerpt": e.excerpt,
        "stance": e.stance,
        "archived_sha256": e.archived_sha256,
        "added_by_id": e.added_by_id,
        "added_at": when(e.added_at),
        "removed": e.removed_at is not None,
        "removed_at": when(e.removed_at),
        "removed_reason": e.removed_reason,
    }


def comment(c: Comment) -> dict[str, Any]:
    return {
        "id": c.id,
        "claim_id": c.claim_id,
        "author_id": c.author_id,
        "author": c.author.name if c.author is not None else None,
        "body": c.body,
        "created_at": when(c.created_at),
        "mentions": sorted(m.user_id for m in c.mentions),
    }


def event(e: AuditEvent) -> dict[str, Any]:
    return {
        "id": e.id,
        "at": when(e.at),
        "actor_id": e.actor_id,
        "actor": e.actor.name if e.actor is not None else None,
        "action": e.action,
        "entity_type": e.entity_type,
        "entity_id": e.entity_id,
        "before": e.before,
        "after": e.after,
    }


def cluster(claim_id: int, view: ClusterView | None) -> dict[str, Any]:
    if view is None:
        return {"claim_id": claim_id, "cluster": None}
    return {
        "claim_id": claim_id,
        "cluster": {
            "id": view.id,
            "label": view.label,
            "members": [
                {
                    "claim_id": m.id,
                    "article_id": m.article_id,
                    "article_title": m.article.title,
                    "published": m.article.published,
                    "text": m.text,
                    "status": m.status,
                }
                for m in view.members
            ],
        },
    }
