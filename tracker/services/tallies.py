"""Counts of the claims in review, kept up to date in the transaction that changes them.

The start page (claims per status, a user's open assignments) and a source's track record read
`claim_counts` instead of counting the archive. Each claim in review has a row in
`counted_claims` with what it adds to the counts; when a transaction changes claims, their hops
or their article's withdrawal, the counts change by the difference between those rows and the
claims as they now are. Every flush notes the claims it touched; the counts are brought up to
date once, when the transaction commits. Claims and counters are locked in id order then, so two
transactions cannot deadlock on them. Code that writes claims past the ORM (bulk SQL) calls
`touch` with what it changed, or `rebuild` after a bulk load.
"""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Engine, delete, event, func, insert, inspect, literal, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, UOWTransaction

from ..models import Article, Attribution, Claim, ClaimCount, CountedClaim, in_review

_CLAIMS = "tracker.tallies.claims"
_ARTICLES = "tracker.tallies.articles"
_CLAIM_FIELDS = ("status", "assignee_id", "dismissed_reason", "parent_id", "article_id")
_HOP_FIELDS = ("source_id", "position", "claim_id")
_CHUNK = 500
_HAS_TABLE: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()
Row = tuple[str, int | None, int | None]  # status, primary source, assignee


def counts(session: Session, scope: str, key: int = 0) -> dict[str, int]:
    """The counts per status of one scope ("all" with key 0, "source", "assignee")."""
    rows = session.execute(
        select(ClaimCount.status, ClaimCount.n).where(
            ClaimCount.scope == scope, ClaimCount.key == key
        )
    )
    return {status: int(n) for status, n in rows}


def touch(session: Session, claim_ids: Iterable[int] = (), article_ids: Iterable[int] = ()) -> None:
    """Have the counts of these claims (and of these articles' claims) brought up to date when
    the transaction commits: for changes made past the ORM."""
    session.info.setdefault(_CLAIMS, set()).update(i for i in claim_ids if i is not None)
    session.info.setdefault(_ARTICLES, set()).update(i for i in article_ids if i is not None)


def _history(obj: Any, name: str) -> list[Any]:
    h = inspect(obj).attrs[name].history
    return [*h.added, *h.unchanged, *h.deleted]


def _changed(obj: Any, names: tuple[str, ...]) -> bool:
    state = inspect(obj)
    return any(state.attrs[n].history.has_changes() for n in names)


@event.listens_for(Session, "after_flush")
def _note(session: Session, _flush: UOWTransaction) -> None:
    claims: set[int] = set()
    articles: set[int] = set()
    for obj in [*session.new, *session.dirty, *session.deleted]:
        changed = obj in session.new or obj in session.deleted
        if isinstance(obj, Claim) and (changed or _changed(obj, _CLAIM_FIELDS)):
            claims.add(obj.id)
            claims.update(_history(obj, "parent_id"))  # a split takes its parent out of review
        elif isinstance(obj, Attribution) and (changed or _changed(obj, _HOP_FIELDS)):
            claims.update(_history(obj, "claim_id"))
        elif isinstance(obj, Article) and not changed and _changed(obj, ("withdrawn_at",)):
            articles.add(obj.id)
    if claims or articles:
        touch(session, claims, articles)


@event.listens_for(Session, "before_commit")
def _bring_up_to_date(session: Session) -> None:
    if session.in_nested_transaction():
        return  # the outer transaction's commit does it
    session.flush()
    claims: set[int] = session.info.pop(_CLAIMS, set())
    articles: set[int] = session.info.pop(_ARTICLES, set())
    if not claims and not articles:
        return
    conn = session.connection()
    if not _counted(conn):
        return  # a database the counters' migration has not reached
    if articles:
        claims.update(conn.scalars(select(Claim.id).where(Claim.article_id.in_(sorted(articles)))))
    refresh(conn, claims)


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_CLAIMS, None)
    session.info.pop(_ARTICLES, None)


