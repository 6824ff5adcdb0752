"""Bringing one article in as the "new article" form gives it: pasted text, an uploaded file or
a web address; read first and shown for checking, or saved at once."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlalchemy.orm import Session

from ..models import Article, User
from .errors import DuplicateArticle, InvalidInput, TrackerError
from .importing import Imported, fetch_url, from_upload
from .ingest import ArticleInput, ingest_article


def normal_newlines(text: str) -> str:
    """Browsers send textareas with CRLF; the article is stored with plain newlines."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class Draft:
    """The form as the user sent it; an uploaded file as its name and bytes."""

    body: str = ""
    title: str = ""
    url: str = ""
    outlet: str = ""
    author: str = ""
    published: str = ""
    language: str = "auto"
    upload_name: str = ""
    upload: bytes = b""


@dataclass(frozen=True)
class Intake:
    """What came of it: the saved `article`; or the draft to show again, filled in from the file
    or page, with the reader's `notes` and either `check` (read, not saved: the user checks the
    text, then saves) or `refused` (why it was not saved)."""

    draft: Draft
    notes: list[str] = field(default_factory=list)
    article: Article | None = None
    check: bool = False
    refused: TrackerError | None = None


def _read(draft: Draft, allow_private: bool, max_chars: int | None) -> Imported | None:
    """Read the uploaded file or fetch the address; None when neither was given."""
    if draft.upload_name:
        return from_upload(draft.upload_name, draft.upload, max_chars=max_chars)
    if draft.url.strip():
        return fetch_url(draft.url, allow_private=allow_private, max_chars=max_chars)
    return None


def _filled(draft: Draft, found: Imported) -> Draft:
    """The text a file or page gave, and its details in the fields the user left empty."""
    details = {
        name: getattr(found, name)
        for name in ("title", "outlet", "author", "published", "url")
        if getattr(found, name) and not getattr(draft, name).strip()
    }
    language = found.language if found.language and draft.language in ("", "auto") else None
    return replace(
        draft,
        body=normal_newlines(found.body),
        language=language or draft.language,
        **details,
    )


def bring_in(
    session: Session,
    draft: Draft,
    actor: User,
    *,
    fetch_only: bool = False,
    allow_private: bool = False,
    max_chars: int | None = None,
) -> Intake:
    """Save the pasted text; without any (or with `fetch_only`), read the file or the address
    first: a text that had to be guessed, or one only fetched, is shown for checking instead.
    A refusal comes back in the Intake (the caller rolls back), so the form keeps what was
    read."""
    draft = replace(draft, body=normal_newlines(draft.body))
    notes: list[str] = []
    try:
        if fetch_only or not draft.body.strip():
            found = _read(draft, allow_private, max_chars)
            if found is None:
                raise InvalidInput(
                    "Paste the article text, upload a file or give the article's web address."
                )
            draft = _filled(draft, found)
            notes = list(found.notes)
            if fetch_only or found.needs_review:
                return Intake(draft, notes, check=True)
        article = ingest_article(
            session,
            ArticleInput(
                body=draft.body,
                title=draft.title,
                url=draft.url.strip() or None,
                outlet=draft.outlet.strip() or None,
                author=draft.author or None,
                published=draft.published or None,
                language=draft.language or "auto",
            ),
            actor,
        )
    except (DuplicateArticle, InvalidInput) as err:
        return Intake(draft, notes, refused=err)
    return Intake(draft, notes, article=article)
