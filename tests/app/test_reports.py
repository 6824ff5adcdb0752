"""Report pages: fact-checkers preview, editors and admins download every format."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.conftest import People, login
from tests.unit.reports.fixture import HOSTILE, ReportFixture, build
from tracker.reports import pdf as pdf_module
from tracker.reports import render as render_module
from tracker.reports.common import FORMATS, MEDIA_TYPES
from tracker.web.reports import routes as report_routes


@pytest.fixture
def fx(session: Session, people: People) -> ReportFixture:
    return build(session, people)


def test_index_has_a_labelled_form(as_factchecker: FlaskClient, fx: ReportFixture) -> None:
    page = as_factchecker.get("/reports/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert '<label for="article"' in html and '<label for="since"' in html
    assert "Havenstaking legt overslag" in html
    assert "formaction" not in html  # no download button for fact-checkers


def test_factchecker_previews_but_cannot_download(
    as_factchecker: FlaskClient, fx: ReportFixture
) -> None:
    page = as_factchecker.get(f"/reports/preview?article={fx.article_id}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Havenarbeiders in Rotterdam" in html and "naar verluidt" in html
    assert HOSTILE not in html
    assert "/reports/export" not in html
    for fmt in FORMATS:
        response = as_factchecker.get(f"/reports/export?article={fx.article_id}&format={fmt}")
        assert response.status_code == 403, fmt


@pytest.mark.parametrize("role", ["editor", "admin"])
def test_editors_and_admins_download_every_format(
    client: FlaskClient, people: People, fx: ReportFixture, role: str
) -> None:
    login(client, getattr(people, role).email)
    preview = client.get(f"/reports/preview?article={fx.article_id}").get_data(as_text=True)
    assert f"/reports/export?format=csv&amp;article={fx.article_id}" in preview
    for fmt in FORMATS:
        response = client.get(f"/reports/export?article={fx.article_id}&format={fmt}")
        assert response.status_code == 200, fmt
        assert response.headers["Content-Type"] == MEDIA_TYPES[fmt]
        assert "attachment" in response.headers["Content-Disposition"]
        assert response.is_streamed
        body = response.get_data()
        assert body, fmt
        if fmt == "pdf":
            assert body.startswith(b"%PDF")
        elif fmt == "csv":
            rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
            assert {int(r["claim_id"]) for r in rows} >= {fx.hearsay_id, fx.two_hop_id}
        elif fmt != "html":
            json.loads(body)


def test_period_download_with_filters(as_editor: FlaskClient, fx: ReportFixture) -> None:
    today = date.today().isoformat()
    response = as_editor.get(
        f"/reports/export?format=csv&since={today}&until={today}&status=verified&language=nl"
    )
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.get_data().decode("utf-8-sig"))))
    assert {int(r["claim_id"]) for r in rows} == {fx.two_hop_id, fx.verified_id}
    assert f"report-{today}_{today}.csv" in response.headers["Content-Disposition"]


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("since=2024-02-30", 400, "Please correct"),
        ("since=2024-03-10&until=2024-03-01", 400, "after it ends"),
        ("", 400, "choose an article or a period"),
        ("article=1&since=2024-03-01", 400, "not both"),
        ("status=%3Cscript%3E&since=2024-03-01", 400, "Please correct"),
        ("outlet=abc&since=2024-03-01", 400, "Please correct"),  # never a wider report
        ("assignee=abc&since=2024-03-01", 400, "Please correct"),
    ],
)
def test_bad_selection_keeps_the_input(
    as_editor: FlaskClient, query: str, status: int, message: str
) -> None:
    for path in ("/reports/preview", "/reports/export"):
        response = as_editor.get(f"{path}?format=csv&{query}")
        assert response.status_code == status, (path, query)
        html = response.get_data(as_text=True)
        assert message in html
        if "2024-02-30" in query:
            assert 'value="2024-02-30"' in html
        assert "<script>" not in html.split("</head>")[1].replace("<script src", "")


def test_unknown_article_and_format(as_editor: FlaskClient, fx: ReportFixture) -> None:
    missing = as_editor.get("/reports/preview?article=424242")
    assert missing.status_code == 404 and "no article 424242" in missing.get_data(as_text=True)
    assert as_editor.get("/reports/preview?article=abc").status_code == 400
    response = as_editor.get(f"/reports/export?article={fx.article_id}&format=docx")
    assert response.status_code == 400


def test_pdf_without_pango_gives_a_clear_message(
    as_editor: FlaskClient, fx: ReportFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing() -> None:
        raise pdf_module.PdfUnavailable(pdf_module.MISSING_LIBRARIES)

    monkeypatch.setattr(pdf_module, "load_weasyprint", missing)
    response = as_editor.get(f"/reports/export?article={fx.article_id}&format=pdf")
    assert response.status_code == 503
    assert "libpango-1.0-0" in response.get_data(as_text=True)


def test_pdf_and_preview_of_a_long_selection(
    as_editor: FlaskClient, fx: ReportFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PDF too long to lay out is refused with the formats that stream any length; a
    preview shows the first claims and says so."""
    monkeypatch.setattr(render_module, "PDF_MAX_CLAIMS", 2)
    response = as_editor.get(f"/reports/export?article={fx.article_id}&format=pdf")
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "at most 2 claims" in html and "CSV" in html
    assert as_editor.get(f"/reports/export?article={fx.article_id}&format=csv").status_code == 200
    monkeypatch.setattr(report_routes, "PREVIEW_MAX_CLAIMS", 3)
    html = as_editor.get(f"/reports/preview?article={fx.article_id}").get_data(as_text=True)
    assert re.search(r"shows the first 3 of (\d+) claims", html)
    assert html.count('<article class="claim ') == 3


def test_logged_out_is_sent_to_login(client: FlaskClient) -> None:
    assert client.get("/reports/").status_code == 302