def _counted(conn: Connection) -> bool:
    if conn.engine in _HAS_TABLE:
        return True
    found = inspect(conn).has_table(CountedClaim.__tablename__)
    if found:  # only a yes is kept: a migration may add the table later
        _HAS_TABLE[conn.engine] = True
    return found


def _keys(row: Row) -> list[tuple[str, int, str]]:
    status, source, assignee = row
    keys = [("all", 0, status)]
    if source is not None:
        keys.append(("source", source, status))
    if assignee is not None:
        keys.append(("assignee", assignee, status))
    return keys


def _primary_source() -> Any:
    return (
        select(Attribution.source_id)
        .where(Attribution.claim_id == Claim.id)
        .order_by(Attribution.position.desc())
        .limit(1)
        .scalar_subquery()
    )


def refresh(conn: Connection, claim_ids: Iterable[int]) -> None:
    """Bring the counts of these claims up to date with the claims as they are now."""
    deltas: Counter[tuple[str, int, str]] = Counter()
    ids = sorted(set(claim_ids))
    for at in range(0, len(ids), _CHUNK):
        chunk = ids[at : at + _CHUNK]
        old: dict[int, Row] = {
            i: (s, src, a)
            for i, s, src, a in conn.execute(
                select(
                    CountedClaim.claim_id,
                    CountedClaim.status,
                    CountedClaim.source_id,
                    CountedClaim.assignee_id,
                )
                .where(CountedClaim.claim_id.in_(chunk))
                .order_by(CountedClaim.claim_id)
                .with_for_update()
            )
        }
        new: dict[int, Row] = {
            i: (s, src, a)
            for i, s, src, a in conn.execute(
                select(Claim.id, Claim.status, _primary_source(), Claim.assignee_id).where(
                    Claim.id.in_(chunk), in_review()
                )
            )
        }
        changed = [i for i in chunk if old.get(i) != new.get(i)]
        if not changed:
            continue
        for i in changed:
            if i in old:
                deltas.subtract(_keys(old[i]))
            if i in new:
                deltas.update(_keys(new[i]))
        conn.execute(delete(CountedClaim).where(CountedClaim.claim_id.in_(changed)))
        rows = [
            {"claim_id": i, "status": new[i][0], "source_id": new[i][1], "assignee_id": new[i][2]}
            for i in changed
            if i in new
        ]
        if rows:
            conn.execute(insert(CountedClaim), rows)
    for (scope, key, status), n in sorted(deltas.items()):
        if n:
            _add(conn, scope, key, status, n)


def _add(conn: Connection, scope: str, key: int, status: str, n: int) -> None:
    module: Any = postgresql if conn.dialect.name == "postgresql" else sqlite
    table = ClaimCount.__table__
    stmt = module.insert(table).values(scope=scope, key=key, status=status, n=n)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[table.c.scope, table.c.key, table.c.status],
            set_={"n": table.c.n + stmt.excluded.n},
        )
    )


def rebuild(conn: Connection) -> None:
    """Count every claim again (after a bulk load that went past the ORM)."""
    conn.execute(delete(ClaimCount))
    conn.execute(delete(CountedClaim))
    conn.execute(
        insert(CountedClaim).from_select(
            ["claim_id", "status", "source_id", "assignee_id"],
            select(Claim.id, Claim.status, _primary_source(), Claim.assignee_id).where(in_review()),
        )
    )
    c = CountedClaim.__table__.c
    columns = ["scope", "key", "status", "n"]
    conn.execute(
        insert(ClaimCount).from_select(
            columns, select(literal("all"), literal(0), c.status, func.count()).group_by(c.status)
        )
    )
    for scope, key in (("source", c.source_id), ("assignee", c.assignee_id)):
        conn.execute(
            insert(ClaimCount).from_select(
                columns,
                select(literal(scope), key, c.status, func.count())
                .where(key.is_not(None))
                .group_by(key, c.status),
            )
        )
