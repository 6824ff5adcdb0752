"""Each migration up and down with data, and its downgrade restoring the schema it upgraded from.

After SecureDrop's tests/test_alembic.py: every revision has a `RevisionChecks` subclass that
seeds rows at the revision before and checks them after the upgrade, then seeds rows at the
revision and checks them after the downgrade. Whatever a revision does not check itself, the
base class does: every row survives both ways in the columns both schemas share, and the schema
after the downgrade (tables, columns, types, defaults, keys, indexes, constraints, triggers)
equals the schema before the upgrade. Runs on SQLite, and on PostgreSQL when the suite runs with
TRACKER_TEST_DATABASE=postgres.

A new migration gets a subclass with its `revision` and a `@checks` decorator; until it has one,
the base checks run for it and `test_every_revision_has_its_own_checks` fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError, IntegrityError

from tests.conftest import DatabaseFactory
from tests.migrations.test_alembic import SAMPLE_BODY, _seed, _source_status_rows
from tracker.db import make_engine
from tracker.migrate import downgrade, revisions, upgrade
from tracker.services.lookalikes import skeleton

REVISIONS = revisions("sqlite://")
PREVIOUS = dict(zip(REVISIONS, ["base", *REVISIONS[:-1]], strict=True))

Rows = dict[str, dict[tuple[Any, ...], dict[str, Any]]]
Schema = dict[str, Any]


@contextmanager
def connect(url: str) -> Iterator[sa.Connection]:
    """A connection in a transaction that commits; the engine is disposed afterwards."""
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            yield conn
    finally:
        engine.dispose()


def _tables(conn: sa.Connection) -> list[str]:
    return sorted(n for n in sa.inspect(conn).get_table_names() if n != "alembic_version")


def rows(conn: sa.Connection) -> Rows:
    """Every row of every table, by primary key."""
    inspector = sa.inspect(conn)
    out: Rows = {}
    for table in _tables(conn):
        pk = inspector.get_pk_constraint(table)["constrained_columns"]
        t = sa.Table(table, sa.MetaData(), autoload_with=conn)
        out[table] = {
            tuple(r[c] for c in pk): dict(r) for r in conn.execute(sa.select(t)).mappings().all()
        }
    return out


def _same_rows(old: Rows, new: Rows, tables: set[str]) -> None:
    """Each row of `old` in `tables` is in `new` with the same values in the columns both have."""
    for table in sorted(tables):
        assert set(new[table]) == set(old[table]), table
        for key, row in old[table].items():
            shared = row.keys() & new[table][key].keys()
            assert {c: new[table][key][c] for c in shared} == {c: row[c] for c in shared}, (
                table,
                key,
            )


def _sql(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def schema(conn: sa.Connection) -> Schema:
    """What a migration may change: tables with their columns, keys, indexes and constraints;
    views; triggers (and on PostgreSQL the functions they call)."""
    inspector = sa.inspect(conn)
    out: Schema = {"views": sorted(inspector.get_view_names())}
    for table in _tables(conn):
        out[table] = {
            "columns": [
                (c["name"], str(c["type"]), c["nullable"], _sql(c.get("default")))
                for c in inspector.get_columns(table)
            ],
            "pk": inspector.get_pk_constraint(table)["constrained_columns"],
            "fks": sorted(
                (
                    fk["name"] or "",
                    tuple(fk["constrained_columns"]),
                    fk["referred_table"],
                    tuple(fk["referred_columns"]),
                    tuple(sorted((fk.get("options") or {}).items())),
                )
                for fk in inspector.get_foreign_keys(table)
            ),
            "indexes": sorted(
                (i["name"] or "", tuple(str(c) for c in i["column_names"]), bool(i["unique"]))
                for i in inspector.get_indexes(table)
            ),
            "uniques": sorted(
                (u["name"] or "", tuple(u["column_names"]))
                for u in inspector.get_unique_constraints(table)
            ),
            "checks": sorted(
                (c["name"] or "", _sql(c["sqltext"]))
                for c in inspector.get_check_constraints(table)
            ),
        }
    if conn.dialect.name == "sqlite":
        found = conn.exec_driver_sql(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"
        ).all()
        out["triggers"] = sorted((name, table, _sql(sql)) for name, table, sql in found)
    else:
        found = conn.exec_driver_sql(
            "SELECT tgname, tgrelid::regclass::text, pg_get_triggerdef(oid) FROM pg_trigger "
            "WHERE NOT tgisinternal"
        ).all()
        out["triggers"] = sorted((name, table, _sql(sql)) for name, table, sql in found)
        functions = conn.exec_driver_sql(
            "SELECT p.proname, p.prosrc FROM pg_proc p JOIN pg_namespace n "
            "ON n.oid = p.pronamespace WHERE n.nspname = current_schema()"
        ).all()
        out["functions"] = sorted((name, _sql(src)) for name, src in functions)
    return out


def _columns(conn: sa.Connection, table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(conn).get_columns(table)}


def seed_common(conn: sa.Connection) -> None:
    """One row in each table of the first revision (the later columns filled where present)."""
    _seed(conn)
    conn.execute(
        sa.text(
            "INSERT INTO claim_clusters (id, label, created_at) "
            "VALUES (1, 'dijken', CURRENT_TIMESTAMP)"
        )
    )
    conn.execute(sa.text("UPDATE claims SET cluster_id = 1 WHERE id = 1"))
    users = _columns(conn, "users")
    if "email_key" in users:
        conn.execute(
            sa.text("UPDATE users SET email_key = :e, name_key = :n WHERE id = 1"),
            {"e": skeleton("a@example.org"), "n": skeleton("A")},
        )
    token: dict[str, Any] = {"h": "f" * 64, "x": None}
    columns = "id, owner_id, name, token_hash, scopes, created_at"
    values = "1, 1, 'feed', :h, 'read', CURRENT_TIMESTAMP"
    if "expires_at" in _columns(conn, "api_tokens"):
        columns += ", expires_at"
        values += ", :x"
        token["x"] = datetime(2030, 1, 1, tzinfo=UTC)
    conn.execute(sa.text(f"INSERT INTO api_tokens ({columns}) VALUES ({values})"), token)


class RevisionChecks:
    """The data checks of one revision; the defaults suit a revision that only adds things."""

    revision: ClassVar[str] = ""

    def seed_before(self, conn: sa.Connection) -> None:
        """Rows at the revision before this one."""
        if PREVIOUS[self.revision] != "base":
            seed_common(conn)

    def check_upgraded(self, conn: sa.Connection, before: Rows) -> None:
        """After the upgrade: every seeded row is still there with the same values."""
        _same_rows(before, rows(conn), set(before))

    def seed_at(self, conn: sa.Connection) -> None:
        """Rows at this revision."""
        seed_common(conn)

    def check_downgraded(self, conn: sa.Connection, before: Rows) -> None:
        """After the downgrade: every row of the tables that remain is still there."""
        after = rows(conn)
        _same_rows(before, after, set(before) & set(after))


CHECKS: dict[str, RevisionChecks] = {}


def checks(cls: type[RevisionChecks]) -> type[RevisionChecks]:
    """Register a revision's checks."""
    assert cls.revision in REVISIONS, f"no migration {cls.revision}"
    CHECKS[cls.revision] = cls()
    return cls


