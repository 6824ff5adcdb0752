"""Selecting and assembling verification reports: filters, summary counts, streamed claims.

Claims are read in keyset-paginated batches (by id) with their chains, evidence, reviewer and
corrections loaded per batch, and turned into plain records at once, so a report of any size
is assembled in constant memory: no ORM object outlives its batch.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from itertools import islice
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import Connection, Select, and_, exists, func, select, tuple_
from sqlalchemy.orm import Session, aliased

from ..models import (
    SOURCE_KINDS,
    STATUSES,
    VERDICTS,
    Article,
    Attribution,
    AuditEvent,
    Claim,
    Evidence,
    Source,
    User,
    in_review,
    is_unsplit,
)
from ..models.article import published_text
from .errors import InvalidInput, NotFound, TrackerError
from .numbering import numbers_in_articles
from .policy import allowed, authorize

DEFAULT_BATCH = 1000
SelectT = TypeVar("SelectT", bound="Select[*tuple[Any, ...]]")
NO_SOURCE = "none"  # the "source kind" of a claim whose chain names nobody (hearsay, or no chain)


@dataclass(frozen=True)
class ReportFilter:
    """Which claims a report covers: one article, or a period with optional narrowing.

    The period (since/until, inclusive dates, UTC) is the day the article was ingested.
    """

    article_id: int | None = None
    since: date | None = None
    until: date | None = None
    outlet_id: int | None = None
    status: str | None = None
    assignee_id: int | None = None
    language: str | None = None
    # List only claims with a verdict (the unreviewed ones are still counted in the summary).
    reviewed_only: bool = False

    def check(self) -> ReportFilter:
        """The filter itself, or InvalidInput naming what is wrong."""
        if self.article_id is not None and (self.since or self.until):
            raise InvalidInput("choose one article or a period, not both")
        if self.article_id is None and self.since is None and self.until is None:
            raise InvalidInput("choose an article or a period (since and/or until)")
        if self.since and self.until and self.since > self.until:
            raise InvalidInput(
                "the period starts (%(since)s) after it ends (%(until)s)",
                since=self.since.isoformat(),
                until=self.until.isoformat(),
            )
        if self.status is not None and self.status not in STATUSES:
            raise InvalidInput(
                "unknown status %(value)r; choose one of %(choices)s",
                value=self.status,
                choices=", ".join(STATUSES),
            )
        return self

    def describe(self) -> dict[str, Any]:
        """The filter as plain values (for report headers and JSON)."""
        return {
            "article_id": self.article_id,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "outlet_id": self.outlet_id,
            "status": self.status,
            "assignee_id": self.assignee_id,
            "language": self.language,
            "reviewed_only": self.reviewed_only,
        }


@dataclass(frozen=True, slots=True)
class SourceRecord:
    id: int
    name: str
    kind: str
    url: str | None = None
    description: str = ""
    anonymity_reason: str | None = None


@dataclass(slots=True)
class HopRecord:
    """One hop of a provenance chain; `source` None means no source given (hearsay)."""

    position: int
    kind: str
    source: SourceRecord | None
    cue: str | None
    mention: str | None
    implicit: bool
    confirmed: bool


@dataclass(slots=True)
class EvidenceRecord:
    id: int
    url: str
    title: str
    excerpt: str
    stance: str
    archived_sha256: str | None
    added_by: str | None
    added_at: datetime


@dataclass(slots=True)
class CorrectionRecord:
    """A change of a verdict after the claim's first one: the verdict itself (a correction)
    or only its rationale (an edit)."""

    claim_id: int
    at: datetime
    actor: str | None
    before_status: str | None
    after_status: str | None
    before_rationale: str
    after_rationale: str

    @property
    def kind(self) -> str:
        """'correction' when the verdict changed, 'edit' when only the rationale did."""
        return "correction" if self.before_status != self.after_status else "edit"


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    id: int
    title: str
    url: str | None
    outlet: SourceRecord | None
    author: str | None
    published: str | None
    language: str
    ingested_at: datetime


@dataclass(slots=True)
class ClaimRecord:
    id: int
    article: ArticleRecord
    text: str
    exact: str
    start: int
    end: int
    status: str
    rationale: str
    reviewer: str | None
    reviewed_at: datetime | None
    first_verdict_at: datetime | None
    assignee: str | None
    created_at: datetime
    updated_at: datetime
    chain: tuple[HopRecord, ...]
    evidence: tuple[EvidenceRecord, ...]
    corrections: tuple[CorrectionRecord, ...]
    # its place among its article's claims in text order, as people number it (0: unknown)
    number: int = 0
    # claimReviewed as the fact-checker wrote it (None: cut from the wording)
    claim_reviewed: str | None = None

    @property
    def primary(self) -> HopRecord | None:
        """The last hop: where the claim comes from."""
        return self.chain[-1] if self.chain else None

    @property
    def primary_source(self) -> SourceRecord | None:
        return self.chain[-1].source if self.chain else None

    @property
    def cue(self) -> str | None:
        """The attribution cue the article uses ("volgens", "naar verluidt"), if any."""
        return next((hop.cue for hop in self.chain if hop.cue), None)

    @property
    def hearsay(self) -> bool:
        """True when the chain ends in nobody: "naar verluidt", "reportedly"."""
        return bool(self.chain) and self.chain[-1].source is None

    @property
    def source_kind(self) -> str:
        source = self.primary_source
        return source.kind if source else NO_SOURCE


@dataclass
class Summary:
    """Counts for the report's header and chart; dismissed claims are counted apart."""

    total: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    by_source_kind: dict[str, int] = field(default_factory=dict)
    articles: int = 0
    dismissed: int = 0
    # How many of `total` the report lists (without the unreviewed ones when reviewed_only).
    listed: int = 0


