"""extract.reading: the one reader of `tracker extract`, `tracker ingest` and web uploads."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.extract.reading import BinaryData, NotUtf8, ReadError, decode, read_text

TEXT = "De brug gaat volgens de provincie in mei dicht.\r\nZe blijft drie weken dicht.\n"


def test_utf8_is_read_exactly_as_stored() -> None:
    assert decode(TEXT.encode("utf-8")) == TEXT  # CRLF and LF untranslated


def test_a_leading_byte_order_mark_is_not_part_of_the_text() -> None:
    assert decode(b"\xef\xbb\xbf" + TEXT.encode("utf-8")) == TEXT


def test_a_byte_order_mark_inside_the_text_stays() -> None:
    data = "a\ufeffb".encode()
    assert decode(data) == "a\ufeffb"


def test_nul_bytes_are_binary() -> None:
    with pytest.raises(BinaryData, match=r"^scan\.txt: binary"):
        decode(b"abc\x00def", "scan.txt")


def test_other_encodings_are_a_clear_error_with_the_offset() -> None:
    data = "Het café sluit.".encode("latin-1")
    with pytest.raises(NotUtf8, match=r"not UTF-8 text \(invalid byte at offset 7\)") as err:
        decode(data)
    assert err.value.offset == 7


def test_read_text_of_a_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert read_text(path) == TEXT
    assert read_text(str(path)) == TEXT


def test_read_text_names_what_is_wrong(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match=r"nope\.txt: no such file"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(ReadError, match="is a directory"):
        read_text(tmp_path)
    bad = tmp_path / "latin.txt"
    bad.write_bytes("caf\u00e9".encode("latin-1"))
    with pytest.raises(NotUtf8, match=r"latin\.txt: not UTF-8"):
        read_text(bad)