@checks
class InitialSchema(RevisionChecks):
    """0001 creates every table: it takes data in and gives it back before they are dropped."""

    revision = "0001"

    def check_upgraded(self, conn: sa.Connection, before: Rows) -> None:
        assert before == {}
        assert all(not table for table in rows(conn).values())
        seed_common(conn)  # every table takes a row
        assert all(len(table) == 1 for table in rows(conn).values())
        claim = conn.execute(sa.text("SELECT text, status FROM claims")).one()
        assert tuple(claim) == (SAMPLE_BODY, "unsourced")

    def check_downgraded(self, conn: sa.Connection, before: Rows) -> None:
        assert set(before) == {t for t, table in before.items() if table}
        assert _tables(conn) == []


@checks
class QueueSortIndexes(RevisionChecks):
    """0002 only changes indexes on claims: the queue's order is the same before and after."""

    revision = "0002"
    QUEUE = "SELECT id FROM claims WHERE status = 'unsourced' ORDER BY score DESC, id"

    def check_upgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_upgraded(conn, before)
        assert conn.execute(sa.text(self.QUEUE)).scalars().all() == [1]
        indexes = {i["name"]: i["column_names"] for i in sa.inspect(conn).get_indexes("claims")}
        assert indexes["ix_claims_status_score"] == ["status", "score", "id"]
        assert indexes["ix_claims_assignee_score"] == ["assignee_id", "score", "id"]

    def check_downgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_downgraded(conn, before)
        assert conn.execute(sa.text(self.QUEUE)).scalars().all() == [1]


