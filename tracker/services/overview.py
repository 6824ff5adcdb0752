"""The start page: counts, and what is waiting for the user ("For me")."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Article, Mention
from . import comments, tallies


@dataclass(frozen=True)
class Dashboard:
    by_status: dict[str, int]
    assigned_to_me: int
    recent: list[Article]
    mentions: list[Mention]

    @property
    def unseen_mentions(self) -> int:
        return sum(1 for m in self.mentions if m.seen_at is None)


def dashboard(session: Session, user_id: int, recent: int = 10) -> Dashboard:
    """Claims per status, the user's open assignments (both from the kept counts: no claim is
    read), the newest articles and the comments that mention the user, unseen first."""
    counts = tallies.counts(session, "all")
    mine = tallies.counts(session, "assignee", user_id).get("unreviewed", 0)
    articles = session.scalars(
        select(Article).order_by(Article.ingested_at.desc(), Article.id.desc()).limit(recent)
    ).all()
    return Dashboard(
        by_status={
            s: int(counts.get(s, 0)) for s in ("unreviewed", "verified", "disputed", "unsourced")
        },
        assigned_to_me=int(mine or 0),
        recent=list(articles),
        mentions=comments.mentions_for(session, user_id, limit=20),
    )
