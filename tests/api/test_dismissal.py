"""Dismissing and restoring a claim through the API: reasons, versions, scopes, the queue."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.api.helpers import auth, body, newsroom, token
from tests.conftest import People


def test_a_claim_is_dismissed_and_restored(
    client: FlaskClient, session: Session, people: People
) -> None:
    claim = newsroom(session).articles[0].claims[0]
    reviewer = auth(token(session, people, "read", "review"))
    reader = auth(token(session, people, "read"))
    url = f"/api/claims/{claim.id}/dismissal"
    listed = f"/api/claims?article_id={claim.article_id}"
    assert claim.id in [c["id"] for c in body(client.get(listed, headers=reader))["items"]]
    assert body(client.get(f"/api/claims/{claim.id}", headers=reader))["dismissed"] is None

    refused = client.post(url, json={"reason": "duplicate", "version": 1}, headers=reader)
    assert refused.status_code == 403
    done = client.post(url, json={"reason": "duplicate", "version": 1}, headers=reviewer)
    assert done.status_code == 200, body(done)
    assert body(done)["dismissed"] == "duplicate" and body(done)["version"] == 2
    assert claim.id not in [c["id"] for c in body(client.get(listed, headers=reader))["items"]]

    again = client.post(url, json={"reason": "duplicate", "version": 2}, headers=reviewer)
    assert again.status_code == 422 and "this claim is already dismissed" in body(again)["message"]
    stale = client.post(url, json={"reason": None, "version": 1}, headers=reviewer)
    assert stale.status_code == 409 and body(stale)["error"] == "stale_version"
    restored = client.post(url, json={"reason": None, "version": 2}, headers=reviewer)
    assert restored.status_code == 200 and body(restored)["dismissed"] is None
    assert claim.id in [c["id"] for c in body(client.get(listed, headers=reader))["items"]]

    history = body(client.get(f"/api/claims/{claim.id}/history", headers=reader))["items"]
    assert [e["action"] for e in history] == ["claim.dismiss", "claim.restore"]


def test_bad_dismissals_are_refused(client: FlaskClient, session: Session, people: People) -> None:
    claim = newsroom(session).articles[0].claims[0]
    reviewer = auth(token(session, people, "read", "review"))
    url = f"/api/claims/{claim.id}/dismissal"
    for sent in ({"version": 1}, {"reason": "boring", "version": 1}, {"reason": "duplicate"}):
        r = client.post(url, json=sent, headers=reviewer)
        assert r.status_code == 400 and body(r)["error"] == "bad_parameter", sent
    missing = client.post(
        "/api/claims/424242/dismissal", json={"reason": "duplicate", "version": 1}, headers=reviewer
    )
    assert missing.status_code == 404
