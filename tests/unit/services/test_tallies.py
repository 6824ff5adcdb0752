"""The kept claim counts (services/tallies.py) equal a count over the claims after every change
that moves a claim in or out of review, to another status, source or assignee."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.conftest import People
from tracker.models import Attribution, Claim, ClaimCount, in_review
from tracker.services import dismissal, review, sources, tallies
from tracker.services.ingest import ArticleInput, ingest_article
from tracker.services.sources import is_primary_hop

BODY_NL = (
    "Het kabinet trekt volgend jaar 2 miljard euro uit voor dijken, zei minister Jansen "
    "dinsdag in de Tweede Kamer. Volgens de Waterschapsbank is dat bedrag te laag. "
    '"De helft van de dijken voldoet niet aan de norm," zegt directeur Pieters van de bank. '
    "Woordvoerder Bakker van de provincie Zeeland meldt dat er 40 kilometer moet worden "
    "versterkt."
)
BODY_EN = (
    "The council will spend 3 million pounds on flood defences next year, the mayor said on "
    'Monday. According to the Environment Agency, the sum is far too small. "Half of the '
    "walls fail the standard,\" said Ruth Okafor, who leads the agency's survey team."
)


def _kept(session: Session) -> Counter[tuple[str, int, str]]:
    rows = session.execute(
        select(ClaimCount.scope, ClaimCount.key, ClaimCount.status, ClaimCount.n)
    )
    return Counter({(scope, key, status): n for scope, key, status, n in rows if n})


def _counted_now(session: Session) -> Counter[tuple[str, int, str]]:
    """The counts as the pages used to compute them: over every claim."""
    found: Counter[tuple[str, int, str]] = Counter()
    for status, n in session.execute(
        select(Claim.status, func.count()).where(in_review()).group_by(Claim.status)
    ):
        found["all", 0, status] = n
    for user, status, n in session.execute(
        select(Claim.assignee_id, Claim.status, func.count())
        .where(in_review(), Claim.assignee_id.is_not(None))
        .group_by(Claim.assignee_id, Claim.status)
    ):
        found["assignee", int(user or 0), status] = n
    for source, status, n in session.execute(
        select(Attribution.source_id, Claim.status, func.count())
        .join(Claim, Claim.id == Attribution.claim_id)
        .where(is_primary_hop(), in_review(), Attribution.source_id.is_not(None))
        .group_by(Attribution.source_id, Claim.status)
    ):
        found["source", int(source or 0), status] = n
    return found


def _agree(session: Session) -> Counter[tuple[str, int, str]]:
    kept = _kept(session)
    assert kept == _counted_now(session)
    return kept


def test_counts_follow_every_change_and_equal_a_rebuild(session: Session, people: People) -> None:
    nl = ingest_article(session, ArticleInput(body=BODY_NL, language="nl"))
    en = ingest_article(session, ArticleInput(body=BODY_EN, language="en"))
    session.commit()
    kept = _agree(session)
    claims = review.article_claims(session, nl.id)
    assert len(claims) >= 3 and kept["all", 0, "unreviewed"] >= 5
    assert any(key[0] == "source" for key in kept)  # the claims' sources are counted

    first, second, third = claims[0], claims[1], claims[2]
    review.set_status(
        session, first.id, "disputed", "Cijfers kloppen niet.", first.version, people.factchecker
    )
    session.commit()
    assert _agree(session)["all", 0, "disputed"] == 1

    review.assign(session, second.id, people.factchecker.id, second.version, people.editor)
    session.commit()
    assert _agree(session)["assignee", people.factchecker.id, "unreviewed"] == 1

    dismissal.dismiss_claim(session, second.id, "duplicate", second.version, people.factchecker)
    session.commit()
    assert _agree(session)["assignee", people.factchecker.id, "unreviewed"] == 0

    review.split_claim(
        session,
        third.id,
        [third.text[: len(third.text) // 2], third.text[len(third.text) // 2 :]],
        third.version,
        people.factchecker,
    )
    session.commit()
    _agree(session)

    paper = sources.create_source(session, "Dagblad van het Zuiden", "outlet")
    review.set_chain(
        session, first.id, [review.Hop(source_id=paper.id)], first.version, people.factchecker
    )
    session.commit()
    assert _agree(session)["source", paper.id, "disputed"] == 1

    twin = sources.create_source(session, "Het Dagblad van het Zuiden", "outlet")
    sources.merge_sources(session, twin.id, paper.id, people.editor)
    session.commit()
    kept = _agree(session)
    assert kept["source", twin.id, "disputed"] == 1 and kept["source", paper.id, "disputed"] == 0
    sources.unmerge_source(session, paper.id, people.editor)
    session.commit()
    assert _agree(session)["source", paper.id, "disputed"] == 1

    before = _agree(session)
    dismissal.set_withdrawn(session, en.id, True, "rectificatie", people.editor)
    session.commit()
    after = _agree(session)
    assert after["all", 0, "unreviewed"] < before["all", 0, "unreviewed"]
    dismissal.set_withdrawn(session, en.id, False, "", people.editor)
    session.commit()
    assert _agree(session) == before

    tallies.rebuild(session.connection())
    assert _kept(session) == before


def test_a_rolled_back_change_leaves_the_counts(session: Session, people: People) -> None:
    article = ingest_article(session, ArticleInput(body=BODY_NL, language="nl"))
    session.commit()
    before = _agree(session)
    claim = review.article_claims(session, article.id)[0]
    review.set_status(
        session, claim.id, "verified", "Bevestigd door de bank.", claim.version, people.factchecker
    )
    session.flush()
    session.rollback()
    assert _agree(session) == before
    with session.begin_nested():
        review.set_status(
            session, claim.id, "verified", "Bevestigd.", claim.version, people.factchecker
        )
    session.commit()
    assert _agree(session)["all", 0, "verified"] == before["all", 0, "verified"] + 1