@checks
class SourceStatusAndScope(RevisionChecks):
    """0003: sources get a status from what people did with them, and an optional article."""

    revision = "0003"

    def seed_before(self, conn: sa.Connection) -> None:
        seed_common(conn)
        _source_status_rows(conn)

    def check_upgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_upgraded(conn, before)
        status = {i: s for i, s in conn.execute(sa.text("SELECT id, status FROM sources"))}
        # 1 is an article's outlet; 2 cited in two articles; 3 in a confirmed hop; 4 made by a
        # person (audited with an actor); 5 cited once by the extractor.
        assert status == {
            1: "confirmed",
            2: "confirmed",
            3: "confirmed",
            4: "confirmed",
            5: "proposed",
        }
        scoped = conn.execute(sa.text("SELECT count(*) FROM sources WHERE article_id IS NOT NULL"))
        assert scoped.scalar_one() == 0

    def seed_at(self, conn: sa.Connection) -> None:
        seed_common(conn)
        conn.execute(
            sa.text(
                "INSERT INTO sources (id, name, name_key, kind, description, created_at, status, "
                "article_id) VALUES (2, 'een woordvoerder', 'een woordvoerder', 'person', '', "
                "CURRENT_TIMESTAMP, 'proposed', 1)"
            )
        )
        conn.execute(sa.text("UPDATE attributions SET source_id = 2 WHERE id = 1"))

    def check_downgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_downgraded(conn, before)  # the article's own source stays, unscoped
        assert {"status", "article_id"}.isdisjoint(_columns(conn, "sources"))
        hop = conn.execute(sa.text("SELECT source_id FROM attributions WHERE id = 1"))
        assert hop.scalar_one() == 2
        if conn.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []


@checks
class AuditRefusesReplace(RevisionChecks):
    """0004: on SQLite an INSERT OR REPLACE can no longer overwrite an audit event."""

    revision = "0004"
    REPLACE = {
        "sqlite": "INSERT OR REPLACE INTO audit_events (id, at, action, entity_type, entity_id, "
        "prev_hash, hash) VALUES (1, CURRENT_TIMESTAMP, 'forged', 'claim', 1, :p, :h)",
        "postgresql": "INSERT INTO audit_events (id, at, action, entity_type, entity_id, "
        "prev_hash, hash) VALUES (1, CURRENT_TIMESTAMP, 'forged', 'claim', 1, :p, :h) "
        "ON CONFLICT (id) DO UPDATE SET action = EXCLUDED.action",
    }
    NEXT = (
        "INSERT INTO audit_events (id, at, action, entity_type, entity_id, prev_hash, hash) "
        "VALUES (:id, CURRENT_TIMESTAMP, 'next', 'claim', 1, :p, :h)"
    )

    def check_upgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_upgraded(conn, before)
        with pytest.raises(DBAPIError, match="append-only"), conn.begin_nested():
            conn.execute(sa.text(self.REPLACE[conn.dialect.name]), {"p": "2" * 64, "h": "3" * 64})
        conn.execute(sa.text(self.NEXT), {"id": 2, "p": "1" * 64, "h": "4" * 64})
        actions = conn.execute(sa.text("SELECT action FROM audit_events ORDER BY id")).scalars()
        assert list(actions) == ["test", "next"]

    def check_downgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_downgraded(conn, before)
        conn.execute(sa.text(self.NEXT), {"id": 2, "p": "1" * 64, "h": "4" * 64})
        assert len(rows(conn)["audit_events"]) == 2


@checks
class SessionEpochTokenExpiry(RevisionChecks):
    """0005: users get session epoch 0; tokens that never expired get 90 days from the upgrade."""

    revision = "0005"

    def check_upgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_upgraded(conn, before)
        assert conn.execute(sa.text("SELECT session_epoch FROM users")).scalar_one() == 0
        expires = conn.execute(sa.text("SELECT expires_at FROM api_tokens")).scalar_one()
        if isinstance(expires, str):  # SQLite
            expires = datetime.fromisoformat(expires)
        if expires.tzinfo is None:
            expires = expires.replace(tzinfo=UTC)
        in_days = (expires - datetime.now(UTC)) / timedelta(days=1)
        assert 89 < in_days <= 90
        with pytest.raises(IntegrityError), conn.begin_nested():
            conn.execute(
                sa.text(
                    "INSERT INTO api_tokens (id, owner_id, name, token_hash, scopes, created_at) "
                    "VALUES (2, 1, 'no expiry', :h, 'read', CURRENT_TIMESTAMP)"
                ),
                {"h": "e" * 64},
            )

    def seed_at(self, conn: sa.Connection) -> None:
        seed_common(conn)
        conn.execute(sa.text("UPDATE users SET session_epoch = 3"))

    def check_downgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_downgraded(conn, before)
        assert "session_epoch" not in _columns(conn, "users")
        assert "expires_at" not in _columns(conn, "api_tokens")


