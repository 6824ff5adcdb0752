"""Every error under /api is JSON with a stable code and a message, also before any view runs."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.api.helpers import auth, body, newsroom, token
from tests.conftest import People, make_app
from tracker.services import review


def test_unknown_paths_and_methods(client: FlaskClient, session: Session, people: People) -> None:
    headers = auth(token(session, people, "read"))
    missing = client.get("/api/nothing/here", headers=headers)
    assert missing.status_code == 404 and body(missing)["error"] == "not_found"
    wrong = client.delete("/api/claims", headers=headers)
    assert wrong.status_code == 405 and body(wrong)["error"] == "method_not_allowed"
    assert "GET" in wrong.headers["Allow"]
    page = client.get("/no/such/page")  # the web app keeps its own pages
    assert page.status_code == 404 and not page.is_json


def test_authentication_errors(client: FlaskClient, session: Session, people: People) -> None:
    none = client.get("/api/claims")
    assert none.status_code == 401 and body(none)["error"] == "unauthorized"
    assert none.headers["WWW-Authenticate"].startswith("Bearer")
    basic = client.get("/api/claims", headers={"Authorization": "Basic dXNlcjpwYXNz"})
    assert basic.status_code == 401
    reader = auth(token(session, people, "read"))
    scope = client.post("/api/articles", json={"body": "x"}, headers=reader)
    assert scope.status_code == 403 and body(scope)["error"] == "forbidden"


def test_body_errors(database_url: str, session: Session, people: People) -> None:
    app = make_app(database_url, MAX_CONTENT_LENGTH=2000)
    client = app.test_client()
    headers = auth(token(session, people, "ingest"))
    big = client.post("/api/articles", json={"body": "x" * 5000}, headers=headers)
    assert big.status_code == 413 and body(big)["error"] == "payload_too_large"
    form = client.post("/api/articles", data={"body": "Een tekst."}, headers=headers)
    assert form.status_code == 415 and body(form)["error"] == "unsupported_media_type"
    array = client.post("/api/articles", json=["body"], headers=headers)
    assert array.status_code == 400 and body(array)["error"] == "bad_parameter"
    number = client.post("/api/articles", json={"body": 5}, headers=headers)
    assert number.status_code == 400 and "'body'" in body(number)["message"]
    language = client.post(
        "/api/articles", json={"body": "Tekst.", "language": "NL"}, headers=headers
    )
    assert language.status_code == 400
    app.extensions["tracker_engine"].dispose()


def test_a_nul_in_the_query_is_a_json_400(
    client: FlaskClient, session: Session, people: People
) -> None:
    headers = auth(token(session, people, "read"))
    r = client.get("/api/sources?q=a%00b", headers=headers)
    assert (
        r.status_code == 400 and body(r)["error"] == "bad_request" and "NUL" in body(r)["message"]
    )


def test_csrf_does_not_apply_to_the_api(
    database_url: str, session: Session, people: People
) -> None:
    app = make_app(database_url, WTF_CSRF_ENABLED=True)
    client = app.test_client()
    headers = auth(token(session, people, "ingest"))
    made = client.post(
        "/api/articles",
        json={"body": "De wethouder zegt dat het plein groener wordt."},
        headers=headers,
    )
    assert made.status_code == 201
    unrouted = client.post("/api/unknown", json={}, headers=headers)
    assert unrouted.status_code == 404 and body(unrouted)["error"] == "not_found"
    app.extensions["tracker_engine"].dispose()


def test_too_many_requests_are_a_429(database_url: str, session: Session, people: People) -> None:
    app = make_app(database_url, TRACKER_API_LIMITS="3/minute")
    client = app.test_client()
    headers = auth(token(session, people, "read"))
    answers = [client.get("/api/sources", headers=headers) for _ in range(4)]
    assert [r.status_code for r in answers] == [200, 200, 200, 429]
    assert body(answers[-1])["error"] == "rate_limited"
    assert int(answers[-1].headers["Retry-After"]) >= 1
    other = auth(token(session, people, "read", owner="editor"))
    assert client.get("/api/sources", headers=other).status_code == 200  # counted per token
    app.extensions["tracker_engine"].dispose()


def test_a_server_fault_is_a_json_500(
    database_url: str, session: Session, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    claim = newsroom(session).articles[0].claims[0]
    app = make_app(database_url, TESTING=False)
    client = app.test_client()
    headers = auth(token(session, people, "read"))

    def broken(*_args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(review, "get_claim", broken)
    r = client.get(f"/api/claims/{claim.id}", headers=headers)
    assert r.status_code == 500 and body(r)["error"] == "server_error"
    assert "a bug" not in r.get_data(as_text=True)  # no internals in the answer
    app.extensions["tracker_engine"].dispose()
