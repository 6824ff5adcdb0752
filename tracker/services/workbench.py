"""Queries behind the fact-checker's workbench, each in a fixed number of queries."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from ..models import (
    STATUSES,
    Article,
    Attribution,
    AuditEvent,
    Claim,
    ClaimMatch,
    Comment,
    Evidence,
    User,
)
from . import audit, clusters, comments
from .clusters import SeenBefore
from .errors import NotFound
from .numbering import numbered, numbers_for
from .positions import Place, place_in_text


@dataclass(frozen=True)
class ArticleRow:
    article: Article
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class ArticlePage:
    rows: list[ArticleRow]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def list_articles(session: Session, page: int = 1, per_page: int = 25) -> ArticlePage:
    """Newest articles first with their claim counts per status (3 queries)."""
    page = max(1, page)
    total = int(session.scalar(select(func.count(Article.id))) or 0)
    articles = list(
        session.scalars(
            select(Article)
            .options(joinedload(Article.outlet))
            .order_by(Article.ingested_at.desc(), Article.id.desc())
            .limit(per_page)
            .offset((page - 1) * per_page)
        )
    )
    counts: dict[int, dict[str, int]] = {a.id: dict.fromkeys(STATUSES, 0) for a in articles}
    if articles:
        for article_id, status, n in session.execute(
            select(Claim.article_id, Claim.status, func.count(Claim.id))
            .where(Claim.article_id.in_(list(counts)), Claim.dismissed_reason.is_(None))
            .group_by(Claim.article_id, Claim.status)
        ):
            counts[article_id][status] = int(n)
    return ArticlePage([ArticleRow(a, counts[a.id]) for a in articles], page, per_page, total)


@dataclass(frozen=True)
class Segment:
    """A run of body text covered by the same claims; `claims` innermost (shortest) first."""

    start: int
    end: int
    text: str
    claims: tuple[Claim, ...] = ()
    # the attribution words this run is part of: "cue" or "source" (None: neither), and
    # whether they belong to the claim open in the panel
    said: str | None = None
    said_selected: bool = False

    @property
    def claim(self) -> Claim | None:
        return self.claims[0] if self.claims else None

    def starts(self, claim: Claim) -> bool:
        return claim.start == self.start


@dataclass(frozen=True)
class Said:
    """Words of the article that attribute a claim: its cue ("zegt", "volgens") or the mention
    of its source, as body offsets; `selected` when the claim is open in the panel."""

    start: int
    end: int
    kind: str  # "cue" or "source"
    selected: bool = False


def attribution_words(claims: Sequence[Claim], selected_id: int | None) -> list[Said]:
    """The cue and source-mention words of the claims' chains, wherever they stand in the body
    (a carried-over speaker is named in an earlier sentence)."""
    out: list[Said] = []
    for claim in claims:
        for hop in claim.attributions:
            for kind, start, end in (
                ("cue", hop.cue_start, hop.cue_end),
                ("source", hop.mention_start, hop.mention_end),
            ):
                if start is not None and end is not None and start < end:
                    out.append(Said(start, end, kind, claim.id == selected_id))
    return out


def segments(body: str, claims: list[Claim], said: Sequence[Said] = ()) -> list[Segment]:
    """Cut the body at every claim boundary so overlapping or nested claims render as flat runs,
    and at the edges of the attribution words in `said` (a source mention wins over a cue where
    they overlap; the open claim's words over the others').

    One sweep over the boundaries, keeping the claims open at each point: linear in the
    number of claims for articles whose claims do not pile up on each other.
    """
    spans = [c for c in claims if 0 <= c.start < c.end <= len(body)]
    words = [w for w in said if 0 <= w.start < w.end <= len(body)]
    opening: dict[int, list[Claim]] = {}
    closing: dict[int, list[Claim]] = {}
    for c in spans:
        opening.setdefault(c.start, []).append(c)
        closing.setdefault(c.end, []).append(c)
    word_opening: dict[int, list[Said]] = {}
    word_closing: dict[int, list[Said]] = {}
    for w in words:
        word_opening.setdefault(w.start, []).append(w)
        word_closing.setdefault(w.end, []).append(w)
    points = sorted({0, len(body), *opening, *closing, *word_opening, *word_closing})
    active: dict[int, Claim] = {}
    active_words: dict[int, Said] = {}
    out: list[Segment] = []
    for start, end in pairwise(points):
        for c in closing.get(start, ()):
            active.pop(id(c), None)
        for c in opening.get(start, ()):
            active[id(c)] = c
        for w in word_closing.get(start, ()):
            active_words.pop(id(w), None)
        for w in word_opening.get(start, ()):
            active_words[id(w)] = w
        covering = sorted(active.values(), key=lambda c: (c.end - c.start, -c.start, c.id))
        word = max(
            active_words.values(),
            key=lambda w: (w.selected, w.kind == "source"),
            default=None,
        )
        out.append(
            Segment(
                start,
                end,
                body[start:end],
                tuple(covering),
                word.kind if word else None,
                word.selected if word else False,
            )
        )
    return out


# The audit actions that move a claim's version on (optimistic locking), one step each.
VERSIONED_ACTIONS = frozenset(
    {
        "claim.status",
        "claim.text",
        "claim.assign",
        "claim.chain",
        "claim.split",
        "claim.dismiss",
        "claim.restore",
    }
)


def changes_since(
    history: Sequence[AuditEvent], expected_version: int, current_version: int
) -> list[AuditEvent]:
    """The events of a claim's history (oldest first) made after `expected_version`: each
    versioned change moved the version on by one, so they are the last ones of those."""
    missed = current_version - expected_version
    if missed <= 0:
        return []
    return [e for e in history if e.action in VERSIONED_ACTIONS][-missed:]


# Which claims the article view shows: every one, the check-worthy ones still in review, or
# the open ones (unreviewed, not dismissed).
SHOW_FILTERS = ("all", "checkworthy", "open")


def shown(claims: list[Claim], show: str) -> list[Claim]:
    """The claims the `show` filter keeps (unknown filters keep all)."""
    if show == "checkworthy":
        return [c for c in claims if c.checkworthy and c.dismissed_reason is None]
    if show == "open":
        return [c for c in claims if c.status == "unreviewed" and c.dismissed_reason is None]
    return claims


@dataclass
class ArticleView:
    """The workbench: an article, its claims cut into segments, and the selected claim's panel
    (its history, evidence, the people it can be assigned to; `missed`: the changes made since
    the version a refused edit was based on)."""

    article: Article
    claims: list[Claim]
    segments: list[Segment]
    show: str = "all"
    claim: Claim | None = None
    history: list[AuditEvent] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    users: list[User] = field(default_factory=list)
    missed: list[AuditEvent] = field(default_factory=list)
    # the selected claim's cluster: its latest check, and the match that put it there
    seen_before: SeenBefore | None = None
    match: ClaimMatch | None = None
    match_number: int | None = None  # the matched earlier claim's number in its article
    comments: list[Comment] = field(default_factory=list)
    # claim id -> its number in the article (text order, whatever the filter shows)
    numbers: dict[int, int] = field(default_factory=dict)

    def number(self, claim: Claim | int | None) -> int | None:
        """The claim's number as people see it (None for a claim of another article)."""
        if claim is None:
            return None
        return self.numbers.get(claim if isinstance(claim, int) else claim.id)

    def place(self, claim: Claim) -> Place:
        """The paragraph and sentence the claim starts in."""
        return place_in_text(self.article.body, claim.start)


