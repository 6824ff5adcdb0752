"""Text fields are checked in one place before any flush: the same answer on both databases."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from tests.conftest import People
from tracker.models import Article
from tracker.services import users
from tracker.services.errors import InvalidInput
from tracker.services.ingest import ArticleInput, ingest_article

BODY = "Volgens de minister stijgt de huur volgend jaar met 5 procent."


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"url": "https://example.org/" + "a" * 3000}, "field url has 3,020 characters"),
        ({"author": "A" * 400}, "field author has 400 characters; the limit is 300"),
        ({"title": "Huur\x00"}, "field title contains a NUL"),
        ({"author": "Jan\ud800"}, "field author contains an invalid character"),
    ],
)
def test_ingest_refuses_bad_fields_before_the_database_sees_them(
    session: Session, people: People, fields: dict[str, str], message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        ingest_article(session, ArticleInput(body=BODY, **fields), people.factchecker)
    session.rollback()
    assert session.query(Article).count() == 0


def test_changed_rows_are_checked_too(session: Session, people: People) -> None:
    article = ingest_article(session, ArticleInput(body=BODY), people.factchecker)
    session.commit()
    article.author = "B" * 301
    with pytest.raises(InvalidInput, match="field author"):
        session.flush()
    session.rollback()


def test_user_names_are_checked(session: Session) -> None:
    with pytest.raises(InvalidInput, match="contains a NUL"):
        users.create_user(session, "nul@example.org", "Nul\x00", "long enough pw 1", "editor")
