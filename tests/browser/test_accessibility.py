"""axe-core over every page of the app, signed in with the role that uses it: no serious or
critical violation (issue 12, item 7)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, ViewportSize, expect
from sqlalchemy import select

from tests.app.test_search import FIRST, SECOND
from tests.browser.conftest import ARTIFACTS, LiveServer
from tests.browser.test_workbench import log_in
from tracker.models import Claim, Source, User
from tracker.services import review
from tracker.services.dismissal import dismiss_claim
from tracker.services.evidence import add_evidence
from tracker.services.ingest import ArticleInput, ingest_article
from tracker.services.tokens import issue_token

pytestmark = pytest.mark.browser

BLOCKING = ("serious", "critical")
# The claim panel scrolls on its own beside the article (sticky, at most the window high):
# axe cannot judge the contrast of what it hides, so the window is tall enough to show it all.
TALL: ViewportSize = {"width": 1280, "height": 3000}

# A council story; the cluster: tests/app/test_search.py's two reports of one figure.
STORY = (
    "Gemeente wil parkeertarief aan de kust verdubbelen\n\n"
    "Volgens wethouder Ingrid Smit stijgt het parkeertarief aan de boulevard volgend jaar naar "
    "zes euro per uur. De gemeente zou naar verluidt 2 miljoen euro extra willen ophalen.\n\n"
    '"De kosten van het onderhoud lopen al jaren op," zegt Smit.\n'
)
NEAR_COPY = STORY.replace("zes euro", "zeven euro").replace("  ", " ")


@dataclass
class Seeded:
    article_id: int
    claim_id: int
    open_claim_id: int
    source_id: int
    cluster_id: int


def _seed(server: LiveServer) -> Seeded:
    """An article under review (verdict, evidence, a set-aside claim), a cluster, a token."""
    with server.session() as session:
        users = {u.role: u for u in session.scalars(select(User))}
        checker = users["factchecker"]
        article = ingest_article(
            session, ArticleInput(body=STORY, title="Parkeertarief", language="nl"), checker
        )
        session.commit()
        claims = list(
            session.scalars(
                select(Claim).where(Claim.article_id == article.id).order_by(Claim.start)
            )
        )
        assert len(claims) >= 3
        main = claims[0]
        add_evidence(
            session, main.id, "https://example.org/raadsbesluit", "supports", checker,
            title="Raadsbesluit parkeren", excerpt="Het tarief wordt zes euro per uur.",
        )  # fmt: skip
        review.set_status(
            session, main.id, "verified", "Staat in het raadsbesluit.", main.version, checker
        )
        dismiss_claim(session, claims[-1].id, "not_a_claim", claims[-1].version, checker)
        session.commit()
        one = ingest_article(session, ArticleInput(body=FIRST, title="Eerste", language="nl"))
        session.commit()
        first = session.scalars(select(Claim).where(Claim.article_id == one.id)).one()
        review.set_status(session, first.id, "disputed", "Het zijn er minder.", 1, users["editor"])
        session.commit()
        two = ingest_article(session, ArticleInput(body=SECOND, title="Tweede", language="nl"))
        session.commit()
        second = session.scalars(select(Claim).where(Claim.article_id == two.id)).one()
        assert second.cluster_id is not None
        issue_token(session, users["editor"], "Redactiesysteem", ("read",), users["admin"])
        session.commit()
        source = session.scalars(select(Source).order_by(Source.id)).first()
        assert source is not None
        return Seeded(article.id, main.id, claims[1].id, source.id, second.cluster_id)


def _blocking(page: Page) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page as it is now."""
    results = Axe().run(page)
    return [v for v in results.response["violations"] if v.get("impact") in BLOCKING]


def _describe(name: str, url: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"{name} ({url}):"]
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} elements)")
        for node in v["nodes"][:5]:
            lines.append(f"      {', '.join(map(str, node['target']))}: {node['html'][:160]}")
            lines.append(f"        {node.get('failureSummary', '').replace(chr(10), ' ')[:300]}")
    return "\n".join(lines)


Visit = tuple[str, str, Callable[[Page], None] | None]


def _check(page: Page, server: LiveServer, visits: list[Visit], failures: list[str]) -> None:
    for name, path, then in visits:
        page.goto(server.url + path)
        if then is not None:
            then(page)
        page.wait_for_load_state()
        found = _blocking(page)
        if found:
            failures.append(_describe(name, page.url, found))
            page.screenshot(path=str(ARTIFACTS / f"a11y-{name.replace(' ', '-')}.png"))


