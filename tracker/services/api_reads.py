"""Reads behind the JSON API: keyset pages of claims, articles and sources; a claim's evidence
and cluster.

A page is "the `limit` rows after this key" in a fixed total order that ends on the primary key,
so paging is stable while rows are added (no row is skipped or shown twice, unlike an offset).
The key of a page's last row is handed back; the web layer wraps it in an opaque cursor.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Select, and_, literal, or_, select, tuple_
from sqlalchemy.orm import InstrumentedAttribute, Session, joinedload, selectinload

from ..models import (
    SOURCE_KINDS,
    Article,
    Attribution,
    AuditEvent,
    Claim,
    ClaimCluster,
    Evidence,
    Source,
    SourceAlias,
)
from ..models import name_key as make_name_key
from ..models.source import SOURCE_STATUSES
from . import audit
from .errors import InvalidInput, NotFound
from .field_limits import check_text
from .queue import SORTS, QueueFilter, queue_statement
from .review import get_claim
from .sources import TrackRecord, get_source, track_record

MAX_LIMIT = 100
DEFAULT_LIMIT = 25

T = TypeVar("T")
KeyValue = int | float | str


@dataclass(frozen=True)
class SortKey:
    """One column of a keyset order: the column, its direction, the Python type of its values."""

    column: InstrumentedAttribute[Any]
    descending: bool
    kind: type


# The queue's sorts (tracker/services/queue.py), as keyset orders: each ends on the id.
CLAIM_ORDERS: dict[str, tuple[SortKey, ...]] = {
    "score": (SortKey(Claim.score, True, float), SortKey(Claim.id, True, int)),
    "newest": (SortKey(Claim.id, True, int),),
    "article": (
        SortKey(Claim.article_id, True, int),
        SortKey(Claim.start, False, int),
        SortKey(Claim.id, False, int),
    ),
    "status": (
        SortKey(Claim.status, False, str),
        SortKey(Claim.score, True, float),
        SortKey(Claim.id, True, int),
    ),
}
ARTICLE_ORDER = (SortKey(Article.id, True, int),)  # newest first: ids grow with ingest time
SOURCE_ORDER = (SortKey(Source.name_key, False, str), SortKey(Source.id, False, int))


@dataclass(frozen=True)
class KeysetPage(Generic[T]):
    """Up to `limit` rows, and the key to continue after (None on the last page)."""

    items: list[T]
    next_key: tuple[KeyValue, ...] | None


def check_key(order: Sequence[SortKey], key: Sequence[Any]) -> tuple[KeyValue, ...]:
    """`key` as a key of `order` (one value of the right type per column), else InvalidInput."""
    if len(key) != len(order):
        raise InvalidInput("the cursor does not belong to this list or sort")
    checked: list[KeyValue] = []
    for part, value in zip(order, key, strict=True):
        if part.kind is float and isinstance(value, int | float) and not isinstance(value, bool):
            if math.isfinite(value):
                checked.append(float(value))
                continue
        elif part.kind is int and type(value) is int:
            if -(2**63) <= value < 2**63:
                checked.append(value)
                continue
        elif part.kind is str and isinstance(value, str):
            check_text("cursor", value, 1000)  # no NUL or lone surrogate reaches the database
            checked.append(value)
            continue
        raise InvalidInput("the cursor does not belong to this list or sort")
    return tuple(checked)


def _after(order: Sequence[SortKey], key: Sequence[KeyValue]) -> ColumnElement[bool]:
    """Rows strictly after `key` in `order`: one row-value comparison when every column runs
    the same way (an index on those columns serves it), else column by column."""
    if len({p.descending for p in order}) == 1:
        columns = tuple_(*(p.column for p in order))
        values = tuple_(*(literal(v) for v in key))
        return columns < values if order[0].descending else columns > values
    terms = []
    for i, part in enumerate(order):
        equal = [p.column == v for p, v in zip(order[:i], key[:i], strict=True)]
        beyond = part.column < key[i] if part.descending else part.column > key[i]
        terms.append(and_(*equal, beyond))
    return or_(*terms)


def _page(
    session: Session,
    stmt: Select[Any],
    order: Sequence[SortKey],
    after: Sequence[Any] | None,
    limit: int,
) -> KeysetPage[Any]:
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidInput("limit lies between 1 and %(n)s", n=MAX_LIMIT)
    if after is not None:
        stmt = stmt.where(_after(order, check_key(order, after)))
    stmt = stmt.order_by(None).order_by(
        *(p.column.desc() if p.descending else p.column.asc() for p in order)
    )
    rows = list(session.scalars(stmt.limit(limit + 1)).unique())
    items = rows[:limit]
    more = len(rows) > limit
    last = items[-1] if items and more else None
    key = tuple(getattr(last, p.column.key) for p in order) if last is not None else None
    return KeysetPage(items, key)


def queue_filter(**values: Any) -> QueueFilter:
    """A QueueFilter from the given values (None: the field's default); a value for a field the
    filter does not have is refused when set, so no filter is dropped silently."""
    known = {f.name for f in fields(QueueFilter)}
    for name, value in values.items():
        if name not in known and value not in (None, ""):
            raise InvalidInput("the filter %(name)r is not available here", name=name)
    return QueueFilter(**{k: v for k, v in values.items() if k in known and v is not None})


def claims_page(
    session: Session,
    filters: QueueFilter,
    user_id: int | None,
    after: Sequence[Any] | None = None,
    limit: int = DEFAULT_LIMIT,
) -> KeysetPage[Claim]:
    """Claims the queue shows with `filters`, in its sort, after the key `after`."""
    if filters.sort not in CLAIM_ORDERS:
        raise InvalidInput(
            "unknown sort %(value)r; choose one of %(choices)s",
            value=filters.sort,
            choices=", ".join(SORTS),
        )
    stmt = queue_statement(filters, user_id).options(
        selectinload(Claim.attributions).joinedload(Attribution.source)
    )
    return _page(session, stmt, CLAIM_ORDERS[filters.sort], after, limit)


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles a list shows: language, outlet, publication dates; and those with a claim
    the queue shows for `claims` (any of the queue's filters, search included), when given."""

    language: str | None = None
    outlet_id: int | None = None
    published_from: date | None = None
    published_to: date | None = None
    claims: QueueFilter | None = None


def articles_page(
    session: Session,
    filters: ArticleFilter,
    user_id: int | None,
    after: Sequence[Any] | None = None,
    limit: int = DEFAULT_LIMIT,
) -> KeysetPage[Article]:
    """Articles, newest first, after the key `after`."""
    f = filters
    if f.published_from and f.published_to and f.published_from > f.published_to:
        raise InvalidInput("the start date lies after the end date")
    stmt = select(Article).options(joinedload(Article.outlet))
    if f.language:
        stmt = stmt.where(Article.language == f.language)
    if f.outlet_id is not None:
        stmt = stmt.where(Article.outlet_id == f.outlet_id)
    if f.published_from:
        stmt = stmt.where(Article.published_on >= f.published_from)
    if f.published_to:
        stmt = stmt.where(Article.published_on <= f.published_to)
    if f.claims is not None:
        matching = queue_statement(f.claims, user_id).order_by(None)
        ids = matching.with_only_columns(Claim.article_id)
        stmt = stmt.where(Article.id.in_(ids))
    return _page(session, stmt, ARTICLE_ORDER, after, limit)


@dataclass(frozen=True)
class SourceFilter:
    """Which registry entries a list shows: a name or alias containing `name`, a kind, a status."""

    name: str = ""
    kind: str | None = None
    status: str | None = None


def sources_page(
    session: Session,
    filters: SourceFilter,
    after: Sequence[Any] | None = None,
    limit: int = DEFAULT_LIMIT,
) -> KeysetPage[Source]:
    """Live registry entries (not merged away, not an article's described source) by name."""
    f = filters
    if f.kind is not None and f.kind not in SOURCE_KINDS:
        raise InvalidInput("unknown source kind %(kind)r", kind=f.kind)
    if f.status is not None and f.status not in SOURCE_STATUSES:
        raise InvalidInput("unknown source status %(value)r", value=f.status)
    stmt = (
        select(Source)
        .where(Source.merged_into_id.is_(None), Source.article_id.is_(None))
        .options(selectinload(Source.aliases))
    )
    if f.kind:
        stmt = stmt.where(Source.kind == f.kind)
    if f.status:
        stmt = stmt.where(Source.status == f.status)
    key = make_name_key(f.name)
    if key:
        escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        like = f"%{escaped}%"
        aliased_as = select(SourceAlias.source_id).where(
            SourceAlias.alias_key.like(like, escape="\\")
        )
        stmt = stmt.where(or_(Source.name_key.like(like, escape="\\"), Source.id.in_(aliased_as)))
    return _page(session, stmt, SOURCE_ORDER, after, limit)


def claim_evidence(session: Session, claim_id: int) -> list[Evidence]:
    """A claim's evidence, oldest first, removed pieces included (they say so)."""
    get_claim(session, claim_id)
    return list(
        session.scalars(select(Evidence).where(Evidence.claim_id == claim_id).order_by(Evidence.id))
    )


@dataclass(frozen=True)
class ClusterView:
    """The cluster a claim belongs to: its id, label and every member claim with its article."""

    id: int
    label: str
    members: list[Claim]


def claim_cluster(session: Session, claim_id: int) -> ClusterView | None:
    """The claim's cluster with its members in article order, or None when it has none."""
    claim = get_claim(session, claim_id)
    if claim.cluster_id is None:
        return None
    cluster = session.get(ClaimCluster, claim.cluster_id)
    assert cluster is not None  # a foreign key
    members = list(
        session.scalars(
            select(Claim)
            .where(Claim.cluster_id == cluster.id)
            .options(joinedload(Claim.article))
            .order_by(Claim.article_id, Claim.start, Claim.id)
        )
    )
    return ClusterView(cluster.id, cluster.label, members)


def get_article(session: Session, article_id: int) -> Article:
    """One article with its outlet; NotFound if there is none."""
    article = session.scalar(
        select(Article).options(joinedload(Article.outlet)).where(Article.id == article_id)
    )
    if article is None:
        raise NotFound("no article %(id)s", id=article_id)
    return article


@dataclass(frozen=True)
class SourceView:
    """A registry entry with its track record."""

    source: Source
    record: TrackRecord


def source_view(session: Session, source_id: int) -> SourceView:
    """A source (any: proposed, described or merged away) and its computed track record."""
    source = get_source(session, source_id)
    return SourceView(source, track_record(session, source_id))


def claim_history(session: Session, claim_id: int) -> list[AuditEvent]:
    """Every audit event of a claim, oldest first; NotFound if there is no such claim."""
    get_claim(session, claim_id)
    return audit.history(session, claim_id)
