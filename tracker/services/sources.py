"""The source registry: finding, creating, aliasing, merging, track records."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, exists, or_, select, update
from sqlalchemy.orm import Session, aliased, selectinload

from ..db import lock_for_write
from ..models import (
    SOURCE_KINDS,
    Article,
    Attribution,
    AuditEvent,
    Claim,
    Source,
    SourceAlias,
    User,
    name_key,
)
from . import audit, tallies
from .errors import InvalidInput, NotFound
from .policy import authorize
from .source_names import NameCheck, classify_mention

# Kinds a described source ("a senior official", "ingewijden") is stored as in its article.
DESCRIBED_KINDS = frozenset({"anonymous", "group"})


def _snapshot(source: Source) -> dict[str, object]:
    return {
        "name": source.name,
        "kind": source.kind,
        "description": source.description,
        "url": source.url,
        "anonymity_reason": source.anonymity_reason,
        "aliases": [a.alias for a in source.aliases],
        "status": source.status,
        "article_id": source.article_id,
    }


def get_source(session: Session, source_id: int) -> Source:
    source = session.get(Source, source_id)
    if source is None:
        raise NotFound("no source %(id)s", id=source_id)
    return source


def source_by_reference(session: Session, reference: str) -> Source:
    """A live source given as a number ("12" or "#12") or by name or alias; NotFound if none."""
    ref = reference.strip().removeprefix("#").strip()
    if ref.isdigit():
        if len(ref) > 10 or int(ref) > 2**31 - 1 or session.get(Source, int(ref)) is None:
            raise NotFound("no source number %(id)s", id=ref)
        return _follow_merges(session, get_source(session, int(ref)))
    found = find_source(session, ref)
    if found is None:
        raise NotFound("no source named %(name)r", name=ref)
    return found


_ARTICLES = ("the ", "de ", "het ", "een ", "a ", "an ")


def find_source(session: Session, name: str) -> Source | None:
    """The live source with this alias or name (case, spacing and a leading article ignored)."""
    key = name_key(name)
    if not key:
        return None
    found = _find_by_key(session, key)
    if found is None and key.startswith(_ARTICLES):
        found = _find_by_key(session, key.split(" ", 1)[1])
    return found


def _find_by_key(session: Session, key: str) -> Source | None:
    by_alias = session.scalar(
        select(Source)
        .join(SourceAlias)
        .where(SourceAlias.alias_key == key, Source.article_id.is_(None))
    )
    if by_alias is not None:
        return _follow_merges(session, by_alias)
    found = session.scalar(
        select(Source)
        .where(Source.name_key == key, Source.article_id.is_(None))
        .order_by(Source.merged_into_id.is_not(None), Source.id)
        .limit(1)
    )
    return _follow_merges(session, found) if found else None


def _follow_merges(session: Session, source: Source) -> Source:
    seen = {source.id}
    while source.merged_into_id is not None:
        source = get_source(session, source.merged_into_id)
        if source.id in seen:
            break
        seen.add(source.id)
    return source


def create_source(
    session: Session,
    name: str,
    kind: str,
    actor: User | None = None,
    *,
    description: str = "",
    url: str | None = None,
    aliases: Iterable[str] = (),
    anonymity_reason: str | None = None,
    status: str = "confirmed",
    article_id: int | None = None,
) -> Source:
    """A new source; refuses an unknown kind, an alias already taken, and words that are not
    a name. With `article_id` it is a described source of that article (not in the registry);
    without, a registry entry, which must be a name. `status` is "proposed" for what the
    extractor found, "confirmed" for what a person made."""
    authorize(actor, "source.edit")
    source = new_source(
        name,
        kind,
        description=description,
        url=url,
        anonymity_reason=anonymity_reason,
        status=status,
        article_id=article_id,
    )
    session.add(source)
    session.flush()
    for alias in aliases:
        _add_alias(session, source, alias)
    audit.record(session, **creation_event(source, actor))
    return source


def new_source(
    name: str,
    kind: str,
    *,
    description: str = "",
    url: str | None = None,
    anonymity_reason: str | None = None,
    status: str = "confirmed",
    article_id: int | None = None,
) -> Source:
    """A checked, not yet stored source without aliases (what `create_source` stores); the
    caller adds it and records `creation_event` once it has an id."""
    name = " ".join(name.split())
    if not name:
        raise InvalidInput("a source needs a name")
    if len(name) > 300:
        raise InvalidInput("a source name may have at most 300 characters")
    if kind not in SOURCE_KINDS:
        raise InvalidInput(
            "unknown source kind %(kind)r; choose one of %(choices)s",
            about="kind",
            kind=kind,
            choices=", ".join(SOURCE_KINDS),
        )
    check_source_name(name, kind, described=article_id is not None)
    if url and not url.startswith(("http://", "https://")):
        raise InvalidInput("a source URL must start with http:// or https://", about="url")
    return Source(
        name=name,
        name_key=name_key(name),
        kind=kind,
        description=description,
        url=url or None,
        anonymity_reason=anonymity_reason,
        status=status,
        article_id=article_id,
    )


def creation_event(source: Source, actor: User | None) -> dict[str, Any]:
    """The audit event (`audit.record`'s arguments) of a source just stored."""
    return {
        "actor": actor,
        "action": "source.create",
        "entity_type": "source",
        "entity_id": source.id,
        "after": _snapshot(source),
    }


def check_source_name(name: str, kind: str, *, described: bool = False) -> NameCheck:
    """Refuse words that are not a name; refuse a description unless the source is described
    (belongs to one article). Every path that creates or renames a source goes through here."""
    check = classify_mention(name, kind)
    if check.form == "not_a_name":
        raise InvalidInput(
            "%(name)r is not a name (a pronoun, function word, day, single lower-case word or "
            "fragment of a sentence); a source needs a name",
            name=name,
        )
    if check.form == "description" and not described:
        raise InvalidInput(
            "%(name)r describes a source without naming it; a description stays with its "
            "article: set it in the claim's chain instead of the registry",
            name=name,
        )
    return check


def _add_alias(session: Session, source: Source, alias: str) -> SourceAlias:
    alias = " ".join(alias.split())
    key = name_key(alias)
    if not key:
        raise InvalidInput("an alias cannot be empty", about="aliases")
    if source.article_id is not None:
        raise InvalidInput(
            "source %(id)s is a described source of one article; it has no aliases",
            about="aliases",
            id=source.id,
        )
    taken = session.scalar(select(SourceAlias).where(SourceAlias.alias_key == key))
    if taken is not None:
        if taken.source_id == source.id:
            return taken
        raise InvalidInput(
            "the alias %(alias)r already belongs to source %(id)s",
            about="aliases",
            alias=alias,
            id=taken.source_id,
        )
    if not classify_mention(alias, source.kind).is_name:
        raise InvalidInput(
            "the alias %(alias)r does not look like a name (a description, pronoun, function "
            "word or fragment); an alias must be a name",
            about="aliases",
            alias=alias,
        )
    row = SourceAlias(source=source, alias=alias, alias_key=key)
    session.add(row)
    session.flush()
    return row


def add_alias(session: Session, source_id: int, alias: str, actor: User | None = None) -> Source:
    """Give a registry source another name it is known by (audited)."""
    authorize(actor, "source.edit")
    source = get_source(session, source_id)
    if source.merged_into_id is not None:
        raise InvalidInput(
            "source %(id)s was merged into %(into)s", id=source_id, into=source.merged_into_id
        )
    before = _snapshot(source)
    _add_alias(session, source, alias)
    session.refresh(source, ["aliases"])
    audit.record(
        session,
        actor=actor,
        action="source.alias",
        entity_type="source",
        entity_id=source.id,
        before=before,
        after=_snapshot(source),
    )
    return source


def confirm_source(
    session: Session, source: Source, actor: User | None, *, reason: str, article_id: int | None
) -> None:
    """A proposed registry entry becomes confirmed (a person confirmed a hop, or it recurred)."""
    if source.status == "confirmed" or source.article_id is not None:
        return
    source.status = "confirmed"
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="source.confirm",
        entity_type="source",
        entity_id=source.id,
        before={"status": "proposed"},
        after={"status": "confirmed", "reason": reason, "article_id": article_id},
    )


