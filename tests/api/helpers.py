"""Shared pieces of the API tests: tokens, headers, a small newsroom of our own articles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session
from werkzeug.test import TestResponse

from tests.conftest import People
from tracker.models import Article
from tracker.services import tokens
from tracker.services.ingest import ArticleInput, ingest_article

# Written for these tests: each sentence attributes one checkable statement.
ARTICLES = (
    ArticleInput(
        body="De wethouder zegt dat de gemeente dit jaar 300 woningen bouwt. "
        "Volgens de provincie kost het plan 40 miljoen euro. "
        "Naar verluidt stoppen twee aannemers met het project.",
        title="Woningbouw in de gemeente",
        outlet="Stadsblad",
        published="2026-03-02",
        language="nl",
    ),
    ArticleInput(
        body="The mayor said the city will plant 12,000 trees by 2030. "
        "According to the council, the programme costs 8 million dollars. "
        "Officials claimed that air quality improved by 15 percent last year.",
        title="Trees for the city",
        outlet="Morning Ledger",
        published="2026-04",
        language="en",
    ),
    ArticleInput(
        body="De minister verklaarde dat 52 landen het verdrag hebben getekend. "
        "Volgens diplomaten volgen er volgend jaar nog vijf. "
        "Een woordvoerder zei dat de onderhandelingen drie jaar duurden.",
        title="Verdrag getekend",
        outlet="Stadsblad",
        published="2025",
        language="nl",
    ),
)


def token(session: Session, people: People, *scopes: str, owner: str = "factchecker") -> str:
    issued = tokens.issue_token(session, getattr(people, owner), "tests", scopes)
    session.commit()
    return issued.plaintext


def auth(plaintext: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {plaintext}"}


def body(response: TestResponse) -> Any:
    data = response.get_json()
    assert data is not None, response.get_data(as_text=True)[:300]
    return data


@dataclass
class Newsroom:
    articles: list[Article]


def newsroom(session: Session) -> Newsroom:
    made = [ingest_article(session, a) for a in ARTICLES]
    session.commit()
    assert all(a.claims for a in made)
    return Newsroom(made)
