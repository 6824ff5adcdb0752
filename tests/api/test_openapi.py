"""The OpenAPI document: a valid OpenAPI 3.1 description of exactly the /api routes."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from openapi_spec_validator import validate

from tests.api.response_check import Seen
from tests.api.schema_check import ResponseChecker, openapi_path
from tracker.web.api.openapi import document

IGNORED_METHODS = {"HEAD", "OPTIONS"}


def _routed(app: Flask) -> set[tuple[str, str]]:
    return {
        (openapi_path(rule.rule), method.lower())
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/")
        for method in (rule.methods or set()) - IGNORED_METHODS
    }


def _described() -> set[tuple[str, str]]:
    return {(path, method) for path, ops in document()["paths"].items() for method in ops}


def test_the_document_is_valid_openapi_3_1() -> None:
    doc = document()
    assert doc["openapi"].startswith("3.1")
    validate(doc)  # raises on any violation of the OpenAPI 3.1 schema


def test_every_route_is_described_and_every_description_is_routed(app: Flask) -> None:
    routed, described = _routed(app), _described()
    assert routed - described == set(), "routes missing from the OpenAPI document"
    assert described - routed == set(), "operations described that no route serves"
    assert len(routed) >= 15


def test_every_operation_documents_its_errors_as_json() -> None:
    doc = document()
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            assert op["operationId"], (path, method)
            if path == "/api/openapi.json":
                continue
            responses = op["responses"]
            assert {"401", "429", "default"} <= set(responses), (path, method)
            if method == "post":
                assert {"413", "415", "409", "422"} <= set(responses), (path, method)


def test_the_document_is_served_without_a_token(client: FlaskClient) -> None:
    r = client.get("/api/openapi.json")
    assert r.status_code == 200 and r.is_json
    assert r.get_json() == document()


def test_the_checker_finds_responses_that_break_the_document() -> None:
    checker = ResponseChecker(document())
    rule = "/api/claims/<int:claim_id>"
    assert checker.problems("GET", rule, 404, "application/json", {"error": "x", "message": "y"})
    assert checker.problems("GET", rule, 404, "application/json", {"error": "not_found"})
    assert checker.problems("GET", rule, 200, "application/json", {"id": 1})
    assert checker.problems("GET", rule, 404, "text/html", None)
    good = {"error": "not_found", "message": "no claim 3"}
    assert checker.problems("GET", rule, 404, "application/json", good) == []
    assert checker.problems("PUT", None, 405, "application/json", good) == []


def test_the_fixture_sees_the_responses(
    client: FlaskClient, api_responses_follow_the_document: Seen
) -> None:
    client.get("/api/openapi.json")
    client.get("/api/claims")
    assert api_responses_follow_the_document.checked == 2
