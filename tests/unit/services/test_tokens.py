"""API tokens: expiry, listing, revocation by whom, and last use written sparingly."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from tests.conftest import People
from tracker.models import AuditEvent
from tracker.models._types import utcnow
from tracker.services import tokens, users
from tracker.services.errors import InvalidInput, PermissionDenied


def test_tokens_expire(session: Session, people: People) -> None:
    issued = tokens.issue_token(session, people.editor, "script", ("read",), days=30)
    session.commit()
    left = issued.token.expires_at - utcnow()
    assert timedelta(days=29) < left <= timedelta(days=30)
    assert tokens.authenticate_token(session, issued.plaintext) is not None
    issued.token.expires_at = utcnow() - timedelta(seconds=1)
    session.commit()
    assert tokens.authenticate_token(session, issued.plaintext) is None
    assert tokens.token_state(issued.token) == "expired"
    with pytest.raises(InvalidInput, match="1 to 366 days"):
        tokens.issue_token(session, people.editor, "forever", ("read",), days=10_000)


def test_list_and_revoke(session: Session, people: People) -> None:
    mine = tokens.issue_token(session, people.factchecker, "mine", ("read",))
    theirs = tokens.issue_token(session, people.editor, "theirs", ("read",))
    session.commit()
    assert [t.name for t in tokens.list_tokens(session, people.admin)] == ["theirs", "mine"]
    assert [
        t.name for t in tokens.list_tokens(session, people.admin, "FactChecker@example.org")
    ] == ["mine"]
    with pytest.raises(PermissionDenied):
        tokens.revoke_token(session, theirs.token.id, people.factchecker)
    tokens.revoke_token(session, mine.token.id, people.factchecker)  # one's own
    tokens.revoke_token(session, theirs.token.id, people.admin)
    session.commit()
    assert {tokens.token_state(t) for t in tokens.list_tokens(session, people.admin)} == {"revoked"}
    assert tokens.authenticate_token(session, mine.plaintext) is None
    assert session.query(AuditEvent).filter_by(action="token.revoke").count() == 2


def test_last_use_is_written_at_most_every_few_minutes(session: Session, people: People) -> None:
    issued = tokens.issue_token(session, people.editor, "reader", ("read",))
    session.commit()
    tokens.authenticate_token(session, issued.plaintext)
    first = issued.token.last_used_at
    session.commit()
    tokens.authenticate_token(session, issued.plaintext)
    assert issued.token.last_used_at == first and not session.dirty


def test_password_change_and_deactivation_raise_the_session_epoch(
    session: Session, people: People
) -> None:
    user = people.factchecker
    start = user.session_epoch
    users.change_password(session, user.id, "another password", user)
    assert user.session_epoch == start + 1
    with pytest.raises(PermissionDenied):
        users.change_password(session, people.editor.id, "another password", user)
    with pytest.raises(InvalidInput, match="at least 10"):
        users.change_password(session, user.id, "short", user)
    users.change_active(session, user.id, False, people.admin)
    assert user.session_epoch == start + 2
    users.end_sessions(session, user)
    session.commit()
    assert user.session_epoch == start + 3
    assert users.check_password(user, "another password")


def test_a_token_issued_for_someone_is_audited_as_its_issuer(
    session: Session, people: People
) -> None:
    tokens.issue_token(session, people.editor, "by the system", ("read",))  # the command line
    tokens.issue_token(session, people.editor, "by an admin", ("read",), people.admin)
    tokens.issue_token(session, people.editor, "own", ("read",), people.editor)
    session.commit()
    issued = session.query(AuditEvent).filter_by(action="token.issue").order_by(AuditEvent.id)
    assert [e.actor_id for e in issued] == [None, people.admin.id, people.editor.id]
