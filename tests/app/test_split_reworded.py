"""Splitting a claim into parts that may be reworded: each part keeps its span (the words of
the sentence it comes from) and its own wording, audited."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.conftest import People, ingested_claim
from tracker.models import AuditEvent, Claim

ARTICLE = (
    "Zwembad\n\n"
    "Volgens wethouder Ruud Kok gaat het zwembad in maart open en kost het 12 miljoen euro.\n"
)


@pytest.fixture
def claim(session: Session, people: People) -> Claim:
    return ingested_claim(session, people, ARTICLE, "zwembad in maart")


def test_reworded_parts_keep_their_span_and_their_wording(
    as_factchecker: FlaskClient, session: Session, claim: Claim
) -> None:
    r = as_factchecker.post(
        f"/claims/{claim.id}/split",
        data={
            "split-version": "1",
            "split-parts-0-words": "gaat het zwembad in maart open",
            "split-parts-0-text": "Het zwembad gaat in maart open.",
            "split-parts-1-words": "kost het 12 miljoen euro",
            "split-parts-1-text": "Het zwembad kost 12 miljoen euro.",
        },
    )
    assert r.status_code == 302, r.get_data(as_text=True)
    parts = session.scalars(
        select(Claim).where(Claim.parent_id == claim.id).order_by(Claim.start)
    ).all()
    assert [(p.exact, p.text) for p in parts] == [
        ("gaat het zwembad in maart open", "Het zwembad gaat in maart open."),
        ("kost het 12 miljoen euro", "Het zwembad kost 12 miljoen euro."),
    ]
    body = parts[0].article.body
    assert all(body[p.start : p.end] == p.exact for p in parts)
    split = session.scalars(
        select(AuditEvent).where(
            AuditEvent.action == "claim.split", AuditEvent.claim_id == claim.id
        )
    ).one()
    assert [c["text"] for c in split.after["children"]] == [p.text for p in parts]
    created = session.scalars(
        select(AuditEvent).where(
            AuditEvent.action == "claim.create", AuditEvent.claim_id.in_([p.id for p in parts])
        )
    ).all()
    assert len(created) == 2


def test_a_part_without_words_or_with_words_not_in_the_claim_is_refused(
    as_factchecker: FlaskClient, session: Session, claim: Claim
) -> None:
    for words, message in (
        ("", "say which words of the claim"),
        ("gaat het zwembad in april open", "does not occur"),
    ):
        r = as_factchecker.post(
            f"/claims/{claim.id}/split",
            data={
                "split-version": "1",
                "split-parts-0-words": words,
                "split-parts-0-text": "Het zwembad gaat open.",
                "split-parts-1-words": "kost het 12 miljoen euro",
            },
        )
        html = r.get_data(as_text=True)
        assert r.status_code == 422 and message in html
        assert 'value="Het zwembad gaat open."' in html  # the input is kept
    assert session.scalars(select(Claim).where(Claim.parent_id == claim.id)).all() == []


def test_add_a_part_without_javascript(as_factchecker: FlaskClient, claim: Claim) -> None:
    r = as_factchecker.post(
        f"/claims/{claim.id}/split",
        data={"split-version": "1", "split-parts-0-words": "gaat het", "split-edit": "add"},
    )
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert len(re.findall(r'name="split-parts-\d+-words"', html)) == 3
    assert 'value="gaat het"' in html
