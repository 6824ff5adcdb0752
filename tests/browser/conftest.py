"""A live server on a fresh migrated database, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.orm import Session
from werkzeug.serving import make_server

from tests.conftest import PASSWORD, DatabaseFactory, make_app
from tracker.db import make_engine, make_session_factory
from tracker.services import users as user_service

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass
class LiveServer:
    url: str
    database_url: str
    emails: dict[str, str]

    def session(self) -> Session:
        """A session on the server's database (close it after use)."""
        return make_session_factory(make_engine(self.database_url))()


@pytest.fixture
def live_server(databases: DatabaseFactory) -> Iterator[LiveServer]:
    url = databases.migrated()
    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        emails = {}
        for role in ("factchecker", "editor", "admin"):
            user = user_service.create_user(
                session, f"{role}@example.org", role.title(), PASSWORD, role
            )
            emails[role] = user.email
        session.commit()
    engine.dispose()
    app = make_app(url, WTF_CSRF_ENABLED=True)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield LiveServer(f"http://127.0.0.1:{server.server_port}", url, emails)
    server.shutdown()
    server.server_close()
    thread.join()
    app.extensions["tracker_engine"].dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing in CI: `make test` should have installed it")
        pytest.skip("Chromium is not installed (bash tests/browser/install.sh)")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