def cited_in_other_article(session: Session, source_id: int, article_id: int) -> bool:
    """True when a hop of a claim in another article cites the source."""
    return (
        session.scalar(
            select(Attribution.id)
            .join(Claim, Claim.id == Attribution.claim_id)
            .where(Attribution.source_id == source_id, Claim.article_id != article_id)
            .limit(1)
        )
        is not None
    )


def search_sources(
    session: Session,
    query: str = "",
    kind: str | None = None,
    limit: int = 20,
    offset: int = 0,
    status: str | None = None,
) -> list[Source]:
    """Live registry entries whose name or an alias contains `query`, by name (proposed ones
    too unless `status` picks one; described sources of single articles never)."""
    stmt = select(Source).where(Source.merged_into_id.is_(None), Source.article_id.is_(None))
    if status:
        stmt = stmt.where(Source.status == status)
    key = name_key(query)
    if key:
        like = f"%{key.replace('%', '').replace('_', '')}%"
        alias_match = select(SourceAlias.source_id).where(SourceAlias.alias_key.like(like))
        stmt = stmt.where(or_(Source.name_key.like(like), Source.id.in_(alias_match)))
    if kind:
        stmt = stmt.where(Source.kind == kind)
    stmt = stmt.options(selectinload(Source.aliases)).order_by(Source.name_key, Source.id)
    return list(session.scalars(stmt.limit(limit).offset(offset)))


