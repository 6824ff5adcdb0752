"""Every API response any test sees is checked against the OpenAPI document (at teardown).

tests/conftest.py imports the fixture, so it applies to every test directory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from flask import Flask, Response, request, request_finished

from tests.api.schema_check import ResponseChecker
from tracker.web.api.openapi import document


@dataclass
class Seen:
    """The API responses of one test and what was wrong with them."""

    checked: int = 0
    problems: list[str] = field(default_factory=list)


_checker = ResponseChecker(document())


@pytest.fixture(autouse=True)
def api_responses_follow_the_document() -> Iterator[Seen]:
    seen = Seen()

    def check(sender: Flask, response: Response, **_extra: Any) -> None:
        if not (request.path == "/api" or request.path.startswith("/api/")):
            return
        rule = request.url_rule.rule if request.url_rule is not None else None
        try:
            body = json.loads(response.get_data())
        except ValueError:
            body = None
        found = _checker.problems(
            request.method, rule, response.status_code, response.mimetype, body
        )
        seen.checked += 1
        seen.problems += [
            f"{request.method} {request.path} -> {response.status_code}: {p}" for p in found
        ]

    request_finished.connect(check)
    yield seen
    request_finished.disconnect(check)
    assert not seen.problems, "\n".join(seen.problems[:20])
