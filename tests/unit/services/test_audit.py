"""The hash chain: intact after real changes, broken chains named by their first bad event."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from tests.conftest import TEST_AUDIT_KEY, People
from tracker.models import GENESIS_HASH, AuditEvent, User
from tracker.models._types import utcnow
from tracker.services import audit, audit_checkpoint, review, users
from tracker.services.audit_checkpoint import CheckpointError
from tracker.services.ingest import ArticleInput, ingest_article

KEY = TEST_AUDIT_KEY.encode()


def _activity(session: Session, people: People | User, percent: int = 5) -> None:
    editor = people.editor if isinstance(people, People) else people
    body = f"Volgens de minister stijgt de huur met {percent} procent."
    # one text in several variants on purpose: separate articles, not new versions of one
    article = ingest_article(session, ArticleInput(body=body, language="nl"), separate=True)
    claim = article.claims[0]
    review.set_status(
        session, claim.id, "verified", "Staat in de begroting.", claim.version, editor
    )
    session.commit()


def test_chain_links_every_event_to_the_one_before(session: Session, people: People) -> None:
    _activity(session, people)
    events = session.query(AuditEvent).order_by(AuditEvent.id).all()
    assert events[0].prev_hash == GENESIS_HASH
    for prev, event in itertools.pairwise(events):
        assert event.prev_hash == prev.hash
    report = audit.verify_chain(session, KEY)
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
    report = audit.verify_chain(session, KEY)
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
    report = audit.verify_chain(session, KEY)
    assert not report.ok and report.broken_id == ids[3]
    assert "prev_hash" in report.reason


def test_history_lists_a_claims_events_in_order(session: Session, people: People) -> None:
    _activity(session, people)
    claim_id = session.query(AuditEvent).filter_by(action="claim.status").one().claim_id
    assert claim_id is not None
    events = audit.history(session, claim_id)
    assert [e.action for e in events] == ["claim.status"]
    assert events[0].actor is not None and events[0].actor.role == "editor"


def _untriggered(engine: Engine, *statements: str) -> None:
    """Run statements with the append-only triggers out of the way, as a database owner could."""
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE audit_events DISABLE TRIGGER USER"))
        else:
            for name in ("no_update", "no_delete", "no_replace"):
                conn.execute(text(f"DROP TRIGGER IF EXISTS audit_events_{name}"))
        for statement in statements:
            conn.execute(text(statement))
        if engine.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE audit_events ENABLE TRIGGER USER"))


def _append_raw(session: Session, sign: Callable[[AuditEvent], str], action: str) -> AuditEvent:
    """Append an event with a hash made by `sign`, bypassing audit.record (an attacker's insert)."""
    last = session.query(AuditEvent).order_by(AuditEvent.id.desc()).first()
    event = AuditEvent(
        at=utcnow(),
        action=action,
        entity_type="claim",
        entity_id=1,
        prev_hash=last.hash if last else GENESIS_HASH,
    )
    event.hash = sign(event)
    session.add(event)
    session.commit()
    return event


def test_forged_append_with_a_recomputed_keyless_hash_is_refused(
    session: Session, people: People
) -> None:
    _activity(session, people)
    forged = _append_raw(session, audit.keyless_hash, "claim.forged")
    report = audit.verify_chain(session, KEY)
    assert not report.ok and report.broken_id == forged.id
    assert "keyless" in report.reason


def test_append_signed_with_another_key_is_refused(session: Session, people: People) -> None:
    _activity(session, people)
    forged = _append_raw(session, lambda e: audit.event_hash(e, b"guessed"), "claim.forged")
    report = audit.verify_chain(session, KEY)
    assert not report.ok and report.broken_id == forged.id
    assert "authenticated" in report.reason


def test_history_rewritten_with_recomputed_hashes_is_refused(
    session: Session, engine: Engine, people: People
) -> None:
    """Rewrite event N and relink every later one with keyless hashes: N is named."""
    _activity(session, people)
    events = session.query(AuditEvent).order_by(AuditEvent.id).all()
    target = events[1]
    target_id = target.id
    target.action = "claim.rewritten"
    prev = events[0].hash
    statements = []
    for event in events[1:]:
        event.prev_hash = prev
        event.hash = audit.keyless_hash(event)
        statements.append(
            f"UPDATE audit_events SET action = '{event.action}', prev_hash = '{event.prev_hash}', "
            f"hash = '{event.hash}' WHERE id = {event.id}"
        )
        prev = event.hash
    session.rollback()
    session.close()
    _untriggered(engine, *statements)
    report = audit.verify_chain(session, KEY)
    assert not report.ok and report.broken_id == target_id


def _checkpoint(session: Session, directory: Path) -> audit.Anchor:
    anchor = audit_checkpoint.write(session, directory, KEY).anchor
    session.rollback()
    return anchor


@pytest.mark.parametrize("what", ["empty the log", "delete the newest events"])
def test_truncation_is_reported_against_the_checkpoint(
    session: Session,
    engine: Engine,
    people: People,
    audit_key_outside_the_database: Path,
    what: str,
) -> None:
    checkpoints = audit_key_outside_the_database
    _activity(session, people)
    anchor = _checkpoint(session, checkpoints)
    assert anchor.count == session.query(AuditEvent).count() >= 3
    ids = [e.id for e in session.query(AuditEvent).order_by(AuditEvent.id)]
    session.close()
    where = "" if what == "empty the log" else f" WHERE id >= {ids[-2]}"
    _untriggered(engine, f"DELETE FROM audit_events{where}")
    assert audit.verify_chain(session, KEY).ok  # without the anchor nothing looks wrong
    report, used = audit_checkpoint.verify(session, checkpoints, KEY)
    assert used == anchor
    assert not report.ok and report.broken_id == ids[-1]
    assert "truncated" in report.reason


def test_events_after_the_checkpoint_verify_and_move_it_on(
    session: Session, people: People, audit_key_outside_the_database: Path
) -> None:
    checkpoints = audit_key_outside_the_database
    _activity(session, people)
    first = _checkpoint(session, checkpoints)
    _activity(session, people, percent=7)
    report, used = audit_checkpoint.verify(session, checkpoints, KEY)
    assert report.ok and used == first and report.events > first.count
    second = _checkpoint(session, checkpoints)
    assert second.count == report.events
    assert audit_checkpoint.newest(checkpoints, KEY) == second


def test_an_edited_checkpoint_file_is_refused(
    session: Session, people: People, audit_key_outside_the_database: Path
) -> None:
    checkpoints = audit_key_outside_the_database
    _activity(session, people)
    _checkpoint(session, checkpoints)
    (path,) = checkpoints.glob("checkpoint-*.json")
    data = json.loads(path.read_text())
    data["count"] = 1
    path.write_text(json.dumps(data))
    with pytest.raises(CheckpointError, match="not signed"):
        audit_checkpoint.verify(session, checkpoints, KEY)


def test_a_broken_log_is_not_checkpointed(
    session: Session, engine: Engine, people: People, audit_key_outside_the_database: Path
) -> None:
    _activity(session, people)
    target = session.query(AuditEvent).filter_by(action="claim.status").one().id
    session.close()
    _untriggered(engine, f"UPDATE audit_events SET action = 'x' WHERE id = {target}")
    with pytest.raises(CheckpointError, match=f"broken at event {target}"):
        audit_checkpoint.write(session, audit_key_outside_the_database, KEY)
    assert not list(audit_key_outside_the_database.glob("*.json"))


def test_legacy_keyless_events_stay_verifiable_only_where_the_checkpoint_says(
    session: Session, audit_key_outside_the_database: Path
) -> None:
    """Events from before the upgrade keep their keyless hashes; forged keyless ones do not pass."""
    checkpoints = audit_key_outside_the_database
    old = [_append_raw(session, audit.keyless_hash, "legacy.event").id for _ in range(3)]
    anchor = _checkpoint(session, checkpoints)
    assert anchor.legacy_upto == old[-1] and anchor.count == 3
    editor = users.create_user(session, "ed@example.org", "Ed", "pw-long-enough-1", "editor")
    _activity(session, editor)  # keyed events from now on
    report, _ = audit_checkpoint.verify(session, checkpoints, KEY)
    assert report.ok and report.legacy == 3
    forged = _append_raw(session, audit.keyless_hash, "claim.forged")
    report, _ = audit_checkpoint.verify(session, checkpoints, KEY)
    assert not report.ok and report.broken_id == forged.id


def test_keyless_events_beyond_the_checkpoint_are_refused_even_before_keyed_ones(
    session: Session, audit_key_outside_the_database: Path
) -> None:
    checkpoints = audit_key_outside_the_database
    _append_raw(session, audit.keyless_hash, "legacy.event")
    _checkpoint(session, checkpoints)
    forged = _append_raw(session, audit.keyless_hash, "claim.forged")
    report, _ = audit_checkpoint.verify(session, checkpoints, KEY)
    assert not report.ok and report.broken_id == forged.id


def _rewrite_from_the_first_event_keyless(session: Session, engine: Engine) -> int:
    """Rewrite every event from the first on with recomputed keyless hashes; the first's id."""
    events = session.query(AuditEvent).order_by(AuditEvent.id).all()
    prev = GENESIS_HASH
    statements = []
    for event in events:
        if event is events[0]:
            event.action = "user.rewritten"
        event.prev_hash = prev
        event.hash = audit.keyless_hash(event)
        statements.append(
            f"UPDATE audit_events SET action = '{event.action}', prev_hash = '{event.prev_hash}', "
            f"hash = '{event.hash}' WHERE id = {event.id}"
        )
        prev = event.hash
    first = events[0].id
    session.rollback()
    session.close()
    _untriggered(engine, *statements)
    return first


def test_a_log_anchored_from_the_start_names_a_rewrite_from_its_first_event(
    session: Session, engine: Engine, audit_key_outside_the_database: Path
) -> None:
    checkpoints = audit_key_outside_the_database
    written = audit_checkpoint.anchor_from_the_start(session, checkpoints, KEY)
    assert written is not None and written.anchor.count == 0
    assert audit_checkpoint.anchor_from_the_start(session, checkpoints, KEY) is None  # once
    editor = users.create_user(
        session, "redactie@example.org", "Redactie", "pw-long-enough-1", "editor"
    )
    _activity(session, editor)
    assert audit_checkpoint.verify(session, checkpoints, KEY)[0].ok
    first = _rewrite_from_the_first_event_keyless(session, engine)
    report, _ = audit_checkpoint.verify(session, checkpoints, KEY)
    assert not report.ok and report.broken_id == first and "keyless" in report.reason


def test_a_log_with_events_and_no_checkpoint_does_not_pass(
    session: Session, engine: Engine, people: People, audit_key_outside_the_database: Path
) -> None:
    checkpoints = audit_key_outside_the_database
    assert audit_checkpoint.verify(session, checkpoints, KEY)[0].ok is False  # people's events
    _activity(session, people)
    _rewrite_from_the_first_event_keyless(session, engine)  # what nothing could tell apart
    report, anchor = audit_checkpoint.verify(session, checkpoints, KEY)
    assert anchor is None and not report.ok and "no signed checkpoint" in report.reason
