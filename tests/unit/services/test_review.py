"""Reviewing claims: verdicts, stale versions, chains, splits, new claims, evidence."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from tests.conftest import People
from tracker.db import make_session_factory
from tracker.models import AuditEvent, Claim, User
from tracker.services import evidence, review, sources
from tracker.services.errors import InvalidInput, NotFound, StaleVersion
from tracker.services.ingest import ArticleInput, ingest_article

BODY = (
    "Het legioen telt naar verluidt 20.000 soldaten uit 52 landen. "
    "Volgens De Ochtendpost is de helft van hen ouder dan veertig."
)


@pytest.fixture
def claim(session: Session, people: People) -> Claim:
    article = ingest_article(session, ArticleInput(body=BODY, title="Legioen", language="nl"))
    session.commit()
    return article.claims[0]


def _events(session: Session, action: str) -> list[AuditEvent]:
    return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_set_status_records_verdict_reviewer_and_audit(
    session: Session, people: People, claim: Claim
) -> None:
    v = claim.version
    updated = review.set_status(
        session, claim.id, "unsourced", "Geen bron genoemd.", v, people.factchecker
    )
    session.commit()
    assert updated.status == "unsourced"
    assert updated.version == v + 1
    assert updated.reviewed_by_id == people.factchecker.id and updated.reviewed_at is not None
    [event] = _events(session, "claim.status")
    assert event.before == {"status": "unreviewed", "rationale": ""}
    assert event.after == {"status": "unsourced", "rationale": "Geen bron genoemd."}
    assert event.actor_id == people.factchecker.id and event.claim_id == claim.id


def test_stale_version_is_refused_and_nothing_written(
    session: Session, people: People, claim: Claim
) -> None:
    v = claim.version
    review.set_status(
        session, claim.id, "verified", "Klopt volgens het ministerie.", v, people.editor
    )
    session.commit()
    with pytest.raises(StaleVersion) as err:
        review.set_status(session, claim.id, "disputed", "Klopt niet.", v, people.factchecker)
    session.rollback()
    assert err.value.current["status"] == "verified"
    assert err.value.current["version"] == v + 1
    assert "this claim was changed by someone else" in str(err.value)  # no database id
    fresh = session.get(Claim, claim.id)
    assert fresh is not None and fresh.status == "verified"
    assert len(_events(session, "claim.status")) == 1


def test_verdict_needs_a_rationale_and_a_known_status(
    session: Session, people: People, claim: Claim
) -> None:
    with pytest.raises(InvalidInput, match="rationale"):
        review.set_status(session, claim.id, "verified", "   ", claim.version, people.editor)
    with pytest.raises(InvalidInput, match="unknown status"):
        review.set_status(session, claim.id, "true", "x", claim.version, people.editor)
    with pytest.raises(NotFound):
        review.set_status(session, 99999, "verified", "x", 1, people.editor)


def test_set_text_and_assign(session: Session, people: People, claim: Claim) -> None:
    review.set_text(
        session, claim.id, "  Het legioen telt 20.000 soldaten. ", claim.version, people.factchecker
    )
    review.assign(session, claim.id, people.factchecker.id, claim.version, people.editor)
    session.commit()
    assert claim.text == "Het legioen telt 20.000 soldaten."
    assert claim.assignee_id == people.factchecker.id
    with pytest.raises(InvalidInput):
        review.set_text(session, claim.id, " ", claim.version, people.factchecker)
    with pytest.raises(InvalidInput):
        review.assign(session, claim.id, 4242, claim.version, people.editor)


def test_set_chain_two_hops_and_hearsay(session: Session, people: People, claim: Claim) -> None:
    nyt = sources.create_source(session, "The New York Times", "outlet", aliases=["NYT"])
    soldiers = sources.create_source(
        session, "Russische soldaten", "group", article_id=claim.article_id
    )
    review.set_chain(
        session,
        claim.id,
        [review.Hop(nyt.id), review.Hop(soldiers.id, "reported", "verklaren")],
        claim.version,
        people.factchecker,
    )
    session.commit()
    assert [(h.position, h.source_id) for h in claim.attributions] == [
        (0, nyt.id),
        (1, soldiers.id),
    ]
    assert (
        claim.primary_attribution is not None and claim.primary_attribution.source_id == soldiers.id
    )
    assert all(h.confirmed for h in claim.attributions)
    [event] = _events(session, "claim.chain")
    assert [hop["source"] for hop in event.after["chain"]] == [
        "The New York Times",
        "Russische soldaten",
    ]
    review.set_chain(
        session,
        claim.id,
        [review.Hop(None, "hearsay", "naar verluidt")],
        claim.version,
        people.factchecker,
    )
    session.commit()
    assert [(h.source_id, h.kind) for h in claim.attributions] == [(None, "hearsay")]
    with pytest.raises(InvalidInput, match="hearsay"):
        review.set_chain(
            session, claim.id, [review.Hop(None, "reported")], claim.version, people.factchecker
        )


def test_split_claim_into_atomic_claims(session: Session, people: People, claim: Claim) -> None:
    body = claim.article.body
    a = body.index("20.000 soldaten")
    b = body.index("52 landen")
    children = review.split_claim(
        session,
        claim.id,
        [
            review.Part(a, a + len("20.000 soldaten")),
            review.Part(b, b + len("52 landen"), "Ze komen uit 52 landen."),
        ],
        claim.version,
        people.factchecker,
    )
    session.commit()
    assert [c.exact for c in children] == ["20.000 soldaten", "52 landen"]
    assert children[1].text == "Ze komen uit 52 landen."
    assert all(c.parent_id == claim.id and c.origin == "user" for c in children)
    assert [len(c.attributions) for c in children] == [len(claim.attributions)] * 2
    with pytest.raises(InvalidInput, match="not inside"):
        review.split_claim(
            session,
            claim.id,
            [review.Part(0, 5), review.Part(len(body) - 3, len(body))],
            claim.version,
            people.factchecker,
        )


def test_add_claim_from_a_selection(session: Session, people: People, claim: Claim) -> None:
    body = claim.article.body
    start = body.index("de helft")
    added = review.add_claim(session, claim.article_id, (start, start + 8), people.factchecker)
    session.commit()
    assert added.exact == "de helft" and added.origin == "user"
    assert added.prefix == body[start - 32 : start]
    with pytest.raises(InvalidInput):
        review.add_claim(session, claim.article_id, (10, len(body) + 1), people.factchecker)


def test_evidence_add_and_remove_keeps_the_row(
    session: Session, people: People, claim: Claim
) -> None:
    ev = evidence.add_evidence(
        session,
        claim.id,
        "https://example.org/cijfers",
        "refutes",
        people.factchecker,
        title="Cijfers",
        archived_sha256="ab" * 32,
    )
    evidence.remove_evidence(session, ev.id, "Verkeerde bron", people.editor)
    session.commit()
    assert ev.removed_at is not None and ev.removed_reason == "Verkeerde bron"
    assert [
        e.action for e in session.scalars(select(AuditEvent).where(AuditEvent.claim_id == claim.id))
    ][-2:] == [
        "evidence.add",
        "evidence.remove",
    ]
    with pytest.raises(InvalidInput, match="already removed"):
        evidence.remove_evidence(session, ev.id, "nogmaals", people.editor)


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,x", "ftp://x", "", "https://"]
)
def test_evidence_url_must_be_http(
    session: Session, people: People, claim: Claim, url: str
) -> None:
    with pytest.raises(InvalidInput):
        evidence.add_evidence(session, claim.id, url, "supports", people.factchecker)


def test_evidence_needs_known_stance_and_valid_hash(
    session: Session, people: People, claim: Claim
) -> None:
    with pytest.raises(InvalidInput, match="stance"):
        evidence.add_evidence(
            session, claim.id, "https://example.org", "agrees", people.factchecker
        )
    with pytest.raises(InvalidInput, match="SHA-256"):
        evidence.add_evidence(
            session,
            claim.id,
            "https://example.org",
            "supports",
            people.factchecker,
            archived_sha256="abc",
        )


def test_a_concurrent_write_between_check_and_save_is_refused(
    session: Session, engine: Engine, people: People, claim: Claim
) -> None:
    """Two reviewers load version v; the first saves; the second's save is StaleVersion."""
    other = make_session_factory(engine)()
    theirs = other.get(Claim, claim.id)
    assert theirs is not None and theirs.version == claim.version
    v = claim.version
    review.set_status(session, claim.id, "verified", "Bevestigd.", v, people.editor)
    session.commit()
    reviewer = other.get(User, people.factchecker.id)
    assert reviewer is not None
    with pytest.raises(StaleVersion) as err:
        review.set_status(other, claim.id, "disputed", "Klopt niet.", v, reviewer)
    other.rollback()
    assert err.value.current["status"] == "verified"
    other.close()
    session.expire_all()
    assert session.get(Claim, claim.id).status == "verified"  # type: ignore[union-attr]
