"""Reviewing claims: verdicts, wording, assignment, provenance chains, splitting, new claims.

Every function refuses a stale `expected_version` (StaleVersion, nothing written) and appends an
audit event in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from ..models import (
    ATTRIBUTION_KINDS,
    SOURCE_KINDS,
    STATUSES,
    VERDICTS,
    Article,
    Attribution,
    Claim,
    User,
)
from ..models._types import utcnow
from ..wording import CLAIM_REVIEWED_MAX
from . import audit
from .anchoring import quote_for
from .errors import InvalidInput, NotFound, StaleVersion
from .policy import authorize
from .source_names import classify_mention
from .sources import confirm_source, create_source, find_source, live_source
from .workbench import find_fragment

MAX_CLAIM_TEXT = 5000


def snapshot(claim: Claim) -> dict[str, Any]:
    """The reviewable state of a claim, as stored in audit events and conflict messages."""
    return {
        "id": claim.id,
        "version": claim.version,
        "text": claim.text,
        "status": claim.status,
        "rationale": claim.rationale,
        "claim_reviewed": claim.claim_reviewed,
        "assignee_id": claim.assignee_id,
        "dismissed": claim.dismissed_reason,
        "chain": chain_snapshot(claim),
    }


def chain_snapshot(claim: Claim) -> list[dict[str, Any]]:
    return [
        {
            "position": hop.position,
            "source_id": hop.source_id,
            "source": hop.source.name if hop.source else None,
            "kind": hop.kind,
            "cue": hop.cue_text,
            "mention": hop.mention_text,
            "confirmed": hop.confirmed,
        }
        for hop in claim.attributions
    ]


def get_claim(session: Session, claim_id: int) -> Claim:
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound("no claim %(id)s", id=claim_id)
    return claim


def article_claims(session: Session, article_id: int) -> list[Claim]:
    """An article's claims in text order with their chains and sources (three queries)."""
    if session.get(Article, article_id) is None:
        raise NotFound("no article %(id)s", id=article_id)
    return list(
        session.scalars(
            select(Claim)
            .where(Claim.article_id == article_id)
            .options(selectinload(Claim.attributions).joinedload(Attribution.source))
            .order_by(Claim.start, Claim.id)
        )
    )


def _checked(session: Session, claim_id: int, expected_version: int) -> Claim:
    """The claim, if it is still at the version the user edited (a writer racing past this
    check is caught when the claim is saved, see `_save`)."""
    claim = get_claim(session, claim_id)
    if claim.version != expected_version:
        raise StaleVersion(expected_version, snapshot(claim))
    return claim


def _save(session: Session, claim: Claim, expected_version: int) -> None:
    """Write the claim with its next version; a concurrent writer that got there first (the
    UPDATE matched no row at `expected_version`) turns into StaleVersion, as a late check would.

    The failed flush leaves the transaction unusable, so it is rolled back here to read the
    claim as the other writer left it.
    """
    _touch(claim)
    try:
        session.flush()
    except StaleDataError:
        session.rollback()
        raise StaleVersion(expected_version, snapshot(get_claim(session, claim.id))) from None


def _record(
    session: Session, actor: User, claim: Claim, action: str, before: Any = None, after: Any = None
) -> None:
    """The audit event of a change to `claim`."""
    audit.record(
        session,
        actor=actor,
        action=action,
        entity_type="claim",
        entity_id=claim.id,
        claim_id=claim.id,
        before=before,
        after=after,
    )


def _touch(claim: Claim) -> None:
    """Mark the claim changed so its version moves on (optimistic locking)."""
    claim.updated_at = utcnow()


