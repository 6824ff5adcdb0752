"""Search across the archive: claims (with every queue filter), articles and sources, grouped,
with the words that matched marked for highlighting.

`search_view()` is the one read service behind the results page and `search()` its results
(usable by the JSON API): plain data; the page escapes every piece of text it shows, marked or not.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from ..models import Article, Source
from . import queue
from .errors import InvalidInput, NotFound, TrackerError
from .search_index import frequency, join_matching, matches
from .search_text import Term, marks, parse_query

Marked = list[tuple[str, bool]]  # runs of text, True where a search word matched
GROUP_SIZE = 10
SNIPPET = 160  # characters of an article's body shown around its first match


@dataclass(frozen=True)
class ClaimHit:
    row: queue.QueueRow
    text: Marked
    sentence: Marked  # the article's sentence, when the claim is worded otherwise
    rationale: Marked


@dataclass(frozen=True)
class ArticleHit:
    article: Article
    title: Marked
    snippet: Marked


@dataclass(frozen=True)
class SourceHit:
    source: Source
    name: Marked
    aliases: list[Marked]


@dataclass(frozen=True)
class SearchResults:
    """The results page: the query, what it was read as, and the three groups."""

    q: str
    terms: list[Term]
    claims: queue.QueuePage
    claim_hits: list[ClaimHit] = field(default_factory=list)
    articles: list[ArticleHit] = field(default_factory=list)
    sources: list[SourceHit] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.claim_hits or self.articles or self.sources)


def snippet(text: str, terms: list[Term], lang: str | None, size: int = SNIPPET) -> Marked:
    """A window of `text` around its first matching word, marked; its start if none matches."""
    offset = _first_hit(text, terms, lang)
    start = max(0, offset - size // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < offset else start
    end = min(len(text), start + size)
    window = marks(text[start:end], terms, lang)
    if start:
        window.insert(0, ("… ", False))
    if end < len(text):
        window.append((" …", False))
    return window


CHUNK = 2000  # characters of a body analysed at a time when looking for its first match


def _first_hit(text: str, terms: list[Term], lang: str | None) -> int:
    """Where the first word matching `terms` starts (0 if none): the text is read a chunk of
    whole words at a time, so a long body is not analysed past its first match."""
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + CHUNK)
        if end < len(text):
            space = text.rfind(" ", pos, end)
            end = space if space > pos else end
        at = pos
        for run, hit in marks(text[pos:end], terms, lang):
            if hit:
                return at
            at += len(run)
        pos = end
    return 0


def _articles(session: Session, terms: list[Term], f: queue.QueueFilter) -> list[ArticleHit]:
    # newest first, as the claims: the index's matches read newest first, or, when PostgreSQL
    # would walk the articles looking for a rare word, the few matches sorted
    newest: Any
    if frequency(session.connection(), "article", terms) == "rare":
        stmt = select(Article).where(matches("article", Article.id, terms))
        newest = Article.id + 0  # an expression: no index walk for the order
    else:
        stmt, newest = join_matching(select(Article), "article", Article.id, terms)
    if f.language:
        stmt = stmt.where(Article.language == f.language)
    if f.article_id is not None:
        stmt = stmt.where(Article.id == f.article_id)
    if f.source_id is not None:
        stmt = stmt.where(Article.outlet_id == f.source_id)
    if f.date_field == "published" and f.date_from:
        stmt = stmt.where(Article.published_on >= f.date_from)
    if f.date_field == "published" and f.date_to:
        stmt = stmt.where(Article.published_on <= f.date_to)
    found = session.scalars(
        stmt.options(joinedload(Article.outlet)).order_by(newest.desc()).limit(GROUP_SIZE)
    )
    return [
        ArticleHit(a, marks(a.title, terms, a.language), snippet(a.body, terms, a.language))
        for a in found
    ]


def _sources(session: Session, terms: list[Term], f: queue.QueueFilter) -> list[SourceHit]:
    stmt = (
        select(Source)
        .where(
            matches("source", Source.id, terms),
            Source.article_id.is_(None),  # registry entries, not one article's described source
            Source.merged_into_id.is_(None),
        )
        .options(selectinload(Source.aliases))
        .order_by(Source.name_key, Source.id)
        .limit(GROUP_SIZE)
    )
    if f.source_id is not None:
        stmt = stmt.where(Source.id == f.source_id)
    return [
        SourceHit(s, marks(s.name, terms), [marks(a.alias, terms) for a in s.aliases])
        for s in session.scalars(stmt)
    ]


def search(
    session: Session,
    q: str,
    filters: queue.QueueFilter | None = None,
    user_id: int | None = None,
    page: int = 1,
    per_page: int = GROUP_SIZE,
) -> SearchResults:
    """Claims matching `q` under the queue's `filters` (paged, in the queue's order), and the
    first articles and registry sources matching `q` (those the filters can narrow: language,
    article, source, publication dates)."""
    f = replace(filters or queue.QueueFilter(), q=q)
    terms = parse_query(q)
    if not terms:
        empty = queue.QueuePage([], 1, per_page, has_next=False, filters=f)
        return SearchResults(q, terms, empty)
    claims = queue.queue_page(session, f, user_id, page=page, per_page=per_page)
    hits = []
    for row in claims.rows:
        c = row.claim
        lang = c.article.language
        sentence = marks(c.exact, terms, lang) if c.exact != c.text else []
        hits.append(ClaimHit(row, marks(c.text, terms, lang), sentence, marks(c.rationale, terms)))
    first_page = page == 1
    return SearchResults(
        q,
        terms,
        claims,
        hits,
        _articles(session, terms, f) if first_page else [],
        _sources(session, terms, f) if first_page else [],
    )


@dataclass(frozen=True)
class SearchView:
    """The search page: the choices of the queue's filters, and the results (None without a
    query or with filters not valid; `refused` says why filters were not accepted)."""

    choices: queue.QueueView
    results: SearchResults | None = None
    refused: TrackerError | None = None


def search_view(
    session: Session,
    q: str,
    filters: queue.QueueFilter | None,
    user_id: int | None,
    *,
    source: str = "",
    page: int = 1,
    per_page: int = GROUP_SIZE,
) -> SearchView:
    """Everything the search page shows; filters are checked as the queue checks them."""
    choices = queue.queue_view(session, None, user_id)
    if filters is None or not q:
        return SearchView(choices)
    try:
        filters = queue.checked_filters(session, filters, choices, source)
        return SearchView(choices, search(session, q, filters, user_id, page, per_page))
    except (InvalidInput, NotFound) as err:
        return SearchView(choices, refused=err)
