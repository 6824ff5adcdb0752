"""A claim's thread: plain-text comments, and `@name` mentions that reach a colleague.

A mention names an active user by their e-mail's local part (`@anna.devries`), their name
without spaces or with dots (`@AnnaDeVries`, `@anna.de.vries`) or their first name (`@anna`),
case-insensitively. Only a mention that fits exactly one person counts; the others are returned
so the page can say so. A mention stays in the person's "For me" list, unseen first, until they
open the claim. Comments are appended, never changed; each is an audit event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import select, update
from sqlalchemy.orm import Session, joinedload, selectinload

from ..models import MAX_COMMENT, Claim, Comment, Mention, User
from ..models._types import utcnow
from . import audit
from .errors import InvalidInput, NotFound
from .field_limits import check_text
from .policy import authorize

# "@" not inside a word or an e-mail address; the name ends on a letter or digit ("@anna," -> anna)
MENTION = re.compile(r"(?<![\w@.])@(\w(?:[\w.\-]*\w)?)")


@dataclass
class Posted:
    """A saved comment, and the mentions that named nobody or more than one person."""

    comment: Comment
    unknown: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)


def mention_keys(user: User) -> set[str]:
    """The names `user` can be mentioned by (case-folded, without the @)."""
    words = user.name.casefold().split()
    keys = {user.email.rsplit("@", 1)[0].casefold()}
    if words:
        keys |= {"".join(words), ".".join(words), "_".join(words), "-".join(words), words[0]}
    return keys


def mentioned_names(body: str) -> list[str]:
    """The `@name`s of a text, in order, each once (case-folded)."""
    return list(dict.fromkeys(m.group(1).casefold() for m in MENTION.finditer(body)))


def resolve(session: Session, names: list[str]) -> tuple[dict[str, User], list[str], list[str]]:
    """Each name's one active user; the names that fit nobody; those that fit several."""
    if not names:
        return {}, [], []
    users = session.scalars(select(User).where(User.active.is_(True)).order_by(User.id)).all()
    found: dict[str, User] = {}
    unknown: list[str] = []
    ambiguous: list[str] = []
    keys = {u.id: mention_keys(u) for u in users}
    for name in names:
        fits = [u for u in users if name in keys[u.id]]
        if len(fits) == 1:
            found[name] = fits[0]
        elif fits:
            ambiguous.append(name)
        else:
            unknown.append(name)
    return found, unknown, ambiguous


def add_comment(session: Session, claim_id: int, body: str, actor: User | None) -> Posted:
    """Append a comment to the claim's thread; a mention of one person notifies them."""
    authorize(actor, "claim.comment")
    body = body.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not body:
        raise InvalidInput("write something first")
    check_text("comment", body, MAX_COMMENT)
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound("no claim %(id)s", id=claim_id)
    found, unknown, ambiguous = resolve(session, mentioned_names(body))
    comment = Comment(claim_id=claim.id, author_id=actor.id if actor else None, body=body)
    session.add(comment)
    session.flush()
    notified = sorted({u.id for u in found.values()} - {actor.id if actor else -1})
    for user_id in notified:
        session.add(Mention(comment_id=comment.id, user_id=user_id))
    audit.record(
        session,
        actor=actor,
        action="claim.comment",
        entity_type="comment",
        entity_id=comment.id,
        claim_id=claim.id,
        after={"body": body, "mentions": notified},
    )
    return Posted(comment, unknown, ambiguous)


def thread(session: Session, claim_id: int) -> list[Comment]:
    """The claim's comments, oldest first, with their authors and mentioned users."""
    return list(
        session.scalars(
            select(Comment)
            .options(
                joinedload(Comment.author),
                selectinload(Comment.mentions).joinedload(Mention.user),
            )
            .where(Comment.claim_id == claim_id)
            .order_by(Comment.created_at, Comment.id)
        ).unique()
    )


def claim_thread(session: Session, claim_id: int) -> list[Comment]:
    """The thread of a claim that must exist (NotFound otherwise)."""
    if session.get(Claim, claim_id) is None:
        raise NotFound("no claim %(id)s", id=claim_id)
    return thread(session, claim_id)


def mentions_for(session: Session, user_id: int, limit: int = 50) -> list[Mention]:
    """The user's mentions for "For me": unseen first, newest first within each."""
    return list(
        session.scalars(
            select(Mention)
            .join(Mention.comment)
            .options(
                joinedload(Mention.comment).joinedload(Comment.author),
                joinedload(Mention.comment).joinedload(Comment.claim),
            )
            .where(Mention.user_id == user_id)
            .order_by(Mention.seen_at.is_not(None), Comment.created_at.desc(), Comment.id.desc())
            .limit(limit)
        ).unique()
    )


def mark_seen(session: Session, user_id: int, claim_id: int) -> int:
    """The user opened the claim: their unseen mentions in its thread are seen (how many)."""
    in_thread = select(Comment.id).where(Comment.claim_id == claim_id)
    result = session.execute(
        update(Mention)
        .where(
            Mention.user_id == user_id,
            Mention.seen_at.is_(None),
            Mention.comment_id.in_(in_thread),
        )
        .values(seen_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)
