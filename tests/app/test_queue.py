"""The review queue page: filters, sorting, status changes, permissions, escaping."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from tests.conftest import People
from tests.unit.services.test_queue import World, build_world, make_claim
from tracker.models import AuditEvent, Claim


def _world(session: Session, people: People) -> World:
    return build_world(session, people)


def test_logged_out_is_sent_to_login(client: FlaskClient) -> None:
    response = client.get("/queue/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_queue_lists_claims_with_filters_and_help(
    as_factchecker: FlaskClient, session: Session, people: People
) -> None:
    world = _world(session, people)
    page = as_factchecker.get("/queue/").get_data(as_text=True)
    for key, claim in world.claims.items():  # opens on the unreviewed claims
        assert (claim.text in page) == (key != "port"), key
    everything = as_factchecker.get("/queue/?status=").get_data(as_text=True)
    for claim in world.claims.values():
        assert claim.text in everything
    assert 'id="queue-help"' in page and "<kbd>j</kbd>" in page
    assert "queue.js" in page and "<script>" not in page
    mine = as_factchecker.get("/queue/?assignee=me").get_data(as_text=True)
    assert world.claims["countries"].text in mine and world.claims["legion"].text not in mine
    verified = as_factchecker.get("/queue/?status=verified").get_data(as_text=True)
    assert world.claims["port"].text in verified and world.claims["rumour"].text not in verified
    by_source = as_factchecker.get("/queue/?source=Ochtendpost&source_scope=any")
    assert by_source.status_code == 200
    body = by_source.get_data(as_text=True)
    assert world.claims["legion"].text in body and world.claims["weather"].text not in body
    worthy = as_factchecker.get("/queue/?checkworthy=y&min_score=0.5").get_data(as_text=True)
    assert world.claims["weather"].text not in worthy and world.claims["port"].text in worthy


def test_check_worthiness_is_chosen_as_a_band_and_an_old_number_still_works(
    as_factchecker: FlaskClient, session: Session, people: People
) -> None:
    world = _world(session, people)  # scores: legion 0.9, port 0.8, countries 0.7, rumour 0.4

    def shown(query: str) -> set[str]:
        page = as_factchecker.get(f"/queue/?status=&{query}").get_data(as_text=True)
        return {key for key, claim in world.claims.items() if claim.text in page}

    assert shown("min_score=high") == {"legion", "port"}  # 0.75 and up
    assert shown("min_score=medium") == {"legion", "port", "countries"}  # 0.5 and up
    assert shown("min_score=") == set(world.claims)
    assert shown("min_score=0.85") == {"legion"}  # a number, as links made before still say
    page = as_factchecker.get("/queue/?min_score=0.5").get_data(as_text=True)
    assert '<option selected value="medium">medium and up</option>' in page  # the band it is
    page = as_factchecker.get("/queue/?min_score=0.85").get_data(as_text=True)
    assert '<option selected value="0.85">score 0.85 and up</option>' in page
    assert "Minimum check-worthiness score" not in page
    for bad in ("abc", "1.5", "nan"):
        assert as_factchecker.get(f"/queue/?min_score={bad}").status_code == 400, bad


def test_sorting_and_paging_links(
    as_factchecker: FlaskClient, session: Session, people: People
) -> None:
    world = _world(session, people)
    page = as_factchecker.get("/queue/?sort=score&per_page=5").get_data(as_text=True)
    assert page.index(world.claims["legion"].text) < page.index(world.claims["port"].text)
    assert "Next page" not in page
    make_claim(session, world.en, "One more claim about ships.", score=0.01, start=300)
    session.commit()
    page = as_factchecker.get("/queue/?per_page=5&status=").get_data(as_text=True)
    assert "Next page" in page and "page=2" in page
    second = as_factchecker.get("/queue/?per_page=5&page=2").get_data(as_text=True)
    assert "One more claim about ships." in second and "Previous page" in second
    newest = as_factchecker.get("/queue/?sort=newest").get_data(as_text=True)
    assert newest.index("One more claim about ships.") < newest.index(world.claims["legion"].text)


def test_bad_filters_get_a_message(
    as_factchecker: FlaskClient, session: Session, people: People
) -> None:
    _world(session, people)
    response = as_factchecker.get("/queue/?min_score=7&date_from=gisteren")
    assert response.status_code == 400
    assert "Some filters are not valid" in response.get_data(as_text=True)
    unknown = as_factchecker.get("/queue/?source=%3Cscript%3Ealert(1)%3C/script%3E")
    assert unknown.status_code == 400
    text = unknown.get_data(as_text=True)
    assert "<script>alert(1)</script>" not in text and "&lt;script&gt;" in text


def test_status_change_from_the_queue(
    as_factchecker: FlaskClient, session: Session, people: People
) -> None:
    world = _world(session, people)
    claim = world.claims["rumour"]
    response = as_factchecker.post(
        f"/queue/{claim.id}/status",
        data={
            "status": "unsourced",
            "rationale": "Geen bron genoemd.",
            "version": claim.version,
            "next": "/queue/?status=unreviewed",
        },
    )
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/queue/?status=unreviewed")
    session.expire_all()
    assert session.get(Claim, claim.id).status == "unsourced"  # type: ignore[union-attr]
    events = session.scalars(select(AuditEvent).where(AuditEvent.action == "claim.status")).all()
    assert len(events) == 1


def test_status_change_needs_rationale_and_keeps_input(
    as_factchecker: FlaskClient, session: Session, people: People
) -> None:
    world = _world(session, people)
    claim = world.claims["legion"]
    response = as_factchecker.post(
        f"/queue/{claim.id}/status",
        data={"status": "verified", "rationale": "", "version": claim.version, "next": "/queue/"},
    )
    assert response.status_code == 422
    assert "rationale is required" in response.get_data(as_text=True)


def test_stale_version_is_refused(
    as_factchecker: FlaskClient, session: Session, people: People
) -> None:
    world = _world(session, people)
    claim = world.claims["legion"]
    hostile = "<script>alert(1)</script>"
    response = as_factchecker.post(
        f"/queue/{claim.id}/status",
        data={"status": "disputed", "rationale": hostile, "version": claim.version + 5},
    )
    assert response.status_code == 409
    text = response.get_data(as_text=True)
    assert "Someone else changed this claim" in text
    assert hostile not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_next_cannot_leave_the_queue(
    as_factchecker: FlaskClient, session: Session, people: People
) -> None:
    world = _world(session, people)
    claim = world.claims["rumour"]
    response = as_factchecker.post(
        f"/queue/{claim.id}/status",
        data={"status": "unsourced", "version": claim.version, "next": "https://evil.example/x"},
    )
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/queue/")


@pytest.mark.parametrize(
    "target", ["http://[::1/", "//[", "/queue/\r\nSet-Cookie: x=1", "/\\evil.example/queue/"]
)
def test_hostile_next_values_fall_back_to_the_queue(
    as_factchecker: FlaskClient, session: Session, people: People, target: str
) -> None:
    claim = _world(session, people).claims["rumour"]
    response = as_factchecker.post(
        f"/queue/{claim.id}/status",
        data={"status": "unsourced", "version": claim.version, "next": target},
    )
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/queue/?status=unreviewed#claim-")


def test_hostile_claim_text_is_escaped(
    as_factchecker: FlaskClient, session: Session, people: People
) -> None:
    world = _world(session, people)
    make_claim(session, world.nl, "<script>alert(1)</script>", score=0.99, start=500)
    session.commit()
    page = as_factchecker.get("/queue/?status=").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_queue_page_costs_a_fixed_number_of_queries(
    app: Flask, as_factchecker: FlaskClient, session: Session, people: People
) -> None:
    world = _world(session, people)
    for n in range(50):
        make_claim(session, world.nl, f"Bewering nummer {n}.", chain=(world.paper,), start=600 + n)
    session.commit()
    engine = app.extensions["tracker_engine"]

    def cost(url: str) -> int:
        seen: list[str] = []

        def before(*args: Any) -> None:
            seen.append(args[2])

        event.listen(engine, "before_cursor_execute", before)
        try:
            assert as_factchecker.get(url).status_code == 200
        finally:
            event.remove(engine, "before_cursor_execute", before)
        return len(seen)

    assert cost("/queue/?per_page=5&source=De+Ochtendpost&source_scope=any") == cost(
        "/queue/?per_page=50&source=De+Ochtendpost&source_scope=any"
    )


def test_refusal_is_shown_even_when_the_claim_left_the_list(
    as_factchecker: FlaskClient, session: Session, people: People
) -> None:
    world = _world(session, people)
    claim = world.claims["legion"]
    response = as_factchecker.post(
        f"/queue/{claim.id}/status",
        data={
            "status": "disputed",
            "rationale": "Het ministerie spreekt dit tegen.",
            "version": claim.version + 1,
            "next": "/queue/?status=verified",
        },
    )
    assert response.status_code == 409
    text = response.get_data(as_text=True)
    assert "Someone else changed this claim" in text
    assert "Het ministerie spreekt dit tegen." in text
    assert claim.text not in text  # the list still follows the filters


def test_logged_out_cannot_set_status(
    client: FlaskClient, session: Session, people: People
) -> None:
    world = _world(session, people)
    claim = world.claims["rumour"]
    response = client.post(
        f"/queue/{claim.id}/status", data={"status": "unsourced", "version": claim.version}
    )
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    session.expire_all()
    assert session.get(Claim, claim.id).status == "unreviewed"  # type: ignore[union-attr]
