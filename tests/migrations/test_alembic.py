"""The whole chain up and down; the head schema equals the models; DB-enforced rules.

Each revision's own data checks up and down, with the schema after its downgrade compared to
the one before its upgrade, are in test_revisions.py.

Runs on SQLite, and on PostgreSQL when the suite runs with TRACKER_TEST_DATABASE=postgres.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.exc import DBAPIError, IntegrityError

from tests.conftest import DatabaseFactory
from tracker.db import make_engine
from tracker.migrate import current_revision, downgrade, head_revision, revisions, upgrade
from tracker.models import Base
from tracker.services.search_index import is_index_table

SAMPLE_BODY = "Het kabinet trekt naar verluidt 2,5 miljard euro uit voor de dijken."


def _seed(conn: sa.Connection) -> None:
    """Rows in every table that the first revision creates, via plain SQL."""
    now = sa.func.current_timestamp()
    md = sa.MetaData()
    md.reflect(conn)
    t = md.tables
    conn.execute(
        t["users"]
        .insert()
        .values(
            id=1,
            email="a@example.org",
            name="A",
            role="editor",
            password_hash="x",
            active=True,
            failed_logins=0,
            created_at=now,
        )
    )
    status = {"status": "confirmed"} if "status" in t["sources"].c else {}
    conn.execute(
        t["sources"]
        .insert()
        .values(
            id=1,
            name="De Krant",
            name_key="de krant",
            kind="outlet",
            description="",
            created_at=now,
            **status,
        )
    )
    conn.execute(t["source_aliases"].insert().values(id=1, source_id=1, alias="DK", alias_key="dk"))
    conn.execute(
        t["articles"]
        .insert()
        .values(
            id=1,
            title="Dijken",
            outlet_id=1,
            language="nl",
            body=SAMPLE_BODY,
            body_sha256="a" * 64,
            ingested_at=now,
        )
    )
    conn.execute(
        t["claims"]
        .insert()
        .values(
            id=1,
            article_id=1,
            start=0,
            end=len(SAMPLE_BODY),
            exact=SAMPLE_BODY,
            prefix="",
            suffix="",
            text=SAMPLE_BODY,
            checkworthy=True,
            score=0.8,
            status="unsourced",
            rationale="geen bron",
            version=1,
            origin="extractor",
            orphaned=False,
            created_at=now,
            updated_at=now,
        )
    )
    conn.execute(
        t["attributions"]
        .insert()
        .values(
            id=1,
            claim_id=1,
            position=0,
            kind="hearsay",
            cue_text="naar verluidt",
            implicit=False,
            confirmed=False,
        )
    )
    conn.execute(
        t["evidence"]
        .insert()
        .values(
            id=1,
            claim_id=1,
            url="https://example.org",
            title="",
            excerpt="",
            stance="context",
            added_at=now,
        )
    )
    conn.execute(
        t["audit_events"]
        .insert()
        .values(
            id=1,
            at=now,
            action="test",
            entity_type="claim",
            entity_id=1,
            prev_hash="0" * 64,
            hash="1" * 64,
        )
    )


def _counts(url: str) -> dict[str, int]:
    engine = make_engine(url)
    with engine.connect() as conn:
        names = sa.inspect(conn).get_table_names()
        counts = {
            name: conn.execute(sa.text(f'SELECT count(*) FROM "{name}"')).scalar_one()
            for name in names
            if name != "alembic_version"
        }
    engine.dispose()
    return counts


def test_head_schema_equals_models(database_url: str) -> None:
    engine = make_engine(database_url)
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(
                conn,
                opts={
                    "compare_type": True,
                    "include_name": lambda name, type_, _parents: (
                        not (type_ == "table" and is_index_table(name))
                    ),
                },
            ),
            Base.metadata,
        )
    engine.dispose()
    assert diff == []


def test_every_revision_upgrades_and_downgrades(databases: DatabaseFactory) -> None:
    url = databases.empty()
    revs = revisions(url)
    assert revs, "no migrations found"
    previous = "base"
    for rev in revs:
        upgrade(url, rev)
        downgrade(url, previous)
        upgrade(url, rev)
        previous = rev
    engine = make_engine(url)
    assert current_revision(engine) == head_revision(url)
    engine.dispose()
    downgrade(url, "base")
    assert set(_counts(url)) == set()


def test_data_survives_upgrades(databases: DatabaseFactory) -> None:
    url = databases.empty()
    first = revisions(url)[0]
    upgrade(url, first)
    engine = make_engine(url)
    with engine.begin() as conn:
        _seed(conn)
    engine.dispose()
    before = _counts(url)
    upgrade(url, "head")
    after = _counts(url)
    for table, n in before.items():
        assert after[table] == n, table
    engine = make_engine(url)
    with engine.connect() as conn:
        row = conn.execute(sa.text("SELECT text, status, version FROM claims WHERE id = 1")).one()
    engine.dispose()
    assert row == (SAMPLE_BODY, "unsourced", 1)


@pytest.fixture
def seeded(database_url: str) -> sa.Engine:
    engine = make_engine(database_url)
    with engine.begin() as conn:
        _seed(conn)
    return engine


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_events SET action = 'forged'", "DELETE FROM audit_events"],
)
def test_audit_table_refuses_update_and_delete(seeded: sa.Engine, statement: str) -> None:
    with pytest.raises(DBAPIError, match="append-only"), seeded.begin() as conn:
        conn.execute(sa.text(statement))
    seeded.dispose()


def test_audit_table_refuses_truncate_on_postgres(seeded: sa.Engine) -> None:
    if seeded.dialect.name != "postgresql":
        pytest.skip("SQLite has no TRUNCATE")
    with pytest.raises(DBAPIError, match="append-only"), seeded.begin() as conn:
        conn.execute(sa.text("TRUNCATE audit_events"))
    seeded.dispose()


def test_audit_table_refuses_insert_or_replace_over_an_event(seeded: sa.Engine) -> None:
    """SQLite's REPLACE deletes the old row without firing DELETE triggers: a BEFORE INSERT one."""
    if seeded.dialect.name == "sqlite":
        replace = (
            "INSERT OR REPLACE INTO audit_events (id, at, action, entity_type, entity_id, "
            "prev_hash, hash) VALUES (1, CURRENT_TIMESTAMP, 'forged', 'claim', 1, :p, :h)"
        )
    else:
        replace = (
            "INSERT INTO audit_events (id, at, action, entity_type, entity_id, prev_hash, hash) "
            "VALUES (1, CURRENT_TIMESTAMP, 'forged', 'claim', 1, :p, :h) "
            "ON CONFLICT (id) DO UPDATE SET action = EXCLUDED.action"
        )
    with pytest.raises(DBAPIError, match="append-only"), seeded.begin() as conn:
        conn.execute(sa.text(replace), {"p": "2" * 64, "h": "3" * 64})
    with seeded.begin() as conn:  # a new event still goes in
        conn.execute(
            sa.text(
                "INSERT INTO audit_events (id, at, action, entity_type, entity_id, prev_hash, hash)"
                " VALUES (2, CURRENT_TIMESTAMP, 'next', 'claim', 1, :p, :h)"
            ),
            {"p": "1" * 64, "h": "4" * 64},
        )
        actions = conn.execute(sa.text("SELECT action FROM audit_events ORDER BY id")).scalars()
        assert list(actions) == ["test", "next"]
    seeded.dispose()


