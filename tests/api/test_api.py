"""The token API: authentication, scopes, reading, reviewing with versions, ingesting."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session
from werkzeug.test import TestResponse

from tests.conftest import People, make_app
from tracker.services import tokens
from tracker.services.ingest import ArticleInput, ingest_article

BODY = "De burgemeester zegt dat de gemeente 300 woningen bouwt. Het zou 40 miljoen euro kosten."


def _body(response: TestResponse) -> Any:
    """The response's JSON body, which must be there."""
    data = response.get_json()
    assert data is not None
    return data


def _token(session: Session, people: People, *scopes: str) -> str:
    issued = tokens.issue_token(session, people.factchecker, "script", scopes)
    session.commit()
    return issued.plaintext


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_requests_without_a_valid_token_are_refused(
    client: FlaskClient, session: Session, people: People
) -> None:
    assert client.get("/api/claims/1").status_code == 401
    assert client.get("/api/claims/1", headers=_auth("trk_forged")).status_code == 401
    token = _token(session, people, "read")
    tokens.revoke_token(session, 1, people.admin)
    session.commit()
    assert client.get("/api/claims/1", headers=_auth(token)).status_code == 401


def test_read_and_review_with_scopes_and_versions(
    database_url: str, session: Session, people: People
) -> None:
    article = ingest_article(session, ArticleInput(body=BODY, language="nl"))
    session.commit()
    claim = article.claims[0]
    reader = _token(session, people, "read")
    reviewer = _token(session, people, "read", "review")
    app = make_app(database_url, WTF_CSRF_ENABLED=True)  # the API is exempt from CSRF
    client = app.test_client()
    listed = client.get(f"/api/articles/{article.id}/claims", headers=_auth(reader))
    assert listed.status_code == 200 and _body(listed)[0]["text"] == claim.text
    body = {"status": "unsourced", "rationale": "Geen bron.", "version": claim.version}
    assert (
        client.post(f"/api/claims/{claim.id}/status", json=body, headers=_auth(reader)).status_code
        == 403
    )
    done = client.post(f"/api/claims/{claim.id}/status", json=body, headers=_auth(reviewer))
    assert done.status_code == 200 and _body(done)["status"] == "unsourced"
    stale = client.post(f"/api/claims/{claim.id}/status", json=body, headers=_auth(reviewer))
    assert stale.status_code == 409 and _body(stale)["current"]["status"] == "unsourced"
    bad = client.post(
        f"/api/claims/{claim.id}/status", json={"status": "x"}, headers=_auth(reviewer)
    )
    assert bad.status_code == 400
    boolean = {"status": "verified", "rationale": "x", "version": True}
    assert (
        client.post(
            f"/api/claims/{claim.id}/status", json=boolean, headers=_auth(reviewer)
        ).status_code
        == 400
    )
    assert client.get("/api/claims/9999", headers=_auth(reader)).status_code == 404
    app.extensions["tracker_engine"].dispose()


def test_ingest_through_the_api(client: FlaskClient, session: Session, people: People) -> None:
    token = _token(session, people, "ingest")
    made = client.post(
        "/api/articles", json={"body": BODY, "title": "Woningen"}, headers=_auth(token)
    )
    assert made.status_code == 201 and _body(made)["claims"]
    again = client.post("/api/articles", json={"body": BODY}, headers=_auth(token))
    assert again.status_code == 409 and _body(again)["article_id"] == _body(made)["id"]
    empty = client.post("/api/articles", json={"body": "  "}, headers=_auth(token))
    assert empty.status_code == 422 and "empty" in _body(empty)["message"]
    assert _body(empty)["error"] == "invalid_input"


def test_deeply_nested_json_is_a_400(client: FlaskClient, session: Session, people: People) -> None:
    token = _token(session, people, "ingest", "review")
    for depth in (100_000, 25):
        body = "[" * depth + "]" * depth
        for url in ("/api/articles", "/api/claims/1/status"):
            r = client.post(url, data=body, content_type="application/json", headers=_auth(token))
            assert r.status_code == 400 and "nested" in _body(r)["message"], (url, depth)


@pytest.mark.parametrize("field", ["body", "title", "url", "outlet", "author", "published"])
@pytest.mark.parametrize("bad", ["\\ud800", "\\udfff", "\\u0000"])
def test_lone_surrogates_and_nul_are_refused_in_every_field(
    client: FlaskClient, session: Session, people: People, field: str, bad: str
) -> None:
    token = _token(session, people, "ingest")
    fields = {"body": BODY, "title": "Woningen", "outlet": "De Krant", field: "x"}
    raw = json.dumps(fields).replace('"x"', f'"ab{bad}cd"')
    r = client.post(
        "/api/articles", data=raw, content_type="application/json", headers=_auth(token)
    )
    assert r.status_code == 400 and repr(field) in _body(r)["message"]
    assert "surrogate" in _body(r)["message"] or "NUL" in _body(r)["message"]
    assert _body(r)["error"] == "invalid_json"


def test_status_fields_and_keys_are_checked_too(
    client: FlaskClient, session: Session, people: People
) -> None:
    token = _token(session, people, "review")
    for raw in (
        '{"status": "verified", "rationale": "\\ud83d", "version": 1}',
        '{"status": "verified\\u0000", "rationale": "x", "version": 1}',
        '{"\\udc00": 1, "status": "verified", "version": 1}',
    ):
        r = client.post(
            "/api/claims/1/status", data=raw, content_type="application/json", headers=_auth(token)
        )
        assert r.status_code == 400 and r.is_json, raw
    r = client.post(
        "/api/claims/1/status",
        data=b"\xff\xfe{",
        content_type="application/json",
        headers=_auth(token),
    )
    assert r.status_code == 400 and "not valid JSON" in _body(r)["message"]


@pytest.mark.parametrize(("field", "length"), [("url", 3000), ("author", 400), ("outlet", 301)])
def test_overlong_fields_get_the_same_answer_on_both_databases(
    client: FlaskClient, session: Session, people: People, field: str, length: int
) -> None:
    token = _token(session, people, "ingest")
    value = "https://example.org/" + "a" * length if field == "url" else "B" * length
    r = client.post("/api/articles", json={"body": BODY, field: value}, headers=_auth(token))
    assert r.status_code == 422, r.get_data(as_text=True)[:300]
    error = _body(r)["message"]
    assert (f"field {field}" in error and "the limit is" in error) or "at most 300" in error