@dataclass(frozen=True)
class DismissedRecord:
    """A claim a fact-checker set aside, for the report's appendix."""

    id: int
    text: str
    reason: str
    article_title: str


@dataclass(frozen=True)
class ReportMeta:
    """Everything about a report except its claims."""

    title: str
    filter: ReportFilter
    generated_at: datetime
    newsroom_name: str
    newsroom_url: str
    language: str
    methodology: str
    summary: Summary
    article: ArticleRecord | None = None
    filter_labels: dict[str, str] = field(default_factory=dict)
    # Where the newsroom publishes each fact check: "{id}" stands for the claim's number.
    review_url: str = ""
    # The dismissed claims in the report's scope (at most MAX_DISMISSED_LISTED).
    dismissed: tuple[DismissedRecord, ...] = ()


# --- selection ---------------------------------------------------------------------------------


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _where(stmt: SelectT, flt: ReportFilter) -> SelectT:
    """Apply the filter to a statement that selects from (or joins) Claim and Article.

    A claim split into parts is reported through its parts, not beside them; dismissed claims
    and the claims of withdrawn articles are left out."""
    return _scope(stmt.where(in_review()), flt)


def _listed(stmt: SelectT, flt: ReportFilter) -> SelectT:
    """The claims the report lists: `_where`, without the unreviewed ones if reviewed_only."""
    stmt = _where(stmt, flt)
    return stmt.where(Claim.status != "unreviewed") if flt.reviewed_only else stmt


def _scope(stmt: SelectT, flt: ReportFilter) -> SelectT:
    """The filter's article, period, outlet, status, assignee and language."""
    if flt.article_id is not None:
        stmt = stmt.where(Claim.article_id == flt.article_id)
    if flt.since is not None:
        stmt = stmt.where(Article.ingested_at >= _day_start(flt.since))
    if flt.until is not None:
        stmt = stmt.where(Article.ingested_at < _day_start(flt.until + timedelta(days=1)))
    if flt.outlet_id is not None:
        stmt = stmt.where(Article.outlet_id == flt.outlet_id)
    if flt.status is not None:
        stmt = stmt.where(Claim.status == flt.status)
    if flt.assignee_id is not None:
        stmt = stmt.where(Claim.assignee_id == flt.assignee_id)
    if flt.language:
        stmt = stmt.where(Article.language == flt.language)
    return stmt