def article_view(
    session: Session,
    article_id: int | None = None,
    claim_id: int | None = None,
    *,
    evidence_id: int | None = None,
    missed_since: int | None = None,
    show: str = "all",
    viewer_id: int | None = None,
) -> ArticleView:
    """The article, its claims with their chains (those the `show` filter keeps), and the
    selected claim's panel with its thread (≤ 10 queries). The `viewer` has now seen their
    mentions in the selected claim's thread (the caller commits).

    Without `article_id`, the article of the claim (or of the evidence item, whose claim is then
    the one selected); NotFound when there is none."""
    if evidence_id is not None:
        claim_id = session.scalar(select(Evidence.claim_id).where(Evidence.id == evidence_id))
        if claim_id is None:
            raise NotFound("no evidence %(id)s", id=evidence_id)
    if article_id is None:
        article_id = session.scalar(select(Claim.article_id).where(Claim.id == claim_id))
        if article_id is None:
            raise NotFound("no claim %(id)s", id=claim_id)
    article = session.scalar(
        select(Article).options(joinedload(Article.outlet)).where(Article.id == article_id)
    )
    if article is None:
        raise NotFound("no article %(id)s", id=article_id)
    claims = list(
        session.scalars(
            select(Claim)
            .options(
                selectinload(Claim.attributions).joinedload(Attribution.source),
                joinedload(Claim.assignee),
            )
            .where(Claim.article_id == article_id)
            .order_by(Claim.start, Claim.id)
        ).unique()
    )
    show = show if show in SHOW_FILTERS else "all"
    listed = shown(claims, show)
    said = attribution_words(listed, claim_id)
    view = ArticleView(
        article, listed, segments(article.body, listed, said), show, numbers=numbered(claims)
    )
    selected = next((c for c in claims if c.id == claim_id), None)
    if selected is not None:
        view.claim = selected
        view.evidence = list(
            session.scalars(
                select(Evidence)
                .options(joinedload(Evidence.added_by))
                .where(Evidence.claim_id == selected.id)
                .order_by(Evidence.added_at, Evidence.id)
            )
        )
        view.history = audit.history(session, selected.id)
        view.comments = comments.thread(session, selected.id)
        if viewer_id is not None and any(
            m.user_id == viewer_id and m.seen_at is None for c in view.comments for m in c.mentions
        ):
            comments.mark_seen(session, viewer_id, selected.id)
        view.users = list(
            session.scalars(select(User).where(User.active.is_(True)).order_by(User.name))
        )
        if missed_since is not None:
            view.missed = changes_since(view.history, missed_since, selected.version)
        if selected.cluster_id is not None:  # two queries more, only for a claim in a cluster
            view.seen_before = clusters.seen_before(session, [selected]).get(selected.id)
            view.match = clusters.pending_match(session, selected.id)
            if view.match is not None:
                earlier = view.match.earlier_id
                view.match_number = numbers_for(session, [earlier]).get(earlier)
    return view


def find_fragment(
    body: str, start: int, end: int, fragment: str, after: int = 0
) -> tuple[int, int] | None:
    """The span of `fragment` inside body[start:end] (any run of whitespace matches any other),
    searching from `after` first; None when it does not occur there."""
    words = fragment.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    m = pattern.search(body, max(start, after), end) or pattern.search(body, start, end)
    return None if m is None else (m.start(), m.end())
