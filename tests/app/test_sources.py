"""The source registry pages: search, view, create, edit, aliases, merge, JSON search."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.conftest import People
from tests.unit.services.test_queue import build_world
from tracker.models import AuditEvent, Source
from tracker.services import sources

HOSTILE = "<Script>Alert(1)</Script>"
ESCAPED = "&lt;Script&gt;Alert(1)&lt;/Script&gt;"


def test_logged_out_is_sent_to_login(client: FlaskClient) -> None:
    for url in ("/sources/", "/sources/search.json?q=x", "/sources/new", "/sources/1"):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_list_search_and_kind_filter(
    as_factchecker: FlaskClient, session: Session, people: People
) -> None:
    build_world(session, people)
    page = as_factchecker.get("/sources/").get_data(as_text=True)
    assert "Ministerie van Defensie" in page and "De Ochtendpost" in page
    by_alias = as_factchecker.get("/sources/?q=ochtendpost").get_data(as_text=True)
    assert "De Ochtendpost" in by_alias and "Ministerie" not in by_alias
    by_kind = as_factchecker.get("/sources/?kind=government").get_data(as_text=True)
    assert "Ministerie van Defensie" in by_kind and "De Ochtendpost" not in by_kind


def test_source_page_shows_track_record_and_claims(
    as_factchecker: FlaskClient, session: Session, people: People
) -> None:
    world = build_world(session, people)
    page = as_factchecker.get(f"/sources/{world.paper.id}").get_data(as_text=True)
    assert world.claims["port"].text in page and world.claims["legion"].text in page
    assert "Track record" in page and "primary source" in page and "intermediary" in page
    assert as_factchecker.get("/sources/99999").status_code == 404


def test_create_source_and_validation(as_factchecker: FlaskClient, session: Session) -> None:
    response = as_factchecker.post(
        "/sources/new",
        data={
            "name": "Stichting Zeewacht",
            "kind": "organization",
            "aliases": "Zeewacht, SZW",
            "description": "Milieuorganisatie aan de kust.",
            "url": "https://zeewacht.example/",
        },
    )
    assert response.status_code == 302
    source = session.scalar(select(Source).where(Source.name == "Stichting Zeewacht"))
    assert source is not None and {a.alias for a in source.aliases} == {"Zeewacht", "SZW"}
    page = as_factchecker.get(response.headers["Location"]).get_data(as_text=True)
    assert '<a href="https://zeewacht.example/"' in page
    missing = as_factchecker.post("/sources/new", data={"name": "", "kind": "person"})
    assert missing.status_code == 422 and "This field is required" in missing.get_data(as_text=True)
    taken = as_factchecker.post(
        "/sources/new", data={"name": "Jan Zeewachter", "kind": "person", "aliases": "SZW"}
    )
    assert taken.status_code == 422
    text = taken.get_data(as_text=True)
    assert "already belongs" in text and 'value="Jan Zeewachter"' in text


def test_anonymous_source_with_reason(as_factchecker: FlaskClient, session: Session) -> None:
    response = as_factchecker.post(
        "/sources/new",
        data={
            "name": "een soldaat met de roepnaam Zaza",
            "kind": "anonymous",
            "anonymity_reason": "Vreest represailles.",
        },
    )
    # A description is not a registry entry: it stays with its article's claims.
    assert response.status_code == 422
    assert "describes a source without naming it" in response.get_data(as_text=True)
    response = as_factchecker.post(
        "/sources/new",
        data={"name": "Zaza", "kind": "anonymous", "anonymity_reason": "Vreest represailles."},
    )
    assert response.status_code == 302
    page = as_factchecker.get(response.headers["Location"]).get_data(as_text=True)
    assert "Vreest represailles." in page and "anonymous" in page


def test_hostile_input_is_escaped_and_javascript_url_refused(
    as_factchecker: FlaskClient, session: Session
) -> None:
    refused = as_factchecker.post(
        "/sources/new", data={"name": "Bron", "kind": "person", "url": "javascript:alert(1)"}
    )
    assert refused.status_code == 422
    assert "must start with http:// or https://" in refused.get_data(as_text=True)
    assert session.scalar(select(Source).where(Source.name == "Bron")) is None
    response = as_factchecker.post(
        "/sources/new",
        data={
            "name": HOSTILE,
            "kind": "person",
            "aliases": HOSTILE + "2",
            "description": HOSTILE,
            "anonymity_reason": HOSTILE,
        },
    )
    assert response.status_code == 302
    location = response.headers["Location"]
    source_id = int(location.rsplit("/", 1)[1])
    as_factchecker.post(f"/sources/{source_id}/aliases", data={"alias": HOSTILE + "3"})
    for url in (location, "/sources/", f"/sources/{source_id}/edit", "/sources/?q=" + HOSTILE):
        page = as_factchecker.get(url).get_data(as_text=True)
        assert HOSTILE not in page and ESCAPED in page, url
    data = as_factchecker.get("/sources/search.json?q=Script").get_json()
    assert data[0]["name"] == HOSTILE  # JSON is data; the page that uses it must escape it


def test_edit_source(as_factchecker: FlaskClient, session: Session) -> None:
    source = sources.create_source(session, "Havenbedrijf", "organization")
    session.commit()
    response = as_factchecker.post(
        f"/sources/{source.id}/edit",
        data={"name": "Havenbedrijf Rotterdam", "kind": "organization", "url": "javascript:x"},
    )
    assert response.status_code == 422
    assert 'value="Havenbedrijf Rotterdam"' in response.get_data(as_text=True)
    response = as_factchecker.post(
        f"/sources/{source.id}/edit",
        data={"name": "Havenbedrijf Rotterdam", "kind": "organization", "description": "Haven."},
    )
    assert response.status_code == 302
    session.expire_all()
    assert session.get(Source, source.id).name == "Havenbedrijf Rotterdam"  # type: ignore[union-attr]


def test_add_alias(as_factchecker: FlaskClient, session: Session) -> None:
    source = sources.create_source(session, "Rijkswaterstaat", "government")
    other = sources.create_source(session, "Waterschap", "government", aliases=["WS"])
    session.commit()
    ok = as_factchecker.post(f"/sources/{source.id}/aliases", data={"alias": "RWS"})
    assert ok.status_code == 302
    clash = as_factchecker.post(f"/sources/{source.id}/aliases", data={"alias": "ws"})
    assert clash.status_code == 422 and "already belongs" in clash.get_data(as_text=True)
    empty = as_factchecker.post(f"/sources/{source.id}/aliases", data={"alias": ""})
    assert empty.status_code == 422
    assert other.id


def test_factchecker_cannot_merge(
    as_factchecker: FlaskClient, session: Session, people: People
) -> None:
    world = build_world(session, people)
    page = as_factchecker.get(f"/sources/{world.paper.id}").get_data(as_text=True)
    assert "Merge another source" not in page
    response = as_factchecker.post(
        f"/sources/{world.paper.id}/merge", data={"other": world.ministry.id, "confirm": "y"}
    )
    assert response.status_code == 403
    session.expire_all()
    assert session.get(Source, world.ministry.id).merged_into_id is None  # type: ignore[union-attr]


def test_editor_merges_and_merged_source_redirects(
    as_editor: FlaskClient, session: Session, people: People
) -> None:
    world = build_world(session, people)
    twin = sources.create_source(session, "Ochtendpost Media", "outlet", aliases=["OPM"])
    session.commit()
    unconfirmed = as_editor.post(f"/sources/{world.paper.id}/merge", data={"other": twin.id})
    assert unconfirmed.status_code == 422
    missing = as_editor.post(
        f"/sources/{world.paper.id}/merge", data={"other": 9999, "confirm": "y"}
    )
    assert missing.status_code == 422 and "no source number 9999" in missing.get_data(as_text=True)
    itself = as_editor.post(
        f"/sources/{world.paper.id}/merge", data={"other": world.paper.id, "confirm": "y"}
    )
    assert itself.status_code == 422
    response = as_editor.post(
        f"/sources/{world.paper.id}/merge", data={"other": twin.id, "confirm": "y"}
    )
    assert response.status_code == 302
    moved = as_editor.get(f"/sources/{twin.id}")
    assert moved.status_code == 301 and moved.headers["Location"].endswith(
        f"/sources/{world.paper.id}"
    )
    page = as_editor.get(f"/sources/{world.paper.id}").get_data(as_text=True)
    assert "OPM" in page and "Ochtendpost Media" in page
    assert f"another source merged into it: Ochtendpost Media (#{twin.id})" in page
    events = session.scalars(select(AuditEvent).where(AuditEvent.action == "source.merge")).all()
    assert len(events) == 1 and events[0].actor_id == people.editor.id


def test_json_search(as_factchecker: FlaskClient, session: Session, people: People) -> None:
    world = build_world(session, people)
    data = as_factchecker.get("/sources/search.json?q=ochtend").get_json()
    assert data == [
        {
            "id": world.paper.id,
            "name": "De Ochtendpost",
            "kind": "outlet",
            "status": "confirmed",
            "aliases": ["Ochtendpost"],
        }
    ]
    kinds = as_factchecker.get("/sources/search.json?q=&kind=government").get_json()
    assert [d["name"] for d in kinds] == ["Ministerie van Defensie"]
    assert as_factchecker.get("/sources/search.json?kind=alien").status_code == 400


def test_editor_merges_by_name(as_editor: FlaskClient, session: Session, people: People) -> None:
    world = build_world(session, people)
    twin = sources.create_source(session, "Ochtendpost Digitaal", "outlet")
    session.commit()
    unknown = as_editor.post(
        f"/sources/{world.paper.id}/merge", data={"other": HOSTILE, "confirm": "y"}
    )
    assert unknown.status_code == 422
    text = unknown.get_data(as_text=True)
    assert "no source named" in text and HOSTILE not in text
    response = as_editor.post(
        f"/sources/{world.paper.id}/merge",
        data={"other": "ochtendpost  digitaal", "confirm": "y"},
    )
    assert response.status_code == 302
    session.expire_all()
    assert session.get(Source, twin.id).merged_into_id == world.paper.id  # type: ignore[union-attr]


def test_registry_is_paginated(as_factchecker: FlaskClient, session: Session) -> None:
    for n in range(30):
        sources.create_source(session, f"Waterschap {n:02d}", "government")
    session.commit()
    first = as_factchecker.get("/sources/?q=waterschap&_external=1").get_data(as_text=True)
    assert "Waterschap 00" in first and "Waterschap 29" not in first
    assert 'href="/sources/?page=2&amp;q=waterschap"' in first
    second = as_factchecker.get("/sources/?q=waterschap&page=2").get_data(as_text=True)
    assert "Waterschap 29" in second and "Waterschap 00" not in second and "Previous page" in second


def test_proposed_sources_are_listed_apart_but_found_by_search(
    as_factchecker: FlaskClient, session: Session
) -> None:
    sources.create_source(session, "Karel Smit", "person", status="proposed")
    sources.create_source(session, "Gemeente Utrecht", "government")
    session.commit()
    confirmed = as_factchecker.get("/sources/").get_data(as_text=True)
    assert "Gemeente Utrecht" in confirmed and "Karel Smit" not in confirmed
    proposed = as_factchecker.get("/sources/?status=proposed").get_data(as_text=True)
    assert "Karel Smit" in proposed and "Gemeente Utrecht" not in proposed
    found = as_factchecker.get("/sources/?q=smit").get_data(as_text=True)
    assert "Karel Smit" in found and "proposed" in found
    karel = session.scalar(select(Source).where(Source.name == "Karel Smit"))
    assert karel is not None
    page = as_factchecker.get(f"/sources/{karel.id}").get_data(as_text=True)
    assert "Not counted yet" in page


def test_registry_refuses_a_pronoun_from_the_web(
    as_factchecker: FlaskClient, session: Session
) -> None:
    response = as_factchecker.post("/sources/new", data={"name": "Hij", "kind": "person"})
    assert response.status_code == 422 and "is not a name" in response.get_data(as_text=True)
    assert session.scalar(select(Source).where(Source.name == "Hij")) is None


def test_editor_merges_a_suggestion_and_undoes_it(as_editor: FlaskClient, session: Session) -> None:
    full = sources.create_source(session, "Anthony Gilberthorpe", "person")
    short = sources.create_source(session, "Gilberthorpe", "person", aliases=["Tony G"])
    session.commit()
    index = as_editor.get("/sources/").get_data(as_text=True)
    assert "Likely duplicates" in index and "same surname, one with a first name" in index
    assert f'data-keep="{full.id}" data-merge="{short.id}"' in index
    response = as_editor.post(
        f"/sources/{full.id}/merge", data={"other": f"#{short.id}", "confirm": "y"}
    )
    assert response.status_code == 302
    page = as_editor.get(f"/sources/{full.id}").get_data(as_text=True)
    assert "Undo this merge" in page
    undone = as_editor.post(f"/sources/{short.id}/unmerge", data={"back_to": full.id})
    assert undone.status_code == 302 and undone.headers["Location"].endswith(f"/sources/{short.id}")
    session.expire_all()
    assert session.get(Source, short.id).merged_into_id is None  # type: ignore[union-attr]
    assert [a.alias for a in session.get(Source, short.id).aliases] == ["Tony G"]  # type: ignore[union-attr]
    assert [a.alias for a in session.get(Source, full.id).aliases] == []  # type: ignore[union-attr]


def test_factchecker_cannot_unmerge(
    as_factchecker: FlaskClient, session: Session, people: People
) -> None:
    full = sources.create_source(session, "Lotte Brink", "person")
    short = sources.create_source(session, "Brink", "person")
    sources.merge_sources(session, full.id, short.id, people.editor)
    session.commit()
    assert as_factchecker.post(f"/sources/{short.id}/unmerge").status_code == 403
    assert "Likely duplicates" not in as_factchecker.get("/sources/").get_data(as_text=True)


def test_sources_audit_command_lists_entries_that_break_the_rules(
    session: Session, database_url: str
) -> None:
    """Rows from before the naming rules, written past the service as old data would be."""
    import json

    from click.testing import CliRunner

    from tracker.cli import main
    from tracker.models import SourceAlias

    good = Source(name="Anna de Vries", name_key="anna de vries", kind="person", status="confirmed")
    pronoun = Source(name="He", name_key="he", kind="person", status="confirmed")
    weekday = Source(name="Friday", name_key="friday", kind="person", status="proposed")
    vague = Source(name="a senior official", name_key="a senior official", kind="person")
    session.add_all([good, pronoun, weekday, vague])
    session.flush()
    session.add(SourceAlias(source_id=good.id, alias="de minister", alias_key="de minister"))
    session.add(SourceAlias(source_id=good.id, alias="AdV", alias_key="adv"))
    session.commit()
    env = {"TRACKER_DATABASE_URL": database_url}
    result = CliRunner().invoke(main, ["sources", "audit", "--format", "jsonl"], env=env)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    found = {(r["source_id"], r["problem"], r["words"]) for r in rows}
    assert found == {
        (pronoun.id, "not a name", "He"),
        (weekday.id, "not a name", "Friday"),
        (vague.id, "a description", "a senior official"),
        (good.id, "alias a description", "de minister"),
    }
    text = CliRunner().invoke(main, ["sources", "audit"], env=env)
    assert f"#{pronoun.id}\tHe\tperson\tnot a name: 'He'" in text.stdout
    assert "4 problem(s) in the registry" in text.stderr


def test_claim_panel_shows_the_articles_words_and_asks_to_choose_for_a_pronoun(
    as_factchecker: FlaskClient, session: Session, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.unit.services.test_source_links import _claims
    from tracker import extract
    from tracker.services.ingest import ArticleInput, ingest_article

    body = "Bram Kok zegt dat de dijk houdt. Hij zegt dat de kosten meevallen."
    rows = [
        ("Bram Kok zegt dat de dijk houdt.", "zegt", "Bram Kok", "person", None),
        ("Hij zegt dat de kosten meevallen.", "zegt", "Hij", "person", None),
    ]
    monkeypatch.setattr(extract, "extract_claims", lambda text, *a, **k: _claims(text, rows))
    article = ingest_article(session, ArticleInput(body=body, language="nl"), people.factchecker)
    session.commit()
    named, pronoun = sorted(article.claims, key=lambda c: c.start)
    page = as_factchecker.get(f"/articles/{article.id}?claim={pronoun.id}").get_data(as_text=True)
    assert "The article says: “Hij”" in page and "cue “zegt”" in page
    assert "name no source the tracker could link: choose who it is" in page
    page = as_factchecker.get(f"/articles/{article.id}?claim={named.id}").get_data(as_text=True)
    assert "The article says: “Bram Kok”" in page and "choose who it is" not in page
    assert "proposed source: saving the chain confirms it" in page
