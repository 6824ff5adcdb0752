"""Merging A into B and B into A at the same moment merges one way only (threads, real db)."""

from __future__ import annotations

import threading

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from tests.conftest import People
from tracker.db import make_session_factory
from tracker.models import AuditEvent, Source, User
from tracker.services import sources
from tracker.services.errors import InvalidInput


def test_merging_two_sources_into_each_other_at_once_makes_no_cycle(
    engine: Engine, session: Session, people: People
) -> None:
    factory = make_session_factory(engine)
    for round_ in range(5):
        a = sources.create_source(session, f"Stichting Waterland {round_}", "organization")
        b = sources.create_source(session, f"Waterland Stichting {round_}", "organization")
        session.commit()
        start = threading.Barrier(2)
        merged: list[int] = []
        refused: list[int] = []
        errors: list[BaseException] = []

        def merge(keep_id: int, merge_id: int, start: threading.Barrier = start) -> None:
            with factory() as own:
                editor = own.get(User, people.editor.id)
                start.wait()
                try:
                    sources.merge_sources(own, keep_id, merge_id, editor)
                    own.commit()
                    merged.append(merge_id)  # noqa: B023 - joined before the loop goes on
                except InvalidInput:
                    own.rollback()
                    refused.append(merge_id)  # noqa: B023
                except BaseException as err:
                    errors.append(err)  # noqa: B023

        threads = [
            threading.Thread(target=merge, args=(a.id, b.id)),
            threading.Thread(target=merge, args=(b.id, a.id)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        with factory() as check:
            rows = check.execute(
                select(Source.id, Source.merged_into_id).where(Source.id.in_((a.id, b.id)))
            ).all()
        into = {sid: target for sid, target in rows}
        assert len(merged) == 1 and len(refused) == 1, (round_, merged, refused)
        live = [sid for sid, target in into.items() if target is None]
        assert len(live) == 1, f"round {round_}: a cycle {into}"
        assert into[merged[0]] == live[0]


def test_undoing_one_merge_twice_at_once_undoes_it_once(
    engine: Engine, session: Session, people: People
) -> None:
    factory = make_session_factory(engine)
    for round_ in range(5):
        keep = sources.create_source(session, f"Stichting Duinrand {round_}", "organization")
        gone = sources.create_source(session, f"Duinrand Stichting {round_}", "organization")
        session.commit()
        sources.merge_sources(session, keep.id, gone.id, people.editor)
        session.commit()
        start = threading.Barrier(2)
        undone: list[int] = []
        refused: list[int] = []
        errors: list[BaseException] = []

        def unmerge(start: threading.Barrier = start) -> None:
            with factory() as own:
                editor = own.get(User, people.editor.id)
                start.wait()
                try:
                    sources.unmerge_source(own, gone.id, editor)  # noqa: B023
                    own.commit()
                    undone.append(1)  # noqa: B023 - joined before the loop goes on
                except InvalidInput:
                    own.rollback()
                    refused.append(1)  # noqa: B023
                except BaseException as err:
                    errors.append(err)  # noqa: B023

        threads = [threading.Thread(target=unmerge) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == [], round_
        assert (len(undone), len(refused)) == (1, 1), round_
        with factory() as check:
            undo_events = check.scalar(
                select(func.count(AuditEvent.id)).where(
                    AuditEvent.action == "source.unmerge", AuditEvent.entity_id == gone.id
                )
            )
        assert undo_events == 1, round_