def summarize(session: Session, flt: ReportFilter) -> Summary:
    """Counts per status and per primary-source kind, computed in the database."""
    base = select(Claim.status, func.count(Claim.id)).join(Article, Claim.article_id == Article.id)
    by_status = {s: 0 for s in STATUSES}
    for status, n in session.execute(_where(base, flt).group_by(Claim.status)):
        by_status[status] = n
    # The primary hop is the one no later hop follows (an indexed NOT EXISTS). It is joined to
    # the filtered claims directly, so the database starts from those claims and looks their
    # hops up by index instead of first listing the primary hop of every claim in the archive.
    hop = aliased(Attribution)
    later = aliased(Attribution)
    kind_stmt = (
        select(Source.kind, func.count(Claim.id))
        .select_from(Claim)
        .join(Article, Claim.article_id == Article.id)
        .outerjoin(
            hop,
            and_(
                hop.claim_id == Claim.id,
                ~exists().where(later.claim_id == hop.claim_id, later.position > hop.position),
            ),
        )
        .outerjoin(Source, Source.id == hop.source_id)
        .group_by(Source.kind)
    )
    by_kind = {k: 0 for k in (*SOURCE_KINDS, NO_SOURCE)}
    for kind, n in session.execute(_where(kind_stmt, flt)):
        by_kind[kind or NO_SOURCE] += n
    articles = session.scalar(
        _where(
            select(func.count(func.distinct(Claim.article_id))).join(
                Article, Claim.article_id == Article.id
            ),
            flt,
        )
    )
    total = sum(by_status.values())
    return Summary(
        total=total,
        listed=total - by_status["unreviewed"] if flt.reviewed_only else total,
        by_status=by_status,
        by_source_kind=by_kind,
        articles=int(articles or 0),
        dismissed=int(session.scalar(_dismissed(select(func.count(Claim.id)), flt)) or 0),
    )


MAX_DISMISSED_LISTED = 500


def _dismissed(stmt: SelectT, flt: ReportFilter) -> SelectT:
    """The report's scope, narrowed to the claims a fact-checker dismissed."""
    stmt = stmt.join(Article, Claim.article_id == Article.id).where(
        is_unsplit(), Claim.dismissed_reason.is_not(None), Article.withdrawn_at.is_(None)
    )
    return _scope(stmt, flt)


def dismissed_records(session: Session, flt: ReportFilter) -> tuple[DismissedRecord, ...]:
    """The dismissed claims in the report's scope, in text order, for its appendix."""
    stmt = _dismissed(select(Claim.id, Claim.text, Claim.dismissed_reason, Article.title), flt)
    stmt = stmt.order_by(Claim.article_id, Claim.start, Claim.id).limit(MAX_DISMISSED_LISTED)
    return tuple(
        DismissedRecord(id=i, text=text, reason=reason or "", article_title=title)
        for i, text, reason, title in session.execute(stmt)
    )


def _source(source: Source | None) -> SourceRecord | None:
    if source is None:
        return None
    return SourceRecord(
        id=source.id,
        name=source.name,
        kind=source.kind,
        url=source.url,
        description=source.description or "",
        anonymity_reason=source.anonymity_reason,
    )


def article_record(article: Article) -> ArticleRecord:
    return ArticleRecord(
        id=article.id,
        title=article.title,
        url=article.url,
        outlet=_source(article.outlet),
        author=article.author,
        published=article.published,
        language=article.language,
        ingested_at=article.ingested_at,
    )


def _status_of(value: Any) -> tuple[str | None, str]:
    if isinstance(value, dict):
        status = value.get("status")
        return (str(status) if status is not None else None, str(value.get("rationale") or ""))
    return None, ""


