"""Claim clusters, read: "seen before" beside a claim, its pending match, the cluster page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from ..models import Article, Attribution, Claim, ClaimCluster, ClaimMatch
from .errors import NotFound
from .numbering import numbers_for


@dataclass(frozen=True)
class SeenBefore:
    """The check of a claim's cluster to show beside it: verified in <article>, <date>, by."""

    claim: Claim  # the earlier, reviewed member
    article: Article
    status: str
    at: datetime | None
    by: str | None
    cluster_id: int
    number: int  # the earlier claim's number in its article, as people count them


def seen_before(session: Session, claims: Iterable[Claim]) -> dict[int, SeenBefore]:
    """For each claim in a cluster, the cluster's latest reviewed member other than itself
    (one query for all of them)."""
    wanted = {c.id: c.cluster_id for c in claims if c.cluster_id is not None}
    if not wanted:
        return {}
    reviewed = list(
        session.scalars(
            select(Claim)
            .options(joinedload(Claim.article), joinedload(Claim.reviewed_by))
            .where(Claim.cluster_id.in_(set(wanted.values())), Claim.status != "unreviewed")
            .order_by(Claim.reviewed_at.desc(), Claim.id.desc())
        )
    )
    latest: dict[int, Claim] = {}
    for claim_id, cluster_id in wanted.items():
        for r in reviewed:
            if r.cluster_id == cluster_id and r.id != claim_id:
                latest[claim_id] = r
                break
    numbers = numbers_for(session, [r.id for r in latest.values()])
    return {
        claim_id: SeenBefore(
            r,
            r.article,
            r.status,
            r.reviewed_at,
            r.reviewed_by.name if r.reviewed_by else None,
            wanted[claim_id],
            numbers[r.id],
        )
        for claim_id, r in latest.items()
    }


def pending_match(session: Session, claim_id: int) -> ClaimMatch | None:
    """The claim's proposed or confirmed match, if any (the panel's confirm/reject buttons)."""
    return session.scalar(
        select(ClaimMatch)
        .options(joinedload(ClaimMatch.earlier).joinedload(Claim.article))
        .where(ClaimMatch.claim_id == claim_id, ClaimMatch.status != "rejected")
        .order_by(ClaimMatch.id.desc())
        .limit(1)
    )


@dataclass(frozen=True)
class Appearance:
    claim: Claim
    article: Article
    number: int  # the claim's number in its article


@dataclass(frozen=True)
class ClusterView:
    """A cluster page: every appearance of the claim with its source and date, oldest first."""

    cluster: ClaimCluster
    appearances: list[Appearance]


def cluster_view(session: Session, cluster_id: int) -> ClusterView:
    cluster = session.get(ClaimCluster, cluster_id)
    if cluster is None:
        raise NotFound("no claim cluster %(id)s", id=cluster_id)
    claims = (
        session.scalars(
            select(Claim)
            .join(Article, Article.id == Claim.article_id)
            .options(
                joinedload(Claim.article).joinedload(Article.outlet),
                joinedload(Claim.reviewed_by),
                selectinload(Claim.attributions).joinedload(Attribution.source),
            )
            .where(Claim.cluster_id == cluster_id)
            .order_by(Article.published_on.asc().nulls_last(), Article.ingested_at, Claim.id)
        )
        .unique()
        .all()
    )
    numbers = numbers_for(session, [c.id for c in claims])
    return ClusterView(cluster, [Appearance(c, c.article, numbers[c.id]) for c in claims])
