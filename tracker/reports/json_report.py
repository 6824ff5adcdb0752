"""JSON: the whole report, nested, streamed claim by claim; described by report.schema.json."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..services.reports import (
    ArticleRecord,
    ClaimRecord,
    CorrectionRecord,
    EvidenceRecord,
    HopRecord,
    ReportMeta,
    SourceRecord,
)
from .common import iso

SCHEMA_PATH = Path(__file__).with_name("report.schema.json")
SCHEMA_ID = "https://github.com/claim-tracker/tracker/report.schema.json"
FORMAT_VERSION = 1


def load_schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


def source_json(source: SourceRecord | None) -> dict[str, Any] | None:
    if source is None:
        return None
    return {
        "id": source.id,
        "name": source.name,
        "kind": source.kind,
        "url": source.url,
        "description": source.description,
        "anonymity_reason": source.anonymity_reason,
    }


def article_json(article: ArticleRecord) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "outlet": source_json(article.outlet),
        "author": article.author,
        "published": article.published,
        "language": article.language,
        "ingested_at": iso(article.ingested_at),
    }


def hop_json(hop: HopRecord) -> dict[str, Any]:
    return {
        "position": hop.position,
        "kind": hop.kind,
        "source": source_json(hop.source),
        "cue": hop.cue,
        "mention": hop.mention,
        "implicit": hop.implicit,
        "confirmed": hop.confirmed,
    }


def evidence_json(ev: EvidenceRecord) -> dict[str, Any]:
    return {
        "id": ev.id,
        "url": ev.url,
        "title": ev.title,
        "excerpt": ev.excerpt,
        "stance": ev.stance,
        "archived_sha256": ev.archived_sha256,
        "added_by": ev.added_by,
        "added_at": iso(ev.added_at),
    }


def correction_json(c: CorrectionRecord) -> dict[str, Any]:
    return {
        "at": iso(c.at),
        "kind": c.kind,
        "actor": c.actor,
        "before": {"status": c.before_status, "rationale": c.before_rationale},
        "after": {"status": c.after_status, "rationale": c.after_rationale},
    }


def _claim_rest(claim: ClaimRecord) -> dict[str, Any]:
    """A claim's JSON after its "id" and "article" (render_json writes those)."""
    return {
        "text": claim.text,
        "claim_reviewed": claim.claim_reviewed,
        "quote": {"exact": claim.exact, "start": claim.start, "end": claim.end},
        "status": claim.status,
        "rationale": claim.rationale,
        "reviewer": claim.reviewer,
        "reviewed_at": iso(claim.reviewed_at),
        "first_verdict_at": iso(claim.first_verdict_at),
        "assignee": claim.assignee,
        "created_at": iso(claim.created_at),
        "updated_at": iso(claim.updated_at),
        "cue": claim.cue,
        "hearsay": claim.hearsay,
        "primary_source": source_json(claim.primary_source),
        "chain": [hop_json(h) for h in claim.chain],
        "evidence": [evidence_json(e) for e in claim.evidence],
        "corrections": [correction_json(c) for c in claim.corrections],
    }


def header_json(meta: ReportMeta) -> dict[str, Any]:
    return {
        "$schema": SCHEMA_ID,
        "format_version": FORMAT_VERSION,
        "title": meta.title,
        "generated_at": iso(meta.generated_at),
        "newsroom": {"name": meta.newsroom_name, "url": meta.newsroom_url},
        "language": meta.language,
        "filter": meta.filter.describe(),
        "article": article_json(meta.article) if meta.article else None,
        "summary": {
            "total": meta.summary.total,
            "articles": meta.summary.articles,
            "by_status": meta.summary.by_status,
            "by_source_kind": meta.summary.by_source_kind,
        },
        "methodology": meta.methodology,
    }


def render_json(meta: ReportMeta, claims: Iterable[ClaimRecord]) -> Iterator[str]:
    """The report object; its `claims` array is written one claim at a time."""
    head = json.dumps(header_json(meta), ensure_ascii=False, indent=1)
    yield head[:-2] + ',\n "claims": ['
    # One claim a line: {"id": ..., "article": {...}, "text": ...} as json.dumps writes it
    # (ensure_ascii off), the article's JSON encoded once for its run of claims.
    encode = json.JSONEncoder(ensure_ascii=False).encode
    article: ArticleRecord | None = None
    article_text = ""
    separator = "\n  "
    for claim in claims:
        if claim.article is not article:
            article = claim.article
            article_text = encode(article_json(article))
        rest = encode(_claim_rest(claim))
        yield f'{separator}{{"id": {encode(claim.id)}, "article": {article_text}, {rest[1:]}'
        separator = ",\n  "
    yield "\n ]\n}\n"
