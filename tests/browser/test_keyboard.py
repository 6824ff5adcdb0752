"""A whole review by keyboard alone (Tab, Enter, arrows, the queue's shortcuts), with the focus
visible at every step (issue 12, item 7)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from tests.browser.conftest import ARTIFACTS, LiveServer
from tests.browser.test_accessibility import STORY, _seed
from tests.browser.test_workbench import log_in
from tests.conftest import PASSWORD
from tracker.models import Claim, Evidence, User
from tracker.services.ingest import ArticleInput, ingest_article

pytestmark = pytest.mark.browser

FOCUS_RING = "rgb(178, 94, 0)"  # tracker.css: :focus-visible { outline: 3px solid #b25e00 }

# What is wrong with the focus, or "" when the focused element shows the house focus ring.
FOCUS_PROBLEM = """([ring, mark]) => {
  const el = document.activeElement;
  if (!el || el === document.body) { return "nothing has the focus"; }
  if (mark) { el.dataset.tabStop = mark; }
  const what = el.outerHTML.slice(0, 120);
  if (!el.matches(":focus-visible")) { return "no :focus-visible on " + what; }
  const s = getComputedStyle(el);
  if (s.outlineStyle === "none" || parseFloat(s.outlineWidth) < 2) {
    return "no outline on " + what;
  }
  if (s.outlineColor !== ring) { return "outline " + s.outlineColor + " on " + what; }
  return "";
}"""


def focus_shown(page: Page, mark: str = "") -> None:
    """The focused element shows the focus ring and is on screen."""
    problem = page.evaluate(FOCUS_PROBLEM, [FOCUS_RING, mark])
    assert problem == "", f"{page.url}: {problem}"
    expect(page.locator(":focus")).to_be_in_viewport()


def walk(page: Page, limit: int = 300) -> int:
    """Tab through every stop of the page once, each with its focus ring on screen; how many
    stops there are."""
    for n in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement === document.body"):
            return n - 1  # past the last stop, into the browser's own controls
        if page.evaluate("() => document.activeElement.dataset.tabStop === 'seen'"):
            return n - 1  # round again
        focus_shown(page, mark="seen")
    raise AssertionError(f"{page.url}: more than {limit} Tab stops")


def tab_to(page: Page, selector: str, limit: int = 80, key: str = "Tab") -> int:
    """Press Tab (or `key`) until `selector` has the focus, checking the focus ring at every
    stop; how many presses it took."""
    for n in range(1, limit + 1):
        page.keyboard.press(key)
        focus_shown(page)
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return n
    raise AssertionError(f"{selector} not reached in {limit} presses of Tab")


def choose(page: Page, value: str) -> None:
    """Pick `value` in the focused <select> with the arrow keys."""
    for key in ("Home", *["ArrowDown"] * 10):
        page.keyboard.press(key)
        if page.evaluate("() => document.activeElement.value") == value:
            return
    raise AssertionError(f"option {value} not reached with the arrow keys")


def test_a_review_by_keyboard_alone(browser: Browser, live_server: LiveServer) -> None:
    with live_server.session() as session:
        checker = session.scalars(select(User).where(User.role == "factchecker")).one()
        article = ingest_article(
            session, ArticleInput(body=STORY, title="Parkeertarief", language="nl"), checker
        )
        session.commit()
        article_id = article.id
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 800})
    page = context.new_page()

    # log in: the e-mail field has the focus, Tab to the password, Enter
    page.goto(live_server.url + "/login")
    expect(page.get_by_label("E-mail")).to_be_focused()  # autofocus lands after the load
    page.keyboard.type(live_server.emails["factchecker"])
    page.keyboard.press("Tab")
    focus_shown(page)
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    # the queue: j takes the first claim, Enter opens it in its article
    page.goto(live_server.url + "/queue/")
    page.keyboard.press("j")
    focus_shown(page)
    row = page.locator(".queue-row").first
    claim_id = int(row.get_attribute("data-claim") or 0)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/articles/{article_id}?claim={claim_id}*")
    expect(page.locator("#claim-heading")).to_contain_text(f"Claim {claim_id}")

    # a verdict with its rationale: the claim opens at its panel, a few Tabs away
    assert tab_to(page, ".status-form textarea[name$=rationale]") <= 5
    page.keyboard.type("Het raadsbesluit noemt zes euro per uur.")
    tab_to(page, ".status-form button[value=verified]", limit=3)
    page.keyboard.press("Enter")
    expect(page.get_by_text("The status was saved.")).to_be_visible()

    # evidence: address, title, stance with the arrow keys, Enter on the button
    tab_to(page, ".evidence-form input[type=url]")
    page.keyboard.type("https://example.org/raadsbesluit-parkeren")
    tab_to(page, ".evidence-form input[name$=title]", limit=2)
    page.keyboard.type("Raadsbesluit parkeren")
    tab_to(page, ".evidence-form select", limit=3)
    choose(page, "supports")
    tab_to(page, ".evidence-form button[type=submit]", limit=2)
    page.keyboard.press("Enter")
    expect(page.get_by_text("The evidence was added.")).to_be_visible()

    # another claim from the panel's list, then set it aside as "not a claim"
    tab_to(page, f".claim-list a[data-claim]:not([data-claim='{claim_id}'])", limit=120)
    other_id = int(page.evaluate("() => document.activeElement.dataset.claim"))
    page.keyboard.press("Enter")
    expect(page.locator("#claim-heading")).to_contain_text(f"Claim {other_id}")
    tab_to(page, ".dismiss-form select")
    choose(page, "not_a_claim")
    tab_to(page, ".dismiss-form button[type=submit]", limit=2)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Restore the claim")).to_be_visible()
    # saved without a reload (live.js): the focus stays where the action was
    expect(page.get_by_role("button", name="Restore the claim")).to_be_focused()
    page.screenshot(path=str(ARTIFACTS / "keyboard-review.png"))

    # a missed claim, typed (selecting text in the article needs a pointer; typing does not);
    # the form is before the panel: back with Shift+Tab
    tab_to(page, "#add-claim textarea", limit=150, key="Shift+Tab")
    page.keyboard.type("2 miljoen euro extra")
    tab_to(page, "#add-claim button[type=submit]", limit=2)
    page.keyboard.press("Enter")
    expect(page.get_by_text("The claim was added.")).to_be_visible()

    with live_server.session() as session:
        claim = session.get(Claim, claim_id)
        assert claim is not None and claim.status == "verified"
        assert claim.rationale == "Het raadsbesluit noemt zes euro per uur."
        evidence = session.scalars(select(Evidence)).one()
        assert (evidence.claim_id, evidence.stance) == (claim_id, "supports")
        other = session.get(Claim, other_id)
        assert other is not None and other.dismissed_reason == "not_a_claim"
        added = session.scalars(select(Claim).where(Claim.origin == "user")).one()
        assert added.exact == "2 miljoen euro extra"
    context.close()


def test_every_tab_stop_shows_the_focus(browser: Browser, live_server: LiveServer) -> None:
    seeded = _seed(live_server)
    a, c, s = seeded.article_id, seeded.claim_id, seeded.source_id
    pages = {
        "factchecker": [
            "/", "/articles/", "/queue/", f"/articles/{a}?claim={c}", "/articles/new",
            "/sources/", f"/sources/{s}", "/search?q=parkeertarief",
            f"/clusters/{seeded.cluster_id}", "/account/password", "/nothing-here",
            "/reports/", f"/reports/preview?article={a}",
        ],
        "editor": [f"/sources/{s}/edit", f"/articles/{a}"],
        "admin": ["/admin/users", "/admin/tokens"],
    }  # fmt: skip
    stops = 0
    for role, paths in pages.items():
        context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 800})
        page = context.new_page()
        log_in(page, live_server, role)
        for path in paths:
            page.goto(live_server.url + path)
            stops += walk(page)
        context.close()
    assert stops > 150