class StatusEvent(NamedTuple):
    """A claim.status audit event, as much of it as a report needs."""

    at: datetime
    actor: str | None
    before: Any
    after: Any


def corrections_from(claim_id: int, events: Sequence[StatusEvent]) -> tuple[CorrectionRecord, ...]:
    """The claim.status events after the first verdict that changed the status or rationale."""
    out: list[CorrectionRecord] = []
    verdict_seen = False
    for event in events:
        before_status, before_rationale = _status_of(event.before)
        after_status, after_rationale = _status_of(event.after)
        if verdict_seen and (before_status, before_rationale) != (after_status, after_rationale):
            out.append(
                CorrectionRecord(
                    claim_id=claim_id,
                    at=event.at,
                    actor=event.actor,
                    before_status=before_status,
                    after_status=after_status,
                    before_rationale=before_rationale,
                    after_rationale=after_rationale,
                )
            )
        if after_status in VERDICTS:
            verdict_seen = True
    return tuple(out)


def _first_verdict(events: Sequence[StatusEvent]) -> datetime | None:
    for event in events:
        if _status_of(event.after)[0] in VERDICTS:
            return event.at
    return None


_CLAIM_COLUMNS = (
    Claim.id,
    Claim.article_id,
    Claim.text,
    Claim.exact,
    Claim.start,
    Claim.end,
    Claim.status,
    Claim.rationale,
    Claim.reviewed_by_id,
    Claim.reviewed_at,
    Claim.assignee_id,
    Claim.created_at,
    Claim.updated_at,
    Claim.claim_reviewed,
)
_SOURCE_COLUMNS = (
    Source.id,
    Source.name,
    Source.kind,
    Source.url,
    Source.description,
    Source.anonymity_reason,
)


