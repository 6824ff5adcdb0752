"""Setting aside: dismissed claims and withdrawn articles leave the queue, counts and reports."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.conftest import People, login
from tracker.models import Article, AuditEvent, Claim
from tracker.services import dismissal, workbench
from tracker.services.errors import InvalidInput, PermissionDenied, StaleVersion
from tracker.services.ingest import ArticleInput, ingest_article
from tracker.services.queue import QueueFilter, queue_page

ARTICLE = (
    "Nieuwe brug over de Oude Rijn\n\n"
    "Volgens wethouder Kees Bos kost de nieuwe brug over de Oude Rijn 40 miljoen euro. "
    "De bouw van de brug begint naar verluidt in maart van volgend jaar.\n\n"
    "Foto: de oude brug bij de Blauwpoort.\n"
)


@pytest.fixture
def article(session: Session, people: People) -> Article:
    made = ingest_article(session, ArticleInput(body=ARTICLE, language="nl"), people.factchecker)
    session.commit()
    return made


def _claim(article: Article, words: str) -> Claim:
    return next(c for c in article.claims if words in c.text)


def _queued(session: Session, user_id: int) -> set[int]:
    page = queue_page(session, QueueFilter(), user_id, per_page=100)
    return {row.claim.id for row in page.rows}


def test_dismiss_and_restore_a_claim(session: Session, people: People, article: Article) -> None:
    caption = _claim(article, "maart")
    assert caption.id in _queued(session, people.factchecker.id)
    with pytest.raises(InvalidInput):
        dismissal.dismiss_claim(session, caption.id, "boring", 1, people.factchecker)
    dismissal.dismiss_claim(session, caption.id, "not_a_claim", 1, people.factchecker)
    assert caption.id not in _queued(session, people.factchecker.id)
    with pytest.raises(StaleVersion):
        dismissal.restore_claim(session, caption.id, 1, people.factchecker)
    dismissal.restore_claim(session, caption.id, 2, people.factchecker)
    assert caption.id in _queued(session, people.factchecker.id)
    events = session.scalars(
        select(AuditEvent.action).where(AuditEvent.claim_id == caption.id).order_by(AuditEvent.id)
    ).all()
    assert events[-2:] == ["claim.dismiss", "claim.restore"]


def test_dismissed_claims_leave_counts_and_report_but_the_appendix_lists_them(
    as_editor: FlaskClient, session: Session, people: People, article: Article
) -> None:
    caption = _claim(article, "maart")
    total = len(article.claims)
    dismissal.dismiss_claim(session, caption.id, "not_checkworthy", 1, people.factchecker)
    session.commit()
    row = workbench.list_articles(session).rows[0]
    assert row.total == total - 1
    html = as_editor.get(f"/reports/preview?article={article.id}").get_data(as_text=True)
    claims_part = html[html.index('id="claims-heading"') : html.index('id="dismissed-heading"')]
    assert "volgend jaar" not in claims_part
    appendix = html[html.index('id="dismissed-heading"') :]
    assert "volgend jaar" in appendix and "not check-worthy" in appendix
    data = as_editor.get(f"/reports/export?article={article.id}&format=json").get_json()
    assert caption.id not in {c["id"] for c in data["claims"]}
    assert data["summary"]["total"] == total - 1


def test_claim_panel_dismisses_and_restores(
    as_factchecker: FlaskClient, session: Session, article: Article
) -> None:
    caption = _claim(article, "maart")
    r = as_factchecker.post(
        f"/claims/{caption.id}/dismiss",
        data={"dismiss-version": "1", "dismiss-reason": "duplicate"},
    )
    assert r.status_code == 302
    html = as_factchecker.get(r.headers["Location"]).get_data(as_text=True)
    assert "Dismissed as duplicate" in html and "dismissed the claim" in html
    r = as_factchecker.post(f"/claims/{caption.id}/restore", data={"restore-version": "2"})
    assert r.status_code == 302
    session.expire_all()
    assert session.get(Claim, caption.id).dismissed_reason is None  # type: ignore[union-attr]


def test_article_view_filters(
    as_factchecker: FlaskClient, session: Session, people: People, article: Article
) -> None:
    caption = _claim(article, "maart")
    bridge = _claim(article, "40 miljoen")
    dismissal.dismiss_claim(session, caption.id, "not_a_claim", 1, people.factchecker)
    session.commit()
    every = as_factchecker.get(f"/articles/{article.id}").get_data(as_text=True)
    assert f'data-claim="{caption.id}"' in every and "claim-dismissed" in every
    for show in ("open", "checkworthy"):
        html = as_factchecker.get(f"/articles/{article.id}?show={show}").get_data(as_text=True)
        assert f'data-claim="{caption.id}"' not in html, show
        assert 'aria-current="page"' in html
    html = as_factchecker.get(f"/articles/{article.id}?show=open").get_data(as_text=True)
    assert f'data-claim="{bridge.id}"' in html


def test_only_editors_withdraw_and_reinstate(
    client: FlaskClient, session: Session, people: People, article: Article
) -> None:
    with pytest.raises(PermissionDenied):
        dismissal.withdraw_article(session, article.id, "fout", people.factchecker)
    login(client, people.factchecker.email)
    r = client.post(f"/articles/{article.id}/withdraw", data={"withdraw-reason": "fout"})
    assert r.status_code == 403
    assert "Withdraw the article" not in client.get(f"/articles/{article.id}").get_data(
        as_text=True
    )
    client.post("/logout")
    login(client, people.editor.email)
    r = client.post(f"/articles/{article.id}/withdraw", data={"withdraw-reason": " "})
    assert r.status_code == 422 and "say why" in r.get_data(as_text=True).lower()
    r = client.post(
        f"/articles/{article.id}/withdraw", data={"withdraw-reason": "Rectificatie: dubbel."}
    )
    assert r.status_code == 302
    assert _queued(session, people.editor.id) == set()
    html = client.get(f"/articles/{article.id}").get_data(as_text=True)
    assert "Rectificatie: dubbel." in html and "Reinstate the article" in html
    report = client.get(f"/reports/export?article={article.id}&format=json").get_json()
    assert report["claims"] == [] and report["summary"]["total"] == 0
    r = client.post(f"/articles/{article.id}/withdraw", data={"withdraw-undo": "1"})
    assert r.status_code == 302
    session.expire_all()
    assert len(_queued(session, people.editor.id)) == len(article.claims)
    actions = session.scalars(
        select(AuditEvent.action).where(AuditEvent.entity_type == "article")
    ).all()
    assert actions.count("article.withdraw") == 1 and actions.count("article.reinstate") == 1