def test_claim_span_must_lie_inside_its_article(seeded: sa.Engine) -> None:
    with pytest.raises(DBAPIError, match="outside its article"), seeded.begin() as conn:
        conn.execute(sa.text('UPDATE claims SET "end" = 10000 WHERE id = 1'))
    seeded.dispose()


def test_article_body_is_never_edited(seeded: sa.Engine) -> None:
    with pytest.raises(DBAPIError, match="never edited"), seeded.begin() as conn:
        conn.execute(sa.text("UPDATE articles SET body = 'anders' WHERE id = 1"))
    with seeded.begin() as conn:  # other columns may change
        conn.execute(sa.text("UPDATE articles SET title = 'Nieuwe titel' WHERE id = 1"))
    seeded.dispose()


@pytest.mark.parametrize(
    ("statement", "params"),
    [
        ("UPDATE claims SET status = 'true' WHERE id = 1", {}),
        ("UPDATE sources SET kind = 'blog' WHERE id = 1", {}),
        ("INSERT INTO source_aliases (source_id, alias, alias_key) VALUES (1, 'dk', 'dk')", {}),
        ("UPDATE attributions SET kind = 'rumour' WHERE id = 1", {}),
        ("UPDATE evidence SET stance = 'maybe' WHERE id = 1", {}),
        ("UPDATE users SET role = 'root' WHERE id = 1", {}),
        ("UPDATE claims SET article_id = 99 WHERE id = 1", {}),
    ],
)
def test_constraints_are_enforced(
    seeded: sa.Engine, statement: str, params: dict[str, object]
) -> None:
    with pytest.raises((IntegrityError, DBAPIError)), seeded.begin() as conn:
        conn.execute(sa.text(statement), params)
    seeded.dispose()


