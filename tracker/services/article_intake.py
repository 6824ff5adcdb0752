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
class Intake:
    """What came of it: the saved `article`; or the draft to show again, filled in from the file
    or page, with the reader's `notes` and either `check` (read, not saved: the user checks the
    text, then saves) or `refused` (why it was not saved)."""

    draft: ArticleInput
    notes: list[str] = field(default_factory=list)
    article: Article | None = None
    check: bool = False
    refused: TrackerError | None = None


def _filled(draft: ArticleInput, found: Imported) -> ArticleInput:
    """The text a file or page gave, and its details in the fields the user left empty."""
    details = {
        name: getattr(found, name)
        for name in ("title", "outlet", "author", "published", "url")
        if getattr(found, name) and not (getattr(draft, name) or "").strip()
    }
    language = found.language if found.language and draft.language in (None, "", "auto") else None
    return replace(
        draft,
        body=normal_newlines(found.body),
        language=language or draft.language,
        **details,
    )


def bring_in(
    session: Session,
    draft: ArticleInput,
    actor: User,
    *,
    upload: tuple[str, bytes] | None = None,
    fetch_only: bool = False,
    allow_private: bool = False,
    max_chars: int | None = None,
    supersedes_id: int | None = None,
    separate: bool = False,
) -> Intake:
    """Save the pasted text; without any (or with `fetch_only`), read the `upload` (file name,
    bytes) or fetch the draft's address first: a text that had to be guessed, or one only
    fetched, is shown for checking instead. A refusal comes back in the Intake (the caller
    rolls back), so the form keeps what was read; a NearDuplicateArticle among them offers
    saving again with `supersedes_id` (its new version) or `separate`."""
    draft = replace(draft, body=normal_newlines(draft.body))
    notes: list[str] = []
    try:
        if fetch_only or not draft.body.strip():
            found: Imported | None = None
            if upload is not None:
                found = from_upload(upload[0], upload[1], max_chars=max_chars)
            elif (draft.url or "").strip():
                found = fetch_url(draft.url or "", allow_private=allow_private, max_chars=max_chars)
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
            replace(
                draft,
                url=(draft.url or "").strip() or None,
                outlet=(draft.outlet or "").strip() or None,
                author=draft.author or None,
                published=draft.published or None,
                language=draft.language or "auto",
            ),
            actor,
            supersedes_id=supersedes_id,
            separate=separate,
        )
    except (DuplicateArticle, InvalidInput) as err:
        return Intake(draft, notes, refused=err)
    return Intake(draft, notes, article=article)
