"""The source registry's pages, each as one value: the list and a source's own page."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..models import AuditEvent, Source, User
from .policy import allowed
from .source_duplicates import Duplicate, suggest_duplicates
from .sources import (
    AttributedClaim,
    TrackRecord,
    claims_for_source,
    live_source,
    search_sources,
    source_history,
    track_record,
)


@dataclass(frozen=True)
class SourceSearch:
    """What the registry list is asked for; `status` applies only without words to find."""

    query: str = ""
    kind: str | None = None
    status: str = "confirmed"


@dataclass(frozen=True)
class SourceList:
    """A page of the registry, with the likely duplicates an editor may merge (first page)."""

    sources: list[Source]
    has_next: bool
    can_merge: bool
    duplicates: list[Duplicate]


def source_list(
    session: Session, search: SourceSearch | None, actor: User, page: int = 1, per_page: int = 25
) -> SourceList:
    """The registry list (no search when `search` is None: the filters were not valid)."""
    found: list[Source] = []
    if search is not None:
        found = search_sources(
            session,
            search.query,
            search.kind,
            limit=per_page + 1,
            offset=(page - 1) * per_page,
            status=None if search.query else search.status,
        )
    editor = allowed(actor, "source.merge")
    return SourceList(
        sources=found[:per_page],
        has_next=len(found) > per_page,
        can_merge=editor,
        duplicates=suggest_duplicates(session) if editor and page == 1 else [],
    )


@dataclass(frozen=True)
class SourcePage:
    """A source's page: the live source (the survivor when the one asked for was merged), its
    track record, history, a page of its claims and the entries that may be the same source."""

    source: Source
    record: TrackRecord
    history: list[AuditEvent]
    claims: list[AttributedClaim]
    has_next: bool
    can_merge: bool
    duplicates: list[Duplicate]


def source_page(
    session: Session, source_id: int, actor: User, page: int = 1, per_page: int = 25
) -> SourcePage:
    """Everything the source's page shows; NotFound when there is no such source."""
    source = live_source(session, source_id)
    claims = claims_for_source(session, source.id, limit=per_page + 1, offset=(page - 1) * per_page)
    return SourcePage(
        source=source,
        record=track_record(session, source.id),
        history=source_history(session, source.id),
        claims=claims[:per_page],
        has_next=len(claims) > per_page,
        can_merge=allowed(actor, "source.merge"),
        duplicates=suggest_duplicates(session, source.id, limit=10),
    )
