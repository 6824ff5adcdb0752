"""One reader: `tracker extract`, `tracker ingest` and a web upload give the same text and offsets
for a file that starts with a UTF-8 byte-order mark."""

from __future__ import annotations

import io
import json
from pathlib import Path

from click.testing import CliRunner
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.cli import main
from tracker.models import Article, Claim

ARTICLE = (
    "Gemeente sluit zwembad De Hoorn\n\n"
    "Het zwembad gaat volgens wethouder Karin Smit op 1 juli dicht. "
    "De renovatie kost naar verluidt 12 miljoen euro.\n"
)
BOM = b"\xef\xbb\xbf"


def _extracted(path: Path) -> list[tuple[int, int, str]]:
    result = CliRunner().invoke(main, ["extract", "--lang", "nl", str(path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    return [(row["start"], row["end"], row["text"]) for row in rows]


def _stored(session: Session) -> tuple[str, list[tuple[int, int, str]]]:
    article = session.scalars(select(Article)).one()
    claims = session.scalars(
        select(Claim).where(Claim.article_id == article.id).order_by(Claim.start)
    ).all()
    return article.body, [(c.start, c.end, c.exact) for c in claims]


def test_extract_and_cli_ingest_agree_on_a_file_with_a_bom(
    tmp_path: Path, database_url: str, session: Session
) -> None:
    path = tmp_path / "zwembad.txt"
    path.write_bytes(BOM + ARTICLE.encode("utf-8"))
    extracted = _extracted(path)
    # offsets count from the character after the mark (checked by hand: 31 + 2 newlines)
    assert (33, 95) in [(s, e) for s, e, _ in extracted]
    assert all(not text.startswith("\ufeff") for _, _, text in extracted)

    result = CliRunner().invoke(
        main, ["ingest", "--lang", "nl", str(path)], env={"TRACKER_DATABASE_URL": database_url}
    )
    assert result.exit_code == 0, result.output
    body, stored = _stored(session)
    assert body == ARTICLE
    assert [(s, e) for s, e, _ in stored] == [(s, e) for s, e, _ in extracted]
    assert all(body[s:e] == text for s, e, text in extracted)


def test_extract_and_web_upload_agree_on_a_file_with_a_bom(
    tmp_path: Path, as_factchecker: FlaskClient, session: Session
) -> None:
    path = tmp_path / "zwembad.txt"
    path.write_bytes(BOM + ARTICLE.encode("utf-8"))
    response = as_factchecker.post(
        "/articles/new",
        data={
            "language": "nl",
            "action": "save",
            "upload": (io.BytesIO(path.read_bytes()), "zwembad.txt"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    body, stored = _stored(session)
    assert body == ARTICLE
    assert [(s, e) for s, e, _ in stored] == [(s, e) for s, e, _ in _extracted(path)]