class _Lookups:
    """The people, sources and articles a report's batches refer to, each read once (in one
    query per batch for those not read yet) and kept as plain records."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        # None (nobody, no source) looks up like anyone else
        self.people: dict[int | None, str | None] = {None: None}
        self.sources: dict[int | None, SourceRecord | None] = {None: None}
        self.articles: dict[int, ArticleRecord] = {}

    def person(self, user_id: int | None) -> str | None:
        return self.people[user_id]

    def source(self, source_id: int | None) -> SourceRecord | None:
        return self.sources[source_id]

    def need_people(self, ids: Iterable[int | None]) -> None:
        missing = {i for i in ids if i is not None} - self.people.keys()
        if missing:
            stmt = select(User.id, User.name).where(User.id.in_(missing))
            self.people.update((i, name) for i, name in self.conn.execute(stmt))

    def need_sources(self, ids: Iterable[int | None]) -> None:
        wanted = {i for i in ids if i is not None}
        missing = wanted - self.sources.keys()
        if not missing:
            return
        if len(self.sources) > 50_000:  # keep the cache bounded on huge registries
            self.sources = {None: None}
            missing = wanted  # what the batch needs, read again
        for i, name, kind, url, description, reason in self.conn.execute(
            select(*_SOURCE_COLUMNS).where(Source.id.in_(missing))
        ):
            self.sources[i] = SourceRecord(
                id=i,
                name=name,
                kind=kind,
                url=url,
                description=description or "",
                anonymity_reason=reason,
            )

    def need_articles(self, ids: Iterable[int]) -> None:
        wanted = set(ids)
        missing = wanted - self.articles.keys()
        if not missing:
            return
        if len(self.articles) > 10_000:  # keep the cache bounded on huge periods
            self.articles.clear()
            missing = wanted  # what the batch needs, read again
        rows = self.conn.execute(
            select(
                Article.id,
                Article.title,
                Article.url,
                Article.outlet_id,
                Article.author,
                Article.published_on,
                Article.published_precision,
                Article.language,
                Article.ingested_at,
            ).where(Article.id.in_(missing))
        ).all()
        self.need_sources(row.outlet_id for row in rows)
        for row in rows:
            self.articles[row.id] = ArticleRecord(
                id=row.id,
                title=row.title,
                url=row.url,
                outlet=self.source(row.outlet_id),
                author=row.author,
                published=published_text(row.published_on, row.published_precision),
                language=row.language,
                ingested_at=row.ingested_at,
            )


def _batch_records(
    conn: Connection,
    claims: Sequence[Any],
    seen: _Lookups,
    numbers: Mapping[int, Mapping[int, int]],
) -> list[ClaimRecord]:
    """The records of a batch of claim rows: their chains, evidence and status history in one
    query each, people, sources and articles from `seen`, numbers as people count them."""
    ids = [c.id for c in claims]
    hop_rows = conn.execute(
        select(
            Attribution.claim_id,
            Attribution.position,
            Attribution.kind,
            Attribution.source_id,
            Attribution.cue_text,
            Attribution.mention_text,
            Attribution.implicit,
            Attribution.confirmed,
        )
        .where(Attribution.claim_id.in_(ids))
        .order_by(Attribution.claim_id, Attribution.position)
    ).all()
    evidence_rows = conn.execute(
        select(
            Evidence.claim_id,
            Evidence.id,
            Evidence.url,
            Evidence.title,
            Evidence.excerpt,
            Evidence.stance,
            Evidence.archived_sha256,
            Evidence.added_by_id,
            Evidence.added_at,
        )
        .where(Evidence.claim_id.in_(ids), Evidence.removed_at.is_(None))
        .order_by(Evidence.claim_id, Evidence.added_at, Evidence.id)
    ).all()
    events = conn.execute(
        select(
            AuditEvent.claim_id,
            AuditEvent.at,
            AuditEvent.actor_id,
            AuditEvent.before,
            AuditEvent.after,
        )
        .where(AuditEvent.action == "claim.status", AuditEvent.claim_id.in_(ids))
        .order_by(AuditEvent.id)
    ).all()
    seen.need_articles({c.article_id for c in claims})
    seen.need_sources({hop.source_id for hop in hop_rows})
    seen.need_people(
        {
            *(c.reviewed_by_id for c in claims),
            *(c.assignee_id for c in claims),
            *(ev.added_by_id for ev in evidence_rows),
            *(e.actor_id for e in events),
        }
    )
    people, sources = seen.people, seen.sources
    hops: dict[int, list[HopRecord]] = defaultdict(list)
    for claim_id, position, kind, source_id, cue, mention, implicit, confirmed in hop_rows:
        hops[claim_id].append(
            HopRecord(position, kind, sources[source_id], cue, mention, implicit, confirmed)
        )
    evidence: dict[int, list[EvidenceRecord]] = defaultdict(list)
    for claim_id, ev_id, url, title, excerpt, stance, sha, added_by, added_at in evidence_rows:
        evidence[claim_id].append(
            EvidenceRecord(ev_id, url, title, excerpt, stance, sha, people[added_by], added_at)
        )
    history: dict[int, list[StatusEvent]] = defaultdict(list)
    for e in events:
        history[e.claim_id].append(StatusEvent(e.at, people[e.actor_id], e.before, e.after))
    articles = seen.articles
    no_hops: tuple[HopRecord, ...] = ()
    no_evidence: tuple[EvidenceRecord, ...] = ()
    records = []
    for (
        claim_id,
        article_id,
        text,
        exact,
        start,
        end,
        status,
        rationale,
        reviewed_by_id,
        reviewed_at,
        assignee_id,
        created_at,
        updated_at,
        claim_reviewed,
    ) in claims:
        claim_events = history.get(claim_id)
        chain = hops.get(claim_id)
        found = evidence.get(claim_id)
        records.append(
            ClaimRecord(
                claim_id,
                articles[article_id],
                text,
                exact,
                start,
                end,
                status,
                rationale,
                people[reviewed_by_id],
                reviewed_at,
                _first_verdict(claim_events) if claim_events else None,
                people[assignee_id],
                created_at,
                updated_at,
                tuple(chain) if chain else no_hops,
                tuple(found) if found else no_evidence,
                corrections_from(claim_id, claim_events) if claim_events else (),
                numbers[article_id].get(claim_id, 0),
                claim_reviewed,
            )
        )
    return records


def iter_claims(
    session: Session, flt: ReportFilter, batch: int = DEFAULT_BATCH
) -> Iterator[ClaimRecord]:
    """The report's claims as plain records, in constant memory.

    Keyset pagination (one article: by position in the text; a period: by claim id); each
    batch reads only the columns a report shows, as rows (no ORM objects), with its chains,
    evidence and status history in one query each; people, sources and articles are read
    once for the whole report.
    """
    # Core rows through the session's connection (its transaction): no ORM loading per row.
    conn = session.connection()
    seen = _Lookups(conn)
    # One article: in text order (index on article_id, start). A period: by claim id, which the
    # primary key serves without sorting, so each batch costs the same however far in it is.
    key = (Claim.start, Claim.id) if flt.article_id is not None else (Claim.id,)
    last: tuple[Any, ...] | None = None
    numbers: dict[int, dict[int, int]] = {}
    while True:
        stmt = (
            select(*_CLAIM_COLUMNS)
            .join(Article, Claim.article_id == Article.id)
            .order_by(*key)
            .limit(batch)
        )
        stmt = _listed(stmt, flt)
        if last is not None:
            stmt = stmt.where(tuple_(*key) > tuple_(*last) if len(key) == 2 else Claim.id > last[0])
        claims = conn.execute(stmt).all()
        if not claims:
            return
        # The numbers of every claim of the batch's articles; an article that goes on into the
        # next batch keeps its numbers, the others are forgotten.
        articles = {c.article_id for c in claims}
        numbers = {a: n for a, n in numbers.items() if a in articles}
        numbers.update(numbers_in_articles(conn, articles - numbers.keys()))
        records = _batch_records(conn, claims, seen, numbers)
        last = (claims[-1].start, claims[-1].id) if len(key) == 2 else (claims[-1].id,)
        yield from records
        if len(claims) < batch:
            return


def get_article(session: Session, article_id: int) -> ArticleRecord:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound("no article %(id)s", id=article_id)
    return article_record(article)


def article_choices(session: Session, limit: int = 200) -> list[tuple[int, str]]:
    """The newest articles as (id, title), for a report form."""
    rows = session.execute(
        select(Article.id, Article.title)
        .order_by(Article.ingested_at.desc(), Article.id.desc())
        .limit(limit)
    ).all()
    return [(i, t) for i, t in rows]


def outlet_choices(session: Session) -> list[tuple[int, str]]:
    """Sources that published an article, as (id, name)."""
    rows = session.execute(
        select(Source.id, Source.name)
        .where(Source.id.in_(select(Article.outlet_id).where(Article.outlet_id.is_not(None))))
        .order_by(Source.name_key)
    ).all()
    return [(i, n) for i, n in rows]


def assignee_choices(session: Session) -> list[tuple[int, str]]:
    rows = session.execute(
        select(User.id, User.name).where(User.active.is_(True)).order_by(User.name)
    ).all()
    return [(i, n) for i, n in rows]


def resolve_outlet(session: Session, value: str) -> int:
    """An outlet given by id or by name/alias (for the CLI)."""
    from .sources import source_by_reference

    try:
        return source_by_reference(session, value).id
    except NotFound:
        raise NotFound("no outlet %(value)r", value=value) from None


def resolve_user(session: Session, value: str) -> int:
    """A user given by id or e-mail address (for the CLI)."""
    if value.isdigit():
        if session.get(User, int(value)) is None:
            raise NotFound("no user %(value)s", value=value)
        return int(value)
    from .users import find_by_email

    found = find_by_email(session, value)
    if found is None:
        raise NotFound("no user with e-mail address %(value)r", value=value)
    return found.id


def export_meta(
    session: Session,
    flt: ReportFilter,
    actor: User | None,
    *,
    newsroom_name: str,
    newsroom_url: str,
    language: str,
    methodology: str,
    review_url: str = "",
) -> ReportMeta:
    """The header of a report to download: editors and admins (report.export); `actor` None is
    the command line. The preview page uses build_meta, open to every role."""
    authorize(actor, "report.export")
    return build_meta(
        session,
        flt,
        newsroom_name=newsroom_name,
        newsroom_url=newsroom_url,
        language=language,
        methodology=methodology,
        review_url=review_url,
    )


def build_meta(
    session: Session,
    flt: ReportFilter,
    *,
    newsroom_name: str,
    newsroom_url: str,
    language: str,
    methodology: str,
    review_url: str = "",
    now: datetime | None = None,
) -> ReportMeta:
    """The report's header: title, summary counts, the article when there is one."""
    flt.check()
    article = get_article(session, flt.article_id) if flt.article_id is not None else None
    labels: dict[str, str] = {}
    if flt.outlet_id is not None:
        outlet = session.get(Source, flt.outlet_id)
        labels["outlet"] = outlet.name if outlet else str(flt.outlet_id)
    if flt.assignee_id is not None:
        user = session.get(User, flt.assignee_id)
        labels["assignee"] = user.name if user else str(flt.assignee_id)
    if article is not None:
        title = article.title
    else:
        title = f"{flt.since.isoformat() if flt.since else '…'} – " + (
            flt.until.isoformat() if flt.until else "…"
        )
    return ReportMeta(
        title=title,
        filter=flt,
        generated_at=now or datetime.now(UTC),
        newsroom_name=newsroom_name,
        newsroom_url=newsroom_url,
        language=language,
        methodology=methodology,
        summary=summarize(session, flt),
        article=article,
        filter_labels=labels,
        review_url=review_url,
        dismissed=dismissed_records(session, flt),
    )