def test_foreign_keys_restrict_deletes(seeded: sa.Engine) -> None:
    with pytest.raises(IntegrityError), seeded.begin() as conn:
        conn.execute(sa.text("DELETE FROM articles WHERE id = 1"))
    seeded.dispose()


def test_sqlite_runs_in_wal_mode(seeded: sa.Engine) -> None:
    if seeded.dialect.name != "sqlite":
        pytest.skip("SQLite only")
    with seeded.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    seeded.dispose()


def test_triggers_exist_at_head(database_url: str) -> None:
    """A migration that rebuilds a table in SQLite batch mode would silently drop its triggers."""
    engine = make_engine(database_url)
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            names = set(
                conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                ).scalars()
            )
            expected = {
                "audit_events_no_update",
                "audit_events_no_delete",
                "audit_events_no_replace",
                "articles_body_immutable",
                "claims_span_insert",
                "claims_span_update",
            }
        else:
            names = set(
                conn.exec_driver_sql(
                    "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
                ).scalars()
            )
            expected = {
                "audit_events_no_change",
                "audit_events_no_truncate",
                "articles_body_immutable",
                "claims_span",
            }
    engine.dispose()
    assert expected <= names


def _source_status_rows(conn: sa.Connection) -> None:
    """At revision 0002: sources that the 0003 rules mark confirmed or proposed."""
    now = sa.func.current_timestamp()
    md = sa.MetaData()
    md.reflect(conn)
    t = md.tables
    names = {
        2: "Anna de Vries",  # cited in two articles -> confirmed
        3: "Piet Bakker",  # a hop a person confirmed -> confirmed
        4: "Gemeente Utrecht",  # created by a person (audited with an actor) -> confirmed
        5: "Karel Smit",  # cited once by the extractor -> proposed
    }
    for sid, name in names.items():
        conn.execute(
            t["sources"]
            .insert()
            .values(
                id=sid,
                name=name,
                name_key=name.casefold(),
                kind="person",
                description="",
                created_at=now,
            )
        )
    body2 = "Anna de Vries zegt dat de dijken op orde zijn."
    conn.execute(
        t["articles"]
        .insert()
        .values(
            id=2,
            title="Dijken 2",
            language="nl",
            body=body2,
            body_sha256="b" * 64,
            ingested_at=now,
        )
    )
    claim = {
        "exact": body2,
        "prefix": "",
        "suffix": "",
        "text": body2,
        "checkworthy": True,
        "score": 0.5,
        "status": "unreviewed",
        "rationale": "",
        "version": 1,
        "origin": "extractor",
        "orphaned": False,
        "created_at": now,
        "updated_at": now,
        "start": 0,
        "end": len(body2),
    }
    conn.execute(t["claims"].insert().values(id=2, article_id=2, **claim))
    conn.execute(t["claims"].insert().values(id=3, article_id=2, **claim))
    hop = {"kind": "reported", "implicit": False}
    for hid, claim_id, position, source_id, confirmed in [
        (2, 1, 1, 2, False),
        (3, 2, 0, 2, False),
        (4, 3, 0, 3, True),
        (5, 3, 1, 5, False),
    ]:
        conn.execute(
            t["attributions"]
            .insert()
            .values(
                id=hid,
                claim_id=claim_id,
                position=position,
                source_id=source_id,
                confirmed=confirmed,
                **hop,
            )
        )
    conn.execute(
        t["audit_events"]
        .insert()
        .values(
            id=2,
            at=now,
            actor_id=1,
            action="source.create",
            entity_type="source",
            entity_id=4,
            prev_hash="1" * 64,
            hash="2" * 64,
        )
    )


