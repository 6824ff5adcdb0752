"""The report's PDF page by page: WeasyPrint's output rendered to PNG (pypdfium2) in
tests/browser/artifacts/ for a look at the print layout, with the checks a machine can make:
a sane page count, no empty page, every page's ink inside the page's margins."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from PIL import Image
from sqlalchemy.orm import Session

from tests.browser.conftest import ARTIFACTS
from tests.conftest import People
from tests.unit.reports.fixture import build
from tracker.reports import pdf as pdf_module

pdfium = pytest.importorskip("pypdfium2")

SCALE = 1.5  # 108 dpi: enough to see a border break or a squiggle
MARGIN_PX = 8  # nothing is printed this close to the paper's edge


def _pages(pdf: bytes, name: str) -> list[Image.Image]:
    """Each page as a PIL image, also written as artifacts/<name>-page-N.png."""
    ARTIFACTS.mkdir(exist_ok=True)
    for old in ARTIFACTS.glob(f"{name}-page-*.png"):
        old.unlink()
    document = pdfium.PdfDocument(pdf)
    images = []
    for n, page in enumerate(document, 1):
        image = page.render(scale=SCALE).to_pil().convert("L")
        image.save(ARTIFACTS / f"{name}-page-{n}.png")
        images.append(image)
    document.close()
    return images


def _ink_box(image: Image.Image) -> tuple[int, int, int, int] | None:
    """The box around everything darker than paper (None: an empty page)."""
    return image.point(lambda v: 255 if v < 235 else 0).getbbox()


@pytest.mark.parametrize("unreviewed", [False, True])
def test_the_report_pdf_pages_as_png(
    as_editor: FlaskClient, session: Session, people: People, unreviewed: bool
) -> None:
    try:
        pdf_module.load_weasyprint()
    except pdf_module.PdfUnavailable:
        pytest.skip("WeasyPrint's libraries (Pango) are not installed")
    fx = build(session, people)
    query = f"article={fx.article_id}&format=pdf" + ("&unreviewed=y" if unreviewed else "")
    response = as_editor.get(f"/reports/export?{query}")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    name = "report-all" if unreviewed else "report"
    pages = _pages(response.data, name)
    html = as_editor.get(f"/reports/export?{query.replace('pdf', 'html')}").get_data(as_text=True)
    claims = html.count('<article class="claim ')
    assert claims >= 3
    # the summary on its own page, then at least two claim boxes a page: never a page per box
    assert 2 <= len(pages) <= 2 + claims // 2, f"{len(pages)} pages for {claims} claims"
    assert (ARTIFACTS / f"{name}-page-{len(pages)}.png").exists()
    for n, image in enumerate(pages, 1):
        box = _ink_box(image)
        assert box is not None, f"page {n} is empty"
        width, height = image.size
        left, top, right, bottom = box
        assert left >= MARGIN_PX and top >= MARGIN_PX, f"page {n} prints into the edge: {box}"
        assert right <= width - MARGIN_PX and bottom <= height - MARGIN_PX, f"page {n}: {box}"
