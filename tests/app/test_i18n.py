"""The Dutch and English interface (browser language, saved preference, complete catalog, the
services' refusals in the user's language) and the accessibility basics of the queue, registry
and admin pages."""

from __future__ import annotations

import html
import io
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.test import TestResponse

from tests.conftest import People, login
from tracker.models import Article, User
from tracker.services import sources
from tracker.services.errors import Count, InvalidInput
from tracker.services.ingest import ArticleInput, ingest_article
from tracker.web.messages import explain

CATALOG = Path(__file__).resolve().parents[2] / "tracker/translations/nl/LC_MESSAGES"
NL = {"Accept-Language": "nl-NL,nl;q=0.9,en;q=0.5"}


def test_login_page_follows_the_browser_language(client: FlaskClient) -> None:
    dutch = client.get("/login", headers=NL).get_data(as_text=True)
    assert "Inloggen" in dutch and "Wachtwoord" in dutch and 'lang="nl"' in dutch
    english = client.get("/login", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Log in" in english and "Inloggen" not in english


def test_queue_and_registry_in_dutch(client: FlaskClient, people: People) -> None:
    login(client, people.factchecker.email)
    queue = client.get("/queue/", headers=NL).get_data(as_text=True)
    assert "Beoordelingswachtrij" in queue and "Sneltoetsen" in queue
    assert "Filteren en sorteren" in queue and "Review queue" not in queue
    assert "gemiddeld en hoger" in queue and "Elke checkwaardigheid" in queue
    odd = client.get("/queue/?min_score=0.3", headers=NL).get_data(as_text=True)
    assert "score 0.3 en hoger" in odd
    sources = client.get("/sources/", headers=NL).get_data(as_text=True)
    assert "Bronnen zoeken" in sources


def test_dutch_validation_messages(client: FlaskClient, people: People) -> None:
    login(client, people.factchecker.email)
    bad = client.post(
        "/sources/new",
        data={"name": "Bron", "kind": "person", "url": "javascript:alert(1)"},
        headers=NL,
    )
    assert bad.status_code == 422
    assert "Het adres moet beginnen met http:// of https://." in bad.get_data(as_text=True)


def test_saved_english_locale_wins_over_the_browser(
    client: FlaskClient, session: Session, people: People
) -> None:
    user = session.get(User, people.factchecker.id)
    assert user is not None
    user.locale = "en"
    session.commit()
    login(client, people.factchecker.email)
    queue = client.get("/queue/", headers=NL).get_data(as_text=True)
    assert "Review queue" in queue and "Beoordelingswachtrij" not in queue


def test_saved_dutch_locale_wins_over_the_browser(
    client: FlaskClient, session: Session, people: People
) -> None:
    user = session.get(User, people.editor.id)
    assert user is not None
    user.locale = "nl"
    session.commit()
    login(client, people.editor.email)
    page = client.get("/queue/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Beoordelingswachtrij" in page


def test_every_message_has_a_dutch_translation() -> None:
    with (CATALOG / "messages.po").open("rb") as fh:
        catalog = read_po(fh, locale="nl")
    untranslated = [m.id for m in catalog if m.id and not m.string]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not untranslated and not fuzzy
    with (CATALOG / "messages.mo").open("rb") as fh:
        compiled = read_mo(fh)
    stale = [m.id for m in catalog if m.id and compiled.get(m.id) is None]
    assert not stale, "messages.mo is older than messages.po: run pybabel compile"
    assert all(compiled[m.id].string == m.string for m in catalog if m.id)


class _Controls(HTMLParser):
    """Collects form controls, label targets and table header cells of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str | None]] = []
        self.labelled: set[str] = set()
        self.in_label = 0
        self.th = 0
        self.tables = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "label":
            self.in_label += 1
            if a.get("for"):
                self.labelled.add(str(a["for"]))
        elif tag in ("input", "select", "textarea"):
            if a.get("type") not in ("hidden", "submit", "button"):
                self.controls.append({**a, "_wrapped": "1" if self.in_label else None})
        elif tag == "th":
            self.th += 1
        elif tag == "table":
            self.tables += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.in_label -= 1


def test_every_control_has_a_label_and_tables_have_headers(
    client: FlaskClient, session: Session, people: People
) -> None:
    from tests.unit.services.test_queue import build_world

    world = build_world(session, people)
    login(client, people.admin.email)
    for url in (
        "/queue/?status=",
        "/sources/",
        "/sources/new",
        f"/sources/{world.paper.id}",
        f"/sources/{world.paper.id}/edit",
        "/admin/users",
    ):
        page = _Controls()
        page.feed(client.get(url).get_data(as_text=True))
        for control in page.controls:
            ok = (
                control.get("_wrapped")
                or control.get("aria-label")
                or (control.get("id") in page.labelled)
            )
            assert ok, (url, control)
        assert page.th >= page.tables, url


# --- service refusals in Dutch (tracker/web/messages.py:explain) ---

NL_ARTICLE = (
    "Havenbedrijf breidt uit\n\n"
    "Volgens havenwethouder Anna Smit kost de nieuwe kade 300 miljoen euro en levert zij "
    '2000 banen op. "Dit is de grootste investering in tien jaar," zegt Smit.\n'
)


def _text(response: TestResponse) -> str:
    """The page as the user reads it (entities such as &#39; undone)."""
    return html.unescape(response.get_data(as_text=True))


@pytest.fixture
def claim_id(session: Session, people: People) -> int:
    article = ingest_article(
        session, ArticleInput(body=NL_ARTICLE, language="nl"), people.factchecker
    )
    session.commit()
    return next(c.id for c in article.claims if "300 miljoen" in c.text)


def test_claim_panel_refusals_in_dutch(as_factchecker: FlaskClient, claim_id: int) -> None:
    verdict = as_factchecker.post(
        f"/claims/{claim_id}/status",
        data={"status-version": "1", "status-status": "disputed", "status-rationale": " "},
        headers=NL,
    )
    page = _text(verdict)
    assert verdict.status_code == 422
    assert "Geef aan waarom de bewering betwist is: een motivering is verplicht." in page
    assert "rationale is required" not in page

    evidence = as_factchecker.post(
        f"/claims/{claim_id}/evidence",
        data={"evidence-url": "javascript:alert(1)", "evidence-stance": "refutes"},
        headers=NL,
    )
    assert evidence.status_code == 422
    assert "Bewijs heeft een webadres nodig dat begint met http:// of https://." in _text(evidence)

    split = as_factchecker.post(
        f"/claims/{claim_id}/split",
        data={
            "split-version": "1",
            "split-parts-0-words": "kost de nieuwe kade",
            "split-parts-1-words": "xyz",
        },
        headers=NL,
    )
    assert split.status_code == 422
    assert "Het deel 'xyz' komt niet voor in de tekst van de bewering." in _text(split)

    chain = as_factchecker.post(
        f"/claims/{claim_id}/chain",
        data={
            "chain-version": "1",
            "chain-hops-0-source": "Onbekende Ambtenaar",
            "chain-hops-0-kind": "reported",
        },
        headers=NL,
    )
    page = _text(chain)
    assert chain.status_code == 422
    assert (
        "Schakel 1: er staat geen bron met de naam 'Onbekende Ambtenaar' in het register; "
        "kies een soort om haar als nieuwe bron aan te maken." in page
    )
    assert "no source named" not in page


def test_the_queue_verdict_refusal_in_dutch(as_factchecker: FlaskClient, claim_id: int) -> None:
    r = as_factchecker.post(
        f"/queue/{claim_id}/status",
        data={"status": "verified", "rationale": "", "version": "1", "next": "/queue/"},
        headers=NL,
    )
    assert r.status_code == 422
    assert "Geef aan waarom de bewering geverifieerd is" in _text(r)


def _bring_in(client: FlaskClient, **data: object) -> TestResponse:
    payload: dict[str, object] = {"language": "auto", "action": "save", "title": "Bewaard"}
    payload.update(data)
    return client.post(
        "/articles/new", data=payload, content_type="multipart/form-data", headers=NL
    )


def test_article_refusals_in_dutch(as_factchecker: FlaskClient, session: Session) -> None:
    empty = _bring_in(as_factchecker, body="  \n ")
    assert empty.status_code == 422
    assert "Plak de tekst van het artikel, upload een bestand" in _text(empty)
    for data, name, message in (
        (b"   \n", "leeg.txt", "Het bestand is leeg."),
        (
            b"PK\x03\x04 geen zip",
            "kapot.docx",
            "Het bestand is geen leesbaar Word-document (.docx).",
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "plaatje.txt", "Het bestand is binair"),
        (b"tekst", "stuk.pdf", "Upload een bestand van het type .txt, .html of .docx."),
    ):
        r = _bring_in(as_factchecker, upload=(io.BytesIO(data), name))
        page = _text(r)
        assert r.status_code == 422 and message in page, name
        assert "Bewaard" in page  # what was typed stays
    latin = "Café De Zeemeeuw verkoopt naar verluidt geen kroketten meer, zegt de eigenaar. "
    guessed = _bring_in(as_factchecker, upload=(io.BytesIO(latin.encode("cp1252") * 3), "c.txt"))
    assert guessed.status_code == 422
    assert "De tekst was geen UTF-8 en is gelezen als" in _text(guessed)
    assert "not UTF-8" not in _text(guessed)
    assert session.scalar(select(Article.id)) is None


def test_source_refusals_in_dutch(as_factchecker: FlaskClient, session: Session) -> None:
    source = sources.create_source(session, "Rijkswaterstaat", "government")
    other = sources.create_source(session, "Waterschap", "government", aliases=["WS"])
    session.commit()
    clash = as_factchecker.post(f"/sources/{source.id}/aliases", data={"alias": "WS"}, headers=NL)
    assert clash.status_code == 422
    assert f"De andere naam 'WS' hoort al bij bron #{other.id}." in _text(clash)
    new = as_factchecker.post(
        "/sources/new", data={"name": "Jan Waterman", "kind": "person", "aliases": "WS"}, headers=NL
    )
    assert new.status_code == 422
    assert f"De andere naam 'WS' hoort al bij bron #{other.id}." in _text(new)
    url = as_factchecker.post(
        f"/sources/{source.id}/edit",
        data={"name": "Rijkswaterstaat", "kind": "government", "url": "ftp://rws.example/"},
        headers=NL,
    )
    assert url.status_code == 422
    assert "Het adres moet beginnen met http:// of https://." in _text(url)


def test_admin_refusals_for_a_dutch_admin(
    client: FlaskClient, session: Session, people: People
) -> None:
    admin = session.get(User, people.admin.id)
    assert admin is not None
    admin.locale = "nl"
    session.commit()
    login(client, people.admin.email)
    taken = client.post(
        "/admin/users",
        data={"email": "editor@example.org", "name": "X", "role": "editor", "password": "x" * 12},
        headers={"Accept-Language": "en"},
    )
    assert taken.status_code == 422
    assert "Er bestaat al een gebruiker met het e-mailadres editor@example.org." in _text(taken)
    demote = client.post(f"/admin/users/{people.admin.id}/role", data={"role": "editor"})
    assert demote.status_code == 409
    assert "De laatste actieve beheerder kan de beheerdersrol niet opgeven." in _text(demote)
    off = client.post(f"/admin/users/{people.admin.id}/active", data={"active": "0"})
    assert off.status_code == 409
    assert "De laatste actieve beheerder kan niet worden gedeactiveerd." in _text(off)


def test_english_users_keep_the_services_english(
    as_factchecker: FlaskClient, claim_id: int
) -> None:
    r = as_factchecker.post(
        f"/claims/{claim_id}/status",
        data={"status-version": "1", "status-status": "disputed", "status-rationale": ""},
        headers={"Accept-Language": "en"},
    )
    assert "say why the claim is disputed: a rationale is required" in _text(r)


def test_every_service_message_is_in_the_catalog() -> None:
    """Each template the services raise (babel.cfg's keywords) has its Dutch translation."""
    keywords = {
        **DEFAULT_KEYWORDS,
        **{k: None for k in ("N_", "InvalidInput", "NotFound", "PermissionDenied")},
    }
    root = Path(__file__).resolve().parents[2] / "tracker/services"
    found = {
        message
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(root), method_map=[("**.py", "python")], keywords=keywords
        )
        if isinstance(message, str)
    }
    assert len(found) > 50
    with (CATALOG / "messages.po").open("rb") as fh:
        catalog = read_po(fh, locale="nl")
    missing = sorted(m for m in found if not ((entry := catalog.get(m)) and entry.string))
    assert not missing, "run the pybabel commands in babel.cfg and translate"


def test_explain_formats_counts_and_statuses_for_the_locale(app: Flask) -> None:
    err = InvalidInput(
        "the article has %(length)s characters; the limit is %(limit)s",
        length=Count(600_000),
        limit=Count(500_000),
    )
    assert str(err) == "the article has 600,000 characters; the limit is 500,000"
    with app.test_request_context(headers=NL):
        assert explain(err) == "Het artikel heeft 600.000 tekens; de grens ligt bij 500.000."
        assert explain("plain text") == "plain text"
    with app.test_request_context(headers={"Accept-Language": "en"}):
        assert explain(err) == str(err)
