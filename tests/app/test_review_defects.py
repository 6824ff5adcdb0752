"""Review defects that put wrong words in reports or conflict tables (issue 12)."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.conftest import People
from tracker.models import Article, Claim
from tracker.services import review
from tracker.services.errors import InvalidInput
from tracker.services.ingest import ArticleInput, ingest_article

ARTICLE = (
    "Nieuwe sluis bij IJmuiden\n\n"
    "Volgens Rijkswaterstaat kost de nieuwe zeesluis 900 miljoen euro. "
    "De sluis gaat naar verluidt in 2030 open.\n"
)


@pytest.fixture
def article(session: Session, people: People) -> Article:
    made = ingest_article(session, ArticleInput(body=ARTICLE, language="nl"), people.factchecker)
    session.commit()
    return made


def _claim(article: Article, words: str) -> Claim:
    return next(c for c in article.claims if words in c.text)


def test_a_new_verdict_never_carries_the_old_rationale(
    session: Session, people: People, article: Article
) -> None:
    claim = _claim(article, "900 miljoen")
    review.set_status(session, claim.id, "verified", "Bevestigd in de begroting.", 1, people.editor)
    # the same words for another verdict that needs a rationale: refused, nothing written
    with pytest.raises(InvalidInput, match="earlier verdict"):
        review.set_status(
            session, claim.id, "disputed", "Bevestigd in de begroting.", 2, people.editor
        )
    # unsourced (the queue's `u`): the old rationale is not carried over
    review.set_status(
        session, claim.id, "unsourced", "Bevestigd in de begroting.", 2, people.editor
    )
    assert (claim.status, claim.rationale) == ("unsourced", "")
    # a rationale of its own is kept; editing the rationale of the same verdict is fine
    review.set_status(
        session, claim.id, "disputed", "De begroting zegt 1,1 miljard.", 3, people.editor
    )
    review.set_status(
        session, claim.id, "disputed", "De begroting zegt 1,1 miljard euro.", 4, people.editor
    )
    assert claim.rationale == "De begroting zegt 1,1 miljard euro."


def test_report_lists_a_rationale_edit_as_an_edit(
    as_editor: FlaskClient, session: Session, people: People, article: Article
) -> None:
    claim = _claim(article, "2030")
    review.set_status(session, claim.id, "unsourced", "Geen bron genoemd.", 1, people.editor)
    review.set_status(session, claim.id, "unsourced", "Geen bron; RWS zwijgt.", 2, people.editor)
    review.set_status(session, claim.id, "disputed", "RWS noemt 2032.", 3, people.editor)
    session.commit()
    html = as_editor.get(f"/reports/preview?article={article.id}").get_data(as_text=True)
    table = html[html.index('class="corrections"') :]
    assert "Unsourced → Unsourced" not in table
    assert "Rationale edited (Unsourced)" in table
    assert "Unsourced → Disputed" in table
    assert "Corrected 1 time(s)" in html and "Rationale edited 1 time(s)" in html
    data = as_editor.get(f"/reports/export?article={article.id}&format=json").get_json()
    kinds = [c["kind"] for d in data["claims"] for c in d["corrections"]]
    assert kinds == ["edit", "correction"]


def test_conflict_table_speaks_words_and_shows_the_status_once(
    as_factchecker: FlaskClient, session: Session, people: People, article: Article
) -> None:
    claim = _claim(article, "900 miljoen")
    review.set_status(session, claim.id, "disputed", "Het is 1,1 miljard.", 1, people.editor)
    session.commit()
    r = as_factchecker.post(
        f"/claims/{claim.id}/status",
        data={"status-version": "1", "status-status": "verified", "status-rationale": "Klopt."},
    )
    assert r.status_code == 409
    html = r.get_data(as_text=True)
    table = html[html.index('<section class="conflict"') : html.index("</table>")]
    assert table.count('<th scope="row">Status</th>') == 1
    assert "<td>Disputed</td><td>Verified</td>" in table
    assert ">verified<" not in table and ">disputed<" not in table


def test_reports_list_reviewed_claims_and_count_the_rest(
    as_editor: FlaskClient, session: Session, people: People, article: Article
) -> None:
    verified = _claim(article, "900 miljoen")
    waiting = _claim(article, "2030")
    review.set_status(session, verified.id, "verified", "Staat in de begroting.", 1, people.editor)
    session.commit()
    html = as_editor.get(f"/reports/preview?article={article.id}").get_data(as_text=True)
    assert f'id="claim-{verified.id}"' in html and f'id="claim-{waiting.id}"' not in html
    unreviewed = sum(c.status == "unreviewed" for c in article.claims)
    assert f"{unreviewed} of them are not reviewed yet and not listed below." in html
    html = as_editor.get(f"/reports/preview?article={article.id}&unreviewed=y").get_data(
        as_text=True
    )
    assert f'id="claim-{waiting.id}"' in html
    data = as_editor.get(f"/reports/export?article={article.id}&format=json").get_json()
    assert [c["id"] for c in data["claims"]] == [verified.id]
    assert data["summary"]["by_status"]["unreviewed"] == unreviewed
    assert data["filter"]["reviewed_only"] is True
