"""Source registry services added for the web registry: update, claims, merge, live source."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.conftest import People
from tests.unit.services.test_queue import build_world
from tracker.models import Attribution, AuditEvent
from tracker.services import sources
from tracker.services.errors import InvalidInput, PermissionDenied


def test_update_source_validates_and_audits(session: Session, people: People) -> None:
    source = sources.create_source(session, "Gemeente Zandvoort", "government")
    sources.update_source(
        session,
        source.id,
        people.editor,
        name="Gemeente  Zandvoort aan Zee",
        kind="government",
        description="Het gemeentebestuur.",
        url="https://zandvoort.example/",
    )
    session.commit()
    assert source.name == "Gemeente Zandvoort aan Zee"
    assert source.name_key == "gemeente zandvoort aan zee"
    [event] = session.scalars(select(AuditEvent).where(AuditEvent.action == "source.update"))
    assert event.before["name"] == "Gemeente Zandvoort" and event.actor_id == people.editor.id
    for bad in ("javascript:alert(1)", "ftp://x.example/", "data:text/html,hi"):
        with pytest.raises(InvalidInput):
            sources.update_source(session, source.id, name="X", kind="person", url=bad)
    with pytest.raises(InvalidInput):
        sources.update_source(session, source.id, name="  ", kind="person")
    with pytest.raises(InvalidInput):
        sources.update_source(session, source.id, name="X", kind="alien")


def test_claims_for_source_marks_primary_and_intermediary(session: Session, people: People) -> None:
    world = build_world(session, people)
    listed = sources.claims_for_source(session, world.paper.id)
    roles = {item.claim.text: item.primary for item in listed}
    assert roles == {world.claims["legion"].text: False, world.claims["port"].text: True}
    assert len(sources.claims_for_source(session, world.paper.id, limit=1)) == 1
    assert len(sources.claims_for_source(session, world.paper.id, limit=1, offset=1)) == 1


def test_merge_moves_aliases_attributions_and_records_history(
    session: Session, people: People
) -> None:
    world = build_world(session, people)
    twin = sources.create_source(session, "Ochtendpost BV", "outlet", aliases=["OP"])
    session.flush()
    make_hop = Attribution(
        claim_id=world.claims["weather"].id, position=0, source_id=twin.id, kind="reported"
    )
    session.add(make_hop)
    session.commit()
    gone = sources.merge_sources(session, world.paper.id, twin.id, people.editor)
    session.commit()
    assert gone.id == twin.id and gone.merged_into_id == world.paper.id
    kept = sources.live_source(session, world.paper.id)
    aliases = {a.alias for a in kept.aliases}
    assert {"Ochtendpost", "OP", "Ochtendpost BV"} <= aliases
    assert session.get(Attribution, make_hop.id).source_id == world.paper.id  # type: ignore[union-attr]
    assert sources.live_source(session, twin.id).id == world.paper.id
    [event] = session.scalars(select(AuditEvent).where(AuditEvent.action == "source.merge"))
    assert event.after["merged_id"] == twin.id and event.actor_id == people.editor.id
    assert sources.track_record(session, world.paper.id).unreviewed == 1


def _hop(session: Session, claim_id: int, source_id: int, position: int = 0) -> Attribution:
    hop = Attribution(claim_id=claim_id, position=position, source_id=source_id, kind="reported")
    session.add(hop)
    session.flush()
    return hop


def test_merge_and_unmerge_round_trip_restores_aliases_and_hops_exactly(
    session: Session, people: People
) -> None:
    world = build_world(session, people)
    keep = sources.create_source(session, "Anthony Gilberthorpe", "person", aliases=["A. G."])
    twin = sources.create_source(session, "Gilberthorpe", "person", aliases=["Tony G"])
    keep_hop = _hop(session, world.claims["weather"].id, keep.id)
    twin_hop = _hop(session, world.claims["port"].id, twin.id, position=5)
    session.commit()
    before_keep = sorted(a.alias for a in keep.aliases)
    before_twin = sorted((a.id, a.alias) for a in twin.aliases)
    sources.merge_sources(session, keep.id, twin.id, people.editor)
    session.commit()
    assert {a.alias for a in keep.aliases} == {"A. G.", "Tony G", "Gilberthorpe"}
    assert session.get(Attribution, twin_hop.id).source_id == keep.id  # type: ignore[union-attr]
    restored = sources.unmerge_source(session, twin.id, people.editor)
    session.commit()
    assert restored.id == twin.id and twin.merged_into_id is None
    assert sorted(a.alias for a in keep.aliases) == before_keep
    assert sorted((a.id, a.alias) for a in twin.aliases) == before_twin
    assert session.get(Attribution, twin_hop.id).source_id == twin.id  # type: ignore[union-attr]
    assert session.get(Attribution, keep_hop.id).source_id == keep.id  # type: ignore[union-attr]
    assert sources.find_source(session, "Gilberthorpe") == twin
    actions = [
        e.action
        for e in session.scalars(
            select(AuditEvent)
            .where(AuditEvent.action.like("source.%merge"))
            .order_by(AuditEvent.id)
        )
    ]
    assert actions == ["source.merge", "source.unmerge", "source.unmerge"]
    with pytest.raises(InvalidInput, match="not merged"):
        sources.unmerge_source(session, twin.id, people.editor)


def test_an_earlier_merge_can_be_undone_once_the_later_ones_are(
    session: Session, people: People
) -> None:
    world = build_world(session, people)
    keep = sources.create_source(session, "Marieke Dekker", "person")
    first = sources.create_source(session, "Dekker", "person")
    second = sources.create_source(session, "M. Dekker", "person")
    first_hop = _hop(session, world.claims["weather"].id, first.id)
    session.commit()
    sources.merge_sources(session, keep.id, first.id, people.editor)
    sources.merge_sources(session, keep.id, second.id, people.editor)
    session.commit()
    with pytest.raises(InvalidInput):  # the later merge is still in place
        sources.unmerge_source(session, first.id, people.editor)
    session.rollback()
    sources.unmerge_source(session, second.id, people.editor)
    session.commit()
    sources.unmerge_source(session, first.id, people.editor)
    session.commit()
    assert first.merged_into_id is None and second.merged_into_id is None
    assert session.get(Attribution, first_hop.id).source_id == first.id  # type: ignore[union-attr]


def test_unmerge_finds_hops_a_chain_edit_recreated_after_the_merge(
    session: Session, people: People
) -> None:
    from tracker.services import review

    world = build_world(session, people)
    keep = sources.create_source(session, "Lotte Brink", "person")
    twin = sources.create_source(session, "Brink", "person")
    claim = world.claims["weather"]
    review.set_chain(session, claim.id, [review.Hop(twin.id)], claim.version, people.factchecker)
    session.commit()
    sources.merge_sources(session, keep.id, twin.id, people.editor)
    session.commit()
    session.refresh(claim)
    # A fact-checker saves the chain again: its hop rows are new.
    review.set_chain(session, claim.id, [review.Hop(keep.id)], claim.version, people.factchecker)
    session.commit()
    sources.unmerge_source(session, twin.id, people.editor)
    session.commit()
    session.refresh(claim)
    assert [h.source_id for h in claim.attributions] == [twin.id]


def test_only_editors_merge_and_unmerge(session: Session, people: People) -> None:
    a = sources.create_source(session, "Lotte Brink", "person")
    b = sources.create_source(session, "Brink", "person")
    with pytest.raises(PermissionDenied):
        sources.merge_sources(session, a.id, b.id, people.factchecker)
    sources.merge_sources(session, a.id, b.id, people.editor)
    with pytest.raises(PermissionDenied):
        sources.unmerge_source(session, b.id, people.factchecker)


def test_duplicates_are_suggested_ranked_and_described_sources_never(
    session: Session, people: People
) -> None:
    from tracker.services.ingest import ArticleInput, ingest_article
    from tracker.services.source_duplicates import suggest_duplicates

    full = sources.create_source(session, "Anthony Gilberthorpe", "person")
    short = sources.create_source(session, "Gilberthorpe", "person", status="proposed")
    post = sources.create_source(session, "the New York Post", "outlet")
    the_post = sources.create_source(session, "The Post", "outlet", status="proposed")
    site_a = sources.create_source(session, "Dagblad Noord", "outlet", url="https://noord.example/")
    site_b = sources.create_source(session, "DvhN", "outlet", url="http://www.noord.example")
    typo = sources.create_source(session, "Amnesty Internationaal", "organization")
    right = sources.create_source(session, "Amnesty International", "organization")
    sources.create_source(session, "Jan de Vries", "person")
    sources.create_source(session, "Anna de Vries", "person")
    article = ingest_article(session, ArticleInput(body="Geen bronnen hier.", language="nl"))
    sources.create_source(session, "Gilberthorpe", "person", article_id=article.id)
    session.commit()
    found = suggest_duplicates(session)
    pairs = [(d.keep.id, d.merge.id, d.reason) for d in found]
    assert pairs[0] == (site_a.id, site_b.id, "same web address") or pairs[0][:2] == (
        site_b.id,
        site_a.id,
    )
    assert (full.id, short.id, "same surname, one with a first name") in pairs
    assert (post.id, the_post.id, "same name with or without an article, city or first word") in [
        (k, m, r) for k, m, r in pairs
    ]
    assert {typo.id, right.id} in [{k, m} for k, m, _ in pairs]
    assert [d.score for d in found] == sorted((d.score for d in found), reverse=True)
    names = {(d.keep.name, d.merge.name) for d in found}
    assert ("Anna de Vries", "Jan de Vries") not in names and (
        "Jan de Vries",
        "Anna de Vries",
    ) not in names
    assert all(d.keep.article_id is None and d.merge.article_id is None for d in found)
    mine = suggest_duplicates(session, short.id)
    assert [(d.keep.id, d.merge.id) for d in mine] == [(full.id, short.id)]
