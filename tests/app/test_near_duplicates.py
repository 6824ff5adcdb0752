"""A re-paste of a stored article with small changes is offered as its new version (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.app.test_cli import Invoke, run  # noqa: F401 - the `run` fixture
from tests.conftest import People
from tracker.models import Article, Claim
from tracker.services import review, tokens
from tracker.services.dismissal import withdraw_article
from tracker.services.errors import NearDuplicateArticle
from tracker.services.ingest import ArticleInput, ingest_article, similar_article

BODY = (
    "Nieuwe fietsbrug over het IJ\n\n"
    "Volgens wethouder Marieke Dijkstra kost de fietsbrug over het IJ 150 miljoen euro. "
    "De brug zou naar verluidt in 2031 klaar zijn.\n\n"
    '"Dit verbindt Noord eindelijk met de rest van de stad," zegt Dijkstra.\n'
)
# Spacing and quotes evened out, one figure changed: the same article, corrected.
CHANGED = (
    "Nieuwe fietsbrug over het IJ\n\n"
    "Volgens wethouder Marieke Dijkstra  kost de fietsbrug over het IJ 160 miljoen euro. "
    "De brug zou naar verluidt in 2031 klaar zijn.\n\n"
    "“Dit verbindt Noord eindelijk met de rest van de stad,” zegt Dijkstra.\n"
)
OTHER = (
    "Nieuwe tram naar Amstelveen\n\n"
    "Volgens het vervoersbedrijf kost de verlenging van de tramlijn naar Amstelveen 90 miljoen. "
    "De eerste tram zou naar verluidt in 2027 rijden.\n\n"
    '"Reizigers zijn zo tien minuten sneller in het centrum," zegt een woordvoerder.\n'
)


@pytest.fixture
def stored(session: Session, people: People) -> Article:
    article = ingest_article(session, ArticleInput(body=BODY, language="nl"), people.factchecker)
    session.commit()
    return article


def test_similar_texts_are_found_and_different_ones_not(
    session: Session, people: People, stored: Article
) -> None:
    found = similar_article(session, CHANGED)
    assert found is not None and found[0] == stored.id and 90 <= found[1] < 100
    assert similar_article(session, OTHER) is None
    with pytest.raises(NearDuplicateArticle) as err:
        ingest_article(session, ArticleInput(body=CHANGED, language="nl"), people.factchecker)
    assert err.value.article_id == stored.id
    # on purpose apart: stored as an article of its own
    apart = ingest_article(
        session, ArticleInput(body=CHANGED, language="nl"), people.factchecker, separate=True
    )
    assert apart.supersedes_id is None
    # a withdrawn article is not offered
    session.rollback()
    withdraw_article(session, stored.id, "dubbel geplaatst", people.editor)
    assert similar_article(session, CHANGED) is None


def test_web_offers_the_new_version_and_reanchors(
    as_factchecker: FlaskClient, session: Session, people: People, stored: Article
) -> None:
    claim = next(c for c in stored.claims if "2031" in c.text)
    review.set_status(session, claim.id, "unsourced", "Geen bron.", claim.version, people.editor)
    session.commit()
    form = {"body": CHANGED, "title": "Fietsbrug", "language": "nl", "action": "save"}
    r = as_factchecker.post("/articles/new", data=form)
    html = r.get_data(as_text=True)
    assert r.status_code == 409
    assert f"Save as new version of article {stored.id}" in html
    assert "Save as a separate article" in html
    assert "160 miljoen" in html  # the pasted text is kept
    r = as_factchecker.post(
        "/articles/new", data={**form, "action": "supersede", "supersedes": str(stored.id)}
    )
    assert r.status_code == 302
    session.expire_all()
    new = session.scalars(select(Article).where(Article.supersedes_id == stored.id)).one()
    moved = session.get(Claim, claim.id)
    assert moved is not None and moved.article_id == new.id and moved.status == "unsourced"
    assert session.scalar(select(func.count(Article.id))) == 2


def test_cli_names_the_similar_article_and_takes_supersedes(
    run: Invoke,  # noqa: F811
    tmp_path: Path,
) -> None:
    first, second = tmp_path / "brug.txt", tmp_path / "brug-v2.txt"
    first.write_text(BODY, encoding="utf-8")
    second.write_text(CHANGED, encoding="utf-8")
    assert run("ingest", str(first), "--lang", "nl").exit_code == 0
    result = run("ingest", str(second), "--lang", "nl")
    assert result.exit_code == 0
    assert "nearly the same as article 1" in result.output and "--supersedes" in result.output
    result = run("ingest", str(second), "--lang", "nl", "--supersedes", "1")
    assert result.exit_code == 0 and "ingested 1 article(s)" in result.output


def test_api_answers_409_naming_the_article_and_takes_supersedes(
    client: FlaskClient, session: Session, people: People, stored: Article
) -> None:
    token = tokens.issue_token(session, people.factchecker, "feed", ("ingest", "read")).plaintext
    session.commit()
    headers = {"Authorization": f"Bearer {token}"}
    r = client.post("/api/articles", json={"body": CHANGED, "language": "nl"}, headers=headers)
    assert r.status_code == 409 and r.get_json()["article_id"] == stored.id
    r = client.post(
        "/api/articles",
        json={"body": CHANGED, "language": "nl", "supersedes": stored.id},
        headers=headers,
    )
    assert r.status_code == 201