def set_status(
    session: Session,
    claim_id: int,
    status: str,
    rationale: str,
    expected_version: int,
    actor: User,
    claim_reviewed: str | None = None,
) -> Claim:
    """Record a verdict with its rationale; 'unreviewed' reopens the claim.

    `claim_reviewed` is the short statement the ClaimReview export names (at most
    CLAIM_REVIEWED_MAX characters); None leaves the stored one, blank clears it (the export then
    cuts the wording).

    A rationale belongs to its verdict: when the status changes and the rationale sent is the
    one stored for the earlier verdict (a form prefilled with it, a keyboard shortcut), it is
    not carried over. A new verified or disputed verdict then needs its own rationale; an
    unsourced or reopened claim is left without one (the earlier one stays in the history).
    """
    authorize(actor, "claim.review")
    if status not in STATUSES:
        raise InvalidInput(
            "unknown status %(value)r; choose one of %(choices)s",
            value=status,
            choices=", ".join(VERDICTS),
        )
    rationale = rationale.strip()
    claim = _checked(session, claim_id, expected_version)
    carried = bool(rationale) and status != claim.status and rationale == claim.rationale.strip()
    if carried and status in ("verified", "disputed"):
        raise InvalidInput(
            "the rationale was written for the earlier verdict; say why the claim is now "
            "%(status)s",
            status=status,
        )
    if carried:
        rationale = ""
    if status in ("verified", "disputed") and not rationale:
        raise InvalidInput(
            "say why the claim is %(status)s: a rationale is required", status=status
        )
    before: dict[str, Any] = {"status": claim.status, "rationale": claim.rationale}
    after: dict[str, Any] = {"status": status, "rationale": rationale}
    if claim_reviewed is not None:
        reviewed = " ".join(claim_reviewed.split()) or None
        if reviewed is not None and len(reviewed) > CLAIM_REVIEWED_MAX:
            raise InvalidInput(
                "the claim reviewed may have at most %(n)s characters",
                about="claim_reviewed",
                n=CLAIM_REVIEWED_MAX,
            )
        if reviewed != claim.claim_reviewed:
            before["claim_reviewed"], after["claim_reviewed"] = claim.claim_reviewed, reviewed
            claim.claim_reviewed = reviewed
    claim.status = status
    claim.rationale = rationale
    if status == "unreviewed":
        claim.reviewed_by, claim.reviewed_at = None, None
    else:
        claim.reviewed_by, claim.reviewed_at = actor, utcnow()
    _save(session, claim, expected_version)
    _record(
        session,
        actor,
        claim,
        "claim.status",
        before=before,
        after=after,
    )
    return claim


def set_text(
    session: Session, claim_id: int, text: str, expected_version: int, actor: User
) -> Claim:
    """Reword a claim (its span in the article stays)."""
    authorize(actor, "claim.review")
    text = " ".join(text.split())
    if not text:
        raise InvalidInput("a claim's wording cannot be empty", about="text")
    if len(text) > MAX_CLAIM_TEXT:
        raise InvalidInput(
            "a claim's wording may have at most %(n)s characters", about="text", n=MAX_CLAIM_TEXT
        )
    claim = _checked(session, claim_id, expected_version)
    before = claim.text
    claim.text = text
    _save(session, claim, expected_version)
    _record(session, actor, claim, "claim.text", before={"text": before}, after={"text": text})
    return claim


def assign(
    session: Session, claim_id: int, assignee_id: int | None, expected_version: int, actor: User
) -> Claim:
    """Give the claim to a person (None: to nobody)."""
    authorize(actor, "claim.review")
    claim = _checked(session, claim_id, expected_version)
    if assignee_id is not None:
        assignee = session.get(User, assignee_id)
        if assignee is None or not assignee.active:
            raise InvalidInput(
                "no active user %(id)s to assign the claim to", about="assignee", id=assignee_id
            )
    before = claim.assignee_id
    claim.assignee_id = assignee_id
    _save(session, claim, expected_version)
    _record(
        session,
        actor,
        claim,
        "claim.assign",
        before={"assignee_id": before},
        after={"assignee_id": assignee_id},
    )
    return claim


@dataclass(frozen=True)
class Hop:
    """One hop of a chain as a user sets it: a registry source by id, or by name (found in the
    registry, or created as `new_kind` when that is given); no source at all is hearsay."""

    source_id: int | None = None
    kind: str = "reported"
    cue_text: str | None = None
    source_name: str = ""
    new_kind: str = ""


