"""The review queue service: filters, sorting, paging and a fixed number of queries."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from tests.conftest import People
from tracker.models import Article, Attribution, Claim, Source
from tracker.services import review, sources
from tracker.services.errors import InvalidInput
from tracker.services.queue import MAX_PAGE, QueueFilter, queue_page


@dataclass
class World:
    nl: Article
    en: Article
    ministry: Source
    paper: Source
    claims: dict[str, Claim]


def make_article(
    session: Session, title: str, language: str, published: date | None, body: str
) -> Article:
    body = body + " " + "Meer tekst volgt hier. " * 200  # room for every claim span
    article = Article(
        title=title,
        language=language,
        body=body,
        body_sha256=hashlib.sha256(f"{title}{body}".encode()).hexdigest(),
        published_on=published,
        published_precision="day" if published else None,
    )
    session.add(article)
    session.flush()
    return article


def make_claim(
    session: Session,
    article: Article,
    text: str,
    *,
    score: float = 0.5,
    status: str = "unreviewed",
    checkworthy: bool = True,
    chain: tuple[Source | None, ...] = (),
    assignee_id: int | None = None,
    reviewed_at: datetime | None = None,
    start: int = 0,
) -> Claim:
    claim = Claim(
        article=article,
        start=start,
        end=start + len(text),
        exact=text,
        text=text,
        score=score,
        status=status,
        checkworthy=checkworthy,
        assignee_id=assignee_id,
        reviewed_at=reviewed_at,
    )
    for position, source in enumerate(chain):
        claim.attributions.append(
            Attribution(
                position=position,
                source_id=source.id if source else None,
                kind="reported" if source else "hearsay",
            )
        )
    session.add(claim)
    session.flush()
    return claim


def build_world(session: Session, people: People) -> World:
    """Two articles (Dutch, English), two sources, five claims with varied state."""
    ministry = sources.create_source(session, "Ministerie van Defensie", "government")
    paper = sources.create_source(session, "De Ochtendpost", "outlet", aliases=["Ochtendpost"])
    nl = make_article(
        session, "Legioen in het oosten", "nl", date(2024, 3, 5), "Het legioen telt veel."
    )
    en = make_article(session, "Harbour figures", "en", date(2023, 6, 1), "The port handled a lot.")
    reviewed = datetime(2024, 4, 2, 10, 0, tzinfo=UTC)
    claims = {
        "legion": make_claim(
            session, nl, "Het legioen telt 20.000 soldaten.", score=0.9, chain=(paper, ministry)
        ),
        "countries": make_claim(
            session,
            nl,
            "De soldaten komen uit 52 landen.",
            score=0.7,
            chain=(ministry,),
            assignee_id=people.factchecker.id,
            start=40,
        ),
        "rumour": make_claim(
            session,
            nl,
            "Naar verluidt is de helft ouder dan veertig.",
            score=0.4,
            chain=(None,),
            start=80,
        ),
        "port": make_claim(
            session,
            en,
            "The port handled 3 million containers.",
            score=0.8,
            status="verified",
            chain=(paper,),
            assignee_id=people.editor.id,
            reviewed_at=reviewed,
        ),
        "weather": make_claim(
            session, en, "It rained on Tuesday.", score=0.1, checkworthy=False, start=50
        ),
    }
    session.commit()
    return World(nl=nl, en=en, ministry=ministry, paper=paper, claims=claims)


@pytest.fixture
def world(session: Session, people: People) -> World:
    return build_world(session, people)


def texts(session: Session, f: QueueFilter, user_id: int | None = None, **kw: Any) -> list[str]:
    return [row.claim.text for row in queue_page(session, f, user_id, **kw).rows]


def ids(session: Session, world: World, f: QueueFilter, user_id: int | None = None) -> set[str]:
    by_text = {c.text: key for key, c in world.claims.items()}
    return {by_text[t] for t in texts(session, f, user_id)}


def test_default_sort_is_by_score(session: Session, world: World) -> None:
    assert texts(session, QueueFilter())[0] == world.claims["legion"].text
    scores = [r.claim.score for r in queue_page(session, QueueFilter(), None).rows]
    assert scores == sorted(scores, reverse=True)


def test_filters(session: Session, world: World, people: People) -> None:
    me = people.factchecker.id
    assert ids(session, world, QueueFilter(status="verified")) == {"port"}
    assert ids(session, world, QueueFilter(assignee="me"), me) == {"countries"}
    assert ids(session, world, QueueFilter(assignee="nobody")) == {"legion", "rumour", "weather"}
    assert ids(session, world, QueueFilter(assignee=str(people.editor.id))) == {"port"}
    assert ids(session, world, QueueFilter(article_id=world.en.id)) == {"port", "weather"}
    assert ids(session, world, QueueFilter(language="nl")) == {"legion", "countries", "rumour"}
    assert ids(session, world, QueueFilter(min_score=0.75)) == {"legion", "port"}
    assert "weather" not in ids(session, world, QueueFilter(checkworthy_only=True))


def test_source_filter_primary_or_any_hop(session: Session, world: World) -> None:
    primary = QueueFilter(source_id=world.paper.id)
    assert ids(session, world, primary) == {"port"}
    anywhere = QueueFilter(source_id=world.paper.id, source_scope="any")
    assert ids(session, world, anywhere) == {"port", "legion"}
    assert ids(session, world, QueueFilter(source_id=world.ministry.id)) == {"legion", "countries"}


def test_date_filters(session: Session, world: World) -> None:
    published = QueueFilter(date_from=date(2024, 1, 1), date_to=date(2024, 12, 31))
    assert ids(session, world, published) == {"legion", "countries", "rumour"}
    reviewed = QueueFilter(
        date_field="reviewed", date_from=date(2024, 4, 2), date_to=date(2024, 4, 2)
    )
    assert ids(session, world, reviewed) == {"port"}
    with pytest.raises(InvalidInput):
        queue_page(session, QueueFilter(date_from=date(2025, 1, 2), date_to=date(2025, 1, 1)), None)


def test_a_month_or_year_reaches_into_the_date_range(session: Session, world: World) -> None:
    """'2024-02' or '2024' is stored as the first day; it still counts for a range that starts
    later in that month or year, and not for one that starts after it."""
    month = make_article(session, "Maandcijfers", "nl", date(2024, 2, 1), "Maand.")
    month.published_precision = "month"
    year = make_article(session, "Jaarverslag", "nl", date(2024, 1, 1), "Jaar.")
    year.published_precision = "year"
    make_claim(session, month, "Maand.")
    make_claim(session, year, "Jaar.")
    session.commit()
    found = texts(session, QueueFilter(date_from=date(2024, 2, 10), date_to=date(2024, 2, 20)))
    assert "Maand." in found and "Jaar." in found
    found = texts(session, QueueFilter(date_from=date(2024, 3, 1)))
    assert "Maand." not in found and "Jaar." in found
    assert texts(session, QueueFilter(date_from=date(2025, 1, 1))) == []


def test_sorts(session: Session, world: World) -> None:
    by_status = [r.claim.status for r in queue_page(session, QueueFilter(sort="status"), None).rows]
    assert by_status == sorted(by_status)
    by_article = queue_page(session, QueueFilter(sort="article"), None).rows
    assert [r.claim.article_id for r in by_article] == sorted(
        (r.claim.article_id for r in by_article), reverse=True
    )
    newest = texts(session, QueueFilter(sort="newest"))
    assert newest[0] == world.claims["weather"].text
    with pytest.raises(InvalidInput):
        queue_page(session, QueueFilter(sort="random"), None)


def test_a_split_claim_is_queued_through_its_parts(
    session: Session, world: World, people: People
) -> None:
    legion = world.claims["legion"]
    text = legion.article.body[legion.start : legion.end]
    first, second = text[: len(text) // 2].strip(), text[len(text) // 2 :].strip()
    parts = review.split_claim(
        session, legion.id, [first, second], legion.version, people.factchecker
    )
    session.commit()
    queued = texts(session, QueueFilter())
    assert legion.text not in queued
    assert all(p.text in queued for p in parts)


def test_paging(session: Session, world: World) -> None:
    first = queue_page(session, QueueFilter(), None, page=1, per_page=10)
    assert not first.has_next and not first.has_prev and len(first.rows) == 5
    # 10 is the smallest page size: add claims to get a second page
    for n in range(8):
        make_claim(session, world.en, f"Extra claim {n}.", score=0.05, start=100 + n)
    session.commit()
    first = queue_page(session, QueueFilter(), None, page=1, per_page=10)
    second = queue_page(session, QueueFilter(), None, page=2, per_page=10)
    assert first.has_next and len(first.rows) == 10
    assert second.has_prev and not second.has_next and len(second.rows) == 3
    assert not {r.claim.id for r in first.rows} & {r.claim.id for r in second.rows}


def test_primary_source_is_the_last_hop(session: Session, world: World) -> None:
    rows = {r.claim.text: r for r in queue_page(session, QueueFilter(), None).rows}
    assert rows[world.claims["legion"].text].primary_source == world.ministry
    assert rows[world.claims["rumour"].text].primary_source is None


@contextmanager
def count_statements(session: Session) -> Iterator[list[str]]:
    seen: list[str] = []
    engine = session.get_bind()

    def before(*args: Any) -> None:
        seen.append(args[2])

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)


def test_a_page_costs_the_same_number_of_queries_whatever_its_size(
    session: Session, world: World, people: People
) -> None:
    authors = [people.factchecker.id, people.editor.id, people.admin.id, None]
    for n in range(60):
        source = sources.create_source(session, f"Bron {n}", "person")
        make_claim(
            session,
            world.nl if n % 2 else world.en,
            f"Bewering {n} over de haven.",
            score=0.3,
            chain=(world.paper, source),
            assignee_id=authors[n % 4],
            start=200 + n,
        )
    session.commit()

    def cost(per_page: int) -> int:
        session.expunge_all()
        with count_statements(session) as seen:
            page = queue_page(session, QueueFilter(), None, per_page=per_page)
            for row in page.rows:  # everything the template touches
                _ = (row.claim.article.title, row.primary_source, row.claim.assignee)
        assert len(page.rows) == per_page
        return len(seen)

    assert cost(5) == cost(50) <= 4  # claims, articles, chains, numbers in their articles


def test_deep_pages_are_capped(session: Session, world: World) -> None:
    page = queue_page(session, QueueFilter(), None, page=MAX_PAGE + 50, per_page=10)
    assert page.capped and page.page == MAX_PAGE and not page.has_next and page.rows == []
    assert queue_page(session, QueueFilter(), None, page=-3).page == 1
