"""Settings the app takes at start: logging (one line per request at INFO with method, path,
status and time; TRACKER_LOG_LEVEL) and the instance folder."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from tests.conftest import make_app


def _request_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "tracker.web.requests"]


def test_each_request_is_one_line_without_query_or_content(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    client.get("/login?next=/claims/7-secret")
    client.post("/login", data={"email": "nobody@example.org", "password": "hunter2 secret"})
    lines = _request_lines(caplog)
    assert len(lines) == 2
    assert re.fullmatch(r"GET /login 200 \d+\.\d ms", lines[0])
    assert re.fullmatch(r"POST /login \d{3} \d+\.\d ms", lines[1])
    assert not any("secret" in line or "nobody" in line for line in lines)
    assert all(r.levelno == logging.INFO for r in caplog.records if r.name.endswith("requests"))


def test_a_redirected_request_is_logged_too(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    client.get("/queue/")  # not logged in: sent to the login page
    lines = _request_lines(caplog)
    assert len(lines) == 1 and lines[0].startswith("GET /queue/ 302 ")


def test_log_level_setting(database_url: str, caplog: pytest.LogCaptureFixture) -> None:
    app = make_app(database_url, TRACKER_LOG_LEVEL="WARNING")
    try:
        app.test_client().get("/login")
        assert _request_lines(caplog) == []
        assert logging.getLogger("tracker").level == logging.WARNING
    finally:
        app.extensions["tracker_engine"].dispose()
        make_app(database_url).extensions["tracker_engine"].dispose()  # back to INFO


def test_a_bad_log_level_stops_the_app(database_url: str) -> None:
    with pytest.raises(ValueError, match="TRACKER_LOG_LEVEL"):
        make_app(database_url, TRACKER_LOG_LEVEL="LOUD")


def test_the_app_uses_the_given_instance_folder(database_url: str, tmp_path: Path) -> None:
    app = make_app(database_url, TRACKER_INSTANCE_PATH=str(tmp_path / "inst"))
    try:
        assert app.instance_path == str(tmp_path / "inst")
    finally:
        app.extensions["tracker_engine"].dispose()
