"""PDF reports, rendered from the HTML document with WeasyPrint."""

from __future__ import annotations

from typing import Any

from ..services.errors import TrackerError

MISSING_LIBRARIES = (
    "PDF export needs WeasyPrint's system libraries (Pango). On Debian/Ubuntu install them "
    "with: apt-get install libpango-1.0-0 libpangoft2-1.0-0"
)


class PdfUnavailable(TrackerError):
    """WeasyPrint or the libraries it loads (Pango, HarfBuzz) are missing."""


def load_weasyprint() -> Any:
    """The weasyprint module, or PdfUnavailable with the Debian packages to install."""
    try:
        import weasyprint
    except (OSError, ImportError) as err:
        raise PdfUnavailable(f"{MISSING_LIBRARIES} ({err.__class__.__name__}: {err})") from err
    return weasyprint


def render_pdf(html: str, base_url: str | None = None) -> bytes:
    """The PDF of a self-contained HTML report."""
    weasyprint = load_weasyprint()
    pdf: bytes = weasyprint.HTML(string=html, base_url=base_url).write_pdf()
    return pdf
