"""The claim panel: verdicts, wording, chains, evidence, splitting, assignment, history, 409s."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.conftest import People
from tracker.models import Article, Claim, Evidence, Source
from tracker.services import review
from tracker.services.ingest import ArticleInput, ingest_article
from tracker.services.sources import create_source, find_source, merge_sources

HOSTILE = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
ARTICLE = (
    "Havenbedrijf breidt uit\n\n"
    "De haven van Rotterdam verwerkt naar verluidt dit jaar 470 miljoen ton goederen. "
    "Volgens havenwethouder Anna Smit kost de nieuwe kade 300 miljoen euro en levert zij "
    '2000 banen op. "Dit is de grootste investering in tien jaar," zegt Smit.\n'
)


@pytest.fixture
def article(session: Session, people: People) -> Article:
    made = ingest_article(session, ArticleInput(body=ARTICLE, language="nl"), people.factchecker)
    session.commit()
    return made


def _claim(article: Article, words: str) -> Claim:
    return next(c for c in article.claims if words in c.text)


def _fresh(session: Session, claim_id: int) -> Claim:
    session.expire_all()
    claim = session.get(Claim, claim_id)
    assert claim is not None
    return claim


def test_logged_out(client: FlaskClient) -> None:
    for path in ("text", "status", "assign", "chain", "split", "evidence"):
        r = client.post(f"/claims/1/{path}", data={})
        assert r.status_code == 302 and "/login" in r.headers["Location"]
    r = client.post("/claims/evidence/1/remove", data={})
    assert r.status_code == 302 and "/login" in r.headers["Location"]
    assert "/login" in client.get("/claims/1").headers["Location"]


def test_unknown_claim(as_factchecker: FlaskClient) -> None:
    assert as_factchecker.get("/claims/99").status_code == 404
    r = as_factchecker.post("/claims/99/status", data={"status-version": "1"})
    assert r.status_code == 404


def test_status_and_history(
    as_factchecker: FlaskClient, session: Session, article: Article
) -> None:
    claim = _claim(article, "470 miljoen")
    r = as_factchecker.post(
        f"/claims/{claim.id}/status",
        data={"status-version": "1", "status-status": "unsourced", "status-rationale": HOSTILE},
    )
    assert r.status_code == 302 and f"claim={claim.id}" in r.headers["Location"]
    fresh = _fresh(session, claim.id)
    assert fresh.status == "unsourced" and fresh.rationale == HOSTILE and fresh.version == 2
    html = as_factchecker.get(r.headers["Location"]).get_data(as_text=True)
    assert HOSTILE not in html and ESCAPED in html
    history = html[html.index('class="history-list"') :]
    assert "set the verdict" in history and "Factchecker" in history
    assert "Unreviewed</del> → <ins" in history and "Unsourced</ins>" in history
    # a verdict other than unsourced needs a rationale; the input stays
    r = as_factchecker.post(
        f"/claims/{claim.id}/status",
        data={"status-version": "2", "status-status": "verified", "status-rationale": " "},
    )
    assert r.status_code == 422 and "rationale is required" in r.get_data(as_text=True)


def test_conflict_keeps_input(
    as_factchecker: FlaskClient, session: Session, people: People, article: Article
) -> None:
    claim = _claim(article, "470 miljoen")
    review.set_status(session, claim.id, "disputed", "Havencijfers 2023: 439 Mt", 1, people.editor)
    session.commit()
    r = as_factchecker.post(
        f"/claims/{claim.id}/status",
        data={
            "status-version": "1",
            "status-status": "verified",
            "status-rationale": "Jaarverslag bevestigt het",
        },
    )
    html = r.get_data(as_text=True)
    assert r.status_code == 409
    assert "Changed by someone else" in html and "Havencijfers 2023: 439 Mt" in html
    assert "Jaarverslag bevestigt het" in html  # the user's own input is kept
    assert 'name="status-version" type="hidden" value="2"' in html  # ready to retry
    assert _fresh(session, claim.id).status == "disputed"
    r = as_factchecker.post(
        f"/claims/{claim.id}/text", data={"text-version": "1", "text-text": "Mijn formulering"}
    )
    html = r.get_data(as_text=True)
    assert r.status_code == 409 and "Mijn formulering" in html
    r = as_factchecker.post(
        f"/claims/{claim.id}/text", data={"text-version": "2", "text-text": "Mijn formulering"}
    )
    assert r.status_code == 302 and _fresh(session, claim.id).text == "Mijn formulering"


def test_text_validation(as_factchecker: FlaskClient, session: Session, article: Article) -> None:
    claim = _claim(article, "470 miljoen")
    r = as_factchecker.post(f"/claims/{claim.id}/text", data={"text-version": "1", "text-text": ""})
    assert r.status_code == 422
    r = as_factchecker.post(
        f"/claims/{claim.id}/text", data={"text-version": "1", "text-text": HOSTILE}
    )
    assert r.status_code == 302
    html = as_factchecker.get(r.headers["Location"]).get_data(as_text=True)
    assert HOSTILE not in html and ESCAPED in html


def test_chain_editor(
    as_factchecker: FlaskClient, session: Session, people: People, article: Article
) -> None:
    claim = _claim(article, "Anna Smit")
    smit = find_source(session, "Anna Smit") or create_source(session, "Anna Smit", "person")
    session.commit()
    # correct the source by registry id, and add a new anonymous source behind it
    r = as_factchecker.post(
        f"/claims/{claim.id}/chain",
        data={
            "chain-version": "1",
            "chain-hops-0-source": f"#{smit.id} Anna Smit",
            "chain-hops-0-kind": "reported",
            "chain-hops-1-source": "een ambtenaar van het havenbedrijf",
            "chain-hops-1-kind": "reported",
            "chain-hops-1-new_kind": "anonymous",
        },
    )
    assert r.status_code == 302, r.get_data(as_text=True)
    fresh = _fresh(session, claim.id)
    assert [h.source.name if h.source else None for h in fresh.attributions] == [
        "Anna Smit",
        "een ambtenaar van het havenbedrijf",
    ]
    assert fresh.attributions[1].source is not None
    assert fresh.attributions[1].source.kind == "anonymous"
    # the second hop removed (✕ leaves it out); the first by name; a hearsay hop without source
    r = as_factchecker.post(
        f"/claims/{claim.id}/chain",
        data={
            "chain-version": "2",
            "chain-hops-0-source": "anna smit",
            "chain-hops-0-kind": "quote",
            "chain-hops-1-source": "",
            "chain-hops-1-kind": "hearsay",
        },
    )
    assert r.status_code == 302
    fresh = _fresh(session, claim.id)
    assert [(h.source_id, h.kind) for h in fresh.attributions] == [
        (smit.id, "quote"),
        (None, "hearsay"),
    ]
    # an unknown name without a kind is refused, with the input kept
    r = as_factchecker.post(
        f"/claims/{claim.id}/chain",
        data={"chain-version": "3", "chain-hops-0-source": HOSTILE, "chain-hops-0-kind": "quote"},
    )
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "choose a kind" in html
    assert HOSTILE not in html and ESCAPED in html
    assert session.scalar(select(Source).where(Source.name == HOSTILE)) is None
    # stale
    r = as_factchecker.post(
        f"/claims/{claim.id}/chain",
        data={"chain-version": "1", "chain-hops-0-source": "Anna Smit"},
    )
    assert r.status_code == 409 and "Provenance chain" in r.get_data(as_text=True)


def test_chain_refuses_unknown_numbers_and_hearsay_with_a_source_and_follows_merges(
    as_factchecker: FlaskClient, session: Session, people: People, article: Article
) -> None:
    claim = _claim(article, "Anna Smit")
    keep = create_source(session, "Anna Smit", "person", people.editor)
    gone = create_source(session, "A. Smit", "person", people.editor)
    merge_sources(session, keep.id, gone.id, people.editor)
    session.commit()
    for hop, message in (
        ({"chain-hops-0-source": "#99999 Niemand", "chain-hops-0-kind": "reported"}, "#99999"),
        (
            {"chain-hops-0-source": f"#{keep.id} Anna Smit", "chain-hops-0-kind": "hearsay"},
            "hearsay",
        ),
    ):
        r = as_factchecker.post(f"/claims/{claim.id}/chain", data={"chain-version": "1", **hop})
        html = r.get_data(as_text=True)
        assert r.status_code == 422 and message in html
        assert hop["chain-hops-0-source"] in html  # the input is kept
    # a page opened before the merge still names the merged-away source: its survivor is used
    r = as_factchecker.post(
        f"/claims/{claim.id}/chain",
        data={"chain-version": "1", "chain-hops-0-source": f"#{gone.id} A. Smit"},
    )
    assert r.status_code == 302
    assert [h.source_id for h in _fresh(session, claim.id).attributions] == [keep.id]


def test_conflict_lists_what_changed_since_the_users_version(
    as_factchecker: FlaskClient, session: Session, people: People, article: Article
) -> None:
    claim = _claim(article, "470 miljoen")
    review.set_text(session, claim.id, "Rotterdam verwerkt 470 miljoen ton", 1, people.editor)
    review.assign(session, claim.id, people.factchecker.id, 2, people.editor)
    session.commit()
    r = as_factchecker.post(
        f"/claims/{claim.id}/status",
        data={"status-version": "1", "status-status": "unsourced", "status-rationale": "geen"},
    )
    html = r.get_data(as_text=True)
    assert r.status_code == 409
    since = html[html.index("What changed since you opened the claim") :]
    since = since[: since.index("</ol>")]
    assert "reworded the claim" in since and "Rotterdam verwerkt 470 miljoen ton" in since
    assert "assigned the claim" in since and people.factchecker.name in since
    assert since.count("<li>") == 2 and people.editor.name in since


def test_evidence(as_factchecker: FlaskClient, session: Session, article: Article) -> None:
    claim = _claim(article, "470 miljoen")
    r = as_factchecker.post(
        f"/claims/{claim.id}/evidence",
        data={
            "evidence-url": "javascript:alert(1)",
            "evidence-title": HOSTILE,
            "evidence-excerpt": HOSTILE,
            "evidence-stance": "refutes",
        },
    )
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "http://" in html and 'href="javascript' not in html
    assert HOSTILE not in html and ESCAPED in html  # the title kept, escaped
    r = as_factchecker.post(
        f"/claims/{claim.id}/evidence",
        data={
            "evidence-url": "https://www.portofrotterdam.com/nl/jaarverslag",
            "evidence-title": HOSTILE,
            "evidence-excerpt": HOSTILE,
            "evidence-stance": "refutes",
        },
    )
    assert r.status_code == 302
    html = as_factchecker.get(r.headers["Location"]).get_data(as_text=True)
    assert HOSTILE not in html and html.count(ESCAPED) >= 2
    assert 'href="https://www.portofrotterdam.com/nl/jaarverslag"' in html
    ev = session.scalars(select(Evidence)).one()
    r = as_factchecker.post(f"/claims/evidence/{ev.id}/remove", data={})
    assert r.status_code == 422 and "Say why" in r.get_data(as_text=True)
    r = as_factchecker.post(
        f"/claims/evidence/{ev.id}/remove", data={f"remove-{ev.id}-reason": "verkeerde bron"}
    )
    assert r.status_code == 302
    html = as_factchecker.get(r.headers["Location"]).get_data(as_text=True)
    assert "<del>" in html and "verkeerde bron" in html and "removed evidence" in html
    assert as_factchecker.post("/claims/evidence/999/remove", data={}).status_code == 404


def test_split(as_factchecker: FlaskClient, session: Session, article: Article) -> None:
    claim = _claim(article, "Anna Smit")
    r = as_factchecker.post(
        f"/claims/{claim.id}/split",
        data={
            "split-version": "1",
            "split-parts-0-words": "kost de nieuwe kade 300 miljoen euro",
            "split-parts-1-words": HOSTILE,
        },
    )
    html = r.get_data(as_text=True)
    assert r.status_code == 422 and "does not occur" in html and ESCAPED in html
    r = as_factchecker.post(
        f"/claims/{claim.id}/split",
        data={
            "split-version": "1",
            "split-parts-0-words": "kost de nieuwe kade 300 miljoen euro",
            "split-parts-1-words": "levert zij 2000 banen op",
        },
    )
    assert r.status_code == 302
    children = session.scalars(select(Claim).where(Claim.parent_id == claim.id)).all()
    assert sorted(c.exact for c in children) == [
        "kost de nieuwe kade 300 miljoen euro",
        "levert zij 2000 banen op",
    ]
    assert all(len(c.attributions) == len(claim.attributions) for c in children)
    html = as_factchecker.get(r.headers["Location"]).get_data(as_text=True)
    assert "split into" in html  # the parent's panel links its parts
    assert all(f"claim={c.id}#panel" in html for c in children)
    r = as_factchecker.post(
        f"/claims/{claim.id}/split",
        data={"split-version": "1", "split-parts-0-words": "a", "split-parts-1-words": "b"},
    )
    assert r.status_code == 409


def test_assign(
    as_factchecker: FlaskClient, session: Session, people: People, article: Article
) -> None:
    claim = _claim(article, "470 miljoen")
    r = as_factchecker.post(
        f"/claims/{claim.id}/assign",
        data={"assign-version": "1", "assign-assignee": str(people.editor.id)},
    )
    assert r.status_code == 302 and _fresh(session, claim.id).assignee_id == people.editor.id
    r = as_factchecker.post(
        f"/claims/{claim.id}/assign", data={"assign-version": "2", "assign-assignee": "abc"}
    )
    assert r.status_code == 422
    r = as_factchecker.post(
        f"/claims/{claim.id}/assign", data={"assign-version": "2", "assign-assignee": ""}
    )
    assert r.status_code == 302 and _fresh(session, claim.id).assignee_id is None
