"""The hash chain: intact after real changes, broken chains named by their first bad event."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from tests.conftest import People
from tracker.models import GENESIS_HASH, AuditEvent
from tracker.services import audit, review
from tracker.services.ingest import ArticleInput, ingest_article


def _activity(session: Session, people: People) -> None:
    article = ingest_article(
        session,
        ArticleInput(body="Volgens de minister stijgt de huur met 5 procent.", language="nl"),
    )
    claim = article.claims[0]
    review.set_status(
        session, claim.id, "verified", "Staat in de begroting.", claim.version, people.editor
    )
    session.commit()


def test_chain_links_every_event_to_the_one_before(session: Session, people: People) -> None:
    _activity(session, people)
    events = session.query(AuditEvent).order_by(AuditEvent.id).all()
    assert events[0].prev_hash == GENESIS_HASH
    for prev, event in itertools.pairwise(events):
        assert event.prev_hash == prev.hash
    report = audit.verify_chain(session)
    assert report.ok and report.events == len(events)


def _forge(engine: Engine, statement: str) -> None:
    """Tamper with the log the way an attacker with database access would: triggers off."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE audit_events DISABLE TRIGGER USER"))
            conn.execute(text(statement))
            conn.execute(text("ALTER TABLE audit_events ENABLE TRIGGER USER"))
        else:
            conn.execute(text("DROP TRIGGER audit_events_no_update"))
            conn.execute(text(statement))


@pytest.mark.parametrize("field", ["action = 'claim.forged'", 'after = \'{"status": "disputed"}\''])
def test_tampered_content_is_named(
    session: Session, engine: Engine, people: People, field: str
) -> None:
    _activity(session, people)
    target = session.query(AuditEvent).filter_by(action="claim.status").one().id
    session.close()
    _forge(engine, f"UPDATE audit_events SET {field} WHERE id = {target}")
    report = audit.verify_chain(session)
    assert not report.ok and report.broken_id == target
    assert "content" in report.reason


def test_removed_event_breaks_the_link(session: Session, engine: Engine, people: People) -> None:
    _activity(session, people)
    ids = [e.id for e in session.query(AuditEvent).order_by(AuditEvent.id)]
    session.close()
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE audit_events DISABLE TRIGGER USER"))
        else:
            conn.execute(text("DROP TRIGGER audit_events_no_delete"))
        conn.execute(text(f"DELETE FROM audit_events WHERE id = {ids[2]}"))
    report = audit.verify_chain(session)
    assert not report.ok and report.broken_id == ids[3]
    assert "prev_hash" in report.reason


def test_history_lists_a_claims_events_in_order(session: Session, people: People) -> None:
    _activity(session, people)
    claim_id = session.query(AuditEvent).filter_by(action="claim.status").one().claim_id
    assert claim_id is not None
    events = audit.history(session, claim_id)
    assert [e.action for e in events] == ["claim.status"]
    assert events[0].actor is not None and events[0].actor.role == "editor"
