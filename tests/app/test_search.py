"""The search box, the results page (grouped, highlighted, escaped, filtered), the queue's search,
the claim panel's "seen before" with its match actions, and the cluster page."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.conftest import People
from tests.unit.services.test_queue import make_article, make_claim
from tracker.models import AuditEvent, Claim, ClaimMatch
from tracker.services import review, sources
from tracker.services.ingest import ArticleInput, ingest_article


def _archive(session: Session) -> dict[str, Claim]:
    nl = make_article(session, "Legioen <i>in</i> het oosten", "nl", None, "Het legioen groeit.")
    en = make_article(session, "Harbour figures", "en", None, "The port grew.")
    claims = {
        "legion": make_claim(session, nl, "Het legioen telt 20.000 <b>soldaten</b>.", score=0.9),
        "port": make_claim(session, en, "The port employs 20,000 soldiers.", start=60, score=0.4),
        "other": make_claim(session, nl, "De minister zal het verklaren.", start=120),
    }
    sources.create_source(session, "Stichting Legioen & Partners", "organization")
    session.commit()
    return claims


def test_the_header_has_one_search_box(as_factchecker: FlaskClient) -> None:
    page = as_factchecker.get("/queue/").get_data(as_text=True)
    assert page.count('role="search"') == 2  # the header's, and the queue's filter form
    assert 'action="/search"' in page and 'name="q"' in page


def test_results_are_grouped_highlighted_and_escaped(
    as_factchecker: FlaskClient, session: Session
) -> None:
    _archive(session)
    response = as_factchecker.get("/search?q=legioen")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    for heading in ('id="claims-heading"', 'id="articles-heading"', 'id="sources-heading"'):
        assert heading in page
    assert "<mark>legioen</mark> telt 20.000 &lt;b&gt;soldaten&lt;/b&gt;" in page
    assert "<b>soldaten</b>" not in page
    assert "<mark>Legioen</mark> &lt;i&gt;in&lt;/i&gt;" in page  # the article's title
    assert "Stichting <mark>Legioen</mark> &amp; Partners" in page  # the source
    assert "The port employs" not in page


def test_search_takes_the_queue_filters(as_factchecker: FlaskClient, session: Session) -> None:
    claims = _archive(session)
    both = as_factchecker.get("/search?q=20.000").get_data(as_text=True)
    assert "employs <mark>20,000</mark> soldiers" in both and "telt <mark>20.000</mark>" in both
    english = as_factchecker.get("/search?q=20000&language=en").get_data(as_text=True)
    assert "The port employs" in english and "Het legioen telt" not in english
    scored = as_factchecker.get("/search?q=soldiers&min_score=0.5").get_data(as_text=True)
    assert "The port employs" not in scored  # 0.4: below the minimum
    queue = as_factchecker.get("/queue/?status=&q=verklaarde").get_data(as_text=True)
    assert claims["other"].text in queue and claims["port"].text not in queue
    bad = as_factchecker.get("/search?q=x&min_score=7")
    assert bad.status_code == 400


def test_an_empty_search_shows_the_form(as_factchecker: FlaskClient) -> None:
    page = as_factchecker.get("/search?q=").get_data(as_text=True)
    assert 'id="search-q"' in page and "claims-heading" not in page


FIRST = "Het legioen telt naar verluidt 20.000 soldaten uit 52 landen."
OTHER = "De wethouder zegt dat de gemeente dit jaar 300 woningen bouwt."
SECOND = "Volgens een woordvoerder telt het legioen twintigduizend soldaten uit 52 landen."


def _repeat(session: Session, people: People) -> tuple[Claim, Claim]:
    one = ingest_article(session, ArticleInput(body=FIRST, title="Eerste bericht", language="nl"))
    session.commit()
    first = session.scalars(select(Claim).where(Claim.article_id == one.id)).one()
    review.set_status(
        session, first.id, "verified", "Bevestigd door het ministerie.", first.version,
        people.editor,
    )  # fmt: skip
    session.commit()
    two = ingest_article(session, ArticleInput(body=SECOND, title="Tweede bericht", language="nl"))
    session.commit()
    second = session.scalars(select(Claim).where(Claim.article_id == two.id)).one()
    assert second.cluster_id is not None
    return first, second


def test_seen_before_in_the_panel_and_the_queue_and_the_verdict(
    as_factchecker: FlaskClient, session: Session, people: People
) -> None:
    # an article before them, so that database ids and claim numbers differ
    ingest_article(session, ArticleInput(body=OTHER, title="Ander bericht", language="nl"))
    session.commit()
    first, second = _repeat(session, people)
    assert first.id > 1  # so "claim 1" below is a number, not an id
    panel = as_factchecker.get(f"/articles/{second.article_id}?claim={second.id}")
    html = panel.get_data(as_text=True)
    assert "Seen before:" in html and "Eerste bericht" in html and people.editor.name in html
    assert "Verified: claim 1 of “Eerste bericht”" in html
    assert "Matched with claim 1 of “Eerste bericht”" in html
    assert f"claim {first.id} " not in html
    assert f"/clusters/{second.cluster_id}" in html and "Same claim: confirm" in html
    queue = as_factchecker.get("/queue/?status=unreviewed").get_data(as_text=True)
    assert "Seen before:" in queue and "Eerste bericht" in queue
    response = as_factchecker.post(
        f"/claims/{second.id}/cluster-verdict",
        data={"version": second.version, "next": f"/articles/{second.article_id}"},
    )
    assert response.status_code == 302
    session.expire_all()
    again = session.get(Claim, second.id)
    assert again is not None and again.status == "verified"
    assert "Bevestigd door het ministerie." in again.rationale
    assert "claim 1 of “Eerste bericht”" in again.rationale
    actions = session.scalars(select(AuditEvent.action).where(AuditEvent.claim_id == second.id))
    assert "claim.verdict_from_cluster" in actions.all()
    cluster = as_factchecker.get(f"/clusters/{second.cluster_id}").get_data(as_text=True)
    assert cluster.index("Eerste bericht") < cluster.index("Tweede bericht")
    assert "claim 1 of “Eerste bericht”" in cluster and "claim 1 of “Tweede bericht”" in cluster


def test_reject_a_match(as_factchecker: FlaskClient, session: Session, people: People) -> None:
    _first, second = _repeat(session, people)
    match = session.scalars(select(ClaimMatch)).one()
    response = as_factchecker.post(f"/matches/{match.id}/reject", data={"next": "/queue/"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/queue/")
    session.expire_all()
    assert session.get(Claim, second.id).cluster_id is None  # type: ignore[union-attr]
    assert session.get(ClaimMatch, match.id).status == "rejected"  # type: ignore[union-attr]
    assert as_factchecker.get("/clusters/999").status_code == 404
    assert as_factchecker.post("/matches/999/confirm", data={}).status_code == 404
