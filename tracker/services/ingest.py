"""Bringing an article in: validate, store, extract its claims, link their sources."""

from __future__ import annotations

import hashlib
import multiprocessing
import re
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import exists, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from .. import extract
from ..models import Article, Attribution, Claim, Source, SourceAlias, User, name_key
from . import audit, matching
from .anchoring import Quote, quote_for, reanchor
from .errors import (
    Count,
    DuplicateArticle,
    InvalidInput,
    NearDuplicateArticle,
    NotFound,
    TrackerError,
)
from .policy import authorize
from .source_links import ArticleSources

DEFAULT_MAX_CHARS = 500_000
LANGUAGES = ("nl", "en")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’&.-]*(?:\s+(?:[a-z]{1,4}\s+)?[A-Z][\w'’&.-]*)*")


@dataclass
class ArticleInput:
    """What a user or an import gives for one article; only `body` is required."""

    body: str
    title: str = ""
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None


def parse_published(value: str | None) -> tuple[date | None, str | None]:
    """'2023', '2023-02' or '2023-02-14' -> (date, precision)."""
    if not value or not value.strip():
        return None, None
    m = _DATE.match(value.strip())
    if not m:
        raise InvalidInput(
            "publication date %(date)r is not YYYY, YYYY-MM or YYYY-MM-DD", date=value
        )
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        parsed = date(int(year), int(month or 1), int(day or 1))
    except ValueError as err:
        raise InvalidInput("publication date %(date)r does not exist", date=value) from err
    return parsed, "day" if day else "month" if month else "year"


def validate_body(body: str, max_chars: int = DEFAULT_MAX_CHARS) -> None:
    """Refuse an empty, oversized or binary-looking article with a clear message."""
    if not body.strip():
        raise InvalidInput("the article is empty")
    if len(body) > max_chars:
        raise InvalidInput(
            "the article has %(length)s characters; the limit is %(limit)s",
            length=Count(len(body)),
            limit=Count(max_chars),
        )
    if "\x00" in body:
        raise InvalidInput("the article contains NUL bytes: it looks like a binary file, not text")


def _default_title(body: str) -> str:
    first = next((line.strip() for line in body.splitlines() if line.strip()), "")
    return first[:200] + ("…" if len(first) > 200 else "")


def _known_sources(session: Session, body: str) -> list[extract.KnownSource]:
    """Registry entries whose name or alias appears as a capitalised run in the text."""
    keys = {name_key(m.group(0)) for m in _CAPITALISED.finditer(body)}
    keys |= {k.removeprefix("the ") for k in keys}
    keys.discard("")
    if not keys:
        return []
    found: dict[int, Source] = {}
    key_list = sorted(keys)
    for i in range(0, len(key_list), 500):
        chunk = key_list[i : i + 500]
        for source in session.scalars(
            select(Source).where(
                Source.merged_into_id.is_(None),
                Source.article_id.is_(None),
                Source.name_key.in_(chunk),
            )
        ):
            found[source.id] = source
        for source in session.scalars(
            select(Source)
            .join(SourceAlias)
            .where(SourceAlias.alias_key.in_(chunk), Source.article_id.is_(None))
        ):
            found[source.id] = source
    return [
        extract.KnownSource(s.name, s.kind, tuple(a.alias for a in s.aliases))
        for s in found.values()
    ]


def ingest_article(
    session: Session,
    data: ArticleInput,
    actor: User | None = None,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    supersedes_id: int | None = None,
    allow_duplicate: bool = False,
    separate: bool = False,
) -> Article:
    """Store an article and the claims the extractor finds in it, in the caller's transaction.

    The same text is stored once: DuplicateArticle when it is there already, also when another
    client stores it at the same moment (the database's unique duplicate key decides). A text
    nearly the same as a stored one (see `similar_article`) is refused with NearDuplicateArticle
    unless it is given as that article's new version (`supersedes_id`) or as a `separate` one.
    The extractor and the search for earlier repeats of its claims run before the first write,
    so the write lock (SQLite) is held only while the rows are written.
    """
    authorize(actor, "article.ingest")
    body = data.body
    validate_body(body, max_chars)
    sha = hashlib.sha256(body.encode("utf-8")).hexdigest()
    if not allow_duplicate:
        _refuse_duplicate(session, sha)
        if supersedes_id is None and not separate:
            similar = similar_article(session, body)
            if similar is not None:
                raise NearDuplicateArticle(*similar)
    language = (data.language or "auto").strip().lower()
    if language == "auto":
        language = extract.detect_language(body)
    if language not in LANGUAGES:
        raise InvalidInput(
            "language %(language)r is not supported; use nl, en or auto", language=data.language
        )
    if data.url and not data.url.startswith(("http://", "https://")):
        raise InvalidInput("the article URL must start with http:// or https://")
    published_on, precision = parse_published(data.published)
    found = extract.extract_claims(body, language, _known_sources(session, body))
    old = _superseded(session, supersedes_id)
    repeats = matching.find_matches(
        session,
        [matching.Wording(i, c.text, language) for i, c in enumerate(found)],
        matching.versions(old),
    )
    outlet = ArticleSources.outlet(session, data.outlet, actor) if data.outlet else None
    article = Article(
        title=(data.title.strip() or _default_title(body))[:500],
        url=data.url or None,
        outlet=outlet,
        author=(data.author or "").strip() or None,
        published_on=published_on,
        published_precision=precision,
        language=language,
        body=body,
        body_sha256=sha,
        duplicate_key=None if allow_duplicate else sha,
        ingested_by=actor,
        supersedes=old,
    )
    session.flush()
    try:
        with session.begin_nested():
            session.add(article)
            session.flush()
    except IntegrityError:
        if not allow_duplicate:
            _refuse_duplicate(session, sha)  # another client stored the text meanwhile
        raise
    links = ArticleSources(session, article, actor)
    taken = _carry_over(session, old, article, actor) if old else []
    kept = {
        i: candidate
        for i, candidate in enumerate(found)
        if not any(candidate.start < end and start < candidate.end for start, end in taken)
    }
    # "seen before": the repeats found above join their earlier claims' clusters
    repeats = [r for r in repeats if r.claim_id in kept]
    clusters = matching.clusters_for(session, repeats)
    stored: dict[int, Claim] = {}
    with session.no_autoflush:  # the claims, their hops, new sources and matches in one flush
        for i, candidate in kept.items():
            stored[i] = _store_claim(session, article, candidate, links)
            stored[i].cluster_id = clusters.get(i)
        matches = [matching.proposed(stored[r.claim_id], r) for r in repeats]
        session.add_all(matches)
    added = len(stored)
    session.flush()
    match_events = matching.propose_events(matches)
    audit.record_many(
        session,
        [
            *match_events,
            *links.creation_events(),
            {
                "actor": actor,
                "action": "article.ingest",
                "entity_type": "article",
                "entity_id": article.id,
                "after": {
                    "title": article.title,
                    "sha256": sha,
                    "language": language,
                    "claims": added,
                    "supersedes": old.id if old else None,
                },
            },
        ],
    )
    return article


# How alike two texts must be, after spacing and quotes are evened out, to be taken for two
# versions of one article (rapidfuzz ratio, 0-100): a changed word or figure in a paragraph
# stays above it, a different article on the same subject falls far below.
SIMILAR_RATIO = 90.0
_SIMILAR_CANDIDATES = 200
_QUOTES = str.maketrans({c: '"' for c in "“”„‟«»″"} | {c: "'" for c in "‘’‚‛′"})


def _comparable(text: str) -> str:
    """The text with every run of whitespace one space and typographic quotes plain."""
    return " ".join(text.translate(_QUOTES).split())


def similar_article(session: Session, body: str) -> tuple[int, int] | None:
    """The newest version of a stored, not withdrawn article whose text is nearly `body`
    (id and similarity in percent), or None.

    Only articles of about the same length are compared (within a tenth either way, newest
    first, at most 200), so the check costs the same however large the archive is."""
    text = _comparable(body)
    size = len(body)
    newer = aliased(Article)
    candidates = session.execute(
        select(Article.id, Article.body)
        .where(
            func.length(Article.body).between(int(size * 0.9), int(size * 1.1) + 1),
            Article.withdrawn_at.is_(None),
            ~exists().where(newer.supersedes_id == Article.id),
        )
        .order_by(Article.id.desc())
        .limit(_SIMILAR_CANDIDATES)
    ).all()
    best: tuple[int, int] | None = None
    for article_id, stored in candidates:
        score = fuzz.ratio(text, _comparable(stored), score_cutoff=SIMILAR_RATIO)
        if score and (best is None or score > best[1]):
            best = (article_id, int(score))
    return best


def _refuse_duplicate(session: Session, sha: str) -> None:
    """DuplicateArticle naming the stored article with this text, if there is one."""
    existing = session.scalar(
        select(Article.id).where(Article.body_sha256 == sha).order_by(Article.id).limit(1)
    )
    if existing is not None:
        raise DuplicateArticle(existing)


def _superseded(session: Session, supersedes_id: int | None) -> Article | None:
    if supersedes_id is None:
        return None
    old = session.get(Article, supersedes_id)
    if old is None:
        raise NotFound("no article %(id)s to supersede", id=supersedes_id)
    if session.scalar(select(Article.id).where(Article.supersedes_id == old.id)) is not None:
        raise InvalidInput("article %(id)s has already been superseded", id=old.id)
    return old


def _store_claim(
    session: Session, article: Article, found: extract.Claim, links: ArticleSources
) -> Claim:
    quote = quote_for(article.body, found.start, found.end)
    claim = Claim(
        article=article,
        start=found.start,
        end=found.end,
        exact=quote.exact,
        prefix=quote.prefix,
        suffix=quote.suffix,
        text=found.text,
        checkworthy=found.checkworthy,
        score=min(1.0, max(0.0, found.score)),
        suggested_status=found.suggested_status,
        origin="extractor",
    )
    session.add(claim)
    attribution = found.attribution
    if attribution is not None:
        mentions = [*attribution.via, *([attribution.source] if attribution.source else [])]
        primary_kind = attribution.kind
        cue = attribution.cue
        if not mentions:
            claim.attributions.append(
                Attribution(
                    position=0,
                    kind=primary_kind,
                    cue_text=cue.text if cue else None,
                    cue_start=cue.start if cue else None,
                    cue_end=cue.end if cue else None,
                    implicit=attribution.implicit,
                )
            )
        for position, mention in enumerate(mentions):
            is_primary = position == len(mentions) - 1
            hop_cue = cue if is_primary else None
            claim.attributions.append(
                Attribution(
                    position=position,
                    source=links.link(mention),
                    kind=primary_kind if is_primary else "reported",
                    cue_text=hop_cue.text if hop_cue else None,
                    cue_start=hop_cue.start if hop_cue else None,
                    cue_end=hop_cue.end if hop_cue else None,
                    mention_text=mention.text,
                    mention_start=mention.start,
                    mention_end=mention.end,
                    implicit=attribution.implicit and is_primary,
                )
            )
    return claim


def _carry_over(
    session: Session, old: Article, new: Article, actor: User | None
) -> list[tuple[int, int]]:
    """Re-anchor the old version's claims in the new one; flag those without a place."""
    placed: list[tuple[int, int]] = []
    for claim in list(old.claims):
        anchor = reanchor(
            new.body, claim.start, claim.end, Quote(claim.exact, claim.prefix, claim.suffix)
        )
        before = {"article_id": old.id, "start": claim.start, "end": claim.end}
        if anchor is None:
            claim.orphaned = True
            audit.record(
                session,
                actor=actor,
                action="claim.orphan",
                entity_type="claim",
                entity_id=claim.id,
                claim_id=claim.id,
                before=before,
                after={"article_id": old.id, "orphaned": True, "superseded_by": new.id},
            )
            continue
        quote = quote_for(new.body, anchor.start, anchor.end)
        claim.article = new
        claim.start, claim.end = anchor.start, anchor.end
        claim.exact, claim.prefix, claim.suffix = quote.exact, quote.prefix, quote.suffix
        claim.orphaned = False
        for hop in claim.attributions:
            hop.cue_start = hop.cue_end = hop.mention_start = hop.mention_end = None
        placed.append((anchor.start, anchor.end))
        audit.record(
            session,
            actor=actor,
            action="claim.reanchor",
            entity_type="claim",
            entity_id=claim.id,
            claim_id=claim.id,
            before=before,
            after={
                "article_id": new.id,
                "start": anchor.start,
                "end": anchor.end,
                "method": anchor.method,
            },
        )
    return placed


@dataclass
class BulkTally:
    """How far a bulk ingest got: lines handled, articles stored, duplicates (of which nearly
    the same as a stored article: `similar`) and bad lines."""

    done: int = 0
    stored: int = 0
    claims: int = 0
    duplicates: int = 0
    bad: int = 0
    similar: int = 0


def _actor(session: Session, actor_id: int | None) -> User | None:
    """The user a bulk import runs as; NotFound when that account is gone (never the system)."""
    if actor_id is None:
        return None
    actor = session.get(User, actor_id)
    if actor is None:
        raise NotFound("user %(id)s, whom this import runs as, no longer exists", id=actor_id)
    return actor


def _ingest_one(
    sessions: Callable[[], Session],
    item: ArticleInput,
    *,
    max_chars: int,
    actor_id: int | None,
    supersedes_id: int | None,
    separate: bool,
) -> tuple[str, str, Article | None]:
    """One article in a transaction of its own: ("stored", "", article), ("duplicate" or
    "similar", why, None) or ("bad", why, None). NotFound for a vanished actor stops it."""
    with sessions() as session:
        actor = _actor(session, actor_id)  # gone mid-import: the import stops here
        try:
            article = ingest_article(
                session,
                item,
                actor,
                max_chars=max_chars,
                supersedes_id=supersedes_id,
                separate=separate,
            )
            session.commit()
        except DuplicateArticle as err:
            session.rollback()
            kind = "similar" if isinstance(err, NearDuplicateArticle) else "duplicate"
            return kind, f"skipped: {err}", None
        except TrackerError as err:
            session.rollback()
            return "bad", str(err), None
        len(article.claims)  # loaded while the session is open, for the caller's count
        return "stored", "", article


def _count(
    tally: BulkTally,
    label: str,
    kind: str,
    message: str,
    claims: int,
    on_skip: Callable[[str, str], None] | None,
) -> None:
    tally.done += 1
    if kind == "stored":
        tally.stored += 1
        tally.claims += claims
        return
    if kind in ("duplicate", "similar"):
        tally.duplicates += 1
        tally.similar += kind == "similar"
    else:
        tally.bad += 1
    if on_skip:
        on_skip(label, message)


def ingest_each(
    sessions: Callable[[], Session],
    items: Iterable[tuple[str, ArticleInput | str]],
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    on_article: Callable[[str, Article], None] | None = None,
    on_skip: Callable[[str, str], None] | None = None,
    on_progress: Callable[[BulkTally], None] | None = None,
    actor_id: int | None = None,
    supersedes_id: int | None = None,
    separate: bool = False,
) -> BulkTally:
    """Ingest (label, article) pairs, each in a transaction of its own: all of an article (with
    its claims and audit event) is stored, or nothing of it.

    A text stored before, by an earlier (perhaps killed) run or by anyone else, is skipped as a
    duplicate, so running the same import again finishes it. An item given as a string, or one
    the service refuses, is a bad item: reported through `on_skip` with its label and skipped.
    The transactions are short: other clients wait for at most one article's writes.
    `actor_id` is the user the articles are ingested as (None: the system); when that account
    no longer exists the import stops with NotFound, never carrying on as the system.
    `supersedes_id` and `separate` are passed on to `ingest_article`.
    """
    tally = BulkTally()
    for label, item in items:
        if isinstance(item, str):
            _count(tally, label, "bad", item, 0, on_skip)
        else:
            kind, message, article = _ingest_one(
                sessions,
                item,
                max_chars=max_chars,
                actor_id=actor_id,
                supersedes_id=supersedes_id,
                separate=separate,
            )
            _count(tally, label, kind, message, len(article.claims) if article else 0, on_skip)
            if article is not None and on_article:
                on_article(label, article)
        if on_progress:
            on_progress(tally)
    return tally


# -- several processes (PostgreSQL) ----------------------------------------------------------

_worker: dict[str, Any] = {}


def _start_worker(database_url: str, options: dict[str, Any]) -> None:
    from ..db import make_engine, make_session_factory

    _worker["sessions"] = make_session_factory(make_engine(database_url))
    _worker["options"] = options


def _work(item: tuple[str, ArticleInput]) -> tuple[str, str, str, int]:
    label, article_input = item
    kind, message, article = _ingest_one(_worker["sessions"], article_input, **_worker["options"])
    return label, kind, message, len(article.claims) if article else 0


def ingest_parallel(
    database_url: str,
    items: Iterable[tuple[str, ArticleInput | str]],
    jobs: int,
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    on_skip: Callable[[str, str], None] | None = None,
    on_progress: Callable[[BulkTally], None] | None = None,
    actor_id: int | None = None,
    separate: bool = False,
) -> BulkTally:
    """`ingest_each` in `jobs` processes, each with its own connection (PostgreSQL: SQLite has
    one writer at a time, so more processes only wait for each other). Each article is still
    all or nothing in its own transaction; the audit chain stays one chain, as its appends
    take a lock. The outcomes are reported in the order of `items`."""
    options = {
        "max_chars": max_chars,
        "actor_id": actor_id,
        "supersedes_id": None,
        "separate": separate,
    }
    tally = BulkTally()
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start_worker, initargs=(database_url, options)
    ) as pool:
        window: deque[tuple[str, str] | Future[tuple[str, str, str, int]]] = deque()
        for label, item in items:
            if isinstance(item, str):
                window.append((label, item))
            else:
                window.append(pool.submit(_work, (label, item)))
            while len(window) > jobs * 4:  # keep a few articles queued, never the whole file
                _report(window.popleft(), tally, on_skip, on_progress)
        while window:
            _report(window.popleft(), tally, on_skip, on_progress)
    return tally


def _report(
    entry: tuple[str, str] | Future[tuple[str, str, str, int]],
    tally: BulkTally,
    on_skip: Callable[[str, str], None] | None,
    on_progress: Callable[[BulkTally], None] | None,
) -> None:
    if isinstance(entry, tuple):
        _count(tally, entry[0], "bad", entry[1], 0, on_skip)
    else:
        label, kind, message, claims = entry.result()
        _count(tally, label, kind, message, claims, on_skip)
    if on_progress:
        on_progress(tally)
