"""The JSON API under generated hostile input: no request may answer 5xx (on either database)."""

from __future__ import annotations

import json
from typing import Any

from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from tests.conftest import People
from tracker.services import tokens

# Any code point, with the troublesome ones (lone surrogates, NUL, separators) made likely, and
# now and then a string longer than any column.
_NASTY = st.sampled_from(["\ud800", "\udfff", "\x00", "\u2028", "\ufeff", "\u202e", "a"])
_CHAR = st.one_of(st.characters(codec=None, exclude_categories=()), _NASTY)
_TEXT = st.one_of(
    st.lists(_CHAR, max_size=30).map("".join),
    st.integers(min_value=190, max_value=3500).map(lambda n: "https://x.example/" + "a" * n),
)
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    _TEXT,
)
_JSON = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=12,
)
_FIELDS = ("body", "title", "url", "outlet", "author", "published", "language")
_ARTICLE = st.fixed_dictionaries(
    {"body": st.one_of(_TEXT.map(lambda t: f"De minister zegt dat {t}."), _JSON)},
    optional={k: st.one_of(_TEXT, _JSON) for k in _FIELDS[1:]},
)
_STATUS = st.fixed_dictionaries(
    {},
    optional={
        "status": st.one_of(st.sampled_from(["verified", "disputed", "unsourced"]), _JSON),
        "rationale": st.one_of(_TEXT, _JSON),
        "version": st.one_of(st.integers(min_value=-(2**70), max_value=2**70), _JSON),
    },
)
_FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _token(session: Session, people: People) -> dict[str, str]:
    issued = tokens.issue_token(session, people.editor, "fuzz", ("read", "review", "ingest"))
    session.commit()
    return {"Authorization": f"Bearer {issued.plaintext}"}


def _post(client: FlaskClient, url: str, payload: Any, auth: dict[str, str]) -> int:
    raw = json.dumps(payload)  # lone surrogates go out as \\udXXX escapes
    response = client.post(url, data=raw, content_type="application/json", headers=auth)
    assert response.status_code < 500, (url, raw[:300], response.get_data(as_text=True)[:300])
    return response.status_code


@_FUZZ
@given(payload=_ARTICLE)
def test_ingest_never_answers_5xx(
    client: FlaskClient, session: Session, people: People, payload: dict[str, Any]
) -> None:
    auth = _token(session, people)
    _post(client, "/api/articles", payload, auth)


@_FUZZ
@given(payload=_STATUS, claim_id=st.integers(min_value=0, max_value=2**40))
def test_status_never_answers_5xx(
    client: FlaskClient, session: Session, people: People, payload: dict[str, Any], claim_id: int
) -> None:
    auth = _token(session, people)
    _post(client, "/api/articles", {"body": "De minister zegt dat de huur stijgt."}, auth)
    _post(client, f"/api/claims/{claim_id % 3}/status", payload, auth)
    _post(client, f"/api/claims/{claim_id}/status", payload, auth)
    assert client.get(f"/api/claims/{claim_id}", headers=auth).status_code < 500
    assert client.get(f"/api/articles/{claim_id}/claims", headers=auth).status_code < 500


_DEEP = st.integers(min_value=15, max_value=50_000).map(lambda d: b"[" * d + b"]" * d)


@_FUZZ
@given(raw=st.one_of(st.binary(max_size=200), _DEEP))
def test_raw_bodies_never_answer_5xx(
    client: FlaskClient, session: Session, people: People, raw: bytes
) -> None:
    auth = _token(session, people)
    for url in ("/api/articles", "/api/claims/1/status"):
        response = client.post(url, data=raw, content_type="application/json", headers=auth)
        assert response.status_code < 500, (url, raw)
