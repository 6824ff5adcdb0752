"""Form errors in the claim panel beside their fields: aria-invalid, aria-describedby naming the
message, the message under that id; a service's refusal lands on the field it is about."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.conftest import People, ingested_claim
from tracker.models import Claim

ARTICLE = (
    "Fietspad\n\n"
    "Volgens wethouder Sanne Bos kost het nieuwe fietspad langs de Vecht 4 miljoen euro.\n"
)


@pytest.fixture
def claim(session: Session, people: People) -> Claim:
    return ingested_claim(session, people, ARTICLE, "fietspad langs")


def _tag(html: str, field_id: str) -> str:
    at = html.index(f'id="{field_id}"')
    return html[html.rindex("<", 0, at) : html.index(">", at)]


def _beside(html: str, field_id: str) -> str:
    """The field's message, found by the id its aria-describedby names."""
    tag = _tag(html, field_id)
    assert 'aria-invalid="true"' in tag, tag
    described = re.search(r'aria-describedby="([^"]*)"', tag)
    assert described is not None and f"{field_id}-error" in described.group(1).split()
    m = re.search(rf'<p class="error" id="{field_id}-error">([^<]*)</p>', html)
    assert m is not None
    return m.group(1)


def test_a_verdict_without_rationale_is_refused_beside_the_rationale(
    as_factchecker: FlaskClient, claim: Claim
) -> None:
    r = as_factchecker.post(
        f"/claims/{claim.id}/status",
        data={"status-version": "1", "status-status": "verified", "status-rationale": ""},
    )
    html = r.get_data(as_text=True)
    assert r.status_code == 422
    assert "rationale is required" in _beside(html, "status-rationale")
    assert "see the message beside the field" in html


def test_a_hop_refusal_lands_on_that_hop(as_factchecker: FlaskClient, claim: Claim) -> None:
    r = as_factchecker.post(
        f"/claims/{claim.id}/chain",
        data={
            "chain-version": "1",
            "chain-hops-0-source": "",
            "chain-hops-0-kind": "hearsay",
            "chain-hops-1-source": "Niemand Bekend",
            "chain-hops-1-kind": "reported",
        },
    )
    html = r.get_data(as_text=True)
    assert r.status_code == 422
    assert "choose a kind" in _beside(html, "chain-hops-1-new_kind")
    assert 'aria-invalid="true"' not in _tag(html, "chain-hops-0-source")


def test_a_split_refusal_lands_on_that_part(as_factchecker: FlaskClient, claim: Claim) -> None:
    r = as_factchecker.post(
        f"/claims/{claim.id}/split",
        data={
            "split-version": "1",
            "split-parts-0-words": "kost het nieuwe fietspad",
            "split-parts-1-words": "langs de Rijn",
        },
    )
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "does not occur" in _beside(html, "split-parts-1-words")


def test_a_form_check_marks_its_field_and_keeps_its_help(
    as_factchecker: FlaskClient, claim: Claim
) -> None:
    r = as_factchecker.post(
        f"/claims/{claim.id}/status",
        data={
            "status-version": "1",
            "status-status": "unsourced",
            "status-claim_reviewed": "x" * 90,
        },
    )
    html = r.get_data(as_text=True)
    assert r.status_code == 422
    assert "75" in _beside(html, "status-claim_reviewed")
    described = re.search(r'aria-describedby="([^"]*)"', _tag(html, "status-claim_reviewed"))
    assert described is not None and "claim-reviewed-help" in described.group(1)
    # a field without an error is not marked
    assert "aria-invalid" not in _tag(html, "status-rationale")