LOOKALIKES = ((2, "j\u0430n@example.org", "JAN"), (3, "jan@example.org", "Jan"))


@checks
class UserLookalikeKeys(RevisionChecks):
    """0006: users get look-alike keys; the later of two look-alikes a distinct one."""

    revision = "0006"

    def seed_before(self, conn: sa.Connection) -> None:
        seed_common(conn)
        for uid, email, name in LOOKALIKES:
            conn.execute(
                sa.text(
                    "INSERT INTO users (id, email, name, role, password_hash, active, "
                    "failed_logins, created_at) VALUES (:id, :e, :n, 'editor', 'x', true, 0, "
                    "CURRENT_TIMESTAMP)"
                ),
                {"id": uid, "e": email, "n": name},
            )

    def check_upgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_upgraded(conn, before)
        keys = conn.execute(sa.text("SELECT id, email_key, name_key FROM users ORDER BY id"))
        assert [tuple(r) for r in keys] == [
            (1, "a@example.org", "a"),
            (2, "jan@example.org", "jan"),
            (3, "jan@example.org\x013", "jan\x013"),
        ]
        with pytest.raises(IntegrityError), conn.begin_nested():
            conn.execute(sa.text("UPDATE users SET name_key = 'jan' WHERE id = 1"))

    def seed_at(self, conn: sa.Connection) -> None:
        self.seed_before(conn)
        for uid, email, name in LOOKALIKES:
            suffix = "" if uid == 2 else f"\x01{uid}"
            conn.execute(
                sa.text("UPDATE users SET email_key = :e, name_key = :n WHERE id = :id"),
                {"id": uid, "e": skeleton(email) + suffix, "n": skeleton(name) + suffix},
            )

    def check_downgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_downgraded(conn, before)
        assert {"email_key", "name_key"}.isdisjoint(_columns(conn, "users"))
        assert len(rows(conn)["users"]) == 3


def _copy_article(conn: sa.Connection, article_id: int) -> None:
    """A second article with the text of article 1 (what the ingest race stored)."""
    conn.execute(
        sa.text(
            "INSERT INTO articles (id, title, outlet_id, language, body, body_sha256, "
            "ingested_at) SELECT :id, title, outlet_id, language, body, body_sha256, "
            "ingested_at FROM articles WHERE id = 1"
        ),
        {"id": article_id},
    )


@checks
class ArticleDuplicateKey(RevisionChecks):
    """0007: the oldest copy of a text gets the unique duplicate key, later copies keep NULL."""

    revision = "0007"

    def seed_before(self, conn: sa.Connection) -> None:
        seed_common(conn)
        _copy_article(conn, 2)

    def check_upgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_upgraded(conn, before)
        keys = conn.execute(sa.text("SELECT id, duplicate_key FROM articles ORDER BY id"))
        assert [tuple(r) for r in keys] == [(1, "a" * 64), (2, None)]
        with pytest.raises(IntegrityError), conn.begin_nested():
            conn.execute(
                sa.text("UPDATE articles SET duplicate_key = :k WHERE id = 2"), {"k": "a" * 64}
            )

    def seed_at(self, conn: sa.Connection) -> None:
        seed_common(conn)
        conn.execute(sa.text("UPDATE articles SET duplicate_key = body_sha256 WHERE id = 1"))
        _copy_article(conn, 2)

    def check_downgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_downgraded(conn, before)
        assert "duplicate_key" not in _columns(conn, "articles")
        assert len(rows(conn)["articles"]) == 2