# --- the web's report pages ----------------------------------------------------------------------


@dataclass(frozen=True)
class ReportSettings:
    """The newsroom's settings a report's header carries."""

    newsroom_name: str
    newsroom_url: str
    language: str
    methodology: str
    review_url: str = ""


@dataclass(frozen=True)
class ReportChoices:
    """What the selection form offers: recent articles, outlets and assignees as (id, name)."""

    articles: list[tuple[int, str]]
    outlets: list[tuple[int, str]]
    assignees: list[tuple[int, str]]


@dataclass(frozen=True)
class ReportPage:
    """A report page: the selection form's choices when there is no report to show (no filter
    yet, or `refused` says why not), else the report's header and its claims."""

    can_export: bool
    choices: ReportChoices | None = None
    meta: ReportMeta | None = None
    claims: Iterable[ClaimRecord] = ()
    refused: TrackerError | None = None


def report_page(
    session: Session,
    actor: User,
    flt: ReportFilter | None = None,
    settings: ReportSettings | None = None,
    *,
    export: bool = False,
    limit: int | None = None,
) -> ReportPage:
    """The selection form, the preview (the first `limit` claims, every role) or a download
    (`export`: every claim, streamed as it is read; editors and admins, PermissionDenied
    else)."""
    can_export = allowed(actor, "report.export")
    if flt is not None and settings is not None:
        if export:
            authorize(actor, "report.export")
        try:
            meta = build_meta(
                session,
                flt,
                newsroom_name=settings.newsroom_name,
                newsroom_url=settings.newsroom_url,
                language=settings.language,
                methodology=settings.methodology,
                review_url=settings.review_url,
            )
        except (InvalidInput, NotFound) as err:
            return replace(_with_choices(session, can_export), refused=err)
        claims = iter_claims(session, meta.filter)
        if limit is not None:
            claims = islice(claims, limit)
        return ReportPage(can_export, meta=meta, claims=claims)
    return _with_choices(session, can_export)


def _with_choices(session: Session, can_export: bool) -> ReportPage:
    choices = ReportChoices(
        article_choices(session), outlet_choices(session), assignee_choices(session)
    )
    return ReportPage(can_export, choices=choices)