def test_source_status_migration_up_and_down_with_data(databases: DatabaseFactory) -> None:
    url = databases.empty()
    upgrade(url, "0002")
    engine = make_engine(url)
    with engine.begin() as conn:
        _seed(conn)
        _source_status_rows(conn)
    engine.dispose()
    before = _counts(url)
    upgrade(url, "0003")
    assert _counts(url) == before
    engine = make_engine(url)
    with engine.connect() as conn:
        status: dict[int, str] = dict(conn.execute(sa.text("SELECT id, status FROM sources")).all())
        scoped = conn.execute(sa.text("SELECT count(*) FROM sources WHERE article_id IS NOT NULL"))
        assert scoped.scalar_one() == 0
    engine.dispose()
    # 1 is an article's outlet (given by a person at ingest).
    assert status == {1: "confirmed", 2: "confirmed", 3: "confirmed", 4: "confirmed", 5: "proposed"}
    engine = make_engine(url)
    with pytest.raises((IntegrityError, DBAPIError)), engine.begin() as conn:
        conn.execute(sa.text("UPDATE sources SET status = 'maybe' WHERE id = 5"))
    with pytest.raises((IntegrityError, DBAPIError)), engine.begin() as conn:
        conn.execute(sa.text("UPDATE sources SET article_id = 999 WHERE id = 5"))
    engine.dispose()
    downgrade(url, "0002")
    assert _counts(url) == before
    engine = make_engine(url)
    with engine.connect() as conn:
        columns = {c["name"] for c in sa.inspect(conn).get_columns("sources")}
        names = conn.execute(sa.text("SELECT name FROM sources ORDER BY id")).scalars().all()
        fk_problems = (
            conn.exec_driver_sql("PRAGMA foreign_key_check").all()
            if engine.dialect.name == "sqlite"
            else []
        )
    engine.dispose()
    assert "status" not in columns and "article_id" not in columns
    assert names == ["De Krant", "Anna de Vries", "Piet Bakker", "Gemeente Utrecht", "Karel Smit"]
    assert fk_problems == []
    upgrade(url, "head")


