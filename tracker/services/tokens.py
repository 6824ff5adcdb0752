"""API tokens: issued once in plain text, stored only as a SHA-256 hash."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from ..models import ApiToken, User
from ..models._types import utcnow
from . import audit
from .errors import InvalidInput, NotFound

SCOPES = ("read", "review", "ingest")
PREFIX = "trk_"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    plaintext: str


def issue_token(
    session: Session, owner: User, name: str, scopes: tuple[str, ...], actor: User | None = None
) -> IssuedToken:
    """A new token for `owner`; the plain text is returned here and never again."""
    unknown = set(scopes) - set(SCOPES)
    if unknown or not scopes:
        raise InvalidInput("scopes must be some of %(choices)s", choices=", ".join(SCOPES))
    if not name.strip():
        raise InvalidInput("a token needs a name saying what it is for")
    plaintext = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        owner=owner, name=name.strip(), token_hash=_digest(plaintext), scopes=" ".join(scopes)
    )
    session.add(token)
    session.flush()
    audit.record(
        session,
        actor=actor or owner,
        action="token.issue",
        entity_type="api_token",
        entity_id=token.id,
        after={"owner_id": owner.id, "name": token.name, "scopes": token.scopes},
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
    if token is None or token.revoked_at is not None or not token.owner.active:
        return None
    token.last_used_at = utcnow()
    return token


def revoke_token(session: Session, token_id: int, actor: User) -> ApiToken:
    token = session.get(ApiToken, token_id)
    if token is None:
        raise NotFound("no token %(id)s", id=token_id)
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
