"""Dismissing a claim from its queue row: a reason, the claim leaves the queue, stale refused."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.conftest import People
from tracker.models import AuditEvent, Claim
from tracker.services.ingest import ArticleInput, ingest_article

ARTICLE = (
    "Markt\n\n"
    "Volgens marktmeester Els de Wit staan er elke zaterdag 140 kramen op de markt. "
    "De gemeente verhoogt naar verluidt het staangeld met tien procent.\n"
)


def _claims(session: Session, people: People) -> list[Claim]:
    article = ingest_article(session, ArticleInput(body=ARTICLE, language="nl"), people.factchecker)
    session.commit()
    return sorted(article.claims, key=lambda c: c.start)


def test_a_row_dismisses_its_claim_with_a_reason(
    as_factchecker: FlaskClient, session: Session, people: People
) -> None:
    claims = _claims(session, people)
    target = next(c for c in claims if "140 kramen" in c.text)
    queue = as_factchecker.get("/queue/?sort=article").get_data(as_text=True)
    row = queue[queue.index(f'id="claim-{target.id}"') :]
    row = row[: row.index("</tr>")]
    assert f'action="/queue/{target.id}/dismiss"' in row and 'name="reason"' in row
    number = claims.index(target) + 1
    assert f"Dismiss claim {number} as" in row  # labelled with the article's number
    r = as_factchecker.post(
        f"/queue/{target.id}/dismiss",
        data={"reason": "duplicate", "version": "1", "next": "/queue/?sort=article"},
    )
    assert r.status_code == 302 and r.headers["Location"].startswith("/queue/?sort=article")
    session.expire_all()
    fresh = session.get(Claim, target.id)
    assert fresh is not None and fresh.dismissed_reason == "duplicate"
    page = as_factchecker.get(r.headers["Location"]).get_data(as_text=True)
    assert f'id="claim-{target.id}"' not in page and "was dismissed as duplicate" in page
    events = session.scalars(select(AuditEvent.action).where(AuditEvent.claim_id == target.id))
    assert list(events) == ["claim.dismiss"]


def test_a_stale_or_bad_dismissal_is_refused_on_its_row(
    as_factchecker: FlaskClient, session: Session, people: People
) -> None:
    target = _claims(session, people)[-1]
    stale = as_factchecker.post(
        f"/queue/{target.id}/dismiss",
        data={"reason": "duplicate", "version": "7", "next": "/queue/?sort=article"},
    )
    assert stale.status_code == 409 and "Someone else changed this claim" in stale.get_data(
        as_text=True
    )
    bad = as_factchecker.post(
        f"/queue/{target.id}/dismiss", data={"reason": "boring", "version": "1"}
    )
    assert bad.status_code == 422
    session.expire_all()
    assert session.get(Claim, target.id).dismissed_reason is None  # type: ignore[union-attr]
