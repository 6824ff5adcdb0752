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

        raise InvalidInput(
            "unknown format %(value)r; choose one of %(choices)s",
            value=fmt,
            choices=", ".join(FORMATS),
        )
    return fmt


# WeasyPrint lays a document out whole, in memory (about 0.7 MB a claim): a PDF is capped;
# every other format streams and has no limit.
PDF_MAX_CLAIMS = 2000


def check_size(fmt: str, claims: int) -> None:
    """Refuse a PDF too long to lay out (InvalidInput naming the other formats)."""
    if fmt == "pdf" and claims > PDF_MAX_CLAIMS:
        from ..services.errors import Count, InvalidInput

        raise InvalidInput(
            "a PDF can hold at most %(most)s claims and this report has %(claims)s; "
            "narrow the selection, or export HTML (printable), CSV or JSON, which stream "
            "any number of claims",
            most=Count(PDF_MAX_CLAIMS),
            claims=Count(claims),
        )


def prepare(fmt: str) -> None:
    """Fail early (PdfUnavailable) when a format cannot be produced here."""
    if fmt == "pdf":
        from .pdf import load_weasyprint

        load_weasyprint()


def render(
    fmt: str, meta: ReportMeta, claims: Iterable[ClaimRecord], locale: str | None = None
) -> Iterator[bytes]:
    """The report in `fmt`. Every format but PDF streams claim by claim; a PDF is laid out whole."""
    check_format(fmt)
    if fmt in STREAMED:
        for chunk in STREAMED[fmt](meta, claims):
            yield chunk.encode("utf-8")
        return
    from .html import render_html, stream_html

    if fmt == "html":
        for chunk in stream_html(meta, claims, locale):
            yield chunk.encode("utf-8")
        return
    from .pdf import render_pdf

    yield render_pdf(render_html(meta, claims, locale))
