"""File and page import: decoding, HTML and Word extraction (no app, no database)."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from tracker.services import importing
from tracker.services.errors import InvalidInput

TEXT = "Volgens de KNMI was 2023 naar verluidt het warmste jaar ooit gemeten in De Bilt.\n"


def test_utf8_with_bom() -> None:
    text, guessed = importing.decode_text(b"\xef\xbb\xbf" + TEXT.encode())
    assert text == TEXT and guessed is None


def test_other_encoding_is_guessed_with_note() -> None:
    data = "Het café aan de Grote Markt sluit naar verluidt in maart, zegt de eigenaar. " * 4
    found = importing.from_upload("c.txt", data.encode("cp1252"))
    assert "café" in found.body and found.needs_review and "not UTF-8" in found.notes[0]


@pytest.mark.parametrize(
    "data", [b"", b"   \n", b"abc\x00def", bytes(range(1, 32)) * 20, b"\xff\xfe\x00\x00" * 10]
)
def test_binary_or_empty_refused(data: bytes) -> None:
    with pytest.raises(InvalidInput):
        importing.from_upload("x.txt", data)


def test_size_and_type_limits() -> None:
    with pytest.raises(InvalidInput, match="larger"):
        importing.from_upload("x.txt", b"a" * 101, max_bytes=100)
    with pytest.raises(InvalidInput, match=r"\.docx"):
        importing.from_upload("x.exe", b"MZ")


def test_html_keeps_article_text_and_metadata() -> None:
    page = (
        '<html lang="en"><head><title>Heat record</title><meta name="author" content="Ada Lee">'
        '<meta property="article:published_time" content="2024-01-03">'
        '<meta property="og:site_name" content="The Daily Example"></head><body>'
        "<nav>Home | World | Sport</nav><article><h1>Heat record</h1>"
        "<p>Last year was reportedly the warmest on record, according to the Met Office.</p>"
        "<p>The agency said average temperatures rose by 0.2 degrees compared with 2022.</p>"
        "</article><footer>Subscribe now</footer></body></html>"
    )
    found = importing.from_upload("page.html", page.encode())
    assert found.title == "Heat record" and found.author == "Ada Lee"
    assert found.published == "2024-01-03" and found.outlet == "The Daily Example"
    assert found.language == "en"
    assert found.body.startswith("Last year was reportedly")
    assert "Subscribe" not in found.body and "Sport" not in found.body


def test_html_without_article_refused() -> None:
    with pytest.raises(InvalidInput, match="no article text"):
        importing.from_html("<html><body></body></html>")


def test_docx() -> None:
    document = docx.Document()
    document.add_paragraph("Brug dicht")
    document.add_paragraph("De brug blijft naar verluidt tot juni dicht.")
    buf = io.BytesIO()
    document.save(buf)
    found = importing.from_upload("brug.docx", buf.getvalue())
    assert (
        found.title == "Brug dicht" and found.body == "De brug blijft naar verluidt tot juni dicht."
    )
    assert found.published == ""  # the file's creation date is not the publication date
    with pytest.raises(InvalidInput, match="Word"):
        importing.from_upload("kapot.docx", b"PK\x03\x04garbage")


@pytest.mark.parametrize("part", ["word/document.xml", "docProps/core.xml"])
def test_docx_with_broken_xml_is_refused(part: str) -> None:
    """A valid zip whose XML does not parse is refused with a message, not a crash."""
    buf = io.BytesIO()
    docx.Document().save(buf)
    broken = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = b"<w:document><w:body><unclosed>" if item.filename == part else src.read(item)
            dst.writestr(item, data)
    with pytest.raises(InvalidInput, match="Word"):
        importing.from_upload("kapot.docx", broken.getvalue())


def test_fetch_refuses_other_schemes() -> None:
    for url in ("file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/x", ""):
        with pytest.raises(InvalidInput, match="http"):
            importing.fetch_url(url)


def test_fetch_unreachable() -> None:
    with pytest.raises(InvalidInput, match="could not be fetched"):
        importing.fetch_url("http://127.0.0.1:9/", timeout=2, allow_private=True)


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:5000/admin", "http://localhost/", "http://10.0.0.8/", "http://[::1]/"]
)
def test_fetch_refuses_private_addresses(url: str) -> None:
    with pytest.raises(InvalidInput, match="private network"):
        importing.fetch_url(url)


def _docx_with_padding(padding: int, paragraph: str = "De dijk houdt het naar verluidt.") -> bytes:
    """A real Word file plus a part of `padding` zero bytes (compresses about a thousandfold)."""
    document = docx.Document()
    document.add_paragraph(paragraph)
    plain = io.BytesIO()
    document.save(plain)
    bomb = io.BytesIO()
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("word/media/padding.bin", b"\0" * padding)
    return bomb.getvalue()


def test_docx_zip_bomb_is_refused_by_its_unpacked_size() -> None:
    data = _docx_with_padding(3_000_000)
    assert len(data) < 50_000
    with pytest.raises(InvalidInput, match="unpacks to more than 2 MB"):
        importing.from_docx(data, max_unpacked=2 * 1024 * 1024)
    assert importing.from_docx(data, max_unpacked=4 * 1024 * 1024).body


def test_docx_part_lying_about_its_size_is_not_read_past_it() -> None:
    """The document part declares 1,000 bytes but inflates to megabytes: it fails its CRC."""
    data = bytearray(_docx_with_padding(10, "Een zin over de dijken. " * 200_000))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        assert archive.getinfo("word/document.xml").file_size > 4_000_000
    entry = bytes(data).rindex(b"word/document.xml") - 46  # its central directory record
    assert data[entry : entry + 4] == b"PK\x01\x02"
    data[entry + 24 : entry + 28] = (1000).to_bytes(4, "little")
    with pytest.raises(InvalidInput, match="Word"):
        importing.from_docx(bytes(data), max_unpacked=2 * 1024 * 1024)


def test_imported_text_over_the_article_limit_is_refused() -> None:
    with pytest.raises(InvalidInput, match="the limit is 100"):
        importing.from_upload(
            "lang.txt", ("Een zin over de begroting. " * 10).encode(), max_chars=100
        )
    data = _docx_with_padding(10, "Een zin over de dijken. " * 10)
    with pytest.raises(InvalidInput, match="the limit is 100"):
        importing.from_upload("lang.docx", data, max_chars=100)
