"""The Dutch and English interface (browser language, saved preference, complete catalog) and
the accessibility basics of the queue, registry and admin pages."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.conftest import People, login
from tracker.models import User

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
