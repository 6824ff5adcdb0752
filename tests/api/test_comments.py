"""A claim's thread through the API: post with mentions, list, the history event."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.api.helpers import auth, body, newsroom, token
from tests.conftest import People


def test_comments_are_posted_listed_and_audited(
    client: FlaskClient, session: Session, people: People
) -> None:
    claim = newsroom(session).articles[0].claims[0]
    reviewer = auth(token(session, people, "read", "review"))
    reader = auth(token(session, people, "read"))
    url = f"/api/claims/{claim.id}/comments"
    new = {"body": "Welk rapport? @editor en @niemand"}
    assert client.post(url, json=new, headers=reader).status_code == 403
    made = client.post(url, json=new, headers=reviewer)
    assert made.status_code == 201
    posted = body(made)
    assert posted["comment"]["mentions"] == [people.editor.id]
    assert posted["unknown"] == ["niemand"] and posted["ambiguous"] == []
    assert posted["comment"]["author_id"] == people.factchecker.id
    empty = client.post(url, json={"body": " "}, headers=reviewer)
    assert empty.status_code == 422 and body(empty)["error"] == "invalid_input"
    listed = body(client.get(url, headers=reader))["items"]
    assert [c["body"] for c in listed] == ["Welk rapport? @editor en @niemand"]
    history = body(client.get(f"/api/claims/{claim.id}/history", headers=reader))["items"]
    assert [e["action"] for e in history] == ["claim.comment"]
    assert client.get("/api/claims/424242/comments", headers=reader).status_code == 404
    assert client.post("/api/claims/424242/comments", json=new, headers=reviewer).status_code == 404
