"""Selecting and assembling report data: filters, counts, batching, corrections."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.conftest import People
from tests.unit.reports.fixture import ReportFixture, build
from tracker.models import Article, Claim
from tracker.services import reports as service
from tracker.services import review, sources
from tracker.services.errors import InvalidInput, NotFound


@pytest.fixture
def fx(session: Session, people: People) -> ReportFixture:
    return build(session, people)


def _ids(session: Session, flt: service.ReportFilter, batch: int = 500) -> list[int]:
    return [c.id for c in service.iter_claims(session, flt, batch=batch)]


def test_summary_counts_per_status_and_source_kind(session: Session, fx: ReportFixture) -> None:
    flt = service.ReportFilter(article_id=fx.article_id)
    summary = service.summarize(session, flt)
    total = session.query(Claim).filter(Claim.article_id == fx.article_id).count()
    assert summary.total == total and summary.articles == 1
    assert summary.by_status["verified"] == 2
    assert summary.by_status["disputed"] == 1
    assert summary.by_status["unsourced"] == 1
    assert summary.by_source_kind["group"] >= 1
    assert summary.by_source_kind["anonymous"] == 1
    assert summary.by_source_kind["person"] >= 1
    assert sum(summary.by_source_kind.values()) == total


def test_a_split_claim_is_reported_and_counted_through_its_parts(
    session: Session, people: People, fx: ReportFixture
) -> None:
    """Reports, their counts and the source's track record show the parts, never the split
    claim beside them."""
    claim = session.get(Claim, fx.verified_id)
    assert claim is not None
    primary = claim.attributions[-1].source_id
    assert primary is not None
    before = sources.track_record(session, primary).total
    text = claim.article.body[claim.start : claim.end]
    parts = review.split_claim(
        session, claim.id, [text[:20], text[20:]], claim.version, people.factchecker
    )
    session.commit()
    flt = service.ReportFilter(article_id=fx.article_id)
    ids = _ids(session, flt)
    assert claim.id not in ids and all(p.id in ids for p in parts)
    assert service.summarize(session, flt).total == len(ids)
    assert sources.track_record(session, primary).total == before - 1 + len(parts)


def test_batches_give_the_same_claims_in_article_order(session: Session, fx: ReportFixture) -> None:
    flt = service.ReportFilter(article_id=fx.article_id)
    whole = _ids(session, flt)
    assert _ids(session, flt, batch=1) == whole == _ids(session, flt, batch=3)
    starts = [c.start for c in service.iter_claims(session, flt)]
    assert starts == sorted(starts)


def test_records_carry_chain_evidence_and_corrections(session: Session, fx: ReportFixture) -> None:
    records = {
        c.id: c
        for c in service.iter_claims(session, service.ReportFilter(article_id=fx.article_id))
    }
    two = records[fx.two_hop_id]
    assert [h.source.name for h in two.chain if h.source] == [
        "Noordpost",
        "Havenarbeiders in Rotterdam",
    ]
    assert two.primary_source and two.primary_source.kind == "group"
    assert two.cue == "verklaren"
    assert len(two.corrections) == 1
    correction = two.corrections[0]
    assert (correction.before_status, correction.after_status) == ("disputed", "verified")
    assert correction.actor == "Editor"
    assert two.first_verdict_at is not None and two.first_verdict_at < correction.at
    hearsay = records[fx.hearsay_id]
    assert hearsay.hearsay and hearsay.cue == "naar verluidt" and hearsay.primary_source is None
    assert records[fx.anonymous_id].primary_source.anonymity_reason == fx.reason  # type: ignore[union-attr]
    assert records[fx.unreviewed_id].corrections == ()
    assert records[fx.unreviewed_id].reviewer is None


def test_removed_evidence_is_left_out(session: Session, people: People, fx: ReportFixture) -> None:
    from tracker.services import evidence

    record = next(
        c
        for c in service.iter_claims(session, service.ReportFilter(article_id=fx.article_id))
        if c.id == fx.anonymous_id
    )
    evidence.remove_evidence(session, record.evidence[0].id, "dode link", people.editor)
    session.commit()
    record = next(
        c
        for c in service.iter_claims(session, service.ReportFilter(article_id=fx.article_id))
        if c.id == fx.anonymous_id
    )
    assert record.evidence == ()


def test_reopening_and_judging_again_is_a_correction(
    session: Session, people: People, fx: ReportFixture
) -> None:
    claim = session.get(Claim, fx.verified_id)
    assert claim is not None
    review.set_status(session, claim.id, "unreviewed", "", claim.version, people.editor)
    review.set_status(session, claim.id, "disputed", "Toch niet.", claim.version, people.editor)
    session.commit()
    record = next(
        c
        for c in service.iter_claims(session, service.ReportFilter(article_id=fx.article_id))
        if c.id == fx.verified_id
    )
    assert [(c.before_status, c.after_status) for c in record.corrections] == [
        ("verified", "unreviewed"),
        ("unreviewed", "disputed"),
    ]


def test_filters_narrow_a_period(session: Session, people: People, fx: ReportFixture) -> None:
    today = date.today()
    period = service.ReportFilter(since=today, until=today)
    everything = _ids(session, period)
    assert fx.two_hop_id in everything
    article = session.get(Article, fx.article_id)
    assert article is not None and article.outlet_id is not None
    assert (
        _ids(session, service.ReportFilter(since=today, outlet_id=article.outlet_id)) == everything
    )
    assert _ids(session, service.ReportFilter(since=today, outlet_id=article.outlet_id + 999)) == []
    assert set(_ids(session, service.ReportFilter(since=today, status="verified"))) == {
        fx.two_hop_id,
        fx.verified_id,
    }
    assert _ids(session, service.ReportFilter(since=today, language="en")) == []
    assert _ids(session, service.ReportFilter(until=today - timedelta(days=1))) == []
    assert _ids(session, service.ReportFilter(since=today + timedelta(days=1))) == []
    claim = session.get(Claim, fx.unreviewed_id)
    assert claim is not None
    review.assign(session, claim.id, people.factchecker.id, claim.version, people.editor)
    session.commit()
    assert _ids(session, service.ReportFilter(since=today, assignee_id=people.factchecker.id)) == [
        fx.unreviewed_id
    ]


def test_filter_check_refuses_bad_combinations() -> None:
    today = date.today()
    with pytest.raises(InvalidInput, match="not both"):
        service.ReportFilter(article_id=1, since=today).check()
    with pytest.raises(InvalidInput, match="choose an article or a period"):
        service.ReportFilter().check()
    with pytest.raises(InvalidInput, match="after it ends"):
        service.ReportFilter(since=today, until=today - timedelta(days=1)).check()
    with pytest.raises(InvalidInput, match="unknown status"):
        service.ReportFilter(since=today, status="maybe").check()


def test_build_meta_and_lookups(session: Session, people: People, fx: ReportFixture) -> None:
    meta = service.build_meta(
        session,
        service.ReportFilter(article_id=fx.article_id),
        newsroom_name="N",
        newsroom_url="https://n.example",
        language="nl",
        methodology="M",
    )
    assert meta.article is not None and meta.title == meta.article.title
    with pytest.raises(NotFound):
        service.build_meta(
            session,
            service.ReportFilter(article_id=99999),
            newsroom_name="N",
            newsroom_url="https://n.example",
            language="nl",
            methodology="M",
        )
    outlet_id = session.scalar(select(Article.outlet_id).where(Article.id == fx.article_id))
    assert service.resolve_outlet(session, "Het Demodagblad") == outlet_id
    assert service.resolve_user(session, people.editor.email) == people.editor.id
    with pytest.raises(NotFound):
        service.resolve_user(session, "nobody@example.org")
    assert (
        fx.article_id,
        "Havenstaking legt overslag in Rotterdam stil",
    ) in service.article_choices(session)


def test_claim_numbers_follow_text_order_across_batches_and_articles(
    session: Session, people: People, fx: ReportFixture
) -> None:
    """A claim's number is its place among all its article's claims by (start, id), whichever
    batch it falls in and whatever the report leaves out."""
    from tracker.services.ingest import ArticleInput, ingest_article

    ingest_article(
        session,
        ArticleInput(
            body=(
                "Gemeente schrapt buslijn\n\n"
                "Volgens de wethouder rijdt lijn 12 vanaf juni niet meer.\n\n"
                "De reizigersvereniging zegt dat 800 mensen de bus dagelijks nemen.\n"
            ),
            title="Gemeente schrapt buslijn",
            url="https://news.example.org/buslijn",
            outlet="Het Demodagblad",
            language="nl",
        ),
        people.factchecker,
    )
    session.commit()
    today = date.today()
    flt = service.ReportFilter(
        since=today - timedelta(days=1), until=today + timedelta(days=1), reviewed_only=True
    )
    expected: dict[int, int] = {}
    for article_id in session.scalars(select(Article.id)):
        claims = session.scalars(
            select(Claim).where(Claim.article_id == article_id).order_by(Claim.start, Claim.id)
        ).all()
        expected.update((c.id, n) for n, c in enumerate(claims, 1))
    for batch in (1, 2, 3, 500):
        records = list(service.iter_claims(session, flt, batch=batch))
        assert records and all(r.number == expected[r.id] for r in records)
    everything = service.ReportFilter(since=today - timedelta(days=1))
    records = list(service.iter_claims(session, everything, batch=2))
    assert {r.article.id for r in records} == set(session.scalars(select(Article.id)))
    assert all(r.number == expected[r.id] for r in records)
    # the fixture's two-hop claim follows the title and the hearsay passage (extracted and added)
    assert next(r.number for r in records if r.id == fx.two_hop_id) == 5
