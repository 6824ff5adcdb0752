"""A whole review of a Dutch article without one page load after it opens (issue 12, item 1):
every action of the claim panel and the queue swaps the page in place (tracker/web/static/live.js),
keeps the focus, the scroll position and the words typed elsewhere, and shows its result in view.
Without JavaScript the same forms still work by full page loads."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Locator, Page, Request, Route, expect
from sqlalchemy import select

from tests.browser.conftest import ARTIFACTS, LiveServer
from tests.browser.test_accessibility import _blocking, _describe
from tests.browser.test_workbench import log_in
from tracker.models import Claim, Comment, Evidence, User
from tracker.services import review

pytestmark = pytest.mark.browser

FILLER = "\n\n".join(
    f"Tijdens vergadering {n} sprak de raad ook over de markt, de bomen en de verlichting."
    for n in range(25)
)
ARTICLE = (
    "Hoorn wil parkeertarief in de binnenstad verdubbelen\n\n"
    "Volgens wethouder Marieke Jansen levert het hogere tarief jaarlijks 1,8 miljoen euro op. "
    "Het college wil naar verluidt ook de blauwe zone rond het station afschaffen.\n\n"
    + FILLER
    + "\n\nDe ondernemersvereniging telde vorig jaar 2,3 miljoen bezoekers en 640 winkels. "
    '"Zonder extra inkomsten betalen we de nieuwe fietsenstalling niet," zegt Jansen.'
)


@dataclass
class Loads:
    """Full page loads of the main frame after `watch` started."""

    documents: list[str] = field(default_factory=list)
    loads: int = 0
    errors: list[str] = field(default_factory=list)  # script errors, CSP refusals

    def watch(self, page: Page) -> None:
        def on_request(request: Request) -> None:
            if request.resource_type == "document" and request.frame == page.main_frame:
                self.documents.append(f"{request.method} {request.url}")

        def on_load(_page: Page) -> None:
            self.loads += 1

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                self.errors.append(message.text)

        page.on("request", on_request)
        page.on("load", on_load)
        page.on("console", on_console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.evaluate("window.__liveMarker = 1")

    def assert_none(self, page: Page) -> None:
        assert self.documents == [], self.documents
        assert self.loads == 0
        # a refused save (409, 422) or a failed network is logged as a failed load: expected
        assert [e for e in self.errors if not e.startswith("Failed to load resource")] == []
        assert page.evaluate("window.__liveMarker") == 1


def bring_in_dutch(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/articles/new")
    page.get_by_label("Article text").fill(ARTICLE)
    page.get_by_label("Title", exact=True).fill("Parkeren in Hoorn")
    page.get_by_label("Language", exact=True).select_option("nl")
    page.get_by_role("button", name="Save and find claims").click()
    expect(page.get_by_role("heading", name="Parkeren in Hoorn")).to_be_visible()


def open_claim(page: Page, words: str) -> None:
    page.locator("#article-body a.claim", has_text=words).first.click()
    expect(page.locator(".claim-panel .exact")).to_contain_text(words)


def centre(locator: Locator) -> None:
    """Scroll the element to the middle of its scrolling box, as a reader would."""
    locator.evaluate("el => el.scrollIntoView({block: 'center'})")


def top(locator: Locator) -> float:
    box = locator.bounding_box()
    assert box is not None
    return box["y"]


def scroll_state(page: Page) -> tuple[float, float]:
    y, panel = page.evaluate("[window.scrollY, document.getElementById('panel').scrollTop]")
    return float(y), float(panel)


def saved(page: Page, text: str) -> Locator:
    message = page.locator(".live-result .flash, .live-toast .flash", has_text=text)
    expect(message).to_be_visible()
    expect(message).to_be_in_viewport()
    return message


@pytest.fixture
def reviewer(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 720})
    page = context.new_page()
    log_in(page, live_server)
    bring_in_dutch(page, live_server)
    yield page
    context.close()


def test_a_whole_review_without_a_page_load(reviewer: Page, live_server: LiveServer) -> None:
    page = reviewer
    page.locator("#article-body").evaluate("el => el.scrollIntoView()")
    open_claim(page, "1,8 miljoen")
    loads = Loads()
    loads.watch(page)
    window_y = page.evaluate("window.scrollY")
    assert window_y > 0  # the article was scrolled: a reload would lose it

    # the rationale is being written while evidence is added: it survives the swap
    page.get_by_label("Rationale").fill("De begroting 2025 noemt hetzelfde bedrag.")
    form = page.locator(".evidence-form")
    centre(form)
    page.get_by_label("Web address").fill("https://www.hoorn.nl/begroting-2025")
    page.get_by_label("Title", exact=True).fill("Begroting 2025")
    page.get_by_label("Stance").select_option("supports")
    before, panel_before = top(form), scroll_state(page)[1]
    page.get_by_role("button", name="Add evidence").click()
    saved(page, "The evidence was added.")
    expect(page.get_by_role("link", name="Begroting 2025")).to_be_visible()
    expect(page.get_by_label("Rationale")).to_have_value(
        "De begroting 2025 noemt hetzelfde bedrag."
    )
    expect(page.get_by_role("button", name="Add evidence")).to_be_focused()
    expect(page.get_by_label("Web address")).to_have_value("")
    assert abs(top(form) - before) < 2  # the form stayed where the reader looked
    assert scroll_state(page)[1] > panel_before  # the new item above it was scrolled past
    assert page.evaluate("window.scrollY") == window_y

    # the verdict, with the rationale typed before
    verified = page.get_by_role("button", name="Verified")
    centre(verified)
    before = top(verified)
    verified.click()
    saved(page, "The status was saved.")
    expect(page.get_by_role("button", name="Verified")).to_be_focused()
    expect(page.get_by_role("button", name="Verified")).to_have_attribute("aria-pressed", "true")
    assert abs(top(page.get_by_role("button", name="Verified")) - before) < 2
    expect(page.locator("#article-body a.claim-verified").first).to_be_visible()
    expect(page.locator(".claim-list li.current .status-verified")).to_be_visible()

    # the chain: the wording typed meanwhile stays unsaved but kept
    page.get_by_label("Wording").fill(
        "Het hogere parkeertarief levert 1,8 miljoen euro per jaar op."
    )
    page.locator("#chain-hops-0-source").fill("Marieke Jansen")
    page.locator("#chain-hops-0-new_kind").select_option("person")
    page.get_by_role("button", name="Save chain").click()
    saved(page, "The provenance chain was saved.")
    expect(page.locator("#chain-hops-0-source")).to_have_value(re.compile(r"^#\d+ Marieke Jansen$"))
    expect(page.get_by_label("Wording")).to_have_value(
        "Het hogere parkeertarief levert 1,8 miljoen euro per jaar op."
    )
    expect(page.get_by_role("button", name="Save chain")).to_be_focused()
    page.get_by_role("button", name="Save wording").click()
    saved(page, "The wording was saved.")

    # a comment, then the claim assigned to the editor
    # (held on its way while the next comment is begun: those words are kept too)
    held: list[Route] = []

    def hold(route: Route) -> None:  # (playwright cannot wrap a bound builtin)
        held.append(route)

    page.route("**/claims/*/comments", hold)
    page.get_by_label("Comment", exact=True).fill("Klopt dit met de begroting? @editor")
    page.get_by_role("button", name="Post the comment").click()
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(50)
    page.get_by_label("Comment", exact=True).fill("En de parkeergarage?")
    held[0].continue_()
    page.unroute("**/claims/*/comments")
    saved(page, "The comment was posted.")
    expect(page.locator(".comment-list .comment")).to_have_count(1)
    expect(page.locator(".comment-list .comment")).to_contain_text("Klopt dit met de begroting?")
    expect(page.get_by_label("Comment", exact=True)).to_have_value("En de parkeergarage?")
    page.get_by_label("Comment", exact=True).fill("")
    page.get_by_label("Assign to").select_option(label="Editor")
    page.get_by_role("button", name="Assign", exact=True).click()
    saved(page, "The assignment was saved.")
    expect(page.get_by_label("Assign to")).to_be_visible()

    # a form error shows in place, the input kept: evidence at an address that is no web page
    page.get_by_label("Web address").fill("ftp://archief.hoorn.nl/begroting")
    page.get_by_label("Title", exact=True).fill("Archief")
    page.get_by_role("button", name="Add evidence").click()
    error = page.locator(".evidence-form .error", has_text="http")
    expect(error).to_be_in_viewport()
    # read out by the live region beside the form (not shown twice)
    expect(page.locator(".live-result .flash-error", has_text="http")).to_have_count(1)
    expect(page.get_by_label("Title", exact=True)).to_have_value("Archief")
    expect(page.get_by_role("button", name="Add evidence")).to_be_focused()
    page.get_by_label("Web address").fill("")
    page.get_by_label("Title", exact=True).fill("")

    # evidence added twice by mistake: the copy is removed, with a reason, in place
    page.get_by_label("Web address").fill("https://www.hoorn.nl/begroting-2025-kopie")
    page.get_by_role("button", name="Add evidence").click()
    saved(page, "The evidence was added.")
    copy = page.locator(".evidence-item", has_text="begroting-2025-kopie")
    copy.get_by_label("Why remove it?").fill("Dubbel toegevoegd.")
    copy.get_by_role("button", name="Remove").click()
    saved(page, "The evidence was removed")
    expect(page.locator(".evidence-item.removed")).to_contain_text("Dubbel toegevoegd.")

    # split another claim (opened without a reload too), then dismiss a third
    open_claim(page, "2,3 miljoen")
    page.locator("#split-parts-0-words").fill(
        "De ondernemersvereniging telde vorig jaar 2,3 miljoen bezoekers"
    )
    page.locator("#split-parts-1-words").fill("640 winkels")
    page.locator("#split-parts-1-text").fill("De ondernemersvereniging telde 640 winkels.")
    page.get_by_role("button", name="Split", exact=True).click()
    saved(page, "The claim was split.")
    expect(page.locator(".claim-panel .meta", has_text="split into")).to_be_visible()

    open_claim(page, "naar verluidt")
    page.get_by_label("Dismiss as").select_option("not_checkworthy")
    page.get_by_role("button", name="Dismiss the claim").click()
    saved(page, "The claim was dismissed")
    expect(page.get_by_role("button", name="Restore the claim")).to_be_focused()
    expect(page.locator("#article-body a.claim-dismissed").first).to_be_visible()

    # a missed claim, typed into the box under the article: the new claim opens in the panel
    page.get_by_label("Rationale").fill("Nog uitzoeken.")  # typed in the panel meanwhile
    page.locator("#add-claim textarea").fill("de blauwe zone rond het station")
    page.get_by_role("button", name="Add claim").click()
    saved(page, "The claim was added.")
    expect(page.locator(".claim-panel .exact")).to_have_text("de blauwe zone rond het station")
    expect(page.locator("#add-claim textarea")).to_have_value("")
    expect(page.get_by_label("Rationale")).to_have_value("")  # the other claim's words stay there
    expect(page.get_by_role("button", name="Add claim")).to_be_focused()
    added_id = page.locator(".claim-panel").get_attribute("data-claim")
    assert page.url.endswith(f"claim={added_id}")  # a reload shows the same claim

    loads.assert_none(page)
    page.screenshot(path=str(ARTIFACTS / "live-review.png"))
    found = _blocking(page)
    assert not found, _describe("article after live actions", page.url, found)

    with live_server.session() as session:
        claim = session.scalars(select(Claim).where(Claim.status == "verified")).one()
        assert claim.rationale == "De begroting 2025 noemt hetzelfde bedrag."
        assert claim.text == "Het hogere parkeertarief levert 1,8 miljoen euro per jaar op."
        assert [h.source.name for h in claim.attributions if h.source] == ["Marieke Jansen"]
        editor = session.scalars(select(User).where(User.role == "editor")).one()
        assert claim.assignee_id == editor.id
        kept = session.scalars(select(Evidence).where(Evidence.removed_at.is_(None))).one()
        assert kept.claim_id == claim.id
        assert session.scalars(select(Comment)).one().claim_id == claim.id
        assert len(session.scalars(select(Claim).where(Claim.parent_id.is_not(None))).all()) == 2
        assert session.scalars(select(Claim).where(Claim.dismissed_reason.is_not(None))).one()
        added = session.get(Claim, int(added_id or 0))
        assert added is not None and added.exact == "de blauwe zone rond het station"
        assert added.parent_id is None


@pytest.fixture
def two_on_one_claim(browser: Browser, live_server: LiveServer) -> Iterator[tuple[Page, Page]]:
    """A fact-checker and an editor, each in their own browser, with the same claim open."""
    pages: list[Page] = []
    for role in ("factchecker", "editor"):
        context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 720})
        page = context.new_page()
        log_in(page, live_server, role)
        pages.append(page)
    first, second = pages
    bring_in_dutch(first, live_server)
    second.goto(first.url)
    open_claim(first, "1,8 miljoen")
    open_claim(second, "1,8 miljoen")
    yield first, second
    for page in pages:
        page.context.close()


def test_a_conflict_is_shown_in_place(
    two_on_one_claim: tuple[Page, Page], live_server: LiveServer
) -> None:
    first, second = two_on_one_claim
    loads = Loads()
    loads.watch(second)
    second.get_by_label("Comment", exact=True).fill("Nog even navragen bij de gemeente.")
    first.get_by_label("Rationale").fill("Bevestigd door de begroting.")
    first.get_by_role("button", name="Verified").click()
    saved(first, "The status was saved.")
    second.get_by_label("Rationale").fill("Nergens bevestigd.")
    second.get_by_role("button", name="Disputed").click()
    conflict = second.locator(".conflict")
    expect(conflict).to_contain_text("Changed by someone else")
    expect(conflict).to_be_in_viewport()
    expect(second.get_by_label("Rationale")).to_have_value("Nergens bevestigd.")
    expect(second.get_by_label("Comment", exact=True)).to_have_value(
        "Nog even navragen bij de gemeente."
    )
    loads.assert_none(second)
    with live_server.session() as session:
        claim = session.scalars(select(Claim).where(Claim.status != "unreviewed")).one()
        assert (claim.status, claim.rationale) == ("verified", "Bevestigd door de begroting.")


def test_kept_words_still_meet_a_colleagues_change(
    two_on_one_claim: tuple[Page, Page], live_server: LiveServer
) -> None:
    """Words kept across a swap keep the version they were typed against: when a colleague
    changed the claim meanwhile, saving them shows the conflict instead of overwriting."""
    first, second = two_on_one_claim
    loads = Loads()
    loads.watch(first)
    first.get_by_label("Rationale").fill("Bevestigd door de begroting.")
    second.get_by_label("Rationale").fill("Nergens bevestigd.")
    second.get_by_role("button", name="Disputed").click()
    saved(second, "The status was saved.")
    # the first fact-checker comments (the swap brings the colleague's verdict along) ...
    first.get_by_label("Comment", exact=True).fill("Ik bel de gemeente.")
    first.get_by_role("button", name="Post the comment").click()
    saved(first, "The comment was posted.")
    expect(first.get_by_label("Rationale")).to_have_value("Bevestigd door de begroting.")
    # ... and saving the words typed before the colleague's verdict meets it
    first.get_by_role("button", name="Verified").click()
    expect(first.locator(".conflict")).to_contain_text("Changed by someone else")
    loads.assert_none(first)
    with live_server.session() as session:
        claim = session.scalars(select(Claim).where(Claim.status != "unreviewed")).one()
        assert (claim.status, claim.rationale) == ("disputed", "Nergens bevestigd.")


def test_no_failure_is_silent(reviewer: Page) -> None:
    page = reviewer
    open_claim(page, "1,8 miljoen")
    loads = Loads()
    loads.watch(page)
    page.get_by_label("Rationale").fill("De begroting noemt het bedrag.")
    # the network fails: the words stay, and the reader is told
    page.route("**/claims/*/status", lambda route: route.abort())
    page.get_by_role("button", name="Verified").click()
    saved(page, "The server could not be reached")
    expect(page.get_by_label("Rationale")).to_have_value("De begroting noemt het bedrag.")
    page.unroute("**/claims/*/status")
    loads.assert_none(page)
    # an answer without the page's regions (here: an expired form) is shown as the browser
    # would have shown it without the script
    page.locator(".status-form input[name$=csrf_token]").evaluate("el => { el.value = 'x'; }")
    with page.expect_navigation():
        page.get_by_role("button", name="Verified").click()
    assert page.evaluate("window.__liveMarker") is None
    expect(page.locator("body")).to_contain_text("CSRF")


def test_the_queue_shortcuts_work_after_a_swap(reviewer: Page, live_server: LiveServer) -> None:
    page = reviewer
    page.goto(live_server.url + "/queue/?status=unreviewed&sort=article")
    rows = page.locator(".queue-row")
    expect(rows.first).to_be_visible()
    count = rows.count()
    assert count >= 3
    loads = Loads()
    loads.watch(page)
    first_id = rows.nth(0).get_attribute("id")
    second_id = rows.nth(1).get_attribute("id")
    assert first_id and second_id

    second_text = page.locator(f"#{second_id} td a").first.inner_text()
    page.keyboard.press("j")
    page.keyboard.press("v")  # asks for a rationale first
    rationale = page.locator(f"#{first_id} .queue-rationale")
    expect(rationale).to_be_focused()
    page.keyboard.type("De begroting noemt het bedrag.")
    page.keyboard.press("Enter")
    first_text = page.locator(f"#{first_id} td a").first.inner_text()
    expect(saved(page, "is now verified.")).to_contain_text(f"“{first_text[:40]}")
    # the claim left the unreviewed list; the next one is chosen and has the focus
    expect(page.locator(f"#{first_id}")).to_have_count(0)
    expect(rows).to_have_count(count - 1)
    expect(page.locator(f"#{second_id}")).to_be_focused()
    page.keyboard.press("u")
    expect(saved(page, "is now unsourced.")).to_contain_text(f"“{second_text[:40]}")
    expect(page.locator(f"#{second_id}")).to_have_count(0)
    expect(rows).to_have_count(count - 2)
    page.keyboard.press("?")
    expect(page.locator("#queue-help")).to_be_visible()
    loads.assert_none(page)
    found = _blocking(page)
    assert not found, _describe("queue after live actions", page.url, found)
    page.screenshot(path=str(ARTIFACTS / "live-queue.png"))
    with live_server.session() as session:
        done = {c.id: c.status for c in session.scalars(select(Claim)) if c.status != "unreviewed"}
    assert done == {
        int(first_id.removeprefix("claim-")): "verified",
        int(second_id.removeprefix("claim-")): "unsourced",
    }


def test_a_queue_conflict_is_shown_where_one_looks(reviewer: Page, live_server: LiveServer) -> None:
    page = reviewer
    page.goto(live_server.url + "/queue/?status=unreviewed&sort=article")
    rows = page.locator(".queue-row")
    expect(rows.first).to_be_visible()
    loads = Loads()
    loads.watch(page)
    claim_id = int((rows.first.get_attribute("id") or "").removeprefix("claim-"))
    with live_server.session() as session:  # a colleague verifies it meanwhile
        claim = session.get(Claim, claim_id)
        assert claim is not None
        editor = session.scalars(select(User).where(User.role == "editor")).one()
        review.set_status(session, claim_id, "verified", "Door de redactie.", claim.version, editor)
        session.commit()
    page.keyboard.press("j")
    page.keyboard.press("u")
    # the row left the unreviewed list: the refusal shows at the window's foot, and above the list
    refused = page.locator(".live-toast .flash-error", has_text=f"Claim {claim_id}")
    expect(refused).to_contain_text("Someone else changed this claim")
    expect(refused).to_be_in_viewport()
    expect(page.locator(".queue-row-errors")).to_contain_text("Someone else changed")
    loads.assert_none(page)
    with live_server.session() as session:
        claim = session.get(Claim, claim_id)
        assert claim is not None
        assert (claim.status, claim.rationale) == ("verified", "Door de redactie.")


def test_the_forms_work_without_javascript(browser: Browser, live_server: LiveServer) -> None:
    context = browser.new_context(locale="en-GB", java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server)
    bring_in_dutch(page, live_server)
    page.locator("#article-body a.claim", has_text="1,8 miljoen").first.click()
    page.wait_for_url("**claim=*")
    page.get_by_label("Rationale").fill("De begroting noemt het bedrag.")
    with page.expect_navigation():
        page.get_by_role("button", name="Verified").click()
    expect(page.get_by_text("The status was saved.")).to_be_visible()
    page.get_by_label("Web address").fill("https://www.hoorn.nl/begroting-2025")
    with page.expect_navigation():
        page.get_by_role("button", name="Add evidence").click()
    expect(page.get_by_text("The evidence was added.")).to_be_visible()
    page.get_by_label("Comment", exact=True).fill("Zonder script geplaatst.")
    with page.expect_navigation():
        page.get_by_role("button", name="Post the comment").click()
    expect(page.locator(".comment-list .comment")).to_contain_text("Zonder script geplaatst.")
    page.goto(live_server.url + "/queue/?status=unreviewed")
    row = page.locator(".queue-row").first
    row.locator(".queue-status").select_option("unsourced")
    with page.expect_navigation():
        row.get_by_role("button", name="Save").click()
    expect(page.get_by_text(" is now unsourced.")).to_be_visible()
    with live_server.session() as session:
        statuses = sorted(
            c.status for c in session.scalars(select(Claim)) if c.status != "unreviewed"
        )
        assert statuses == ["unsourced", "verified"]
        assert session.scalars(select(Evidence)).one()
        assert session.scalars(select(Comment)).one().body == "Zonder script geplaatst."
    context.close()