@checks
class LoginCounters(RevisionChecks):
    """0008: the failed-login counters' table comes and goes with its rows."""

    revision = "0008"
    ROW = "INSERT INTO login_counters (scope, key, period, window_start, count) VALUES "

    def check_upgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_upgraded(conn, before)
        conn.execute(sa.text(self.ROW + "('address', '192.0.2.1', 60, 1000, 3)"))
        with pytest.raises(IntegrityError), conn.begin_nested():
            conn.execute(sa.text(self.ROW + "('address', '192.0.2.1', 60, 1001, 1)"))
        assert conn.execute(sa.text("SELECT count FROM login_counters")).scalar_one() == 3

    def seed_at(self, conn: sa.Connection) -> None:
        seed_common(conn)
        conn.execute(sa.text(self.ROW + "('account', 'x@example.org', 300, 1000, 5)"))

    def check_downgraded(self, conn: sa.Connection, before: Rows) -> None:
        assert len(before["login_counters"]) == 1
        before = {t: r for t, r in before.items() if t != "login_counters"}
        super().check_downgraded(conn, before)
        assert "login_counters" not in _tables(conn)


@checks
class DismissWithdraw(RevisionChecks):
    """0009: claims can be dismissed, articles withdrawn; existing rows are neither."""

    revision = "0009"

    def check_upgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_upgraded(conn, before)
        claim = conn.execute(sa.text("SELECT dismissed_reason, dismissed_at FROM claims")).one()
        article = conn.execute(sa.text("SELECT withdrawn_at, withdrawn_reason FROM articles")).one()
        assert tuple(claim) == (None, None) and tuple(article) == (None, None)

    def seed_at(self, conn: sa.Connection) -> None:
        seed_common(conn)
        at = datetime(2026, 11, 29, 15, 0, tzinfo=UTC)
        conn.execute(
            sa.text("UPDATE claims SET dismissed_reason = 'duplicate', dismissed_at = :at"),
            {"at": at},
        )
        conn.execute(
            sa.text("UPDATE articles SET withdrawn_at = :at, withdrawn_reason = 'rectificatie'"),
            {"at": at},
        )

    def check_downgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_downgraded(conn, before)
        assert not {"dismissed_reason", "dismissed_at"} & _columns(conn, "claims")
        assert not {"withdrawn_at", "withdrawn_reason"} & _columns(conn, "articles")
        assert len(rows(conn)["claims"]) == len(before["claims"]) == 1


def _found(conn: sa.Connection, kind: str, word: str) -> list[int]:
    """Ids of the `kind` rows whose index entry holds the term `word` in any stream."""
    table = f"{kind}_search"
    if conn.dialect.name == "sqlite":
        sql = f"SELECT rowid FROM {table} WHERE {table} MATCH :q ORDER BY rowid"
        return list(conn.execute(sa.text(sql), {"q": f'"{word}"'}).scalars())
    sql = f"SELECT {kind}_id FROM {table} WHERE terms @@ to_tsquery('simple', :q) ORDER BY 1"
    return list(conn.execute(sa.text(sql), {"q": f"'{word}'"}).scalars())


@checks
class SearchIndex(RevisionChecks):
    """0010: the index is built for the rows already there (stems and numbers in one notation);
    the downgrade drops it and nothing else."""

    revision = "0010"

    def check_upgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_upgraded(conn, before)
        # SAMPLE_BODY: "... 2,5 miljard euro uit voor de dijken." rationale "geen bron"
        assert _found(conn, "claim", "dijk") == [1]  # Dutch stem of "dijken"
        assert _found(conn, "claim", "2500000000") == [1]  # "2,5 miljard" by its value
        assert _found(conn, "claim", "bron") == [1]  # the rationale
        assert _found(conn, "article", "dijken") == [1]  # the title, raw
        assert _found(conn, "source", "dk") == [1]  # the alias
        assert _found(conn, "claim", "krant") == []

    def check_downgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_downgraded(conn, before)
        assert not any(t.endswith("_search") or "_search_" in t for t in _tables(conn))
        assert len(rows(conn)["claims"]) == 1


