"""Ingesting articles: validation, metadata, claims and sources, duplicates, new versions."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from tests.conftest import People
from tracker.db import make_session_factory
from tracker.models import Article, AuditEvent, Claim, Source
from tracker.services import review, sources, users
from tracker.services.errors import DuplicateArticle, InvalidInput, NotFound
from tracker.services.ingest import ArticleInput, ingest_article, ingest_each, parse_published

NL = (
    "Kabinet wil meer geld voor dijken\n\n"
    "Het kabinet trekt volgens De Ochtendpost 2,5 miljard euro uit voor de versterking van dijken. "
    "Minister Jansen zegt dat het werk in 2030 klaar moet zijn. "
    "De waterschappen zouden het bedrag te laag vinden."
)


def test_ingest_stores_text_metadata_claims_and_audit(session: Session, people: People) -> None:
    article = ingest_article(
        session,
        ArticleInput(
            body=NL,
            title="",
            outlet="De Ochtendpost",
            author="Redactie",
            published="2024-03",
            language="auto",
        ),
        people.factchecker,
    )
    session.commit()
    assert article.body == NL and len(article.body_sha256) == 64
    assert article.title == "Kabinet wil meer geld voor dijken"
    assert article.language == "nl"
    assert (article.published_on, article.published_precision, article.published) == (
        date(2024, 3, 1),
        "month",
        "2024-03",
    )
    assert article.outlet is not None and article.outlet.kind == "outlet"
    assert article.claims, "the extractor found no claims"
    for claim in article.claims:
        assert NL[claim.start : claim.end] == claim.exact
        assert claim.prefix == NL[max(0, claim.start - 32) : claim.start]
        assert claim.status == "unreviewed" and claim.origin == "extractor"
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == "article.ingest")).one()
    assert event.after["claims"] == len(article.claims)


def test_outlet_is_linked_by_alias(session: Session) -> None:
    nyt = sources.create_source(session, "The New York Times", "outlet", aliases=["NYT"])
    article = ingest_article(
        session, ArticleInput(body="The mayor said taxes will rise.", outlet="nyt")
    )
    assert article.outlet_id == nyt.id
    assert (session.scalar(select(func.count(Source.id))) or 0) >= 1


@pytest.mark.parametrize(
    ("body", "message"),
    [("", "empty"), ("  \n\t ", "empty"), ("abc\x00def", "binary"), ("x" * 101, "limit")],
)
def test_bad_bodies_are_refused(session: Session, body: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        ingest_article(session, ArticleInput(body=body), max_chars=100)
    assert session.scalar(select(func.count(Article.id))) == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("published", "14-02-2023"),
        ("published", "2023-02-30"),
        ("language", "fr"),
        ("url", "javascript:alert(1)"),
    ],
)
def test_bad_metadata_is_refused(session: Session, field: str, value: str) -> None:
    with pytest.raises(InvalidInput):
        ingest_article(
            session, ArticleInput(body="De burgemeester zegt dat het klopt.", **{field: value})
        )


def test_parse_published_precisions() -> None:
    assert parse_published("2023") == (date(2023, 1, 1), "year")
    assert parse_published("2023-02-14") == (date(2023, 2, 14), "day")
    assert parse_published(" ") == (None, None)


def test_same_text_twice_is_a_duplicate(session: Session) -> None:
    first = ingest_article(session, ArticleInput(body=NL))
    with pytest.raises(DuplicateArticle) as err:
        ingest_article(session, ArticleInput(body=NL))
    assert err.value.article_id == first.id


def test_new_version_reanchors_reviewed_claims_and_orphans_lost_ones(
    session: Session, people: People
) -> None:
    old = ingest_article(session, ArticleInput(body=NL, language="nl"))
    session.commit()
    by_text = {c.exact: c for c in old.claims}
    minister = next(c for t, c in by_text.items() if "Minister Jansen" in t)
    waterschap = next(c for t, c in by_text.items() if "waterschappen" in t)
    review.set_status(
        session, minister.id, "verified", "Staat in de Kamerbrief.", minister.version, people.editor
    )
    session.commit()
    changed = "Update: de minister reageerde.\n\n" + NL.replace(
        "De waterschappen zouden het bedrag te laag vinden.",
        "Over de waterschappen is niets bekend.",
    )
    new = ingest_article(
        session, ArticleInput(body=changed, language="nl"), people.editor, supersedes_id=old.id
    )
    session.commit()
    assert new.supersedes_id == old.id
    assert minister.article_id == new.id and minister.status == "verified"
    assert changed[minister.start : minister.end] == minister.exact
    assert waterschap.orphaned and waterschap.article_id == old.id
    actions = set(session.scalars(select(AuditEvent.action)))
    assert {"claim.reanchor", "claim.orphan"} <= actions
    # the extractor's claims for unchanged sentences are not doubled
    exacts = [c.exact for c in session.scalars(select(Claim).where(Claim.article_id == new.id))]
    assert len(exacts) == len(set(exacts))
    with pytest.raises(InvalidInput, match="already been superseded"):
        ingest_article(session, ArticleInput(body=changed + " Nog een zin."), supersedes_id=old.id)
    with pytest.raises(NotFound):
        ingest_article(session, ArticleInput(body="Iets nieuws."), supersedes_id=9999)


def test_mentions_link_to_the_registry_despite_a_leading_article(session: Session) -> None:
    ministry = sources.create_source(session, "Ministerie van Defensie", "government")
    body = "Het ministerie van Defensie laat weten dat de aanmeldingen met 40 procent stegen."
    article = ingest_article(session, ArticleInput(body=body, language="nl"))
    hops = [h for c in article.claims for h in c.attributions]
    assert hops and hops[-1].source_id == ministry.id
    assert hops[-1].mention_text == "Het ministerie van Defensie"


def test_a_bulk_import_whose_user_vanished_stops_instead_of_running_as_the_system(
    engine: Engine, people: People
) -> None:
    factory = make_session_factory(engine)
    with factory() as s:
        gone = users.create_user(s, "tijdelijk@example.org", "Tijdelijk", "lang genoeg wachtwoord")
        s.commit()
        gone_id = gone.id
        s.delete(gone)
        s.commit()
    items = [
        ("1", ArticleInput(body="Jan Smit zegt dat de dijk vandaag dicht gaat.", language="nl"))
    ]
    with pytest.raises(NotFound, match="no longer exists"):
        ingest_each(factory, items, actor_id=gone_id)
    with factory() as s:
        assert s.scalar(select(func.count(Article.id))) == 0
