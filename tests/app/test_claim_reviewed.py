"""claimReviewed written by the fact-checker: prefilled from the wording (cut at a word),
stored and audited with the verdict, and used by the ClaimReview export."""

from __future__ import annotations

import json

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.conftest import People, ingested_claim, login
from tracker.models import Claim

ARTICLE = (
    "Dijken\n\n"
    "Volgens het waterschap Rivierenland moeten de komende vijftien jaar ruim tweehonderd "
    "kilometer dijken langs de Waal en de Maas worden versterkt tegen hoogwater.\n"
)
NL = {"Accept-Language": "nl-NL,nl;q=0.9"}


@pytest.fixture
def claim(session: Session, people: People) -> Claim:
    return ingested_claim(session, people, ARTICLE, "dijken")


def test_the_field_is_prefilled_with_the_wording_cut_at_a_word(
    as_factchecker: FlaskClient, claim: Claim
) -> None:
    html = as_factchecker.get(f"/articles/{claim.article_id}?claim={claim.id}").get_data(
        as_text=True
    )
    start = html.index('name="status-claim_reviewed"')
    tag = html[html.rindex("<input", 0, start) : html.index(">", start)]
    value = tag[tag.index('value="') + 7 :]
    value = value[: value.index('"')]
    assert len(value) <= 75 and value.endswith("…")
    assert claim.text.startswith(value[:-1].rstrip())
    # the cut falls between words: the next character of the wording is a space
    assert claim.text[len(value[:-1].rstrip())] == " "
    assert 'aria-describedby="claim-reviewed-help"' in tag


def test_the_written_statement_is_stored_audited_and_exported(
    client: FlaskClient, session: Session, people: People, claim: Claim
) -> None:
    login(client, people.factchecker.email)
    r = client.post(
        f"/claims/{claim.id}/status",
        data={
            "status-version": "1",
            "status-status": "verified",
            "status-rationale": "Staat in het jaarverslag van het waterschap.",
            "status-claim_reviewed": "  Rivierenland   versterkt 200 km dijken  ",
        },
    )
    assert r.status_code == 302
    session.expire_all()
    fresh = session.get(Claim, claim.id)
    assert fresh is not None and fresh.claim_reviewed == "Rivierenland versterkt 200 km dijken"
    page = client.get(r.headers["Location"]).get_data(as_text=True)
    history = page[page.index('class="history-list"') :]
    assert "Claim reviewed (ClaimReview)" in history
    assert 'value="Rivierenland versterkt 200 km dijken"' in page  # kept in the form
    client.post("/logout")
    login(client, people.editor.email)
    exported = client.get(f"/reports/export?format=claimreview&article={claim.article_id}")
    assert exported.status_code == 200
    graph = json.loads(exported.get_data(as_text=True))["@graph"]
    assert [g["claimReviewed"] for g in graph] == ["Rivierenland versterkt 200 km dijken"]
    assert graph[0]["itemReviewed"]["text"] == fresh.text


def test_without_a_statement_the_export_cuts_the_wording(
    client: FlaskClient, session: Session, people: People, claim: Claim
) -> None:
    login(client, people.factchecker.email)
    client.post(
        f"/claims/{claim.id}/status",
        data={
            "status-version": "1",
            "status-status": "verified",
            "status-rationale": "Klopt.",
            "status-claim_reviewed": "   ",
        },
    )
    session.expire_all()
    assert session.get(Claim, claim.id).claim_reviewed is None  # type: ignore[union-attr]
    client.post("/logout")
    login(client, people.editor.email)
    graph = json.loads(
        client.get(f"/reports/export?format=claimreview&article={claim.article_id}").data
    )["@graph"]
    reviewed = graph[0]["claimReviewed"]
    assert len(reviewed) <= 75 and reviewed.endswith("…") and " " in reviewed


def test_a_long_statement_is_refused_next_to_its_field(
    as_factchecker: FlaskClient, session: Session, claim: Claim
) -> None:
    r = as_factchecker.post(
        f"/claims/{claim.id}/status",
        data={
            "status-version": "1",
            "status-status": "verified",
            "status-rationale": "Klopt.",
            "status-claim_reviewed": "woord " * 20,
        },
        headers=NL,
    )
    assert r.status_code == 422
    session.expire_all()
    fresh = session.get(Claim, claim.id)
    assert fresh is not None and fresh.status == "unreviewed" and fresh.claim_reviewed is None