@checks
class ClaimMatches(RevisionChecks):
    """0011: a new table of matches between claims; the downgrade drops it, nothing else."""

    revision = "0011"
    INSERT = (
        "INSERT INTO claim_matches (id, claim_id, earlier_id, score, status, created_at) "
        "VALUES (:id, 1, :earlier, 0.9, :status, CURRENT_TIMESTAMP)"
    )

    def check_upgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_upgraded(conn, before)
        assert rows(conn)["claim_matches"] == {}
        with pytest.raises(IntegrityError), conn.begin_nested():  # a claim repeats not itself
            conn.execute(sa.text(self.INSERT), {"id": 1, "earlier": 1, "status": "proposed"})

    def seed_at(self, conn: sa.Connection) -> None:
        seed_common(conn)
        _copy_article(conn, 2)
        conn.execute(
            sa.text(
                'INSERT INTO claims (id, article_id, start, "end", exact, prefix, suffix, text, '
                "checkworthy, score, status, rationale, version, origin, orphaned, created_at, "
                'updated_at) SELECT 2, 2, start, "end", exact, prefix, suffix, text, '
                "checkworthy, score, status, rationale, version, origin, orphaned, created_at, "
                "updated_at FROM claims WHERE id = 1"
            )
        )
        conn.execute(sa.text(self.INSERT), {"id": 1, "earlier": 2, "status": "rejected"})

    def check_downgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_downgraded(conn, before)
        assert "claim_matches" not in _tables(conn)
        assert len(rows(conn)["claims"]) == 2


@checks
class WithdrawnIndex(RevisionChecks):
    """0012: an index of the withdrawn articles; rows unchanged."""

    revision = "0012"

    def check_upgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_upgraded(conn, before)
        names = {i["name"] for i in sa.inspect(conn).get_indexes("articles")}
        assert "ix_articles_withdrawn" in names

    def check_downgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_downgraded(conn, before)
        names = {i["name"] for i in sa.inspect(conn).get_indexes("articles")}
        assert "ix_articles_withdrawn" not in names


@checks
class Comments(RevisionChecks):
    """0013: two new tables, comments and their mentions; the downgrade drops them."""

    revision = "0013"

    def check_upgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_upgraded(conn, before)
        assert rows(conn)["comments"] == {} and rows(conn)["mentions"] == {}
        with pytest.raises(IntegrityError), conn.begin_nested():  # an empty comment
            conn.execute(
                sa.text(
                    "INSERT INTO comments (id, claim_id, author_id, body, created_at) "
                    "VALUES (1, 1, 1, '', CURRENT_TIMESTAMP)"
                )
            )

    def seed_at(self, conn: sa.Connection) -> None:
        seed_common(conn)
        conn.execute(
            sa.text(
                "INSERT INTO comments (id, claim_id, author_id, body, created_at) "
                "VALUES (1, 1, 1, 'Bron? @A', CURRENT_TIMESTAMP)"
            )
        )
        conn.execute(sa.text("INSERT INTO mentions (comment_id, user_id) VALUES (1, 1)"))

    def check_downgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_downgraded(conn, before)
        assert not {"comments", "mentions"} & set(_tables(conn))
        assert len(rows(conn)["claims"]) == 1


@checks
class PanelClaimReviewed(RevisionChecks):
    """0015: a claim's claimReviewed; existing claims have none, the downgrade drops it."""

    revision = "0015"

    def check_upgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_upgraded(conn, before)
        assert conn.execute(sa.text("SELECT claim_reviewed FROM claims")).scalar_one() is None

    def seed_at(self, conn: sa.Connection) -> None:
        seed_common(conn)
        conn.execute(sa.text("UPDATE claims SET claim_reviewed = 'De dijk is te laag'"))

    def check_downgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_downgraded(conn, before)
        assert "claim_reviewed" not in _columns(conn, "claims")
        assert len(rows(conn)["claims"]) == len(before["claims"]) == 1


def _article_indexes(conn: sa.Connection) -> set[str]:
    """The articles table's index names, expression indexes too (which SQLite's reflection
    leaves out)."""
    query = (
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'articles'"
        if conn.dialect.name == "sqlite"
        else "SELECT indexname FROM pg_indexes WHERE tablename = 'articles'"
    )
    return set(conn.execute(sa.text(query)).scalars())


@checks
class BodyLengthIndex(RevisionChecks):
    """0016: an index of the articles' lengths (near-duplicate check); rows unchanged."""

    revision = "0016"

    def check_upgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_upgraded(conn, before)
        assert "ix_articles_body_length" in _article_indexes(conn)
        plan = " ".join(
            str(row)
            for row in conn.execute(
                sa.text(
                    ("EXPLAIN QUERY PLAN " if conn.dialect.name == "sqlite" else "EXPLAIN ")
                    + "SELECT id FROM articles WHERE length(body) BETWEEN 10 AND 20"
                )
            )
        )
        if conn.dialect.name == "sqlite":  # PostgreSQL may prefer a scan of a tiny table
            assert "ix_articles_body_length" in plan

    def check_downgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_downgraded(conn, before)
        assert "ix_articles_body_length" not in _article_indexes(conn)