def set_chain(
    session: Session, claim_id: int, hops: Sequence[Hop], expected_version: int, actor: User
) -> Claim:
    """Replace the claim's provenance chain; position 0 is the source the article cites.

    A hop given by name is found in the registry (or created when it has a `new_kind`)."""
    authorize(actor, "claim.review")
    claim = _checked(session, claim_id, expected_version)
    live: list[Hop] = []
    for n, hop in enumerate(_by_id(session, claim, hops, actor), start=1):
        if hop.kind not in ATTRIBUTION_KINDS:
            raise InvalidInput(
                "unknown attribution kind %(kind)r", about=f"hops-{n - 1}-kind", kind=hop.kind
            )
        if hop.source_id is None and hop.kind != "hearsay":
            raise InvalidInput(
                "a hop without a source is hearsay; choose a source or mark it so",
                about=f"hops-{n - 1}-source",
            )
        if hop.source_id is not None and hop.kind == "hearsay":
            raise InvalidInput(
                "hop %(n)s: hearsay means no source is given; clear the source or choose "
                "another kind of attribution",
                about=f"hops-{n - 1}-kind",
                n=n,
            )
        if hop.source_id is not None:
            try:  # a source merged away since the page was opened: its survivor
                source_id: int | None = live_source(session, hop.source_id).id
            except NotFound as err:
                raise InvalidInput(
                    "hop %(n)s: there is no source #%(id)s",
                    about=f"hops-{n - 1}-source",
                    n=n,
                    id=hop.source_id,
                ) from err
            hop = Hop(source_id=source_id, kind=hop.kind, cue_text=hop.cue_text)  # noqa: PLW2901
        live.append(hop)
    hops = live
    before = chain_snapshot(claim)
    # What the article said stays with its hop when a person replaces the source: the cue, the
    # mention's words and their spans belong to the position in the chain, not to the source.
    old = {h.position: h for h in claim.attributions}
    claim.attributions.clear()
    session.flush()
    for position, hop in enumerate(hops):
        kept = old.get(position)
        claim.attributions.append(
            Attribution(
                position=position,
                source_id=hop.source_id,
                kind=hop.kind,
                cue_text=(hop.cue_text or (kept.cue_text if kept else None) or None),
                cue_start=kept.cue_start if kept else None,
                cue_end=kept.cue_end if kept else None,
                mention_text=kept.mention_text if kept else None,
                mention_start=kept.mention_start if kept else None,
                mention_end=kept.mention_end if kept else None,
                implicit=kept.implicit if kept else False,
                confirmed=True,
            )
        )
    _save(session, claim, expected_version)
    session.refresh(claim, ["attributions"])
    for hop_row in claim.attributions:
        if hop_row.source is not None:
            confirm_source(
                session,
                hop_row.source,
                actor,
                reason="a hop citing it was confirmed",
                article_id=claim.article_id,
            )
    _record(
        session,
        actor,
        claim,
        "claim.chain",
        before={"chain": before},
        after={"chain": chain_snapshot(claim)},
    )
    return claim


def _by_id(session: Session, claim: Claim, hops: Sequence[Hop], actor: User) -> list[Hop]:
    """The hops with every source given by name found in the registry or created."""
    resolved: list[Hop] = []
    for n, row in enumerate(hops, start=1):
        source_id = row.source_id
        name = " ".join(row.source_name.split())
        if source_id is None and name:
            found = find_source(session, name) if not row.new_kind else None
            if found is not None:
                source_id = found.id
            elif row.new_kind in SOURCE_KINDS:
                # A description typed as a new source stays with this claim's article.
                described = classify_mention(name, row.new_kind).form == "description"
                article_id = claim.article_id if described else None
                source_id = create_source(
                    session, name, row.new_kind, actor, article_id=article_id
                ).id
            else:
                raise InvalidInput(
                    "hop %(n)s: no source named %(name)r in the registry; "
                    "choose a kind to create it as a new source",
                    about=f"hops-{n - 1}-new_kind",
                    n=n,
                    name=name,
                )
        resolved.append(Hop(source_id=source_id, kind=row.kind, cue_text=row.cue_text))
    return resolved


def add_claim(
    session: Session,
    article_id: int,
    where: tuple[int, int] | str,
    actor: User,
    text: str | None = None,
) -> Claim:
    """A claim the extractor missed: a span (start, end) of the article a user selects, or a
    fragment of its text (its first occurrence)."""
    authorize(actor, "claim.review")
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound("no article %(id)s", id=article_id)
    if isinstance(where, str):
        span = find_fragment(article.body, 0, len(article.body), where)
        if span is None:
            raise InvalidInput("that text does not occur in the article")
        where = span
    start, end = where
    claim = _new_claim(article, start, end, text, actor)
    session.add(claim)
    session.flush()
    _record(
        session,
        actor,
        claim,
        "claim.create",
        after={"start": start, "end": end, "text": claim.text},
    )
    return claim