def test_session_epoch_and_token_expiry_migration_keeps_data(databases: DatabaseFactory) -> None:
    """0005 up: users get epoch 0, old tokens a 90-day expiry; down: both columns go, rows stay."""
    url = databases.empty()
    upgrade(url, "0004")
    engine = make_engine(url)
    with engine.begin() as conn:
        _seed(conn)
        conn.execute(
            sa.text(
                "INSERT INTO api_tokens (id, owner_id, name, token_hash, scopes, created_at) "
                "VALUES (1, 1, 'feed', :h, 'read', CURRENT_TIMESTAMP)"
            ),
            {"h": "f" * 64},
        )
    engine.dispose()
    upgrade(url, "0005")
    engine = make_engine(url)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT session_epoch FROM users")).scalar_one() == 0
        expires = conn.execute(sa.text("SELECT expires_at FROM api_tokens")).scalar_one()
        assert expires is not None
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO api_tokens (id, owner_id, name, token_hash, scopes, created_at) "
                "VALUES (2, 1, 'no expiry', :h, 'read', CURRENT_TIMESTAMP)"
            ),
            {"h": "e" * 64},
        )
    engine.dispose()
    downgrade(url, "0004")
    counts = _counts(url)
    assert counts["users"] == 1 and counts["api_tokens"] == 1
    engine = make_engine(url)
    columns = {c["name"] for c in sa.inspect(engine).get_columns("api_tokens")}
    engine.dispose()
    assert "expires_at" not in columns


def test_lookalike_keys_migration_keeps_existing_lookalikes_usable(
    databases: DatabaseFactory,
) -> None:
    """0006 up: keys computed; existing look-alikes stay (the later one's key is made distinct)."""
    url = databases.empty()
    upgrade(url, "0005")
    engine = make_engine(url)
    with engine.begin() as conn:
        for uid, email, name in (
            (1, "jan@example.org", "Jan"),
            (2, "j\u0430n@example.org", "JAN"),
            (3, "piet@example.org", "Piet"),
        ):
            conn.execute(
                sa.text(
                    "INSERT INTO users (id, email, name, role, password_hash, active, "
                    "failed_logins, created_at) VALUES (:id, :e, :n, 'editor', 'x', true, 0, "
                    "CURRENT_TIMESTAMP)"
                ),
                {"id": uid, "e": email, "n": name},
            )
    engine.dispose()
    upgrade(url, "0006")
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT id, email_key, name_key FROM users ORDER BY id")).all()
    assert rows[0][1:] == ("jan@example.org", "jan")
    assert rows[1][1:] == ("jan@example.org\x012", "jan\x012")
    assert rows[2][1:] == ("piet@example.org", "piet")
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(sa.text("UPDATE users SET name_key = 'jan' WHERE id = 3"))
    engine.dispose()
    downgrade(url, "0005")
    assert _counts(url)["users"] == 3


def test_article_duplicate_key_migration_keeps_old_duplicates(databases: DatabaseFactory) -> None:
    """0007 up: the oldest copy of a text gets the unique key, later copies stay (key NULL), a
    new copy is refused by the database; down: the column goes, every article stays."""
    url = databases.empty()
    upgrade(url, "0006")
    engine = make_engine(url)
    insert = sa.text(
        "INSERT INTO articles (id, title, language, body, body_sha256, ingested_at) "
        "VALUES (:id, 't', 'nl', :body, :sha, CURRENT_TIMESTAMP)"
    )
    with engine.begin() as conn:
        for aid, body, sha in ((1, "tekst een", "a" * 64), (2, "tekst twee", "b" * 64)):
            conn.execute(insert, {"id": aid, "body": body, "sha": sha})
        conn.execute(insert, {"id": 3, "body": "tekst een", "sha": "a" * 64})
    engine.dispose()
    upgrade(url, "0007")
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT id, duplicate_key FROM articles ORDER BY id")).all()
    assert rows == [(1, "a" * 64), (2, "b" * 64), (3, None)]
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO articles (id, title, language, body, body_sha256, duplicate_key, "
                "ingested_at) VALUES (4, 't', 'nl', 'tekst twee', :sha, :sha, CURRENT_TIMESTAMP)"
            ),
            {"sha": "b" * 64},
        )
    engine.dispose()
    downgrade(url, "0006")
    assert _counts(url)["articles"] == 3
    engine = make_engine(url)
    columns = {c["name"] for c in sa.inspect(engine).get_columns("articles")}
    engine.dispose()
    assert "duplicate_key" not in columns
    upgrade(url, "head")
