"""Rendering a report in tests: the metadata and claims the renderers take."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import Session

from tracker.reports.common import methodology_text
from tracker.reports.render import render
from tracker.services import reports as service

NEWSROOM = ("Demo Fact-Check Desk", "https://factcheck.example.org")


def meta_for(
    session: Session, flt: service.ReportFilter, language: str = "en"
) -> service.ReportMeta:
    return service.build_meta(
        session,
        flt,
        newsroom_name=NEWSROOM[0],
        newsroom_url=NEWSROOM[1],
        language=language,
        methodology=methodology_text(None, language),
        now=datetime(2024, 3, 20, 9, 0, tzinfo=UTC),
    )


def export(session: Session, fmt: str, flt: service.ReportFilter) -> bytes:
    meta = meta_for(session, flt)
    return b"".join(render(fmt, meta, service.iter_claims(session, flt, batch=2)))