def _new_claim(
    article: Article,
    start: int,
    end: int,
    text: str | None,
    actor: User,
    parent: Claim | None = None,
) -> Claim:
    if not 0 <= start < end <= len(article.body):
        raise InvalidInput(
            "the span %(start)s–%(end)s is not inside the article", start=start, end=end
        )
    quote = quote_for(article.body, start, end)
    if not quote.exact.strip():
        raise InvalidInput("the selected text is blank")
    wording = " ".join((text or quote.exact).split())
    return Claim(
        article=article,
        start=start,
        end=end,
        exact=quote.exact,
        prefix=quote.prefix,
        suffix=quote.suffix,
        text=wording,
        origin="user",
        created_by=actor,
        parent=parent,
        checkworthy=parent.checkworthy if parent else True,
        score=parent.score if parent else 0.5,
    )


@dataclass(frozen=True)
class Part:
    """One atomic claim split from a sentence: its span and, optionally, its wording."""

    start: int
    end: int
    text: str | None = None


@dataclass(frozen=True)
class Fragment:
    """One part as a fact-checker marks it: the `words` of the claim it comes from (its span),
    and optionally the part reworded as a claim of its own."""

    words: str
    text: str | None = None


def split_claim(
    session: Session,
    claim_id: int,
    parts: Sequence[Part | Fragment | str],
    expected_version: int,
    actor: User,
) -> list[Claim]:
    """Split a claim into atomic claims, each with its own span inside the parent's.

    A part is a span, or a fragment of the claim's text (found after the previous part; blank
    ones are skipped), each with its own wording when it is reworded (the span stays the words
    it comes from). The children inherit the parent's provenance chain; the parent stays,
    with its history.
    """
    authorize(actor, "claim.review")
    claim = _checked(session, claim_id, expected_version)
    parts = _spans(claim, parts)
    if len(parts) < 2:
        raise InvalidInput("splitting needs at least two parts")
    for part in parts:
        if not claim.start <= part.start < part.end <= claim.end:
            raise InvalidInput(
                "the part %(start)s–%(end)s is not inside the claim "
                "(%(claim_start)s–%(claim_end)s)",
                start=part.start,
                end=part.end,
                claim_start=claim.start,
                claim_end=claim.end,
            )
    # Load the chain and the article before any child exists: a lazy load later would autoflush
    # half-built children.
    chain = list(claim.attributions)
    article = claim.article
    children = []
    with session.no_autoflush:
        for part in parts:
            child = _new_claim(article, part.start, part.end, part.text, actor, parent=claim)
            child.suggested_status = claim.suggested_status
            for hop in chain:
                child.attributions.append(
                    Attribution(
                        position=hop.position,
                        source_id=hop.source_id,
                        kind=hop.kind,
                        cue_text=hop.cue_text,
                        cue_start=hop.cue_start,
                        cue_end=hop.cue_end,
                        mention_text=hop.mention_text,
                        mention_start=hop.mention_start,
                        mention_end=hop.mention_end,
                        implicit=hop.implicit,
                        confirmed=hop.confirmed,
                    )
                )
            session.add(child)
            children.append(child)
    _save(session, claim, expected_version)
    _record(
        session,
        actor,
        claim,
        "claim.split",
        after={
            "children": [
                {"id": c.id, "start": c.start, "end": c.end, "text": c.text} for c in children
            ]
        },
    )
    for child in children:
        _record(
            session,
            actor,
            child,
            "claim.create",
            after={
                "start": child.start,
                "end": child.end,
                "text": child.text,
                "parent_id": claim.id,
            },
        )
    return children


def _spans(claim: Claim, parts: Sequence[Part | Fragment | str]) -> list[Part]:
    """The parts as spans: each fragment found in the claim's text after the previous part."""
    spans: list[Part] = []
    after = claim.start
    for i, part in enumerate(parts):
        if isinstance(part, Part):
            spans.append(part)
            after = part.end
            continue
        fragment = part if isinstance(part, Fragment) else Fragment(part)
        text = " ".join((fragment.text or "").split()) or None
        if not fragment.words.strip():
            if text:
                raise InvalidInput(
                    "say which words of the claim the part %(part)r comes from",
                    about=f"parts-{i}-words",
                    part=text,
                )
            continue
        if text is not None and len(text) > MAX_CLAIM_TEXT:
            raise InvalidInput(
                "a claim's wording may have at most %(n)s characters",
                about=f"parts-{i}-text",
                n=MAX_CLAIM_TEXT,
            )
        span = find_fragment(claim.article.body, claim.start, claim.end, fragment.words, after)
        if span is None:
            raise InvalidInput(
                "the part %(part)r does not occur in the claim's text",
                about=f"parts-{i}-words",
                part=fragment.words.strip(),
            )
        spans.append(Part(span[0], span[1], text))
        after = span[1]
    return spans
