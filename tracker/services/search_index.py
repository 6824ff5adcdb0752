"""The full-text index: its tables on each database, kept up to date on every flush.

One index table per kind of result, keyed by the row it describes:

- `claim_search`: a claim's wording, the article's sentence (`exact`), its rationale and the
  titles and excerpts of its evidence that was not removed;
- `article_search`: an article's title and body;
- `source_search`: a source's name and aliases.

Each row holds the three term streams of `search_text` (raw words, Dutch stems, English stems).
SQLite keeps them in FTS5 tables (rowid = the row's id, columns raw, nl, en); PostgreSQL in a
`tsvector` built by its `simple` configuration (no stemming of its own: the stems are made in
Python, the same on both databases and on every PostgreSQL version) with a GIN index.

An `after_flush` hook rewrites the index rows of whatever the flush inserted, changed or deleted,
on the flush's own connection: the index changes in the same transaction as the data.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import Any

from sqlalchemy import (
    Connection,
    Select,
    String,
    TableClause,
    TypeDecorator,
    bindparam,
    event,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import Dialect, Engine
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import QueryableAttribute, Session, UOWTransaction
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import BindParameter, ColumnClause, ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal
from sqlalchemy.types import NullType

from ..models import Article, Claim, Evidence, Source, SourceAlias
from .search_text import SEPARATOR, STREAMS, Term, index_text

Column = ColumnElement[int] | QueryableAttribute[int]
KINDS = ("claim", "article", "source")
TABLES = {kind: f"{kind}_search" for kind in KINDS}
# a search matching one row in this many (at least COMMON_MIN rows) is common: see frequency
COMMON_PER_ROWS = 1000
COMMON_MIN = 100
_KEYS = {"claim": "claim_id", "article": "article_id", "source": "source_id"}
_PARENTS = {"claim": "claims", "article": "articles", "source": "sources"}


def is_index_table(name: str | None) -> bool:
    """True for the index's tables (and SQLite's FTS5 shadow tables of them), which are made by
    the migration, not by the models."""
    return bool(name) and any(
        name == t or (name or "").startswith(t + "_") for t in TABLES.values()
    )


# -- the tables ---------------------------------------------------------------------------------


def create_tables(conn: Connection) -> None:
    """Create the index's tables (empty) on `conn`'s database."""
    for kind, table in TABLES.items():
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql(
                f"CREATE VIRTUAL TABLE {table} USING fts5("
                "raw, nl, en, tokenize = 'unicode61 remove_diacritics 0')"
            )
        else:
            parent = _PARENTS[kind]
            conn.exec_driver_sql(
                f"CREATE TABLE {table} ({_KEYS[kind]} integer NOT NULL PRIMARY KEY "
                f"REFERENCES {parent} (id) ON DELETE CASCADE, terms tsvector NOT NULL)"
            )
            conn.exec_driver_sql(f"CREATE INDEX ix_{table}_terms ON {table} USING gin (terms)")


def drop_tables(conn: Connection) -> None:
    for table in TABLES.values():
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")


def rebuild(conn: Connection, batch: int = 2000) -> dict[str, int]:
    """Index every claim, article and source (the migration's and the benchmarks' bulk build);
    returns how many rows of each kind were indexed."""
    counts: dict[str, int] = {}
    for kind, model in (("claim", Claim), ("article", Article), ("source", Source)):
        ids = list(conn.execute(select(model.id).order_by(model.id)).scalars())
        for i in range(0, len(ids), batch):
            reindex(conn, kind, ids[i : i + batch])
        counts[kind] = len(ids)
    return counts


# -- documents ----------------------------------------------------------------------------------


def _claim_docs(conn: Connection, ids: list[int]) -> dict[int, tuple[list[str], str | None]]:
    docs: dict[int, tuple[list[str], str | None]] = {}
    for cid, wording, exact, rationale, lang in conn.execute(
        select(Claim.id, Claim.text, Claim.exact, Claim.rationale, Article.language)
        .join(Article, Article.id == Claim.article_id)
        .where(Claim.id.in_(ids))
    ):
        parts = [wording] if wording == exact else [wording, exact]
        docs[cid] = ([*parts, rationale or ""], lang)
    for cid, title, excerpt in conn.execute(
        select(Evidence.claim_id, Evidence.title, Evidence.excerpt)
        .where(Evidence.claim_id.in_(ids), Evidence.removed_at.is_(None))
        .order_by(Evidence.id)
    ):
        if cid in docs:
            docs[cid][0].extend([title or "", excerpt or ""])
    return docs


def _article_docs(conn: Connection, ids: list[int]) -> dict[int, tuple[list[str], str | None]]:
    return {
        aid: ([title, body], lang)
        for aid, title, body, lang in conn.execute(
            select(Article.id, Article.title, Article.body, Article.language).where(
                Article.id.in_(ids)
            )
        )
    }


def _source_docs(conn: Connection, ids: list[int]) -> dict[int, tuple[list[str], str | None]]:
    docs: dict[int, tuple[list[str], str | None]] = {
        sid: ([name], None)
        for sid, name in conn.execute(select(Source.id, Source.name).where(Source.id.in_(ids)))
    }
    for sid, alias in conn.execute(
        select(SourceAlias.source_id, SourceAlias.alias)
        .where(SourceAlias.source_id.in_(ids))
        .order_by(SourceAlias.id)
    ):
        if sid in docs:
            docs[sid][0].append(alias)
    return docs


_DOCS = {"claim": _claim_docs, "article": _article_docs, "source": _source_docs}


def reindex(conn: Connection, kind: str, ids: Iterable[int]) -> None:
    """Rewrite the index rows of these rows of `kind` (a row that no longer exists loses its)."""
    wanted = sorted(set(ids))
    if not wanted:
        return
    docs = _DOCS[kind](conn, wanted)
    table = TABLES[kind]
    rows: list[dict[str, Any]] = [
        dict(zip(("id", *STREAMS), (key, *index_text(parts, lang)), strict=True))
        for key, (parts, lang) in docs.items()
    ]
    if conn.dialect.name == "sqlite":
        conn.execute(text(f"DELETE FROM {table} WHERE rowid = :id"), [{"id": i} for i in wanted])
        if rows:
            conn.execute(
                text(f"INSERT INTO {table} (rowid, raw, nl, en) VALUES (:id, :raw, :nl, :en)"),
                rows,
            )
        return
    key = _KEYS[kind]
    gone = [i for i in wanted if i not in docs]
    if gone:
        conn.execute(text(f"DELETE FROM {table} WHERE {key} = :id"), [{"id": i} for i in gone])
    if rows:
        conn.execute(
            text(
                f"INSERT INTO {table} ({key}, terms) VALUES (:id, to_tsvector('simple', :terms)) "
                f"ON CONFLICT ({key}) DO UPDATE SET terms = EXCLUDED.terms"
            ),
            # the streams one after the other, a separator between: no phrase spans two
            [{"id": r["id"], "terms": f" {SEPARATOR} ".join(r[s] for s in STREAMS)} for r in rows],
        )


# -- keeping it up to date ----------------------------------------------------------------------

_INDEXED: dict[type[Any], tuple[str, tuple[str, ...]]] = {
    Claim: ("claim", ("text", "exact", "rationale", "article_id")),
    Article: ("article", ("title", "body", "language")),
    Source: ("source", ("name",)),
}
_has_index: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def _changed(obj: Any, attrs: tuple[str, ...]) -> bool:
    state = inspect(obj)
    return any(state.attrs[a].history.has_changes() for a in attrs)


def _targets(session: Session) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {kind: set() for kind in KINDS}
    for obj in [*session.new, *session.dirty, *session.deleted]:
        is_new = obj in session.new or obj in session.deleted
        for model, (kind, attrs) in _INDEXED.items():
            if isinstance(obj, model) and (is_new or _changed(obj, attrs)):
                out[kind].add(obj.id)
                if kind == "article" and not is_new:  # the claims' language
                    out["claim"].update(c.id for c in obj.claims)
        if isinstance(obj, Evidence) and obj.claim_id is not None:
            out["claim"].add(obj.claim_id)
        elif isinstance(obj, SourceAlias) and obj.source_id is not None:
            out["source"].add(obj.source_id)
    return out


def _indexed(conn: Connection) -> bool:
    engine = conn.engine
    found = _has_index.get(engine)
    if found is None:
        found = inspect(conn).has_table(TABLES["claim"])
        _has_index[engine] = found
    return found


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    targets = _targets(session)
    if not any(targets.values()):
        return
    conn = session.connection()
    if not _indexed(conn):  # a database the search migration has not reached
        return
    for kind, ids in targets.items():
        reindex(conn, kind, (i for i in ids if i is not None))


# -- matching in SQL ----------------------------------------------------------------------------


def fts5_query(terms: list[Term]) -> str:
    """The FTS5 MATCH expression of `terms` (all must hold)."""
    parts = []
    for t in terms:
        if t.kind == "prefix":
            parts.append(f'raw : "{t.raw[0]}" *')
            continue
        alternatives = dict.fromkeys(
            f'{name} : "{" ".join(stream)}"'
            for name, stream in zip(STREAMS, t.streams, strict=True)
        )
        parts.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(parts)


def tsquery(terms: list[Term]) -> str:
    """The PostgreSQL tsquery text of `terms` (all must hold), for to_tsquery('simple', ...)."""
    parts = []
    for t in terms:
        if t.kind == "prefix":
            parts.append(f"'{t.raw[0]}':*")
            continue
        alternatives = dict.fromkeys(
            "(" + " <-> ".join(f"'{w}'" for w in stream) + ")" for stream in t.streams
        )
        parts.append("(" + " | ".join(alternatives) + ")")
    return " & ".join(parts)


class _Query(TypeDecorator[tuple[Term, ...]]):
    """A bound search: the terms, written as each database's query text when sent (so that one
    compiled statement serves every search: SQLAlchemy caches it)."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: tuple[Term, ...] | None, dialect: Dialect) -> str:
        terms = list(value or ())
        return fts5_query(terms) if dialect.name == "sqlite" else tsquery(terms)


