"""`tracker ingest --jsonl` on big files: one transaction per article, bad lines skipped, a killed
run finished by a rerun, and reviewers not locked out while it runs (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import event, func, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from tests.api.helpers import auth, token
from tests.conftest import People, make_app
from tracker import cli
from tracker.db import make_engine, make_session_factory
from tracker.models import Article, AuditEvent
from tracker.services import audit, sources
from tracker.services.audit import signing_key

TOWNS = ("Zwolle", "Deventer", "Almelo", "Hengelo", "Kampen", "Meppel", "Assen", "Emmen")


def article(n: int) -> str:
    """A short, distinct Dutch news text with a claim and a source."""
    town = TOWNS[n % len(TOWNS)]
    return (
        f"De gemeente {town} trekt {n + 3} miljoen euro uit voor nieuwe fietspaden. "
        f"Wethouder Mark de Boer zegt dat het werk in {2030 + n % 5} klaar is. "
        f"Volgens de fietsersbond is het bedrag te laag voor {n + 10} kilometer."
    )


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8"
    )
    return path


def stored_bodies(url: str) -> list[str]:
    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        bodies = list(session.scalars(select(Article.body)))
    engine.dispose()
    return bodies


def invoke(url: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli.main, list(args), env={"TRACKER_DATABASE_URL": url})
    return result.exit_code, result.output


def test_a_bad_line_in_the_middle_is_skipped_and_the_rest_stored(
    tmp_path: Path, database_url: str
) -> None:
    """The same file leaves the same articles on SQLite and PostgreSQL: all valid ones."""
    rows = [{"body": article(n), "language": "nl"} for n in range(25)]
    path = write_jsonl(tmp_path / "bulk.jsonl", rows)
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[20] = '{"body": "Nog een artikel", "published": "vorige week"}'
    path.write_text("\n".join(lines), encoding="utf-8")
    code, output = invoke(database_url, "ingest", "--jsonl", str(path))
    assert code == 1
    assert f"{path}:21: publication date" in output
    assert "ingested 24 article(s)" in output and "1 bad line(s) skipped" in output
    assert sorted(stored_bodies(database_url)) == sorted(article(n) for n in range(25) if n != 20)


def test_a_raw_line_separator_inside_a_json_string_is_not_a_line_break(
    tmp_path: Path, database_url: str
) -> None:
    body = "Het waterschap zegt dat de dijk\u2028in 2027 wordt versterkt.\u2029Dat kost veel."
    path = tmp_path / "bulk.jsonl"
    path.write_text(
        json.dumps({"body": body}, ensure_ascii=False) + "\r\n" + json.dumps({"body": article(1)}),
        encoding="utf-8",
    )
    assert "\u2028" in path.read_text(encoding="utf-8")
    code, output = invoke(database_url, "ingest", "--jsonl", str(path))
    assert code == 0, output
    assert sorted(stored_bodies(database_url)) == sorted([body, article(1)])


def test_progress_is_printed_while_it_runs(
    tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "PROGRESS_EVERY", 2)
    path = write_jsonl(tmp_path / "bulk.jsonl", [{"body": article(n)} for n in range(5)])
    code, output = invoke(database_url, "ingest", "--jsonl", str(path))
    assert code == 0, output
    assert "progress: 2 line(s): 2 stored" in output
    assert "progress: 4 line(s): 4 stored" in output


def test_several_processes_store_what_one_would_with_one_audit_chain(
    tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--jobs 2 on PostgreSQL: every valid line stored once, the bad one reported, progress
    printed, and the audit chain verifies; SQLite refuses --jobs (it has one writer)."""
    monkeypatch.setattr(cli, "PROGRESS_EVERY", 5)
    rows = [{"body": article(n), "language": "nl"} for n in range(12)]
    rows[7] = {"body": "Nog een artikel", "published": "vorige week"}
    rows.append({"body": article(3), "language": "nl"})  # the same text again: a duplicate
    path = write_jsonl(tmp_path / "bulk.jsonl", rows)
    code, output = invoke(database_url, "ingest", "--jsonl", "--jobs", "2", str(path))
    if not database_url.startswith("postgresql"):
        assert code != 0 and "--jobs needs PostgreSQL" in output
        assert stored_bodies(database_url) == []
        return
    assert code == 1, output
    assert f"{path}:8: publication date" in output
    assert "progress: 5 line(s): 5 stored" in output
    assert "ingested 11 article(s)" in output and "1 duplicate(s) skipped" in output
    assert sorted(stored_bodies(database_url)) == sorted(article(n) for n in range(12) if n != 7)
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        report = audit.verify_chain(session, signing_key())
        ingests = session.scalar(select(func.count()).where(AuditEvent.action == "article.ingest"))
    engine.dispose()
    assert report.ok and ingests == 11