@dataclass(frozen=True)
class TrackRecord:
    """How the claims a source is the primary source of were judged."""

    verified: int = 0
    disputed: int = 0
    unsourced: int = 0
    unreviewed: int = 0
    # False for a proposed or described source: its record does not count yet.
    counted: bool = True

    @property
    def total(self) -> int:
        return self.verified + self.disputed + self.unsourced + self.unreviewed


def is_primary_hop() -> ColumnElement[bool]:
    """True for an attribution that is the last hop of its chain (the claim's primary source)."""
    later = aliased(Attribution)
    return ~exists().where(
        later.claim_id == Attribution.claim_id, later.position > Attribution.position
    )


def track_record(session: Session, source_id: int) -> TrackRecord:
    """Counts per status of the claims in review whose primary source this is (kept up to date
    by services/tallies.py as claims change).

    Only a confirmed registry entry has a record that counts (`counted`); the verdict counts
    are reviewed claims by definition, `unreviewed` is shown beside them, never summed in."""
    source = get_source(session, source_id)
    counts = tallies.counts(session, "source", source_id)
    return TrackRecord(
        **{k: counts.get(k, 0) for k in ("verified", "disputed", "unsourced", "unreviewed")},
        counted=source.status == "confirmed" and source.article_id is None,
    )