def _query(terms: list[Term]) -> BindParameter[tuple[Term, ...]]:
    return bindparam("q", tuple(terms), type_=_Query(), unique=True)


class Matches(ColumnElement[Any]):
    """SQL condition: `column` (a claim's, article's or source's id) is the id of a row whose
    index entry matches `terms`. Compiled for each database.

    With `scan`, SQLite does not look the matching rows up by their id: it reads the rows in
    the statement's order (an index on the sort columns) and keeps those among the matches, which
    is quicker when a frequent term would have it look up and sort a large share of the table."""

    # NullType, not Boolean: SQLite would be given "(... IN (...)) = 1", which no index serves
    type = NullType()
    _traverse_internals = [
        ("kind", InternalTraversal.dp_string),
        ("column", InternalTraversal.dp_clauseelement),
        ("query", InternalTraversal.dp_clauseelement),
        ("scan", InternalTraversal.dp_boolean),
    ]

    def __init__(self, kind: str, column: Column, terms: list[Term], scan: bool = False) -> None:
        self.kind = kind
        self.column: ColumnElement[int] = (
            column.__clause_element__() if isinstance(column, QueryableAttribute) else column
        )
        self.query = _query(terms)
        self.scan = scan


@compiles(Matches, "sqlite")
def _matches_sqlite(element: Matches, compiler: SQLCompiler, **kw: Any) -> str:
    table = TABLES[element.kind]
    column = compiler.process(element.column, **kw)
    query = compiler.process(element.query, **kw)
    plus = "+" if element.scan else ""  # SQLite's way of saying: no index for this condition
    return f"{plus}{column} IN (SELECT rowid FROM {table} WHERE {table} MATCH {query})"


