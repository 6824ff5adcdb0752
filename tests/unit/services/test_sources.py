"""Source registry services added for the web registry: update, claims, merge, live source."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.conftest import People
from tests.unit.services.test_queue import build_world
from tracker.models import Attribution, AuditEvent
from tracker.services import sources
from tracker.services.errors import InvalidInput


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
    kept = sources.merge_sources(session, world.paper.id, twin.id, people.editor)
    session.commit()
    aliases = {a.alias for a in kept.aliases}
    assert {"Ochtendpost", "OP", "Ochtendpost BV"} <= aliases
    assert session.get(Attribution, make_hop.id).source_id == world.paper.id  # type: ignore[union-attr]
    assert sources.live_source(session, twin.id).id == world.paper.id
    [event] = session.scalars(select(AuditEvent).where(AuditEvent.action == "source.merge"))
    assert event.after["merged_id"] == twin.id and event.actor_id == people.editor.id
    assert sources.track_record(session, world.paper.id).unreviewed == 1