def _start_import(url: str, path: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "TRACKER_DATABASE_URL": url}
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from tracker.cli import main; main()",
            "ingest",
            "--jsonl",
            str(path),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _count(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Article)).scalar_one()


def test_a_killed_import_is_finished_by_running_it_again(tmp_path: Path, database_url: str) -> None:
    total = 120
    path = write_jsonl(tmp_path / "bulk.jsonl", [{"body": article(n)} for n in range(total)])
    engine = make_engine(database_url)
    process = _start_import(database_url, path)
    try:
        while _count(engine) < 5 and process.poll() is None:
            time.sleep(0.05)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    killed_at = _count(engine)
    engine.dispose()
    assert 5 <= killed_at < total, "the import must be killed part way"
    code, output = invoke(database_url, "ingest", "--jsonl", str(path))
    assert code == 0, output
    assert f"ingested {total - killed_at} article(s)" in output
    assert f"{killed_at} duplicate(s) skipped" in output
    bodies = stored_bodies(database_url)
    assert sorted(bodies) == sorted(article(n) for n in range(total))


REVIEWER_WAIT_MS = 1000  # issue 14: an import never blocks a reviewer for more than a second


def _impatient(engine: Engine) -> None:
    """The reviewer's connection gives up on a lock after REVIEWER_WAIT_MS (the default is
    longer), so a lock held for the whole import fails the test."""

    @event.listens_for(engine, "connect")
    def _wait_briefly(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        if engine.dialect.name == "sqlite":
            cursor.execute(f"PRAGMA busy_timeout={REVIEWER_WAIT_MS}")
        else:
            cursor.execute(f"SET lock_timeout = {REVIEWER_WAIT_MS}")
            dbapi_connection.commit()
        cursor.close()


def test_reviewers_read_and_write_while_an_import_runs(tmp_path: Path, database_url: str) -> None:
    total = 150
    path = write_jsonl(tmp_path / "bulk.jsonl", [{"body": article(n)} for n in range(total)])
    engine = make_engine(database_url)
    _impatient(engine)
    factory = make_session_factory(engine)
    process = _start_import(database_url, path)
    saves = 0
    try:
        while _count(engine) == 0 and process.poll() is None:
            time.sleep(0.02)
        while process.poll() is None:
            with factory() as session:  # a page: reads
                session.scalars(select(Article.title).order_by(Article.id.desc()).limit(20)).all()
                # a save: a write with its audit event, as a review is
                sources.create_source(session, f"Bron {saves}", "person")
                session.commit()
                saves += 1
    finally:
        if process.poll() is None:
            process.kill()
        _, err = process.communicate()
    assert process.returncode == 0, err.decode()
    assert saves > 0
    assert _count(engine) == total
    with engine.connect() as conn:
        assert (
            conn.execute(text("SELECT count(*) FROM sources WHERE kind = 'person'")).scalar_one()
            >= saves
        )
    engine.dispose()


def test_the_api_answers_while_an_import_runs(
    tmp_path: Path, database_url: str, session: Session, people: People
) -> None:
    """API calls (each one a token lookup, and now and then its last-use write) are answered
    while `ingest --jsonl` holds the write lock article by article: never 'database is locked'."""

    headers = auth(token(session, people, "read"))
    app = make_app(database_url, TRACKER_API_LIMITS="100000/minute")  # not the limit under test
    client = app.test_client()
    total = 150
    path = write_jsonl(tmp_path / "bulk.jsonl", [{"body": article(n)} for n in range(total)])
    engine = make_engine(database_url)
    process = _start_import(database_url, path)
    answers: list[int] = []
    try:
        while _count(engine) == 0 and process.poll() is None:
            time.sleep(0.02)
        while process.poll() is None:
            answers.append(client.get("/api/claims?limit=20", headers=headers).status_code)
            answers.append(client.get("/api/articles?limit=5", headers=headers).status_code)
    finally:
        if process.poll() is None:
            process.kill()
        _, err = process.communicate()
        app.extensions["tracker_engine"].dispose()
    assert process.returncode == 0, err.decode()
    assert answers and set(answers) == {200}
    assert _count(engine) == total
    engine.dispose()
