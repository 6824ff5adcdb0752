"""Turning an uploaded file, a web page or a JSON Lines file into article text and metadata (no
Flask, no database).

Every failure is an InvalidInput whose message can be shown to the user as it is (a bad JSON
Lines line is reported in its JsonlLine instead); the notes are errors.Message texts, which the
web interface translates like the errors' messages.
"""

from __future__ import annotations

import http.client
import io
import json
import re
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import Message

import charset_normalizer
import trafilatura

from ..extract import reading
from . import fetching
from .errors import N_, Count, InvalidInput
from .errors import Message as Text

MAX_BYTES = 5 * 1024 * 1024
# What a Word file may unpack to (its parts' declared sizes; zipfile reads no further than them).
MAX_DOCX_UNPACKED = 40 * 1024 * 1024
MAX_DOCX_PARTS = 1000
FETCH_TIMEOUT = 10.0
TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
DOCX_SUFFIXES = (".docx",)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ISO_DATE = re.compile(r"^(\d{4})(-\d{2})?(-\d{2})?")


@dataclass
class Imported:
    """What a file or page gave: the article text, the metadata found, and notes for the user."""

    body: str
    title: str = ""
    author: str = ""
    outlet: str = ""
    published: str = ""
    url: str = ""
    language: str = ""
    notes: list[str] = field(default_factory=list)
    # True when the text had to be guessed (not UTF-8): the user should look before saving.
    needs_review: bool = False


