"""The chain editor: one field per hop, ✕ / ↑ / ↓ / add as buttons that work without
JavaScript (the edited chain is shown again, unsaved), all hops saved at once in one audit
event, and stale edits refused with the conflict view."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.conftest import People, ingested_claim
from tracker.models import AuditEvent, Claim
from tracker.services.sources import create_source

ARTICLE = (
    "Windpark\n\n"
    "Volgens gedeputeerde Karin Mulder levert het windpark jaarlijks 400 gigawattuur op.\n"
)


@pytest.fixture
def claim(session: Session, people: People) -> Claim:
    return ingested_claim(session, people, ARTICLE, "windpark jaarlijks")


def _chain(rows: list[tuple[str, str, str]], version: int = 1) -> dict[str, str]:
    data = {"chain-version": str(version)}
    for i, (source, kind, new_kind) in enumerate(rows):
        data[f"chain-hops-{i}-source"] = source
        data[f"chain-hops-{i}-kind"] = kind
        data[f"chain-hops-{i}-new_kind"] = new_kind
    return data


def _sources(html: str) -> list[str]:
    return re.findall(r'name="chain-hops-\d+-source"[^>]*value="([^"]*)"', html)


def test_the_buttons_edit_the_chain_without_saving_it(
    as_factchecker: FlaskClient, session: Session, claim: Claim
) -> None:
    rows = [("Eerste", "reported", "person"), ("Tweede", "reported", "person")]
    url = f"/claims/{claim.id}/chain"
    before = session.scalar(select(func.count(AuditEvent.id)))
    moved = as_factchecker.post(url, data={**_chain(rows), "chain-edit": "down-1"})
    assert moved.status_code == 200
    assert _sources(moved.get_data(as_text=True)) == ["Tweede", "Eerste"]
    added = as_factchecker.post(url, data={**_chain(rows), "chain-edit": "add"})
    assert _sources(added.get_data(as_text=True)) == ["Eerste", "Tweede", ""]
    removed = as_factchecker.post(url, data={**_chain(rows), "chain-edit": "remove-1"})
    html = removed.get_data(as_text=True)
    assert _sources(html) == ["Tweede"]
    assert 'aria-label="Remove hop 1"' in html and "Remove hop 2" not in html
    up = as_factchecker.post(url, data={**_chain(rows), "chain-edit": "up-2"})
    assert _sources(up.get_data(as_text=True)) == ["Tweede", "Eerste"]
    # nothing was saved
    session.expire_all()
    assert session.scalar(select(func.count(AuditEvent.id))) == before
    assert session.get(Claim, claim.id).version == 1  # type: ignore[union-attr]
    # an edit that names no hop is refused
    assert as_factchecker.post(url, data={**_chain(rows), "chain-edit": "up-9"}).status_code == 400
    assert as_factchecker.post(url, data={**_chain(rows), "chain-edit": "x"}).status_code == 400


def test_all_hops_are_saved_at_once_in_one_event(
    as_factchecker: FlaskClient, session: Session, people: People, claim: Claim
) -> None:
    outlet = create_source(session, "Omroep Oost", "outlet", people.editor)
    session.commit()
    rows = [
        (f"#{outlet.id} Omroep Oost", "reported", ""),
        ("Karin Mulder", "quote", "person"),
        ("", "hearsay", ""),
    ]
    r = as_factchecker.post(f"/claims/{claim.id}/chain", data=_chain(rows))
    assert r.status_code == 302
    session.expire_all()
    fresh = session.get(Claim, claim.id)
    assert fresh is not None and fresh.version == 2
    assert [(h.source.name if h.source else None, h.kind) for h in fresh.attributions] == [
        ("Omroep Oost", "reported"),
        ("Karin Mulder", "quote"),
        (None, "hearsay"),
    ]
    events = session.scalars(select(AuditEvent.action).where(AuditEvent.claim_id == claim.id)).all()
    assert events.count("claim.chain") == 1
    page = as_factchecker.get(r.headers["Location"]).get_data(as_text=True)
    assert _sources(page)[0] == f"#{outlet.id} Omroep Oost"
    # ✕ on hop 2 then save: the claim keeps hops 1 and 3
    kinds = ["reported", "quote", "hearsay"]
    rows = [(v, k, "") for v, k in zip(_sources(page), kinds, strict=True)]
    shown = as_factchecker.post(
        f"/claims/{claim.id}/chain", data={**_chain(rows, 2), "chain-edit": "remove-2"}
    ).get_data(as_text=True)
    assert len(_sources(shown)) == 2
    r = as_factchecker.post(f"/claims/{claim.id}/chain", data=_chain([rows[0], rows[2]], 2))
    assert r.status_code == 302
    session.expire_all()
    assert [h.kind for h in session.get(Claim, claim.id).attributions] == [  # type: ignore[union-attr]
        "reported",
        "hearsay",
    ]


def test_a_stale_chain_gets_the_conflict_view(
    as_factchecker: FlaskClient, session: Session, claim: Claim
) -> None:
    first = as_factchecker.post(
        f"/claims/{claim.id}/chain", data=_chain([("Karin Mulder", "reported", "person")])
    )
    assert first.status_code == 302
    r = as_factchecker.post(
        f"/claims/{claim.id}/chain", data=_chain([("Iemand Anders", "reported", "person")])
    )
    html = r.get_data(as_text=True)
    assert r.status_code == 409 and 'class="conflict"' in html
    assert "Iemand Anders" in html  # the input is kept
    session.expire_all()
    fresh = session.get(Claim, claim.id)
    assert fresh is not None and [h.source.name for h in fresh.attributions if h.source] == [
        "Karin Mulder"
    ]


def test_the_editor_is_labelled_per_hop(as_factchecker: FlaskClient, claim: Claim) -> None:
    html = as_factchecker.get(
        f"/articles/{claim.article_id}?claim={claim.id}", headers={"Accept-Language": "nl"}
    ).get_data(as_text=True)
    start = html.index('id="chain-form"')
    form = html[start : html.index("</form>", start)]
    assert "<legend" in form and "Schakel 1" in form
    assert 'aria-label="Schakel 1 verwijderen"' in form and ">✕</button>" in form
    assert 'value="add"' in form and "Schakel toevoegen" in form
    assert 'list="source-options"' in form
    assert "chain-hops-0-remove" not in form and "Keep" not in form  # no keep/remove select
