"""Likely duplicates in the registry, ranked, for an editor to merge with one click.

Signals, strongest first: the same web address; one name is the other with a first name, an
article or a city before it ("Gilberthorpe" / "Anthony Gilberthorpe", "The Post" / "the New
York Post"); a close spelling (rapidfuzz). Only live registry entries of the same kind are
paired; described sources of single articles never are.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..models import Source, SourceAlias
from .source_names import name_tokens

FUZZY_CUTOFF = 88.0
MAX_SOURCES = 3000  # the most recent live entries compared on the registry page
MAX_FUZZY = 1000  # of which the most recent are compared by spelling with all the others


@dataclass(frozen=True)
class Duplicate:
    """Two entries that are probably one; `keep` is the fuller (or older) of the two."""

    keep: Source
    merge: Source
    score: float
    reason: str


def _url_key(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url.strip().lower())
    host = parts.netloc.removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}" if host else None


def _names(source: Source) -> list[list[str]]:
    every = [source.name, *(a.alias for a in source.aliases)]
    return [t for t in (name_tokens(n) for n in every) if t]


def _extends(longer: list[str], shorter: list[str]) -> bool:
    """`longer` is `shorter` with words before it (a first name, a city, an article)."""
    return len(longer) > len(shorter) and longer[-len(shorter) :] == shorter


def _pair(a: Source, b: Source) -> tuple[float, str] | None:
    url_a, url_b = _url_key(a.url), _url_key(b.url)
    if url_a and url_a == url_b:
        return 100.0, "same web address"
    names_a, names_b = _names(a), _names(b)
    if any(x == y for x in names_a for y in names_b):
        return 98.0, "same name"
    for x in names_a:
        for y in names_b:
            if _extends(x, y) or _extends(y, x):
                if a.kind == "person":
                    return 95.0, "same surname, one with a first name"
                return 92.0, "same name with or without an article, city or first word"
    best = max(
        (fuzz.token_sort_ratio(" ".join(x), " ".join(y)) for x in names_a for y in names_b),
        default=0.0,
    )
    if best >= FUZZY_CUTOFF:
        return round(best * 0.9, 1), "similar spelling"
    return None


def _ordered(a: Source, b: Source) -> tuple[Source, Source]:
    """Keep the confirmed, then the longer name, then the older entry."""

    def rank(s: Source) -> tuple[int, int, int]:
        return (s.status != "confirmed", -len(s.name), s.id)

    return (a, b) if rank(a) <= rank(b) else (b, a)


def _live(session: Session, limit: int) -> list[Source]:
    return list(
        session.scalars(
            select(Source)
            .where(Source.merged_into_id.is_(None), Source.article_id.is_(None))
            .options(selectinload(Source.aliases))
            .order_by(Source.id.desc())
            .limit(limit)
        )
    )


def suggest_duplicates(
    session: Session, source_id: int | None = None, limit: int = 20
) -> list[Duplicate]:
    """Likely duplicate pairs, best first: of one source when `source_id` is given, else of
    the registry's most recent entries."""
    if source_id is not None:
        target = session.get(Source, source_id)
        if target is None or target.merged_into_id is not None or target.article_id is not None:
            return []
        candidates = [(target, o) for o in _close_to(session, target)]
    else:
        by_kind: dict[str, list[Source]] = {}
        for s in _live(session, MAX_SOURCES):
            by_kind.setdefault(s.kind, []).append(s)
        candidates = [
            (group[i], group[j]) for group in by_kind.values() for i, j in _close_pairs(group)
        ]
    found: list[Duplicate] = []
    for a, b in candidates:
        verdict = _pair(a, b)
        if verdict is not None:
            keep, merge = _ordered(a, b)
            found.append(Duplicate(keep, merge, verdict[0], verdict[1]))
    found.sort(key=lambda d: (-d.score, d.keep.name.casefold(), d.merge.id))
    return found[:limit]


def _close_to(session: Session, target: Source) -> list[Source]:
    """The entries among the registry's most recent live ones, of the target's kind, that
    `_pair` may find the same as the target: a shared last name word, the same web address or a
    close spelling. Names are read as plain rows; only these few are loaded as entries."""
    pool = (
        select(Source.id)
        .where(Source.merged_into_id.is_(None), Source.article_id.is_(None))
        .order_by(Source.id.desc())
        .limit(MAX_SOURCES)
        .scalar_subquery()
    )
    mine = [Source.id.in_(pool), Source.kind == target.kind, Source.id != target.id]
    names: dict[int, list[str]] = {}
    urls: dict[int, str | None] = {}
    for i, name, url in session.execute(select(Source.id, Source.name, Source.url).where(*mine)):
        names.setdefault(i, []).append(name)
        urls[i] = _url_key(url)
    for i, alias in session.execute(
        select(SourceAlias.source_id, SourceAlias.alias)
        .join(Source, Source.id == SourceAlias.source_id)
        .where(*mine)
    ):
        names.setdefault(i, []).append(alias)
    own = _names(target)
    lasts = {t[-1] for t in own}
    url = _url_key(target.url)
    close: set[int] = {i for i, u in urls.items() if url and u == url}
    keyed: list[tuple[int, str]] = []
    for i, every in names.items():
        for tokens in map(name_tokens, every):
            if tokens:
                keyed.append((i, " ".join(tokens)))
                if tokens[-1] in lasts:
                    close.add(i)
    texts = [text for _, text in keyed]
    for query in (" ".join(t) for t in own):
        for _match, _score, j in process.extract(
            query, texts, scorer=fuzz.token_sort_ratio, score_cutoff=FUZZY_CUTOFF, limit=None
        ):
            close.add(keyed[j][0])
    if not close:
        return []
    return list(
        session.scalars(
            select(Source)
            .where(Source.id.in_(sorted(close)))
            .options(selectinload(Source.aliases))
            .order_by(Source.id.desc())
        )
    )


def _close_pairs(group: list[Source]) -> list[tuple[int, int]]:
    """Index pairs worth a closer look: sharing a last name word, a web address, or close in
    spelling (rapidfuzz)."""
    pairs: set[tuple[int, int]] = set()
    by_last: dict[str, list[int]] = {}
    by_url: dict[str, list[int]] = {}
    for i, s in enumerate(group):
        for tokens in _names(s):
            by_last.setdefault(tokens[-1], []).append(i)
        url = _url_key(s.url)
        if url:
            by_url.setdefault(url, []).append(i)
    for bucket in [*by_last.values(), *by_url.values()]:
        members = sorted(set(bucket))
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pairs.add((members[x], members[y]))
    names = [" ".join(name_tokens(s.name)) for s in group]
    for i, name in enumerate(names[:MAX_FUZZY]):
        for _match, _score, j in process.extract(
            name, names, scorer=fuzz.token_sort_ratio, score_cutoff=FUZZY_CUTOFF, limit=None
        ):
            if i < j:
                pairs.add((i, j))
    return sorted(pairs)
