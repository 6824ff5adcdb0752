"""The claim's thread in the panel, mentions in "For me", in English and Dutch."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.conftest import PASSWORD, People, login
from tracker.models import Article, Claim, Mention, User
from tracker.services import users
from tracker.services.ingest import ArticleInput, ingest_article

ARTICLE = (
    "Het waterschap verhoogt de dijk bij Kampen met een meter. "
    "Volgens de dijkgraaf kost dat twaalf miljoen euro."
)
NL = {"Accept-Language": "nl-NL,nl;q=0.9"}
EN = {"Accept-Language": "en"}


@pytest.fixture
def claim(session: Session, people: People) -> Claim:
    made: Article = ingest_article(session, ArticleInput(body=ARTICLE, language="nl"))
    session.commit()
    return made.claims[0]


@pytest.fixture
def sanne(session: Session, people: People) -> User:
    made = users.create_user(session, "sanne.visser@example.org", "Sanne Visser", PASSWORD)
    session.commit()
    return made


def _post(client: FlaskClient, claim: Claim, body: str, headers: dict[str, str] = EN) -> str:
    r = client.post(
        f"/claims/{claim.id}/comments",
        data={"comment-body": body},
        headers=headers,
        follow_redirects=True,
    )
    assert r.status_code == 200
    return r.get_data(as_text=True)


def test_a_comment_shows_in_the_panel_escaped(as_factchecker: FlaskClient, claim: Claim) -> None:
    page = _post(as_factchecker, claim, "Zie <script>alert(1)</script> & bel @nobody")
    assert "<script>alert(1)</script>" not in page
    assert "Zie &lt;script&gt;alert(1)&lt;/script&gt; &amp; bel @nobody" in page
    assert "The comment was posted." in page
    assert "@nobody matches nobody; nobody was told." in page
    assert "commented" in page  # the history lists the event


def test_an_empty_comment_is_refused_with_the_panel_shown(
    as_factchecker: FlaskClient, claim: Claim
) -> None:
    r = as_factchecker.post(f"/claims/{claim.id}/comments", data={"comment-body": "  "}, headers=EN)
    assert r.status_code == 422
    assert "write something first" in r.get_data(as_text=True)
    r = as_factchecker.post("/claims/999999/comments", data={"comment-body": "x"})
    assert r.status_code == 404


def test_a_mention_reaches_for_me_until_the_claim_is_opened(
    client: FlaskClient, session: Session, people: People, claim: Claim, sanne: User
) -> None:
    login(client, people.editor.email)
    _post(client, claim, "@sanne.visser, heb jij het rapport van het waterschap?")
    client.post("/logout")
    login(client, sanne.email)
    home = client.get("/", headers=NL).get_data(as_text=True)
    assert "Voor mij" in home and "Nieuwe vermeldingen: 1" in home
    assert "heb jij het rapport" in home and "nieuw" in home
    panel = client.get(f"/articles/{claim.article_id}?claim={claim.id}", headers=NL).get_data(
        as_text=True
    )
    assert "Opmerkingen" in panel and "aan Sanne Visser" in panel
    session.expire_all()
    [mention] = session.scalars(select(Mention)).all()
    assert mention.seen_at is not None
    home = client.get("/", headers=EN).get_data(as_text=True)
    assert "New mentions: 0" in home and "heb jij het rapport" in home


def test_an_ambiguous_mention_is_said_in_dutch(
    as_factchecker: FlaskClient, session: Session, claim: Claim
) -> None:
    for email in ("jan.a@example.org", "jan.b@example.org"):
        users.create_user(session, email, "Jan " + email[4], PASSWORD)
    session.commit()
    page = _post(as_factchecker, claim, "@jan kijk jij?", NL)
    assert "@jan past bij meer mensen; niemand kreeg bericht." in page
    assert "De opmerking is geplaatst." in page
    assert session.scalars(select(Mention)).all() == []
