"""One entry point for every format: a report as a stream of bytes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..services.reports import ClaimRecord, ReportMeta
from .claimreview import render_claimreview
from .common import FORMATS
from .csv_report import render_csv
from .json_report import render_json
from .prov import render_prov

TextRenderer = Callable[[ReportMeta, Iterable[ClaimRecord]], Iterator[str]]

STREAMED: dict[str, TextRenderer] = {
    "csv": render_csv,
    "json": render_json,
    "claimreview": render_claimreview,
    "prov": render_prov,
}


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        from ..services.errors import InvalidInput

        raise InvalidInput(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return fmt


def prepare(fmt: str) -> None:
    """Fail early (PdfUnavailable) when a format cannot be produced here."""
    if fmt == "pdf":
        from .pdf import load_weasyprint

        load_weasyprint()


def render(
    fmt: str, meta: ReportMeta, claims: Iterable[ClaimRecord], locale: str | None = None
) -> Iterator[bytes]:
    """The report in `fmt`. CSV and the JSON formats stream claim by claim; HTML and PDF are
    documents for people and are assembled whole."""
    check_format(fmt)
    if fmt in STREAMED:
        for chunk in STREAMED[fmt](meta, claims):
            yield chunk.encode("utf-8")
        return
    from .html import render_html

    html = render_html(meta, claims, locale)
    if fmt == "html":
        yield html.encode("utf-8")
        return
    from .pdf import render_pdf

    yield render_pdf(html)
