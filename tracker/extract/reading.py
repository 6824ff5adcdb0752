"""Reading article text from bytes or a file: the one reader of `tracker extract`, `tracker
ingest` and the web's upload, so that all three give the same text and the same offsets.

The text is the file's UTF-8 exactly as stored (newlines untranslated), except that a leading
byte-order mark is dropped: U+FEFF marks the encoding and is not part of the article, so offsets
count from the character after it.
"""

from __future__ import annotations

import os

BOM = "\ufeff"


class ReadError(ValueError):
    """A file or bytes that cannot be read as article text; the message is one line."""


class BinaryData(ReadError):
    """The bytes hold a NUL: binary data, not text."""


class NotUtf8(ReadError):
    """The bytes are not valid UTF-8; `offset` is the position of the first bad byte."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


def decode(data: bytes, name: str = "") -> str:
    """UTF-8 bytes -> text, a leading byte-order mark dropped.

    Raises BinaryData (a NUL byte) or NotUtf8; their message starts with `name: ` when a name
    is given.
    """
    prefix = f"{name}: " if name else ""
    if b"\x00" in data:
        raise BinaryData(f"{prefix}binary data (it contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise NotUtf8(
            f"{prefix}not UTF-8 text (invalid byte at offset {err.start}); convert it to UTF-8",
            err.start,
        ) from None
    return text.removeprefix(BOM)


def read_text(path: str | os.PathLike[str]) -> str:
    """The text of the file at `path` (see `decode`); ReadError says what is wrong, in one line
    starting with the path."""
    name = os.fspath(path)
    if os.path.isdir(name):
        raise ReadError(f"{name}: is a directory, not a file")
    try:
        with open(name, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise ReadError(f"{name}: no such file") from None
    except OSError as err:
        raise ReadError(f"{name}: cannot read it ({err.strerror})") from None
    return decode(data, name)
