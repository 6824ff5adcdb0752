"""A claim through the API: evidence, assignment, status with versions, history, cluster."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.api.helpers import auth, body, newsroom, token
from tests.conftest import People
from tracker.models import ClaimCluster


def test_evidence_is_added_listed_and_in_the_history(
    client: FlaskClient, session: Session, people: People
) -> None:
    claim = newsroom(session).articles[0].claims[0]
    reviewer = auth(token(session, people, "read", "review"))
    reader = auth(token(session, people, "read"))
    url = f"/api/claims/{claim.id}/evidence"
    new = {"url": "https://example.org/raadsbesluit", "stance": "supports", "title": "Besluit"}
    assert client.post(url, json=new, headers=reader).status_code == 403
    made = client.post(url, json=new, headers=reviewer)
    assert made.status_code == 201 and body(made)["stance"] == "supports"
    assert body(made)["added_by_id"] == people.factchecker.id
    bad_stance = client.post(url, json={**new, "stance": "maybe"}, headers=reviewer)
    assert bad_stance.status_code == 400 and body(bad_stance)["error"] == "bad_parameter"
    script = client.post(url, json={**new, "url": "javascript:alert(1)"}, headers=reviewer)
    assert script.status_code == 400 and body(script)["error"] == "bad_parameter"
    long_url = {**new, "url": "https://example.org/" + "a" * 2000}
    too_long = client.post(url, json=long_url, headers=reviewer)
    assert too_long.status_code == 422 and body(too_long)["error"] == "invalid_input"
    listed = body(client.get(url, headers=reader))["items"]
    assert [e["title"] for e in listed] == ["Besluit"] and listed[0]["removed"] is False
    history = body(client.get(f"/api/claims/{claim.id}/history", headers=reader))["items"]
    assert [e["action"] for e in history] == ["evidence.add"]
    assert history[0]["actor"] == people.factchecker.name
    assert client.get("/api/claims/424242/history", headers=reader).status_code == 404
    assert client.post("/api/claims/424242/evidence", json=new, headers=reviewer).status_code == 404


def test_assigning_and_setting_the_status_check_the_version(
    client: FlaskClient, session: Session, people: People
) -> None:
    claim = newsroom(session).articles[1].claims[0]
    headers = auth(token(session, people, "read", "review"))
    url = f"/api/claims/{claim.id}"
    given = client.post(
        f"{url}/assignee", json={"assignee_id": people.editor.id, "version": 1}, headers=headers
    )
    assert given.status_code == 200 and body(given)["assignee_id"] == people.editor.id
    assert body(given)["version"] == 2
    stale = client.post(
        f"{url}/assignee", json={"assignee_id": None, "version": 1}, headers=headers
    )
    assert stale.status_code == 409 and body(stale)["error"] == "stale_version"
    assert body(stale)["current"]["assignee_id"] == people.editor.id
    unknown = client.post(
        f"{url}/assignee", json={"assignee_id": 9999, "version": 2}, headers=headers
    )
    assert unknown.status_code == 422
    missing = client.post(f"{url}/assignee", json={"version": 2}, headers=headers)
    assert missing.status_code == 400
    cleared = client.post(
        f"{url}/assignee", json={"assignee_id": None, "version": 2}, headers=headers
    )
    assert body(cleared)["assignee_id"] is None
    verdict = {
        "status": "disputed",
        "rationale": "The council's budget says 6 million.",
        "version": 3,
    }
    done = client.post(f"{url}/status", json=verdict, headers=headers)
    assert done.status_code == 200 and body(done)["status"] == "disputed"
    no_reason = client.post(
        f"{url}/status", json={"status": "verified", "version": 4}, headers=headers
    )
    assert no_reason.status_code == 422 and "rationale" in body(no_reason)["message"]
    history = body(client.get(f"{url}/history", headers=headers))["items"]
    assert [e["action"] for e in history] == ["claim.assign", "claim.assign", "claim.status"]
    assert history[-1]["after"] == {"status": "disputed", "rationale": verdict["rationale"]}


def test_a_claim_shows_its_cluster(client: FlaskClient, session: Session, people: People) -> None:
    room = newsroom(session)
    one, other = room.articles[0].claims[0], room.articles[2].claims[0]
    headers = auth(token(session, people, "read"))
    alone = body(client.get(f"/api/claims/{one.id}/cluster", headers=headers))
    assert alone == {"claim_id": one.id, "cluster": None}
    cluster = ClaimCluster(label="bouwplannen")
    session.add(cluster)
    session.flush()
    one.cluster_id = other.cluster_id = cluster.id
    session.commit()
    seen = body(client.get(f"/api/claims/{other.id}/cluster", headers=headers))["cluster"]
    assert seen["label"] == "bouwplannen"
    assert [(m["claim_id"], m["article_title"]) for m in seen["members"]] == [
        (one.id, "Woningbouw in de gemeente"),
        (other.id, "Verdrag getekend"),
    ]
    assert client.get("/api/claims/424242/cluster", headers=headers).status_code == 404


def test_a_claim_carries_the_fact_checkers_short_wording(
    client: FlaskClient, session: Session, people: People
) -> None:
    claim = newsroom(session).articles[0].claims[0]
    reader = auth(token(session, people, "read"))
    url = f"/api/claims/{claim.id}"
    assert body(client.get(url, headers=reader))["claim_reviewed"] is None  # cut at export
    claim.claim_reviewed = "De raad besloot tot nieuwbouw"
    session.commit()
    assert (
        body(client.get(url, headers=reader))["claim_reviewed"] == "De raad besloot tot nieuwbouw"
    )