def _checks(revision: str) -> RevisionChecks:
    found = CHECKS.get(revision)
    if found is not None:
        return found
    # A revision without its own checks yet gets the base class's (rows survive, schema restored).
    fallback: type[RevisionChecks] = type(
        f"Checks{revision}", (RevisionChecks,), {"revision": revision}
    )
    return fallback()


def test_every_revision_has_its_own_checks() -> None:
    missing = [r for r in REVISIONS if r not in CHECKS]
    assert not missing, f"add a RevisionChecks subclass in {__name__} for {missing}"


@pytest.mark.parametrize("revision", REVISIONS)
def test_upgrade_with_data(databases: DatabaseFactory, revision: str) -> None:
    check = _checks(revision)
    url = databases.empty()
    upgrade(url, PREVIOUS[revision])
    with connect(url) as conn:
        check.seed_before(conn)
        before = rows(conn)
    upgrade(url, revision)
    with connect(url) as conn:
        check.check_upgraded(conn, before)


@pytest.mark.parametrize("revision", REVISIONS)
def test_downgrade_with_data_restores_the_schema(databases: DatabaseFactory, revision: str) -> None:
    check = _checks(revision)
    url = databases.empty()
    upgrade(url, PREVIOUS[revision])
    with connect(url) as conn:
        schema_before = schema(conn)
    upgrade(url, revision)
    with connect(url) as conn:
        check.seed_at(conn)
        before = rows(conn)
    downgrade(url, PREVIOUS[revision])
    with connect(url) as conn:
        check.check_downgraded(conn, before)
        assert schema(conn) == schema_before


@checks
class ClaimCounts(RevisionChecks):
    """0014 (pages): counts of the claims in review, filled from the claims; an index of the
    hops by source and claim; the downgrade drops both tables and the index."""

    revision = "0014"

    def seed_before(self, conn: sa.Connection) -> None:
        seed_common(conn)
        _copy_article(conn, 2)
        conn.execute(
            sa.text(
                'INSERT INTO claims (id, article_id, start, "end", exact, prefix, suffix, text, '
                "checkworthy, score, status, rationale, version, origin, orphaned, created_at, "
                'updated_at, assignee_id) SELECT 2, 2, start, "end", exact, prefix, suffix, '
                "text, checkworthy, score, 'disputed', rationale, version, origin, orphaned, "
                "created_at, updated_at, 1 FROM claims WHERE id = 1"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO attributions (id, claim_id, position, kind, source_id, cue_text, "
                "implicit, confirmed) SELECT 2, 2, 0, 'reported', min(id), 'zei', false, false "
                "FROM sources"
            )
        )
        conn.execute(sa.text("UPDATE claims SET dismissed_reason = 'duplicate' WHERE id = 1"))

    def check_upgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_upgraded(conn, before)
        counted = conn.execute(
            sa.text("SELECT claim_id, status, assignee_id FROM counted_claims")
        ).all()
        assert [tuple(r) for r in counted] == [(2, "disputed", 1)]  # claim 1 is dismissed
        sums = {
            (scope, key, status): n
            for scope, key, status, n in conn.execute(sa.text("SELECT * FROM claim_counts"))
        }
        assert sums[("all", 0, "disputed")] == 1 and sums[("assignee", 1, "disputed")] == 1
        assert not any(k[2] == "unreviewed" for k in sums)
        source = conn.scalar(sa.text("SELECT source_id FROM attributions WHERE id = 2"))
        assert source is not None and sums[("source", source, "disputed")] == 1
        names = {i["name"] for i in sa.inspect(conn).get_indexes("attributions")}
        assert "ix_attributions_source_claim" in names

    def seed_at(self, conn: sa.Connection) -> None:
        seed_common(conn)
        conn.execute(
            sa.text(
                "INSERT INTO counted_claims (claim_id, status, source_id, assignee_id) "
                "VALUES (1, 'unreviewed', NULL, NULL)"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO claim_counts (scope, key, status, n) "
                "VALUES ('all', 0, 'unreviewed', 1)"
            )
        )

    def check_downgraded(self, conn: sa.Connection, before: Rows) -> None:
        super().check_downgraded(conn, before)
        assert not {"claim_counts", "counted_claims"} & set(_tables(conn))
        names = {i["name"] for i in sa.inspect(conn).get_indexes("attributions")}
        assert "ix_attributions_source_claim" not in names