def decode_text(data: bytes) -> tuple[str, str | None]:
    """Bytes -> text: UTF-8 as `tracker extract` and `tracker ingest` read it (extract.reading:
    a leading BOM dropped), else a detected charset; binary is refused.

    Returns the text and, when it was not UTF-8, the name of the encoding that was guessed.
    """
    if not data.strip():
        raise InvalidInput("the file is empty")
    guessed: str | None = None
    try:
        text = reading.decode(data)
    except reading.BinaryData:
        raise InvalidInput("the file is binary (it contains NUL bytes), not text") from None
    except reading.NotUtf8:
        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            raise InvalidInput(
                "the file is not UTF-8 text and its encoding could not be recognised"
            ) from None
        text, guessed = str(best), best.encoding
    if len(_CONTROL.findall(text)) > max(2, len(text) // 100):
        raise InvalidInput("the file looks binary (many control characters), not text")
    return text, guessed


def _iso_published(value: str | None) -> str:
    m = _ISO_DATE.match(value or "")
    return "".join(g for g in m.groups() if g) if m else ""


def from_html(html: str, url: str | None = None) -> Imported:
    """Keep only the article text of a page (trafilatura), with its title, author, date, outlet."""
    body = trafilatura.extract(
        html, url=url, output_format="txt", include_comments=False, include_tables=False
    )
    if not body or not body.strip():
        raise InvalidInput("no article text was found on the page")
    meta = trafilatura.extract_metadata(html, default_url=url)
    title = (meta.title or "").strip() if meta else ""
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    if title and lines and lines[0] == title and len(lines) > 1:
        lines = lines[1:]
    lang = re.search(r"<html[^>]*\blang=[\"']?([a-zA-Z]{2})", html[:5000])
    language = lang.group(1).lower() if lang else ""
    return Imported(
        body="\n\n".join(lines),
        title=title,
        author=(meta.author or "").strip() if meta else "",
        outlet=(meta.sitename or "").strip() if meta else "",
        published=_iso_published(meta.date if meta else None),
        url=url or "",
        language=language if language in ("nl", "en") else "",
    )


def from_text(text: str) -> Imported:
    """Plain text as it is; the first line is offered as the title."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return Imported(body=text, title=first[:300])


def _refuse_zip_bomb(data: bytes, max_unpacked: int) -> None:
    """InvalidInput when the .docx (a zip file) would unpack to more than `max_unpacked` bytes.

    The parts' declared sizes bound what is decompressed: zipfile stops reading a part at its
    declared size, and a part that is really longer then fails its CRC check.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as err:
        raise InvalidInput("the file is not a readable Word (.docx) document") from err
    if len(parts) > MAX_DOCX_PARTS or sum(p.file_size for p in parts) > max_unpacked:
        raise InvalidInput(
            "the Word document unpacks to more than %(mb)s MB; it is not an ordinary article",
            mb=f"{max_unpacked / (1024 * 1024):g}",
        )


def from_docx(data: bytes, max_unpacked: int = MAX_DOCX_UNPACKED) -> Imported:
    """A Word document's paragraphs (python-docx), with its title, author and language.

    The document's creation date is not offered as the publication date: it says when the file
    was made, not when the article appeared.
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    _refuse_zip_bomb(data, max_unpacked)
    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = [p.text.strip() for p in document.paragraphs if p.text.strip()]
        props = document.core_properties
        title, author, language = props.title, props.author, props.language
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as err:
        raise InvalidInput("the file is not a readable Word (.docx) document") from err
    if not paragraphs:
        raise InvalidInput("the Word document has no text")
    title = (title or "").strip() or paragraphs[0][:300]
    if paragraphs[0] == title and len(paragraphs) > 1:
        paragraphs = paragraphs[1:]
    lang = (language or "")[:2].lower()
    return Imported(
        body="\n\n".join(paragraphs),
        title=title,
        author=(author or "").strip(),
        language=lang if lang in ("nl", "en") else "",
    )


def from_upload(
    filename: str, data: bytes, max_bytes: int = MAX_BYTES, max_chars: int | None = None
) -> Imported:
    """An uploaded .txt, .html or .docx file -> text and metadata (over `max_chars`: refused)."""
    name = filename.lower()
    if len(data) > max_bytes:
        raise _too_large("file", max_bytes)
    if name.endswith(DOCX_SUFFIXES):
        return _within(from_docx(data), max_chars)
    if not name.endswith(TEXT_SUFFIXES + HTML_SUFFIXES):
        raise InvalidInput("upload a .txt, .html or .docx file")
    text, guessed = decode_text(data)
    imported = from_html(text) if name.endswith(HTML_SUFFIXES) else from_text(text)
    _note_guess(imported, guessed)
    return _within(imported, max_chars)


def _within(imported: Imported, max_chars: int | None) -> Imported:
    """Refuse text too long to become an article here, so it is never shown back in a form."""
    if max_chars is not None and len(imported.body) > max_chars:
        raise InvalidInput(
            "the article has %(length)s characters; the limit is %(limit)s",
            length=Count(len(imported.body)),
            limit=Count(max_chars),
        )
    return imported


def _too_large(what: str, limit: int) -> InvalidInput:
    """The refusal of a file or page over `limit` bytes (in MB when it is a megabyte or more)."""
    if limit >= 1024 * 1024:
        mb = f"{limit / (1024 * 1024):g}"
        if what == "page":
            return InvalidInput("the page is larger than %(mb)s MB", mb=mb)
        return InvalidInput("the file is larger than %(mb)s MB", mb=mb)
    if what == "page":
        return InvalidInput("the page is larger than %(n)s bytes", n=Count(limit))
    return InvalidInput("the file is larger than %(n)s bytes", n=Count(limit))


def _note_guess(imported: Imported, guessed: str | None) -> None:
    if guessed:
        imported.needs_review = True
        imported.notes.append(
            Text(
                N_("the text was not UTF-8; it was read as %(encoding)s: check it before saving"),
                encoding=guessed,
            )
        )


def _too_slow(timeout: float) -> InvalidInput:
    return InvalidInput(
        "the page could not be fetched: it took longer than %(seconds)s seconds",
        seconds=f"{timeout:g}",
    )


def _charset(headers: Message) -> str | None:
    charset = headers.get_content_charset()
    return charset.lower() if charset else None


def fetch_url(
    url: str,
    timeout: float = FETCH_TIMEOUT,
    max_bytes: int = MAX_BYTES,
    allow_private: bool = False,
    max_chars: int | None = None,
) -> Imported:
    """Fetch a web page (http/https only, public addresses unless `allow_private`, within
    `timeout` seconds for the whole fetch, up to `max_bytes`); keep the article text."""
    target = fetching.parse_url(url)
    url = target.url
    request = urllib.request.Request(  # noqa: S310 - the scheme is checked by parse_url
        url, headers={"User-Agent": "claim-tracker/0.1 (+fact-checking)"}
    )
    with fetching.Guard(timeout, allow_private) as guard:
        try:
            with fetching.opener(guard).open(request, timeout=timeout) as response:
                content_type = response.headers.get_content_type()
                charset = _charset(response.headers)
                data = response.read(max_bytes + 1)
        except urllib.error.HTTPError as err:
            raise InvalidInput(
                "the page could not be fetched: the server answered %(code)s", code=err.code
            ) from err
        except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as err:
            if guard.expired:
                raise _too_slow(timeout) from err
            reason = getattr(err, "reason", err)
            raise InvalidInput("the page could not be fetched: %(reason)s", reason=reason) from err
        if guard.expired:  # the deadline cut the connection: what was read is not the page
            raise _too_slow(timeout)
    if len(data) > max_bytes:
        raise _too_large("page", max_bytes)
    if content_type not in ("text/html", "application/xhtml+xml", "text/plain"):
        raise InvalidInput(
            "the address does not serve a web page or text (%(type)s)", type=content_type
        )
    text: str | None = None
    guessed: str | None = None
    if charset and charset not in ("utf-8", "utf8"):
        try:
            text = data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text, guessed = decode_text(data)
    imported = from_text(text) if content_type == "text/plain" else from_html(text, url)
    imported.url = url
    _note_guess(imported, guessed)
    return _within(imported, max_chars)


JSONL_FIELDS = ("body", "title", "url", "outlet", "author", "published", "language")


@dataclass
class JsonlLine:
    """One non-blank line of a JSON Lines file: its fields, or why it is not an article."""

    number: int
    fields: dict[str, str | None] = field(default_factory=dict)
    error: str = ""


def jsonl_lines(text: str) -> Iterator[JsonlLine]:
    """The articles of a JSON Lines text, one JSON object per line, blank lines skipped.

    Lines end at "\\n" (a "\\r" before it is dropped) and nowhere else: U+2028, U+2029, U+0085
    and the other characters `str.splitlines()` breaks at may stand raw inside a JSON string.
    """
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.removesuffix("\r")
        if line.strip():
            yield _jsonl_line(number, line)


def _jsonl_line(number: int, line: str) -> JsonlLine:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as err:
        return JsonlLine(number, error=f"malformed JSON ({err.msg} at column {err.colno})")
    except RecursionError:
        return JsonlLine(number, error="malformed JSON (nested too deeply)")
    if not isinstance(row, dict):
        return JsonlLine(number, error="expected a JSON object with a 'body'")
    unknown = set(row) - set(JSONL_FIELDS)
    if unknown:
        return JsonlLine(number, error=f"unknown field(s) {', '.join(sorted(unknown))}")
    if not isinstance(row.get("body"), str):
        return JsonlLine(number, error="'body' must be the article text as a string")
    if any(v is not None and not isinstance(v, str) for v in row.values()):
        return JsonlLine(number, error="every field must be a string")
    return JsonlLine(number, fields=row)
