"""Shared fixtures: a freshly migrated database per test, on SQLite or PostgreSQL.

`TRACKER_TEST_DATABASE=postgres` (set by tests/run.sh) runs everything against the server named
by TRACKER_TEST_POSTGRES_URL; each test gets its own database cloned from a migrated template.
"""

from __future__ import annotations

import itertools
import os
import shutil
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from tests.api.response_check import api_responses_follow_the_document  # noqa: F401 (autouse)
from tracker import create_app
from tracker.db import make_engine, make_session_factory
from tracker.migrate import upgrade
from tracker.models import Claim, User
from tracker.services import users as user_service

ON_POSTGRES = os.environ.get("TRACKER_TEST_DATABASE") == "postgres"
POSTGRES_URL = os.environ.get("TRACKER_TEST_POSTGRES_URL", "")
PASSWORD = "correct horse battery"
_counter = itertools.count()


def postgres_admin_engine(url: str) -> Engine:
    return create_engine(url, isolation_level="AUTOCOMMIT")


def with_database(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


class DatabaseFactory:
    """Makes empty or migrated databases for tests, fast (copies of a migrated template)."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.tag = uuid.uuid4().hex[:8]
        self.created: list[str] = []
        self._template: str | None = None

    def empty(self) -> str:
        n = next(_counter)
        if ON_POSTGRES:
            name = f"trk_{self.tag}_{n}"
            with postgres_admin_engine(POSTGRES_URL).connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            self.created.append(name)
            return with_database(POSTGRES_URL, name)
        return f"sqlite:///{self.tmp / f'db{n}.sqlite3'}"

    def migrated(self) -> str:
        if self._template is None:
            self._template = self.empty()
            upgrade(self._template)
        n = next(_counter)
        if ON_POSTGRES:
            template = make_url(self._template).database
            name = f"trk_{self.tag}_{n}"
            engine = postgres_admin_engine(POSTGRES_URL)
            with engine.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
            engine.dispose()
            self.created.append(name)
            return with_database(POSTGRES_URL, name)
        target = self.tmp / f"db{n}.sqlite3"
        shutil.copyfile(self._template.removeprefix("sqlite:///"), target)
        return f"sqlite:///{target}"

    def drop_all(self) -> None:
        if not ON_POSTGRES or not self.created:
            return
        engine = postgres_admin_engine(POSTGRES_URL)
        left: list[str] = []
        with engine.connect() as conn:
            for name in reversed(self.created):
                for attempt in range(5):
                    try:
                        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                        break
                    except DBAPIError:  # e.g. an autovacuum worker we may not end; it finishes
                        time.sleep(0.2 * (attempt + 1))
                else:
                    left.append(name)
        engine.dispose()
        if left:
            sys.stderr.write(f"note: test databases left behind: {', '.join(left)}\n")


TEST_AUDIT_KEY = "test-audit-key"


@pytest.fixture(autouse=True)
def audit_key_outside_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test signs audit events with a known key and keeps checkpoints in its own folder."""
    monkeypatch.setenv("TRACKER_AUDIT_KEY", TEST_AUDIT_KEY)
    checkpoints = tmp_path / "audit-checkpoints"
    monkeypatch.setenv("TRACKER_AUDIT_CHECKPOINT_DIR", str(checkpoints))
    return checkpoints


@pytest.fixture(scope="session")
def databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DatabaseFactory]:
    if ON_POSTGRES and not POSTGRES_URL:
        pytest.exit("TRACKER_TEST_DATABASE=postgres needs TRACKER_TEST_POSTGRES_URL", 2)
    factory = DatabaseFactory(tmp_path_factory.mktemp("databases"))
    yield factory
    factory.drop_all()


@pytest.fixture
def database_url(databases: DatabaseFactory) -> str:
    """A database at the newest migration, empty of data, for this test alone."""
    return databases.migrated()


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    eng = make_engine(database_url)
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with make_session_factory(engine)() as s:
        yield s


@dataclass
class People:
    factchecker: User
    editor: User
    admin: User


@pytest.fixture
def people(session: Session) -> People:
    """One user of each role, committed; all share the password PASSWORD."""
    made = {
        role: user_service.create_user(session, f"{role}@example.org", role.title(), PASSWORD, role)
        for role in ("factchecker", "editor", "admin")
    }
    session.commit()
    return People(**made)


def ingested_claim(session: Session, people: People, body: str, words: str) -> Claim:
    """The claim holding `words` of a Dutch article ingested (and committed) by the
    fact-checker: one article, one claim to act on."""
    from tracker.services.ingest import ArticleInput, ingest_article

    article = ingest_article(session, ArticleInput(body=body, language="nl"), people.factchecker)
    session.commit()
    return next(c for c in article.claims if words in c.text)


def make_app(database_url: str, **overrides: Any) -> Flask:
    config: dict[str, Any] = {
        "TESTING": True,
        "TRACKER_DATABASE_URL": database_url,
        "SECRET_KEY": "test-secret",
        "WTF_CSRF_ENABLED": False,
        "TRACKER_FETCH_ALLOW_PRIVATE": True,  # test pages are served on 127.0.0.1
    }
    config.update(overrides)
    return create_app(config)


@pytest.fixture
def app(database_url: str) -> Iterator[Flask]:
    application = make_app(database_url)
    yield application
    application.extensions["tracker_engine"].dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def login(client: FlaskClient, email: str, password: str = PASSWORD) -> None:
    """Log the test client in (CSRF must be off, as in the `app` fixture)."""
    response = client.post("/login", data={"email": email, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]


@pytest.fixture
def as_factchecker(client: FlaskClient, people: People) -> FlaskClient:
    login(client, people.factchecker.email)
    return client


@pytest.fixture
def as_editor(client: FlaskClient, people: People) -> FlaskClient:
    login(client, people.editor.email)
    return client


@pytest.fixture
def as_admin(client: FlaskClient, people: People) -> FlaskClient:
    login(client, people.admin.email)
    return client
