"""`tracker export`: every format to a file; bad arguments in one line."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.orm import Session

from tests.conftest import People
from tests.unit.reports.fixture import ReportFixture, build
from tracker.cli import main
from tracker.reports.common import FORMATS


@pytest.fixture
def fx(session: Session, people: People) -> ReportFixture:
    return build(session, people)


def _run(database_url: str, *args: str) -> tuple[int, str]:
    runner = CliRunner()
    result = runner.invoke(
        main,
        ["export", *args],
        env={"TRACKER_DATABASE_URL": database_url, "TRACKER_SECRET_KEY": "test"},
    )
    return result.exit_code, result.output


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_each_format_to_a_file(
    database_url: str, fx: ReportFixture, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"report.{fmt}"
    code, output = _run(
        database_url, "--format", fmt, "--article", str(fx.article_id), "-o", str(out)
    )
    assert code == 0, output
    data = out.read_bytes()
    assert data
    if fmt == "pdf":
        assert data.startswith(b"%PDF")
    elif fmt == "csv":
        assert data.startswith(b"\xef\xbb\xbf")  # a byte-order mark: spreadsheets read UTF-8
        rows = list(csv.DictReader(data.decode("utf-8-sig").splitlines()))
        assert any(int(r["claim_id"]) == fx.two_hop_id for r in rows)
    elif fmt == "html":
        assert b"Havenarbeiders in Rotterdam" in data
    else:
        json.loads(data)


def test_export_a_period_with_filters(database_url: str, fx: ReportFixture, tmp_path: Path) -> None:
    out = tmp_path / "period.json"
    today = date.today().isoformat()
    code, output = _run(
        database_url,
        "--format",
        "json",
        "--since",
        today,
        "--until",
        today,
        "--outlet",
        "Het Demodagblad",
        "--status",
        "disputed",
        "--assignee",
        "editor@example.org",
        "--language",
        "nl",
        "-o",
        str(out),
    )
    assert code == 0, output
    assert json.loads(out.read_text())["claims"] == []  # nobody assigned the editor
    code, output = _run(
        database_url, "--format", "json", "--since", today, "--status", "disputed", "-o", str(out)
    )
    assert code == 0, output
    assert [c["id"] for c in json.loads(out.read_text())["claims"]] == [fx.anonymous_id]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "docx", "--article", "1"], "Invalid value for '--format'"),
        (["--format", "csv", "--article", "1"], "Missing option '-o'"),
        (["--format", "csv"], "choose an article or a period"),
        (["--format", "csv", "--article", "1", "--since", "2024-01-01"], "not both"),
        (["--format", "csv", "--since", "2024-13-01"], "Invalid value for '--since'"),
        (["--format", "csv", "--article", "999999"], "no article 999999"),
        (["--format", "csv", "--since", "2024-01-01", "--outlet", "Nergens"], "no outlet"),
        (["--format", "csv", "--since", "2024-01-01", "--assignee", "x@y.z"], "no user"),
        (["--format", "csv", "--article", "x"], "Invalid value for '--article'"),
    ],
)
def test_bad_arguments_give_one_line_errors(
    database_url: str, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "x.csv"
    full = [*args] if "Missing" in message else [*args, "-o", str(out)]
    code, output = _run(database_url, *full)
    assert code != 0
    errors = [line for line in output.splitlines() if line.startswith("Error")]
    assert len(errors) == 1 and message in errors[0], output
    assert "Usage:" not in output and "Traceback" not in output
    assert not out.exists()


def test_missing_directory_is_one_line(database_url: str, tmp_path: Path) -> None:
    code, output = _run(
        database_url,
        "--format",
        "csv",
        "--since",
        "2024-01-01",
        "-o",
        str(tmp_path / "no" / "such" / "x.csv"),
    )
    assert code != 0 and "no such directory" in output
