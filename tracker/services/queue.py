"""The review queue: every claim across articles, filtered, sorted and paged.

A page costs a fixed number of queries whatever it shows: one for the claims with their assignee
(joined), one for their articles and one for their provenance chains with the hop sources
(selectin). There is no total count: one row more than the page size is fetched to know whether
a next page exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased, defer, joinedload, selectinload

from ..models import STATUSES, Article, Attribution, Claim, Source, User, in_review
from .clusters import SeenBefore, seen_before
from .errors import Count, InvalidInput, NotFound, TrackerError
from .numbering import numbers_for
from .search_index import frequency, join_matching, matches
from .search_text import parse_query
from .sources import source_by_reference

SORTS = ("score", "newest", "article", "status")
ASSIGNEE_SPECIAL = ("me", "nobody")
SOURCE_SCOPES = ("primary", "any")
DATE_FIELDS = ("published", "reviewed")
PER_PAGE_CHOICES = (5, 10, 25, 50, 100)
DEFAULT_PER_PAGE = 50
MAX_QUERY = 500  # characters of a search
MAX_PAGE = 200  # offset paging stays cheap up to here; narrow the filters to go further


@dataclass(frozen=True)
class QueueFilter:
    """What the queue shows. `assignee` is a user id, "me", "nobody" or None (anyone)."""

    status: str | None = None
    assignee: str | None = None
    article_id: int | None = None
    source_id: int | None = None
    source_scope: str = "primary"
    language: str | None = None
    min_score: float | None = None
    checkworthy_only: bool = False
    date_field: str = "published"
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "score"
    # full-text search (services.search_text.parse_query): words, "phrases", prefix*, numbers
    q: str | None = None


@dataclass(frozen=True)
class QueueRow:
    claim: Claim

    @property
    def primary_source(self) -> Source | None:
        hop = self.claim.primary_attribution
        return hop.source if hop is not None else None


@dataclass(frozen=True)
class QueuePage:
    rows: list[QueueRow]
    page: int
    per_page: int
    has_next: bool
    capped: bool = False
    filters: QueueFilter = field(default_factory=QueueFilter)
    # claim id -> the latest check of its cluster ("seen before"), for the claims in a cluster
    seen_before: dict[int, SeenBefore] = field(default_factory=dict)
    # claim id -> its number in its article, as the article's claim list counts
    numbers: dict[int, int] = field(default_factory=dict)

    @property
    def has_prev(self) -> bool:
        return self.page > 1


def _validate(f: QueueFilter) -> None:
    if f.status is not None and f.status not in STATUSES:
        raise InvalidInput("unknown status %(value)r", value=f.status)
    if f.sort not in SORTS:
        raise InvalidInput(
            "unknown sort %(value)r; choose one of %(choices)s",
            value=f.sort,
            choices=", ".join(SORTS),
        )
    if f.source_scope not in SOURCE_SCOPES:
        raise InvalidInput("unknown source scope %(value)r", value=f.source_scope)
    if f.date_field not in DATE_FIELDS:
        raise InvalidInput("unknown date field %(value)r", value=f.date_field)
    if f.min_score is not None and not 0 <= f.min_score <= 1:
        raise InvalidInput("the minimum score lies between 0 and 1")
    if f.date_from and f.date_to and f.date_from > f.date_to:
        raise InvalidInput("the start date lies after the end date")
    if f.assignee is not None and f.assignee not in ASSIGNEE_SPECIAL and not f.assignee.isdigit():
        raise InvalidInput("unknown assignee %(value)r", value=f.assignee)
    if f.q is not None and len(f.q) > MAX_QUERY:
        raise InvalidInput("the search has more than %(limit)s characters", limit=Count(MAX_QUERY))


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def queue_statement(
    f: QueueFilter, user_id: int | None, *, frequency: str | None = None
) -> Select[Claim]:
    """The filtered, sorted select of claims (joined with their article), without paging.

    With a search, newest first reads the index's matches newest first (the first page is
    found without reading them all). `frequency` (search_index.frequency) says how to read a
    search sorted otherwise: "common" (SQLite: many claims match) reads the claims in score
    order and keeps the matches, instead of sorting every match; "rare" (PostgreSQL: its
    statistics do not know a word, and it would walk the sort order looking for it) sorts the
    few matches instead."""
    _validate(f)
    stmt = select(Claim)
    terms = parse_query(f.q) if f.q else []
    newest: Any = Claim.id
    score: Any = Claim.score
    rare = bool(terms) and frequency == "rare"
    if terms and f.sort == "newest" and not rare:
        stmt, newest = join_matching(stmt, "claim", Claim.id, terms)
    elif terms:  # first: SQLite tests it before reading the claim's row
        common = frequency == "common" and f.sort == "score"
        stmt = stmt.where(matches("claim", Claim.id, terms, scan=common))
    if rare:  # an expression: no index serves the order, the matches are found first
        newest, score = Claim.id + 0, Claim.score + 0
    stmt = stmt.where(in_review())  # split: its parts; not dismissed or withdrawn
    if f.language or (f.date_field == "published" and (f.date_from or f.date_to)):
        stmt = stmt.join(Claim.article)  # only when needed: the join slows the big sorts
    if f.status:
        stmt = stmt.where(Claim.status == f.status)
    if f.assignee == "me":
        stmt = stmt.where(Claim.assignee_id == user_id)
    elif f.assignee == "nobody":
        stmt = stmt.where(Claim.assignee_id.is_(None))
    elif f.assignee:
        stmt = stmt.where(Claim.assignee_id == int(f.assignee))
    if f.article_id is not None:
        stmt = stmt.where(Claim.article_id == f.article_id)
    if f.source_id is not None:
        # IN over the source's hops (index on source_id): the few claims of one source are found
        # first, instead of testing every claim in sort order.
        hop = aliased(Attribution)
        hops = select(hop.claim_id).where(hop.source_id == f.source_id)
        if f.source_scope == "primary":
            later = aliased(Attribution)
            hops = hops.where(
                ~exists().where(later.claim_id == hop.claim_id, later.position > hop.position)
            )
        stmt = stmt.where(Claim.id.in_(hops))
    if f.language:
        stmt = stmt.where(Article.language == f.language)
    if f.min_score is not None:
        stmt = stmt.where(Claim.score >= f.min_score)
    if f.checkworthy_only:
        stmt = stmt.where(Claim.checkworthy.is_(True))
    if f.date_field == "published":
        if f.date_from:
            # A date known only to the month or year is stored as its first day: such an
            # article counts when its month or year reaches into the range.
            day = f.date_from
            stmt = stmt.where(
                or_(
                    Article.published_on >= day,
                    and_(
                        Article.published_precision == "month",
                        Article.published_on >= day.replace(day=1),
                    ),
                    and_(
                        Article.published_precision == "year",
                        Article.published_on >= day.replace(month=1, day=1),
                    ),
                )
            )
        if f.date_to:
            stmt = stmt.where(Article.published_on <= f.date_to)
    else:
        if f.date_from:
            stmt = stmt.where(Claim.reviewed_at >= _start_of(f.date_from))
        if f.date_to:
            stmt = stmt.where(Claim.reviewed_at < _start_of(f.date_to + timedelta(days=1)))
    orders: dict[str, tuple[Any, ...]] = {
        "score": (score.desc(), Claim.id.desc()),
        # ids grow with creation time; the primary key is indexed (or the index's, the same id)
        "newest": (newest.desc(),),
        "article": (Claim.article_id.desc(), Claim.start, Claim.id),
        "status": (Claim.status, Claim.score.desc(), Claim.id.desc()),
    }
    return stmt.order_by(*orders[f.sort])


def queue_page(
    session: Session,
    filters: QueueFilter,
    user_id: int | None,
    page: int = 1,
    per_page: int = DEFAULT_PER_PAGE,
) -> QueuePage:
    """One page of the queue, in four queries whatever the page size (claims with their
    assignees; their articles; their chains with the hop sources; their numbers)."""
    per_page = per_page if per_page in PER_PAGE_CHOICES else DEFAULT_PER_PAGE
    capped = page > MAX_PAGE
    page = min(max(page, 1), MAX_PAGE)
    terms = parse_query(filters.q) if filters.q else []
    how = frequency(session.connection(), "claim", terms) if terms else None
    stmt = (
        queue_statement(filters, user_id, frequency=how)
        .options(
            # the article's title and dates, never its body
            selectinload(Claim.article).options(defer(Article.body), joinedload(Article.outlet)),
            joinedload(Claim.assignee),
            selectinload(Claim.attributions).joinedload(Attribution.source),
        )
        .limit(per_page + 1)
        .offset((page - 1) * per_page)
    )
    claims = list(session.scalars(stmt).unique())
    has_next = len(claims) > per_page and page < MAX_PAGE
    rows = [QueueRow(c) for c in claims[:per_page]]
    return QueuePage(
        rows=rows,
        page=page,
        per_page=per_page,
        has_next=has_next,
        capped=capped,
        filters=filters,
        seen_before=seen_before(session, [r.claim for r in rows]),  # a query only for clusters
        numbers=numbers_for(session, (r.claim.id for r in rows)),  # one query
    )


def assignable_users(session: Session) -> list[User]:
    """Active users, by name: the choices of the assignee filter."""
    return list(session.scalars(select(User).where(User.active.is_(True)).order_by(User.name)))


def article_languages(session: Session) -> list[str]:
    """The languages the articles are in (for the language filter): each the next one after
    the last in the index on language, one seek per language instead of reading every article."""
    found: list[str] = []
    while True:
        after = found[-1] if found else ""
        lang = session.scalar(select(func.min(Article.language)).where(Article.language > after))
        if lang is None:
            return found
        found.append(lang)


@dataclass(frozen=True)
class QueueView:
    """The queue page: the choices of its filters, and the page of claims (None when the
    filters were not valid, or `refused` says why they were not accepted)."""

    users: list[User]
    languages: list[str]
    page: QueuePage | None = None
    refused: TrackerError | None = None


def queue_view(
    session: Session,
    filters: QueueFilter | None,
    user_id: int | None,
    *,
    source: str = "",
    page: int = 1,
    per_page: int = DEFAULT_PER_PAGE,
) -> QueueView:
    """Everything the queue page shows. `source` is a source as a person types it (a number or
    a name); an unknown source, assignee or language is refused, not silently ignored."""
    view = QueueView(assignable_users(session), article_languages(session))
    if filters is None:
        return view
    try:
        filters = checked_filters(session, filters, view, source)
        found = queue_page(session, filters, user_id, page=page, per_page=per_page)
    except (InvalidInput, NotFound) as err:
        return replace(view, refused=err)
    return replace(view, page=found)


def checked_filters(
    session: Session, filters: QueueFilter, choices: QueueView, source: str = ""
) -> QueueFilter:
    """The filters with `source` (as a person types it) resolved; NotFound or InvalidInput for
    an unknown source, or an assignee or language not among the page's `choices`."""
    if source:
        filters = replace(filters, source_id=source_by_reference(session, source).id)
    assignee = filters.assignee or ""
    if assignee.isdigit() and int(assignee) not in {u.id for u in choices.users}:
        raise InvalidInput("unknown assignee %(value)r", value=assignee)
    if filters.language and filters.language not in choices.languages:
        raise InvalidInput("unknown language %(value)r", value=filters.language)
    return filters
