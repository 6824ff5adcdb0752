"""The `tracker` command: database, users, ingest (and its error paths), demo, audit, extract."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import func, select

from tests.conftest import DatabaseFactory
from tracker.cli import main
from tracker.db import make_engine, make_session_factory
from tracker.models import Article, AuditEvent

NL = (
    "De gemeente bouwt volgens de wethouder 300 woningen. Het project zou 40 miljoen euro kosten.\n"
)
EN = "The council will build 300 homes, the mayor said. The project reportedly costs $40 million.\n"


Invoke = Callable[..., Result]


@pytest.fixture
def run(database_url: str) -> Invoke:
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(main, list(args), env={"TRACKER_DATABASE_URL": database_url})

    return invoke


def _articles(url: str) -> int:
    engine = make_engine(url)
    with make_session_factory(engine)() as s:
        n = s.scalar(select(func.count(Article.id))) or 0
    engine.dispose()
    return n


def test_db_commands_on_an_empty_database(databases: DatabaseFactory) -> None:
    url = databases.empty()
    runner = CliRunner()
    env = {"TRACKER_DATABASE_URL": url}
    assert "current: none" in runner.invoke(main, ["db", "current"], env=env).output
    assert runner.invoke(main, ["db", "upgrade"], env=env).exit_code == 0
    assert "up to date" in runner.invoke(main, ["db", "current"], env=env).output
    assert runner.invoke(main, ["db", "downgrade", "base"], env=env).exit_code == 0


def test_user_commands(run: Invoke) -> None:
    ok = run(
        "user",
        "create",
        "--email",
        "Ann@Example.org",
        "--name",
        "Ann",
        "--role",
        "editor",
        "--password",
        "long enough pw",
    )
    assert ok.exit_code == 0, ok.output
    assert "ann@example.org" in run("user", "list").output
    assert run("user", "set-role", "ann@example.org", "admin").exit_code == 0
    assert "\tadmin\t" in run("user", "list").output
    dup = run(
        "user",
        "create",
        "--email",
        "ann@example.org",
        "--name",
        "Ann",
        "--password",
        "long enough pw",
    )
    assert dup.exit_code == 1 and "exists already" in dup.output
    missing = run("user", "set-role", "nobody@example.org", "editor")
    assert missing.exit_code == 1 and "no user" in missing.output


def test_ingest_text_files(run: Invoke, tmp_path: Path, database_url: str) -> None:
    nl = tmp_path / "woningen.txt"
    nl.write_text(NL, encoding="utf-8")
    result = run(
        "ingest",
        str(nl),
        "--title",
        "Woningen",
        "--outlet",
        "De Ochtendpost",
        "--published",
        "2024-05",
        "--lang",
        "nl",
    )
    assert result.exit_code == 0, result.output
    assert "Woningen" in result.output and "ingested 1 article(s)" in result.output
    again = run("ingest", str(nl))
    assert again.exit_code == 0 and "1 duplicate(s) skipped" in again.output
    assert _articles(database_url) == 1


def test_ingest_jsonl_bulk(run: Invoke, tmp_path: Path, database_url: str) -> None:
    path = tmp_path / "bulk.jsonl"
    rows = [
        {"body": NL, "title": "Woningen", "language": "nl"},
        {"body": EN, "outlet": "The Daily Ledger"},
    ]
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n", encoding="utf-8"
    )
    result = run("ingest", "--jsonl", str(path))
    assert result.exit_code == 0, result.output
    assert "ingested 2 article(s)" in result.output
    assert _articles(database_url) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("Caf\u00e9 in Zürich".encode("latin-1"), "not UTF-8"),
    ],
)
def test_ingest_refuses_bad_files_and_writes_nothing(
    run: Invoke, tmp_path: Path, database_url: str, content: bytes, message: str
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(NL, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run("ingest", str(good), str(bad))
    assert result.exit_code == 1
    assert message in result.output and len(result.output.strip().splitlines()) == 1
    assert _articles(database_url) == 0


def test_ingest_missing_file_and_directory(run: Invoke, tmp_path: Path) -> None:
    assert "no such file" in run("ingest", str(tmp_path / "nope.txt")).output
    assert "is a directory" in run("ingest", str(tmp_path)).output


@pytest.mark.parametrize(
    ("lines", "message", "stored"),
    [
        ('{"body": "Een zin."}\n{"body": "Nog een",\n', "bulk.jsonl:2: malformed JSON", 1),
        ('{"body": "Een zin."}\n\n["lijst"]\n', "bulk.jsonl:3: expected a JSON object", 1),
        ('{"text": "Een zin."}\n', "bulk.jsonl:1: unknown field(s) text", 0),
        ('{"body": 12}\n', "bulk.jsonl:1: 'body' must be", 0),
        ('{"body": "  "}\n', "bulk.jsonl:1: the article is empty", 0),
        ('{"body": "Een zin.", "published": "gisteren"}\n', "publication date", 0),
    ],
)
def test_ingest_jsonl_reports_a_bad_line_skips_it_and_exits_1(
    run: Invoke, tmp_path: Path, database_url: str, lines: str, message: str, stored: int
) -> None:
    path = tmp_path / "bulk.jsonl"
    path.write_text(lines, encoding="utf-8")
    result = run("ingest", "--jsonl", str(path))
    assert result.exit_code == 1
    assert message in result.output and "1 bad line(s) skipped" in result.output
    assert _articles(database_url) == stored


def test_demo_twice_and_audit_verify(
    run: Invoke, database_url: str, audit_key_outside_the_database: Path
) -> None:
    upgraded = run("db", "upgrade")  # anchors the (empty) audit log
    assert upgraded.exit_code == 0 and "audit log anchored" in upgraded.output
    assert len(list(audit_key_outside_the_database.glob("checkpoint-*.json"))) == 1
    assert "anchored" not in run("db", "upgrade").output  # once
    first = run("demo")
    assert first.exit_code == 0 and "loaded" in first.output
    assert "factchecker@example.org" in first.output
    second = run("demo")
    assert "already there" in second.output
    assert _articles(database_url) == 1
    verify = run("audit", "verify")
    assert verify.exit_code == 0 and "audit chain intact" in verify.output
    assert "checked against the checkpoint" in verify.output


def test_audit_checkpoint_then_verify_reports_an_emptied_log(
    run: Invoke, database_url: str, audit_key_outside_the_database: Path
) -> None:
    assert run("demo").exit_code == 0
    unanchored = run("audit", "verify")
    assert unanchored.exit_code != 0 and "audit log not anchored" in unanchored.output
    made = run("audit", "checkpoint")
    assert made.exit_code == 0, made.output
    assert len(list(audit_key_outside_the_database.glob("checkpoint-*.json"))) == 1
    assert "checked against the checkpoint" in run("audit", "verify").output
    engine = make_engine(database_url)
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.exec_driver_sql("ALTER TABLE audit_events DISABLE TRIGGER USER")
            conn.exec_driver_sql("TRUNCATE audit_events")
        else:
            conn.exec_driver_sql("DROP TRIGGER audit_events_no_delete")
            conn.exec_driver_sql("DELETE FROM audit_events")
    engine.dispose()
    result = run("audit", "verify")
    assert result.exit_code != 0 and "truncated" in result.output


def test_audit_verify_without_a_key_refuses(
    run: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("TRACKER_AUDIT_KEY")
    monkeypatch.setenv("TRACKER_AUDIT_KEY_FILE", str(tmp_path / "absent"))
    result = run("audit", "verify")
    assert result.exit_code != 0 and "no audit key" in result.output


def test_audit_verify_names_the_broken_event(run: Invoke, database_url: str) -> None:
    run("db", "upgrade")
    run("demo")
    engine = make_engine(database_url)
    with engine.begin() as conn:
        target = conn.scalar(select(func.max(AuditEvent.id)))
        if engine.dialect.name == "postgresql":
            conn.exec_driver_sql("ALTER TABLE audit_events DISABLE TRIGGER USER")
        else:
            conn.exec_driver_sql("DROP TRIGGER audit_events_no_update")
        conn.exec_driver_sql(f"UPDATE audit_events SET actor_id = NULL WHERE id = {target}")
    engine.dispose()
    result = run("audit", "verify")
    assert result.exit_code == 1
    assert f"broken at event {target}" in result.output


def test_extract_prints_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "woningen.txt"
    path.write_text(NL, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and all(r["document"] == "woningen.txt" for r in rows)
    assert all(NL[r["start"] : r["end"]] == r["text"] for r in rows)


def test_token_create_prints_the_token_once(run: Invoke) -> None:
    run(
        "user",
        "create",
        "--email",
        "bot@example.org",
        "--name",
        "Bot",
        "--password",
        "long enough pw",
    )
    made = run(
        "token",
        "create",
        "--email",
        "bot@example.org",
        "--name",
        "nightly import",
        "--scope",
        "ingest",
    )
    assert made.exit_code == 0 and made.stdout.startswith("trk_")  # stderr may hold log lines
    assert "no user" in run("token", "create", "--email", "x@example.org", "--name", "n").output


def test_token_list_and_revoke(run: Invoke, database_url: str) -> None:
    assert (
        run(
            "user",
            "create",
            "--email",
            "bot@example.org",
            "--name",
            "Bot",
            "--role",
            "editor",
            "--password",
            "long enough pw",
        ).exit_code
        == 0
    )
    made = run("token", "create", "--email", "bot@example.org", "--name", "feed", "--days", "7")
    assert made.exit_code == 0, made.output
    listed = run("token", "list")
    assert listed.exit_code == 0 and "live" in listed.output and "'feed'" in listed.output
    token_id = listed.output.split()[0]
    revoked = run("token", "revoke", token_id)
    assert revoked.exit_code == 0 and "revoked" in revoked.output
    assert "revoked" in run("token", "list", "--email", "bot@example.org").output
    assert run("token", "revoke", "999").exit_code != 0
    assert (
        run(
            "token", "create", "--email", "bot@example.org", "--name", "x", "--days", "9999"
        ).exit_code
        != 0
    )


def test_user_set_password_ends_sessions(run: Invoke, database_url: str) -> None:
    assert (
        run(
            "user",
            "create",
            "--email",
            "ann@example.org",
            "--name",
            "Ann",
            "--role",
            "editor",
            "--password",
            "long enough pw",
        ).exit_code
        == 0
    )
    changed = run("user", "set-password", "ann@example.org", "--password", "a new password")
    assert changed.exit_code == 0, changed.output
    engine = make_engine(database_url)
    with make_session_factory(engine)() as s:
        from tracker.services import users

        ann = users.find_by_email(s, "ann@example.org")
        assert ann is not None and ann.session_epoch == 1
        assert users.check_password(ann, "a new password")
    engine.dispose()
    assert (
        run("user", "set-password", "nobody@example.org", "--password", "whatever long").exit_code
        != 0
    )


def test_commands_log_at_the_level_tracker_log_level_names(database_url: str) -> None:
    """The CLI configures logging as the web app does: the services' INFO lines (one per
    audited change, ids only) on standard error, fewer at a higher TRACKER_LOG_LEVEL, and a
    bad level is a one-line error."""
    runner = CliRunner()

    def create(email: str, level: str) -> Result:
        name = email.partition("@")[0].title()
        args = ["user", "create", "--email", email, "--name", name, "--role", "editor"]
        env = {"TRACKER_DATABASE_URL": database_url, "TRACKER_LOG_LEVEL": level}
        return runner.invoke(main, [*args, "--password", "long enough pw"], env=env)

    info = create("info@example.org", "INFO")
    assert info.exit_code == 0, info.output
    assert "INFO tracker.services.audit: " in info.stderr
    assert "by the system (event " in info.stderr
    assert "info@example.org" not in info.stderr  # ids, never the content
    quiet = create("quiet@example.org", "warning")
    assert quiet.exit_code == 0, quiet.output
    assert "tracker.services.audit" not in quiet.stderr
    bad = create("bad@example.org", "LOUD")
    assert bad.exit_code == 1
    assert bad.stderr.strip().splitlines() == [
        "Error: TRACKER_LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL, not 'LOUD'"
    ]


def test_extracting_from_the_command_line_does_not_load_the_web_framework(tmp_path: Path) -> None:
    """`tracker extract` configures logging like every command, without importing Flask (a
    fresh interpreter: this test process has Flask loaded already)."""
    article = tmp_path / "a.txt"
    article.write_text("De minister zei dat er 20.000 woningen komen.", encoding="utf-8")
    program = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from tracker.cli import main\n"
        f"result = CliRunner().invoke(main, ['extract', {str(article)!r}])\n"
        "assert result.exit_code == 0, result.output\n"
        "assert '20.000 woningen' in result.output\n"
        "print('flask' in sys.modules)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, timeout=120
    )
    assert run.stdout.strip() == "False"