def _near_duplicate(page: Page) -> None:
    page.get_by_label("Article text").fill(NEAR_COPY)
    page.get_by_label("Language", exact=True).select_option("nl")
    page.get_by_role("button", name="Save and find claims").click()
    expect(page.get_by_role("button", name="Save as a separate article")).to_be_visible()


def _wrong_password(page: Page) -> None:
    page.get_by_label("E-mail").fill("factchecker@example.org")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator(".error, .flash-error").first).to_be_visible()


def _verdict_without_rationale(page: Page) -> None:
    page.get_by_role("button", name="Disputed").click()
    expect(page.get_by_text("a rationale is required")).to_be_visible()


def _verdict_saved(page: Page) -> None:
    page.get_by_label("Rationale").fill("Het raadsbesluit noemt geen bedrag.")
    page.get_by_role("button", name="Unsourced").click()
    expect(page.get_by_text("The status was saved.")).to_be_visible()


def _narrow(page: Page) -> None:
    page.set_viewport_size({"width": 600, "height": 3000})


def _open_help(page: Page) -> None:
    page.get_by_role("button", name="Keyboard shortcuts").click()
    expect(page.locator("#queue-help")).to_be_visible()


def _in_dutch(page: Page) -> None:
    page.locator("#locale-switch").select_option("nl")
    page.get_by_role("button", name="Set").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")


def test_every_page_has_no_serious_violation(browser: Browser, live_server: LiveServer) -> None:
    seeded = _seed(live_server)
    a, c, s = seeded.article_id, seeded.claim_id, seeded.source_id
    other = seeded.open_claim_id
    failures: list[str] = []
    pages_seen = 0

    context = browser.new_context(locale="en-GB", viewport=TALL)
    page = context.new_page()
    anonymous: list[Visit] = [
        ("login", "/login", None),
        ("login refused", "/login", _wrong_password),
        ("not found", "/nothing-here", None),
    ]
    _check(page, live_server, anonymous, failures)
    log_in(page, live_server, "factchecker")
    checker: list[Visit] = [
        ("home", "/", None),
        ("articles", "/articles/", None),
        ("queue", "/queue/", _open_help),
        ("queue filtered", "/queue/?status=verified&language=nl&checkworthy=y&sort=score", None),
        ("queue empty", "/queue/?q=onvindbaarwoord", None),
        ("article", f"/articles/{a}", None),
        ("article claim open", f"/articles/{a}?claim={c}", None),
        ("article verdict refused", f"/articles/{a}?claim={other}", _verdict_without_rationale),
        ("article verdict saved", f"/articles/{a}?claim={other}", _verdict_saved),
        ("article narrow window", f"/articles/{a}?claim={c}", _narrow),
        ("article new", "/articles/new", None),
        ("article near duplicate", "/articles/new", _near_duplicate),
        ("sources", "/sources/", None),
        ("source", f"/sources/{s}", None),
        ("reports", "/reports/", None),
        ("report preview", f"/reports/preview?article={a}", None),
        ("search", "/search?q=parkeertarief", None),
        ("search empty", "/search?q=", None),
        ("cluster", f"/clusters/{seeded.cluster_id}", None),
        ("password", "/account/password", None),
        ("forbidden", "/admin/users", None),
        ("not found signed in", f"/articles/{a + 999}", None),
    ]
    _check(page, live_server, checker, failures)
    pages_seen += len(anonymous) + len(checker)
    context.close()

    context = browser.new_context(locale="en-GB", viewport=TALL)
    page = context.new_page()
    log_in(page, live_server, "editor")
    editor: list[Visit] = [
        ("source edit", f"/sources/{s}/edit", None),
        ("source new", "/sources/new", None),
        ("article as editor", f"/articles/{a}?claim={c}", None),
    ]
    _check(page, live_server, editor, failures)
    context.close()

    context = browser.new_context(locale="en-GB", viewport=TALL)
    page = context.new_page()
    log_in(page, live_server, "admin")
    admin: list[Visit] = [
        ("admin users", "/admin/users", None),
        ("admin tokens", "/admin/tokens", None),
        ("dutch", "/", _in_dutch),
        ("queue in Dutch", "/queue/", None),
        ("article in Dutch", f"/articles/{a}?claim={c}", None),
    ]
    _check(page, live_server, admin, failures)
    pages_seen += len(editor) + len(admin)
    context.close()

    assert pages_seen >= 30
    assert not failures, "serious or critical accessibility violations:\n" + "\n".join(failures)
