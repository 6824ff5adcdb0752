"""API tokens: issued once in plain text, stored only as a SHA-256 hash."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from ..models import ApiToken, User
from ..models._types import utcnow
from . import audit
from .errors import InvalidInput, NotFound
from .policy import authorize

SCOPES = ("read", "review", "ingest")
PREFIX = "trk_"
DEFAULT_DAYS = 90
MAX_DAYS = 366
# last_used_at is written at most this often: a read need not take the write lock each time.
USE_RESOLUTION = timedelta(minutes=5)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    plaintext: str


def issue_token(
    session: Session,
    owner: User,
    name: str,
    scopes: tuple[str, ...],
    actor: User | None = None,
    days: int = DEFAULT_DAYS,
) -> IssuedToken:
    """A new token for `owner`, valid `days` days; the plain text is returned here only.

    A user may issue their own; an administrator anyone's; `actor` None is the command line."""
    own = actor is not None and actor.id == owner.id
    authorize(actor, "account.own" if own else "token.manage")
    unknown = set(scopes) - set(SCOPES)
    if unknown or not scopes:
        raise InvalidInput("scopes must be some of %(choices)s", choices=", ".join(SCOPES))
    if not name.strip():
        raise InvalidInput("a token needs a name saying what it is for")
    if not 1 <= days <= MAX_DAYS:
        raise InvalidInput("a token is valid for 1 to %(n)s days", n=MAX_DAYS)
    plaintext = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        owner=owner,
        name=name.strip(),
        token_hash=_digest(plaintext),
        scopes=" ".join(scopes),
        expires_at=utcnow() + timedelta(days=days),
    )
    session.add(token)
    session.flush()
    audit.record(
        session,
        actor=actor,  # who issued it: the owner, an admin, or the system (None)
        action="token.issue",
        entity_type="api_token",
        entity_id=token.id,
        after={
            "owner_id": owner.id,
            "name": token.name,
            "scopes": token.scopes,
            "expires_at": token.expires_at.isoformat(),
        },
    )
    return IssuedToken(token, plaintext)


def authenticate_token(session: Session, plaintext: str) -> ApiToken | None:
    """The live token (of an active user) with this plain text, or None."""
    if not plaintext.startswith(PREFIX):
        return None
    token = session.scalar(
        select(ApiToken)
        .options(joinedload(ApiToken.owner))
        .where(ApiToken.token_hash == _digest(plaintext))
    )
    now = utcnow()
    if token is None or token.revoked_at is not None or not token.owner.active:
        return None
    if token.expires_at <= now:
        return None
    if token.last_used_at is None or now - token.last_used_at > USE_RESOLUTION:
        token.last_used_at = now
    return token


def token_state(token: ApiToken) -> str:
    """'revoked', 'expired' or 'live'."""
    if token.revoked_at is not None:
        return "revoked"
    return "expired" if token.expires_at <= utcnow() else "live"


def list_tokens(
    session: Session, actor: User | None, owner_email: str | None = None
) -> list[ApiToken]:
    """Every token (or one owner's), newest first, with its owner loaded (administrators)."""
    authorize(actor, "token.manage")
    stmt = select(ApiToken).options(joinedload(ApiToken.owner)).order_by(ApiToken.id.desc())
    if owner_email:
        stmt = stmt.join(ApiToken.owner).where(User.email == owner_email.strip().lower())
    return list(session.scalars(stmt).unique())


def revoke_token(session: Session, token_id: int, actor: User | None) -> ApiToken:
    """Revoke a token at once. An admin may revoke any, a user their own; `actor` None is the
    operator at the command line."""
    token = session.get(ApiToken, token_id)
    if token is None:
        raise NotFound("no token %(id)s", id=token_id)
    own = actor is not None and actor.id == token.owner_id
    authorize(actor, "account.own" if own else "token.manage")
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        audit.record(
            session,
            actor=actor,
            action="token.revoke",
            entity_type="api_token",
            entity_id=token.id,
            after={"revoked": True},
        )
    return token
