"""Claim matching: the reranker on the labelled pairs, repeats linked at ingest, confirm/reject,
a cluster's verdict applied to a new member, the cluster page."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.conftest import People
from tests.fixtures.claim_pairs import read_pairs
from tracker.models import AuditEvent, Claim, ClaimMatch
from tracker.services import clusters, matching, review, search_index
from tracker.services.errors import InvalidInput, PermissionDenied
from tracker.services.ingest import ArticleInput, ingest_article
from tracker.services.matching import numbers_agree, score, signature


@pytest.mark.parametrize("written", [True, False])
def test_the_reranker_on_the_labelled_pairs(written: bool) -> None:
    # the targets on the written pairs, and on all (with the pairs each block implies)
    pairs = [p for p in read_pairs() if p.written or not written]
    assert len(pairs) >= 300
    tp = fp = fn = 0
    for p in pairs:
        same = score(signature(p.a, p.a_lang), signature(p.b, p.b_lang)) >= matching.THRESHOLD
        tp += same and p.same
        fp += same and not p.same
        fn += p.same and not same
    assert tp / (tp + fp) >= 0.95  # precision
    assert tp / (tp + fn) >= 0.80  # recall


def test_numbers_decide() -> None:
    legion = signature("Het legioen telt 20.000 soldaten.", "nl")
    assert legion.numbers == {"20000"}
    assert signature("Het legioen telt twintigduizend soldaten.", "nl").numbers == {"20000"}
    assert signature("The legion has 20,000 soldiers.", "en").numbers == {"20000"}
    assert score(legion, signature("Het legioen telt 30.000 soldaten.", "nl")) == 0
    assert numbers_agree(frozenset({"20000"}), frozenset({"20000", "52"}))
    assert not numbers_agree(frozenset({"20000", "53"}), frozenset({"20000", "52"}))


FIRST = (
    "Het legioen telt naar verluidt 20.000 soldaten uit 52 landen. "
    "De commandant weigerde elk commentaar."
)
SECOND = (
    "Volgens een woordvoerder telt het legioen twintigduizend soldaten uit 52 landen. "
    "Het weer was die dag slecht."
)
THIRD = "Het legioen telt naar verluidt 30.000 soldaten uit 52 landen."


def _ingest(
    session: Session, body: str, actor: People | None = None, language: str = "nl"
) -> list[Claim]:
    article = ingest_article(session, ArticleInput(body=body, title=body[:30], language=language))
    session.commit()
    return list(session.scalars(select(Claim).where(Claim.article_id == article.id)))


def _legion(claims: list[Claim]) -> Claim:
    return next(c for c in claims if "legioen" in c.text)


def test_a_repeat_is_linked_at_ingest_and_a_different_number_is_not(
    session: Session, people: People
) -> None:
    first = _legion(_ingest(session, FIRST))
    assert first.cluster_id is None
    second = _legion(_ingest(session, SECOND))
    session.refresh(first)
    assert second.cluster_id is not None and second.cluster_id == first.cluster_id
    match = session.scalars(select(ClaimMatch)).one()
    assert (match.claim_id, match.earlier_id, match.status) == (second.id, first.id, "proposed")
    third = _legion(_ingest(session, THIRD))
    assert third.cluster_id is None  # 30.000 is another claim
    proposed = session.scalars(
        select(AuditEvent.action).where(AuditEvent.claim_id == second.id)
    ).all()
    assert "claim.match.propose" in proposed


def test_seen_before_and_the_cluster_verdict(session: Session, people: People) -> None:
    first = _legion(_ingest(session, FIRST))
    review.set_status(
        session,
        first.id,
        "disputed",
        "Het ministerie telt er 8.000.",
        first.version,
        people.editor,
    )
    session.commit()
    second = _legion(_ingest(session, SECOND))
    seen = clusters.seen_before(session, [second])[second.id]
    assert (seen.claim.id, seen.status, seen.by) == (first.id, "disputed", people.editor.name)
    claim = matching.apply_cluster_verdict(session, second.id, second.version, people.factchecker)
    session.commit()
    assert claim.status == "disputed"
    assert seen.number == 1  # the legion claim opens its article
    assert f"claim 1 of “{FIRST[:30]}”" in claim.rationale  # its number, not its id
    assert "Het ministerie telt er 8.000." in claim.rationale
    actions = session.scalars(
        select(AuditEvent.action).where(AuditEvent.claim_id == second.id).order_by(AuditEvent.id)
    ).all()
    assert actions[-3:] == ["claim.status", "claim.match.confirm", "claim.verdict_from_cluster"]
    assert session.scalars(select(ClaimMatch.status)).one() == "confirmed"
    view = clusters.cluster_view(session, claim.cluster_id or 0)
    assert [a.claim.id for a in view.appearances] == [first.id, second.id]


def test_a_rejected_match_leaves_the_cluster_and_stays_rejected(
    session: Session, people: People
) -> None:
    first = _legion(_ingest(session, FIRST))
    second = _legion(_ingest(session, SECOND))
    match = session.scalars(select(ClaimMatch)).one()
    matching.reject_match(session, match.id, people.factchecker)
    session.commit()
    session.refresh(first)
    session.refresh(second)
    assert first.cluster_id is None and second.cluster_id is None
    with pytest.raises(InvalidInput):
        matching.confirm_match(session, match.id, people.factchecker)
    assert matching.match_article(session, second.article) == []  # never proposed again
    actions = session.scalars(select(AuditEvent.action).where(AuditEvent.claim_id == second.id))
    assert "claim.match.reject" in actions.all()
    with pytest.raises(InvalidInput):
        matching.apply_cluster_verdict(session, second.id, second.version, people.factchecker)


def test_an_inactive_user_may_not_decide(session: Session, people: People) -> None:
    _legion(_ingest(session, FIRST))
    _legion(_ingest(session, SECOND))
    match = session.scalars(select(ClaimMatch)).one()
    people.factchecker.active = False
    with pytest.raises(PermissionDenied):
        matching.confirm_match(session, match.id, people.factchecker)


def test_the_index_query_holds_the_rarest_terms() -> None:
    sig = signature("De minister zegt dat er volgend jaar 80 studenten wachten in Leiden.", "nl")
    shares = {"mini": 0.05, "student": 0.02, "wacht": 0.05, "leid": 0.04, "80": 0.003,
              "volg": 0.06, "jaar": 0.2}  # fmt: skip
    terms = matching.telling_terms(sig, shares)
    assert terms[:3] == ["80", "student", "leid"]
    # a rare number is in every group, a common small one is not
    groups = matching.candidate_groups(terms, shares)
    assert all("80" in g for g in groups) and len(groups) == 3
    common = {**shares, "80": 0.5}
    assert not all("80" in g for g in matching.candidate_groups(terms, common))


def test_term_shares_come_from_the_index(session: Session) -> None:
    _ingest(session, FIRST)
    shares = search_index.term_shares(session.connection(), "claim", "nl", ["legioen", "zzzq"])
    assert set(shares) == {"legioen", "zzzq"}
    assert all(0 <= s <= 1 for s in shares.values())
    if session.get_bind().dialect.name == "sqlite":  # PostgreSQL's come from ANALYZE
        assert shares["legioen"] > shares["zzzq"] == 0


def test_newest_with_most_needs_the_required_and_enough_optional_terms(session: Session) -> None:
    first = _legion(_ingest(session, FIRST))
    third = _legion(_ingest(session, THIRD))
    terms = signature(first.text, "nl").terms
    legion, soldiers = terms[0], next(t for t in terms if t.startswith("solda"))
    conn = session.connection()

    def rows(required: list[str], need: int) -> list[int]:
        optional = [legion, soldiers, "zzzq"]
        return search_index.newest_with_most(conn, "claim", "nl", required, optional, need, 10)

    assert rows(["52"], 2) == [third.id, first.id]  # newest first
    assert rows(["20000"], 2) == [first.id]
    assert rows(["52"], 3) == []


def test_claims_and_their_translations() -> None:
    legion = signature("Het legioen telt 20.000 soldaten uit 52 landen.", "nl")
    english = signature("The legion has 20,000 soldiers from 52 countries.", "en")
    assert score(legion, english) >= matching.THRESHOLD
    assert score(legion, signature("The legion has 30,000 soldiers from 52 countries.", "en")) == 0
    other = signature("The legion lost 20,000 euros in 52 days.", "en")
    assert score(legion, other) < matching.THRESHOLD
    # without numbers there is nothing to anchor a translation on
    plain = signature("Het legioen telt veel soldaten.", "nl")
    assert score(plain, signature("The legion has many soldiers.", "en")) == 0


def test_a_translation_is_linked_at_ingest(session: Session) -> None:
    first = _legion(_ingest(session, FIRST))
    english = (
        "According to a spokesman, the legion has 20,000 soldiers from 52 countries. "
        "The weather was bad that day."
    )
    claims = _ingest(session, english, language="en")
    second = next(c for c in claims if "legion" in c.text)
    session.refresh(first)
    assert second.cluster_id is not None and second.cluster_id == first.cluster_id
    wrong = "According to a spokesman, the legion has 30,000 soldiers from 52 countries."
    third = next(c for c in _ingest(session, wrong, language="en") if "legion" in c.text)
    assert third.cluster_id is None