@compiles(Matches, "postgresql")
def _matches_postgres(element: Matches, compiler: SQLCompiler, **kw: Any) -> str:
    table = TABLES[element.kind]
    column = compiler.process(element.column, **kw)
    query = compiler.process(element.query, **kw)
    return (
        f"{column} IN (SELECT {_KEYS[element.kind]} FROM {table} "
        f"WHERE terms @@ to_tsquery('simple', {query}))"
    )


class _Key(ColumnClause[int]):
    """The id column of an index table: `rowid` on SQLite, `<kind>_id` on PostgreSQL."""

    inherit_cache = True


@compiles(_Key, "sqlite")
def _key_sqlite(element: _Key, compiler: SQLCompiler, **kw: Any) -> str:
    return f"{element.table.name}.rowid"  # type: ignore[union-attr]


@compiles(_Key, "postgresql")
def _key_postgres(element: _Key, compiler: SQLCompiler, **kw: Any) -> str:
    return f"{element.table.name}.{element.name}"  # type: ignore[union-attr]


class _Hit(ColumnElement[Any]):
    """SQL condition: the index table's row matches the query."""

    type = NullType()
    _traverse_internals = [
        ("table", InternalTraversal.dp_string),
        ("query", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, table: str, terms: list[Term]) -> None:
        self.table = table
        self.query = _query(terms)


@compiles(_Hit, "sqlite")
def _hit_sqlite(element: _Hit, compiler: SQLCompiler, **kw: Any) -> str:
    return f"{element.table} MATCH {compiler.process(element.query, **kw)}"


@compiles(_Hit, "postgresql")
def _hit_postgres(element: _Hit, compiler: SQLCompiler, **kw: Any) -> str:
    query = compiler.process(element.query, **kw)
    return f"{element.table}.terms @@ to_tsquery('simple', {query})"


def join_matching(
    stmt: Select[Any], kind: str, column: Column, terms: list[Term]
) -> tuple[Select[Any], ColumnElement[int]]:
    """`stmt` joined with the index rows of `kind` that match `terms` (one each, on `column`),
    and the index's id column: ordering by it, newest first, SQLite reads the matches from the
    index newest first and stops at the statement's limit, where `matches` would have it read
    and look up every match first."""
    table = TABLES[kind]
    key = _Key(_KEYS[kind])
    index_rows = TableClause(table, key)
    return stmt.join(index_rows, key == column).where(_Hit(table, terms)), key


def newest_with_any(
    conn: Connection, kind: str, stream: str, groups: list[list[str]], limit: int
) -> list[int]:
    """Ids of the newest rows of `kind` (at most `limit`) whose `stream` ("raw", "nl" or "en")
    holds every term of at least one of `groups`: one index query, no ranking (it stops at
    `limit` on SQLite)."""
    groups = [g for g in groups if g]
    if not groups:
        return []
    table = TABLES[kind]
    if conn.dialect.name == "sqlite":
        alternatives = " OR ".join("(" + " AND ".join(f'"{t}"' for t in g) + ")" for g in groups)
        q = f"{stream} : ({alternatives})"
        sql = f"SELECT rowid FROM {table} WHERE {table} MATCH :q ORDER BY rowid DESC LIMIT :n"
    else:
        q = " | ".join("(" + " & ".join(f"'{t}'" for t in g) + ")" for g in groups)
        key = _KEYS[kind]
        sql = (
            f"SELECT {key} FROM {table} WHERE terms @@ to_tsquery('simple', :q) "
            f"ORDER BY {key} DESC LIMIT :n"
        )
    return list(conn.execute(text(sql), {"q": q, "n": limit}).scalars())


def newest_with_all(
    conn: Connection, kind: str, stream: str, conditions: list[list[tuple[str, ...]]], limit: int
) -> list[int]:
    """Ids of the newest rows of `kind` (at most `limit`) whose `stream` holds, for each of
    `conditions`, one of its phrases (terms in a row): one index query, an AND of ORs."""
    conditions = [c for c in conditions if c]
    if not conditions:
        return []
    table = TABLES[kind]
    if conn.dialect.name == "sqlite":
        q = (
            f"{stream} : ("
            + " AND ".join(
                "(" + " OR ".join('"' + " ".join(p) + '"' for p in c) + ")" for c in conditions
            )
            + ")"
        )
        sql = f"SELECT rowid FROM {table} WHERE {table} MATCH :q ORDER BY rowid DESC LIMIT :n"
    else:
        q = " & ".join(
            "(" + " | ".join("(" + " <-> ".join(f"'{w}'" for w in p) + ")" for p in c) + ")"
            for c in conditions
        )
        key = _KEYS[kind]
        sql = (
            f"SELECT {key} FROM {table} WHERE terms @@ to_tsquery('simple', :q) "
            f"ORDER BY {key} DESC LIMIT :n"
        )
    return list(conn.execute(text(sql), {"q": q, "n": limit}).scalars())


def newest_with_most(
    conn: Connection,
    kind: str,
    stream: str,
    required: list[str],
    optional: list[str],
    need: int,
    limit: int,
) -> list[int]:
    """Ids of the newest rows of `kind` (at most `limit`) whose `stream` holds every term of
    `required` and at least `need` of `optional`.

    One index query per optional term, each with all the required ones, their rows counted in
    one statement: when a required term is rare, each is short (the index skips through the
    long lists), where one query with an OR of every choice of optional terms reads each long
    list in full (SQLite's FTS5). PostgreSQL's GIN index does that query well, in one round
    trip."""
    if conn.dialect.name != "sqlite":
        groups = [[*required, *chosen] for chosen in combinations(optional, need)]
        return newest_with_any(conn, kind, stream, groups, limit)
    if not optional:
        return newest_with_any(conn, kind, stream, [required], limit) if need <= 0 else []
    table = TABLES[kind]
    arms = " UNION ALL ".join(
        f"SELECT rowid AS id FROM {table} WHERE {table} MATCH :q{i}" for i in range(len(optional))
    )
    sql = (  # counted in SQLite, not row by row in Python
        f"SELECT id FROM ({arms}) GROUP BY id HAVING count(*) >= :need ORDER BY id DESC LIMIT :n"
    )
    params: dict[str, Any] = {"need": need, "n": limit}
    for i, term in enumerate(optional):
        params[f"q{i}"] = f"{stream} : (" + " AND ".join(f'"{t}"' for t in [*required, term]) + ")"
    return list(conn.execute(text(sql), params).scalars())


_ARMS = 200  # selects in one UNION ALL (SQLite allows 500)
# one claim's candidate search: every term of one of the groups (newest_with_any), or
# (required, optional, need) (newest_with_most)
Ask = list[list[str]] | tuple[list[str], list[str], int]


def newest_each(
    conn: Connection, kind: str, stream: str, asks: Sequence[Ask], limit: int
) -> list[list[int]]:
    """`newest_with_any` (an ask that is a list of groups) or `newest_with_most` (an ask that
    is a tuple of its arguments) for each of `asks`, all in one statement: the ids found for
    each ask, in order, each list the same as the single function's."""
    out: list[list[int]] = [[] for _ in asks]
    table = TABLES[kind]
    sqlite = conn.dialect.name == "sqlite"
    arms: list[str] = []
    params: dict[str, Any] = {"n": limit}
    for k, asked in enumerate(asks):
        ask = asked
        if isinstance(ask, tuple):
            required, optional, need = ask
            if need > len(optional):
                continue
            if not sqlite or need <= 0:
                ask = [[*required, *chosen] for chosen in combinations(optional, max(need, 0))]
        if isinstance(ask, list):
            groups = [g for g in ask if g]
            if not groups:
                continue
            if sqlite:
                alternatives = " OR ".join(
                    "(" + " AND ".join(f'"{t}"' for t in g) + ")" for g in groups
                )
                params[f"q{k}"] = f"{stream} : ({alternatives})"
                found = (
                    f"SELECT rowid AS id FROM {table} WHERE {table} MATCH :q{k} "
                    "ORDER BY rowid DESC LIMIT :n"
                )
            else:
                params[f"q{k}"] = " | ".join(
                    "(" + " & ".join(f"'{t}'" for t in g) + ")" for g in groups
                )
                key = _KEYS[kind]
                found = (
                    f"SELECT {key} AS id FROM {table} WHERE terms @@ to_tsquery('simple', "
                    f":q{k}) ORDER BY {key} DESC LIMIT :n"
                )
        else:  # SQLite: one index query per optional term, their rows counted (newest_with_most)
            counted = " UNION ALL ".join(
                f"SELECT rowid AS id FROM {table} WHERE {table} MATCH :q{k}_{i}"
                for i in range(len(optional))
            )
            for i, term in enumerate(optional):
                params[f"q{k}_{i}"] = (
                    f"{stream} : (" + " AND ".join(f'"{t}"' for t in [*required, term]) + ")"
                )
            params[f"need{k}"] = need
            found = (
                f"SELECT id FROM ({counted}) GROUP BY id HAVING count(*) >= :need{k} "
                "ORDER BY id DESC LIMIT :n"
            )
        arms.append(f"SELECT {k} AS k, id FROM ({found}) AS a{k}")
    for start in range(0, len(arms), _ARMS):
        chunk = text(" UNION ALL ".join(arms[start : start + _ARMS]))
        for k, row_id in conn.execute(chunk, params).all():  # fetchall: quicker than row by row
            out[k].append(row_id)
    return out


def matches(
    kind: str, column: Column, terms: list[Term], *, scan: bool = False
) -> ColumnElement[Any]:
    """The condition "`column` is a row of `kind` whose text matches all of `terms`" (`scan`:
    see Matches)."""
    return Matches(kind, column, terms, scan)


def frequency(conn: Connection, kind: str, terms: list[Term]) -> str | None:
    """How often a search matches, where it decides how to read it (see queue_statement):
    "common" on SQLite when at least one row of `kind` in COMMON_PER_ROWS matches (counted up
    to that many); "rare" on PostgreSQL when a word of it is none of the most common terms its
    statistics hold (it then guesses a share too large and walks an index looking for it);
    None otherwise."""
    if not terms:
        return None
    table = TABLES[kind]
    if conn.dialect.name == "sqlite":
        rows = conn.execute(text(f"SELECT max(rowid) FROM {table}")).scalar() or 0
        cap = max(COMMON_MIN, rows // COMMON_PER_ROWS)
        found = conn.execute(
            text(f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH :q LIMIT :cap)"),
            {"q": fts5_query(terms), "cap": cap},
        ).scalar_one()
        return "common" if found >= cap else None
    common = _pg_common_terms(conn, table)
    if not common:  # no statistics yet (a new database): nothing known
        return None
    for t in terms:
        if t.kind != "prefix" and not any(w in common for stream in t.streams for w in stream):
            return "rare"
    return None


# -- how common a term is -----------------------------------------------------------------------

_PG_FREQUENCIES: weakref.WeakKeyDictionary[Engine, dict[str, tuple[float, dict[str, float]]]] = (
    weakref.WeakKeyDictionary()
)
_STATS_TTL = 600.0  # seconds a term's share, once read, is used


def term_shares(conn: Connection, kind: str, stream: str, terms: Iterable[str]) -> dict[str, float]:
    """The share (0..1) of the rows of `kind` whose index holds each of `terms`: the matcher
    asks the rarest first.

    SQLite counts them in the index, up to a cap (a term above it is "common"; counting all
    of a frequent term's rows costs as much as the match itself), keeping the capped counts for
    a while (a rare term's count is cheap, and must not stay 0 once the term arrives); PostgreSQL
    reads the
    statistics ANALYZE keeps of the tsvector column (its most common terms and their shares;
    a term not among them is rarer than all of them and gets the least listed share)."""
    wanted = sorted(set(terms))
    if not wanted:
        return {}
    table = TABLES[kind]
    if conn.dialect.name == "sqlite":
        return _sqlite_shares(conn, table, stream, wanted)
    common = _pg_common_terms(conn, table)
    least = min(common.values(), default=0.0)
    return {t: common.get(t, least) for t in wanted}


_SQLITE_COUNTS: weakref.WeakKeyDictionary[
    Engine, dict[tuple[str, str, str], tuple[float, float]]
] = weakref.WeakKeyDictionary()
_COUNT_CAP = 5000


def _sqlite_shares(conn: Connection, table: str, stream: str, terms: list[str]) -> dict[str, float]:
    cache = _SQLITE_COUNTS.setdefault(conn.engine, {})
    now = time.monotonic()
    total = conn.execute(text(f"SELECT max(rowid) FROM {table}")).scalar() or 1
    out: dict[str, float] = {}
    counted: list[str] = []
    for term in terms:
        cached = cache.get((table, stream, term))
        if cached is not None and now - cached[0] < _STATS_TTL:
            out[term] = cached[1]
        else:
            counted.append(term)
    if not counted:
        return out
    arms = [  # every term counted in one statement
        f"SELECT {i} AS k, (SELECT count(*) FROM (SELECT rowid FROM {table} WHERE {table} "
        f"MATCH :q{i} LIMIT :cap)) AS n"
        for i in range(len(counted))
    ]
    params: dict[str, Any] = {f"q{i}": f'{stream} : "{t}"' for i, t in enumerate(counted)}
    params["cap"] = _COUNT_CAP
    counts = [
        row
        for start in range(0, len(arms), _ARMS)
        for row in conn.execute(text(" UNION ALL ".join(arms[start : start + _ARMS])), params)
    ]
    for i, count in counts:
        term = counted[i]
        out[term] = count / max(total, _COUNT_CAP)
        if count >= _COUNT_CAP:  # only a common term's count is dear; a rare one is counted anew
            cache[(table, stream, term)] = (now, out[term])
    return out


def _pg_common_terms(conn: Connection, table: str) -> dict[str, float]:
    tables = _PG_FREQUENCIES.setdefault(conn.engine, {})
    now = time.monotonic()
    cached = tables.get(table)
    if cached is not None and now - cached[0] < _STATS_TTL:
        return cached[1]
    row = conn.execute(
        text(
            "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
            "WHERE tablename = :table AND attname = 'terms'"
        ),
        {"table": table},
    ).first()
    common: dict[str, float] = {}
    if row is not None and row[0] is not None:
        common = dict(zip(row[0], row[1], strict=False))  # the shares end with min, max, nulls
    tables[table] = (now, common)
    return common
