"""PostgreSQL roles: the app's role may only read and append to the audit log; the owner's may
do everything. Run with TRACKER_TEST_DATABASE=postgres (needs a server role with CREATEROLE,
which .ci/postgres.sh gives)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from sqlalchemy import text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError

from tests.conftest import ON_POSTGRES, PASSWORD, postgres_admin_engine
from tracker.cli import main
from tracker.db import make_engine, make_session_factory
from tracker.db_roles import RoleError, setup_roles
from tracker.services import ingest, login_limits, sources, users

APP_PASSWORD = "app-role-password"


def test_roles_are_refused_on_sqlite(tmp_path: object) -> None:
    if ON_POSTGRES:
        pytest.skip("the SQLite case")
    with pytest.raises(RoleError, match="PostgreSQL only"):
        setup_roles("sqlite://", "tracker_app", APP_PASSWORD)


@pytest.fixture
def app_engine(database_url: str) -> Iterator[Engine]:
    """The test database set up by `tracker db setup-roles`, and an engine as its app role."""
    if not ON_POSTGRES:
        pytest.skip("roles exist on PostgreSQL only")
    role = f"trk_app_{uuid.uuid4().hex[:10]}"
    result = CliRunner().invoke(
        main,
        ["db", "setup-roles", "--app-role", role],
        env={"TRACKER_OWNER_DATABASE_URL": database_url, "TRACKER_APP_DB_PASSWORD": APP_PASSWORD},
    )
    assert result.exit_code == 0, result.output
    assert f"role {role} created" in result.output
    again = setup_roles(database_url, role)  # idempotent, the role kept
    assert not again.created and again.tables >= 10
    url = make_url(database_url).set(username=role, password=APP_PASSWORD)
    engine = make_engine(url.render_as_string(hide_password=False))
    try:
        yield engine
    finally:
        engine.dispose()
        owner = postgres_admin_engine(database_url)
        with owner.connect() as conn:
            conn.execute(text(f'GRANT "{role}" TO CURRENT_USER'))  # DROP OWNED needs it
            conn.execute(text(f'DROP OWNED BY "{role}"'))
            conn.execute(text(f'DROP ROLE "{role}"'))
        owner.dispose()


def test_the_app_role_works_and_only_appends_to_the_audit_log(app_engine: Engine) -> None:
    factory = make_session_factory(app_engine)
    with factory() as session:  # the app's everyday work, as the app role
        editor = users.create_user(session, "ed@example.org", "Ed Itor", PASSWORD, "editor")
        session.commit()
        assert (
            users.authenticate(
                session,
                "ed@example.org",
                "wrong",
                address="192.0.2.9",
                address_limits=(login_limits.Window(5, 60),),
            )
            is None
        )
        session.commit()
        body = "Minister Jansen zegt dat de dijk in 2030 klaar is. Dat zegt ook Piet de Boer."
        ingest.ingest_article(session, ingest.ArticleInput(body=body, language="nl"), editor)
        a = sources.create_source(session, "Stichting Polderwacht", "organization")
        b = sources.create_source(session, "Polderwacht Stichting", "organization")
        sources.merge_sources(session, a.id, b.id, editor)
        sources.unmerge_source(session, b.id, editor)
        session.commit()
    refused = {
        "truncate": "TRUNCATE audit_events",
        "disable triggers": "ALTER TABLE audit_events DISABLE TRIGGER USER",
        "update": "UPDATE audit_events SET action = 'forged'",
        "delete": "DELETE FROM audit_events",
        "drop": "DROP TABLE audit_events",
        "upsert": "INSERT INTO audit_events SELECT * FROM audit_events ORDER BY id LIMIT 1 "
        "ON CONFLICT (id) DO UPDATE SET action = 'forged'",
    }
    for what, statement in refused.items():
        with app_engine.connect() as conn, pytest.raises(DBAPIError) as err:
            conn.execute(text(statement))
        assert "permission denied" in str(err.value) or "must be owner" in str(err.value), what
    with app_engine.connect() as conn:
        conn.execute(text("GRANT UPDATE, DELETE, TRUNCATE ON audit_events TO CURRENT_USER"))
        for right in ("UPDATE", "DELETE", "TRUNCATE", "TRIGGER"):
            may = text("SELECT has_table_privilege('audit_events', :right)")
            assert conn.scalar(may, {"right": right}) is False, right
        assert conn.scalar(text("SELECT count(*) FROM audit_events WHERE action = 'forged'")) == 0
        assert conn.scalar(text("SELECT count(*) FROM audit_events")) >= 5


def test_setup_roles_refuses_the_owner_itself(database_url: str) -> None:
    if not ON_POSTGRES:
        pytest.skip("roles exist on PostgreSQL only")
    owner = make_url(database_url).username or ""
    with pytest.raises(RoleError, match="must not be the owner"):
        setup_roles(database_url, owner)


def test_upgrade_runs_and_anchors_the_log_as_the_owner(database_url: str) -> None:
    """`tracker db upgrade` before `setup-roles`: the app role has no rights (here: no role)."""
    if not ON_POSTGRES:
        pytest.skip("roles exist on PostgreSQL only")
    app_url = make_url(database_url).set(username="trk_no_such_role", password="x")
    result = CliRunner().invoke(
        main,
        ["db", "upgrade"],
        env={
            "TRACKER_OWNER_DATABASE_URL": database_url,
            "TRACKER_DATABASE_URL": app_url.render_as_string(hide_password=False),
        },
    )
    assert result.exit_code == 0, result.output
    assert "audit log anchored" in result.output