def merge_sources(
    session: Session, keep_id: int, merge_id: int | str, actor: User | None = None
) -> Source:
    """Fold `merge_id` into `keep_id` (editors only): its hops and aliases move, its name
    becomes an alias when it is a name. The audit event holds all that unmerge needs.

    `merge_id` may be a reference as a person types it ("12", "#12", a name or an alias).
    Returns the source merged away (its `merged_into_id` is now `keep_id`)."""
    authorize(actor, "source.merge")
    if isinstance(merge_id, str):
        try:
            merge_id = source_by_reference(session, merge_id).id
        except NotFound as err:
            raise InvalidInput(err.template, about="merge", **err.params) from None
    if keep_id == merge_id:
        raise InvalidInput("a source cannot be merged into itself")
    # Both rows are locked before they are checked (SQLite: the write lock; PostgreSQL: the rows,
    # in id order), so merging A into B and B into A at once cannot make a cycle.
    lock_for_write(session)
    session.scalars(
        select(Source)
        .where(Source.id.in_((keep_id, merge_id)))
        .order_by(Source.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).all()
    keep = get_source(session, keep_id)
    gone = get_source(session, merge_id)
    if gone.merged_into_id is not None:
        raise InvalidInput(
            "source %(id)s was already merged into %(into)s", id=merge_id, into=gone.merged_into_id
        )
    if keep.merged_into_id is not None:
        raise InvalidInput(
            "source %(id)s was already merged into %(into)s", id=keep_id, into=keep.merged_into_id
        )
    if keep.article_id is not None:
        raise InvalidInput(
            "source %(id)s is a described source of one article; merge it into a registry "
            "entry, not the other way round",
            id=keep.id,
        )
    before = {"keep": _snapshot(keep), "merged": _snapshot(gone)}
    moved_rows = session.execute(
        select(Attribution.id, Attribution.claim_id, Attribution.position).where(
            Attribution.source_id == gone.id
        )
    ).all()
    moved = [row.id for row in moved_rows]
    # A chain saved after the merge re-creates its hops: (claim, position) finds them again.
    moved_places = [[row.claim_id, row.position] for row in moved_rows]
    tallies.touch(session, (row.claim_id for row in moved_rows))  # their primary source moves
    session.execute(
        update(Attribution).where(Attribution.source_id == gone.id).values(source_id=keep.id)
    )
    moved_aliases = [a.id for a in gone.aliases]
    for alias in list(gone.aliases):
        alias.source = keep
    session.flush()
    added_alias: int | None = None
    # A described source's words never become an alias: they hold for its own claims only.
    if (
        gone.article_id is None
        and name_key(gone.name) != keep.name_key
        and classify_mention(gone.name, gone.kind).is_name
        and session.scalar(
            select(SourceAlias.id).where(SourceAlias.alias_key == name_key(gone.name))
        )
        is None
    ):
        added_alias = _add_alias(session, keep, gone.name).id
    gone.merged_into_id = keep.id
    session.flush()
    session.refresh(keep, ["aliases"])
    session.refresh(gone, ["aliases"])
    audit.record(
        session,
        actor=actor,
        action="source.merge",
        entity_type="source",
        entity_id=keep.id,
        before=before,
        after={
            "keep": _snapshot(keep),
            "merged_id": gone.id,
            "attributions": moved,
            "hop_places": moved_places,
            "aliases_moved": moved_aliases,
            "alias_added": added_alias,
        },
    )
    return gone


def _merge_event_to_undo(session: Session, gone: Source) -> AuditEvent | None:
    """The newest merge of `gone` into the source it is merged into, when every later merge
    into that source has been undone (its source is live again); else None."""
    events = session.scalars(
        select(AuditEvent)
        .where(
            AuditEvent.action == "source.merge",
            AuditEvent.entity_type == "source",
            AuditEvent.entity_id == gone.merged_into_id,
        )
        .order_by(AuditEvent.id.desc())
    )
    for event in events:
        after = event.after if isinstance(event.after, dict) else {}
        merged_id = after.get("merged_id")
        if merged_id == gone.id:
            return event
        later = session.get(Source, int(merged_id)) if merged_id is not None else None
        if later is not None and later.merged_into_id == gone.merged_into_id:
            return None  # a later merge into the same source is still in place
    return None


def unmerge_source(session: Session, merged_id: int, actor: User | None = None) -> Source:
    """Undo the latest merge of `merged_id` (editors only), from its audit event: the hops and
    aliases that moved go back, the alias made from its name goes, it is live again."""
    authorize(actor, "source.merge")
    # Locked before it is checked, as in merge_sources: two undos of one merge at once undo it
    # once, the other is refused.
    lock_for_write(session)
    gone = session.scalar(
        select(Source)
        .where(Source.id == merged_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if gone is None:
        gone = get_source(session, merged_id)  # raises NotFound
    if gone.merged_into_id is None:
        raise InvalidInput("source %(id)s is not merged into another source", id=merged_id)
    session.scalar(
        select(Source.id)
        .where(Source.id == gone.merged_into_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    event = _merge_event_to_undo(session, gone)
    after = event.after if event is not None else None
    if event is None or not isinstance(after, dict):
        raise InvalidInput(
            "the history holds no merge of source %(id)s to undo; later merges into the same "
            "source must be undone first",
            id=merged_id,
        )
    keep = get_source(session, gone.merged_into_id)
    if keep.merged_into_id is not None:
        raise InvalidInput(
            "source %(id)s was merged further into %(into)s; undo that merge first",
            id=keep.id,
            into=keep.merged_into_id,
        )
    before = {"keep": _snapshot(keep), "merged": _snapshot(gone)}
    hop_ids = [int(i) for i in after.get("attributions", [])]
    back = select(Attribution.claim_id).where(Attribution.source_id == keep.id)
    tallies.touch(session, session.scalars(back))  # some of them go back to `gone`
    if hop_ids:
        session.execute(
            update(Attribution)
            .where(Attribution.id.in_(hop_ids), Attribution.source_id == keep.id)
            .values(source_id=gone.id)
        )
    for claim_id, position in after.get("hop_places", []):
        session.execute(
            update(Attribution)
            .where(
                Attribution.claim_id == int(claim_id),
                Attribution.position == int(position),
                Attribution.source_id == keep.id,
            )
            .values(source_id=gone.id)
        )
    added = after.get("alias_added")
    if added is not None:
        row = session.get(SourceAlias, int(added))
        if row is not None and row.source_id == keep.id:
            session.delete(row)
    for alias_id in after.get("aliases_moved", []):
        row = session.get(SourceAlias, int(alias_id))
        if row is not None and row.source_id == keep.id:
            row.source_id = gone.id
    gone.merged_into_id = None
    session.flush()
    session.refresh(keep, ["aliases"])
    session.refresh(gone, ["aliases"])
    audit.record(
        session,
        actor=actor,
        action="source.unmerge",
        entity_type="source",
        entity_id=keep.id,
        before=before,
        after={
            "keep": _snapshot(keep),
            "restored": _snapshot(gone),
            "restored_id": gone.id,
            "attributions": hop_ids,
            "merge_event": event.id if event is not None else None,
        },
    )
    audit.record(
        session,
        actor=actor,
        action="source.unmerge",
        entity_type="source",
        entity_id=gone.id,
        before={"merged_into_id": keep.id},
        after=_snapshot(gone),
    )
    return gone


def update_source(
    session: Session,
    source_id: int,
    actor: User | None = None,
    *,
    name: str,
    kind: str,
    description: str = "",
    url: str | None = None,
    anonymity_reason: str | None = None,
) -> Source:
    """Change a source's name, kind, description, URL and anonymity reason (audited)."""
    authorize(actor, "source.edit")
    source = get_source(session, source_id)
    if source.merged_into_id is not None:
        raise InvalidInput(
            "source %(id)s was merged into %(into)s", id=source_id, into=source.merged_into_id
        )
    name = " ".join(name.split())
    if not name:
        raise InvalidInput("a source needs a name")
    if len(name) > 300:
        raise InvalidInput("a source name may have at most 300 characters")
    if kind not in SOURCE_KINDS:
        raise InvalidInput(
            "unknown source kind %(kind)r; choose one of %(choices)s",
            about="kind",
            kind=kind,
            choices=", ".join(SOURCE_KINDS),
        )
    check_source_name(name, kind, described=source.article_id is not None)
    url = (url or "").strip() or None
    if url and not url.startswith(("http://", "https://")):
        raise InvalidInput("a source URL must start with http:// or https://", about="url")
    before = _snapshot(source)
    source.name = name
    source.name_key = name_key(name)
    source.kind = kind
    source.description = description
    source.url = url
    source.anonymity_reason = (anonymity_reason or "").strip() or None
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="source.update",
        entity_type="source",
        entity_id=source.id,
        before=before,
        after=_snapshot(source),
    )
    return source


def live_source(session: Session, source_id: int) -> Source:
    """The source, or the one it was merged into (following every merge)."""
    return _follow_merges(session, get_source(session, source_id))


@dataclass(frozen=True)
class AttributedClaim:
    """A claim with a hop on a source; `primary` when the source is the chain's last hop."""

    claim: Claim
    position: int
    primary: bool


def claims_for_source(
    session: Session, source_id: int, limit: int = 25, offset: int = 0
) -> list[AttributedClaim]:
    """Claims that name the source in any hop, newest first (two queries whatever the size;
    the hops are read in order from the index on source and claim, never all of them)."""
    rows = session.execute(
        select(Claim, Attribution.position, is_primary_hop())
        .join(Attribution, Attribution.claim_id == Claim.id)
        .where(Attribution.source_id == source_id)
        .options(selectinload(Claim.article).defer(Article.body))
        .order_by(Attribution.claim_id.desc(), Attribution.position)
        .limit(limit)
        .offset(offset)
    ).all()
    return [AttributedClaim(claim, position, bool(primary)) for claim, position, primary in rows]


def source_history(session: Session, source_id: int, limit: int = 50) -> list[AuditEvent]:
    """The newest audit events about a source (creation, edits, aliases, merges into it)."""
    return list(
        session.scalars(
            select(AuditEvent)
            .where(AuditEvent.entity_type == "source", AuditEvent.entity_id == source_id)
            .options(selectinload(AuditEvent.actor))
            .order_by(AuditEvent.id.desc())
            .limit(limit)
        )
    )


@dataclass(frozen=True)
class RegistryProblem:
    """A registry entry that breaks the naming rules, for an editor to fix."""

    source_id: int
    name: str
    kind: str
    problem: str  # "not a name", "a description", "alias not a name", "alias a description"
    words: str  # the offending name or alias
    reason: str


def audit_registry(session: Session, batch: int = 1000) -> list[RegistryProblem]:
    """Live registry entries whose name or an alias is a pronoun, function word, fragment or
    description (typically from before the naming rules), by source number."""
    problems: list[RegistryProblem] = []
    last_id = 0
    while True:
        rows = session.scalars(
            select(Source)
            .where(
                Source.id > last_id,
                Source.merged_into_id.is_(None),
                Source.article_id.is_(None),
            )
            .options(selectinload(Source.aliases))
            .order_by(Source.id)
            .limit(batch)
        ).all()
        if not rows:
            return problems
        for source in rows:
            check = classify_mention(source.name, source.kind)
            if not check.is_name:
                problem = "not a name" if check.form == "not_a_name" else "a description"
                problems.append(
                    RegistryProblem(
                        source.id, source.name, source.kind, problem, source.name, check.reason
                    )
                )
            for alias in source.aliases:
                alias_check = classify_mention(alias.alias, source.kind)
                if not alias_check.is_name:
                    problem = (
                        "alias not a name"
                        if alias_check.form == "not_a_name"
                        else "alias a description"
                    )
                    problems.append(
                        RegistryProblem(
                            source.id,
                            source.name,
                            source.kind,
                            problem,
                            alias.alias,
                            alias_check.reason,
                        )
                    )
        last_id = rows[-1].id
