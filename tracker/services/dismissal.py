"""Setting aside: a fact-checker dismisses a claim, an editor withdraws an article.

Nothing is deleted: a dismissed claim and a withdrawn article keep their rows and history, and
leave the queue, the counts and the reports (see `models.in_review`) until they are restored.
Every change appends an audit event in the caller's transaction.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import DISMISS_REASONS, Article, Claim, User
from ..models._types import utcnow
from . import audit
from .errors import InvalidInput, NotFound
from .policy import authorize
from .review import _checked, _save

MAX_WITHDRAW_REASON = 2000


def dismiss_claim(
    session: Session, claim_id: int, reason: str, expected_version: int, actor: User | None
) -> Claim:
    """Set a claim aside: `reason` is one of DISMISS_REASONS."""
    authorize(actor, "claim.review")
    if reason not in DISMISS_REASONS:
        raise InvalidInput(
            "unknown reason %(value)r; choose one of %(choices)s",
            value=reason,
            choices=", ".join(DISMISS_REASONS),
        )
    claim = _checked(session, claim_id, expected_version)
    if claim.dismissed_reason is not None:
        raise InvalidInput("this claim is already dismissed", id=claim_id)
    claim.dismissed_reason, claim.dismissed_at = reason, utcnow()
    _save(session, claim, expected_version)
    audit.record(
        session,
        actor=actor,
        action="claim.dismiss",
        entity_type="claim",
        entity_id=claim.id,
        claim_id=claim.id,
        before={"dismissed": None},
        after={"dismissed": reason},
    )
    return claim


def set_dismissed(
    session: Session,
    claim_id: int,
    reason: str | None,
    expected_version: int,
    actor: User | None,
) -> Claim:
    """Dismiss the claim for `reason`, or restore it when `reason` is None (one call for the
    API's dismissal endpoint)."""
    if reason is None:
        return restore_claim(session, claim_id, expected_version, actor)
    return dismiss_claim(session, claim_id, reason, expected_version, actor)


def restore_claim(
    session: Session, claim_id: int, expected_version: int, actor: User | None
) -> Claim:
    """Bring a dismissed claim back, with the status it had."""
    authorize(actor, "claim.review")
    claim = _checked(session, claim_id, expected_version)
    if claim.dismissed_reason is None:
        raise InvalidInput("this claim is not dismissed", id=claim_id)
    before = claim.dismissed_reason
    claim.dismissed_reason, claim.dismissed_at = None, None
    _save(session, claim, expected_version)
    audit.record(
        session,
        actor=actor,
        action="claim.restore",
        entity_type="claim",
        entity_id=claim.id,
        claim_id=claim.id,
        before={"dismissed": before},
        after={"dismissed": None},
    )
    return claim


def _article(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound("no article %(id)s", id=article_id)
    return article


def withdraw_article(session: Session, article_id: int, reason: str, actor: User | None) -> Article:
    """Withdraw an article (an editor's decision, with a reason)."""
    authorize(actor, "article.withdraw")
    reason = " ".join(reason.split())
    if not reason:
        raise InvalidInput("say why the article is withdrawn")
    if len(reason) > MAX_WITHDRAW_REASON:
        raise InvalidInput("a reason may have at most %(n)s characters", n=MAX_WITHDRAW_REASON)
    article = _article(session, article_id)
    if article.withdrawn_at is not None:
        raise InvalidInput("article %(id)s is already withdrawn", id=article_id)
    article.withdrawn_at, article.withdrawn_reason = utcnow(), reason
    audit.record(
        session,
        actor=actor,
        action="article.withdraw",
        entity_type="article",
        entity_id=article.id,
        before={"withdrawn": None},
        after={"withdrawn": reason},
    )
    return article


def reinstate_article(session: Session, article_id: int, actor: User | None) -> Article:
    """Undo a withdrawal: the article's claims come back to the queue and the reports."""
    authorize(actor, "article.withdraw")
    article = _article(session, article_id)
    if article.withdrawn_at is None:
        raise InvalidInput("article %(id)s is not withdrawn", id=article_id)
    before = article.withdrawn_reason
    article.withdrawn_at, article.withdrawn_reason = None, None
    audit.record(
        session,
        actor=actor,
        action="article.reinstate",
        entity_type="article",
        entity_id=article.id,
        before={"withdrawn": before},
        after={"withdrawn": None},
    )
    return article


def dismissed_claims(session: Session, article_id: int) -> list[Claim]:
    """An article's dismissed claims in text order (a report's appendix)."""
    return list(
        session.scalars(
            select(Claim)
            .where(Claim.article_id == article_id, Claim.dismissed_reason.is_not(None))
            .order_by(Claim.start, Claim.id)
        )
    )


def set_withdrawn(
    session: Session, article_id: int, withdrawn: bool, reason: str, actor: User | None
) -> Article:
    """Withdraw the article (`reason` required) or reinstate it: one action, two directions."""
    if withdrawn:
        return withdraw_article(session, article_id, reason, actor)
    return reinstate_article(session, article_id, actor)
