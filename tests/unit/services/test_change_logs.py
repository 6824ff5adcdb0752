"""A service that changes data logs one line at INFO: the action and the ids, never the content."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.conftest import People
from tracker.models import AuditEvent
from tracker.services import review, sources
from tracker.services.ingest import ArticleInput, ingest_article

BODY = "De gemeente wil naar verluidt dit jaar vierhonderd huizen laten bouwen aan de dijk."


def _lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]


def test_a_verdict_is_logged_with_ids_and_without_its_rationale(
    session: Session, people: People, caplog: pytest.LogCaptureFixture
) -> None:
    article = ingest_article(session, ArticleInput(body=BODY, title="Dijkhuizen", language="nl"))
    claim = article.claims[0]
    session.commit()
    with caplog.at_level(logging.INFO, logger="tracker"):
        caplog.clear()  # only what set_status logs
        review.set_status(
            session, claim.id, "disputed", "Het raadsbesluit noemt tweehonderd.", 1, people.editor
        )
    assert _lines(caplog) == [
        f"claim.status claim {claim.id} by user {people.editor.id} (event {_last_event(session)})"
    ]
    assert "raadsbesluit" not in caplog.text


def test_ingest_and_a_new_source_are_logged_without_their_words(
    session: Session, people: People, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="tracker.services"):
        caplog.clear()
        article = ingest_article(
            session, ArticleInput(body=BODY, title="Dijkhuizen", language="nl"), people.editor
        )
        source = sources.create_source(session, "Waterschap Rivierenland", "government")
    lines = _lines(caplog)
    assert f"article.ingest article {article.id} by user {people.editor.id}" in lines[0]
    assert f"source.create source {source.id} by the system" in lines[-1]
    assert not {"Dijkhuizen", "Waterschap", "vierhonderd"} & set(caplog.text.split())


def _last_event(session: Session) -> int:
    return int(session.scalar(select(func.max(AuditEvent.id))) or 0)
