"""A claim's number as people see it: its place among its article's claims in text order
(1, 2, 3 …, as the article's claim list counts them), whatever filter a page applies. Database
ids stay in URLs only."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from ..models import Claim


def numbered(claims: Sequence[Claim]) -> dict[int, int]:
    """Claim id -> number, for all the claims of one article (any order)."""
    ordered = sorted(claims, key=lambda c: (c.start, c.id))
    return {c.id: n for n, c in enumerate(ordered, 1)}


def numbers_for(session: Session, claim_ids: Iterable[int]) -> dict[int, int]:
    """Claim id -> number for claims of any articles, in one query (index on article, start)."""
    ids = sorted(set(claim_ids))
    if not ids:
        return {}
    other = aliased(Claim)
    before = (
        select(func.count(other.id))
        .where(
            other.article_id == Claim.article_id,
            or_(other.start < Claim.start, and_(other.start == Claim.start, other.id <= Claim.id)),
        )
        .scalar_subquery()
    )
    return {
        int(cid): int(n)
        for cid, n in session.execute(select(Claim.id, before).where(Claim.id.in_(ids)))
    }


def numbers_in_articles(conn: Connection, article_ids: Iterable[int]) -> dict[int, dict[int, int]]:
    """Article id -> {claim id -> number} for every claim of these articles, in one query (a
    window over the index on article, start): cheaper than numbers_for when most of their
    claims are wanted, as in a report."""
    ids = sorted(set(article_ids))
    out: dict[int, dict[int, int]] = {i: {} for i in ids}
    if not ids:
        return out
    number = func.row_number().over(partition_by=Claim.article_id, order_by=(Claim.start, Claim.id))
    stmt = select(Claim.article_id, Claim.id, number).where(Claim.article_id.in_(ids))
    for article_id, claim_id, n in conn.execute(stmt):
        out[article_id][claim_id] = n
    return out
