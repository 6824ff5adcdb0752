"""Defects of the review loop found by trying it as a fact-checker would (issue 12)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect
from sqlalchemy import select

from tests.browser.conftest import ARTIFACTS, LiveServer
from tests.browser.test_workbench import bring_in, log_in, open_claim
from tracker.models import Claim, User
from tracker.services import review

pytestmark = pytest.mark.browser


def _verify_first_claim(server: LiveServer, rationale: str) -> int:
    """Give the first claim of the only article a verified verdict; its id."""
    with server.session() as session:
        claim = session.scalars(select(Claim).order_by(Claim.start)).first()
        assert claim is not None
        user = session.scalars(select(User).where(User.role == "factchecker")).one()
        review.set_status(session, claim.id, "verified", rationale, claim.version, user)
        session.commit()
        return claim.id


def test_u_in_the_queue_drops_the_old_rationale(browser: Browser, live_server: LiveServer) -> None:
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    log_in(page, live_server)
    bring_in(page, live_server)
    claim_id = _verify_first_claim(live_server, "Bevestigd in het raadsvoorstel.")
    page.goto(live_server.url + "/queue/?status=verified")
    row = page.locator(f"#claim-{claim_id}")
    expect(row).to_be_visible()
    page.keyboard.press("j")
    page.keyboard.press("u")
    expect(page.locator(".flash", has_text=" is now unsourced.")).to_be_in_viewport()
    with live_server.session() as session:
        claim = session.get(Claim, claim_id)
        assert claim is not None
        assert (claim.status, claim.rationale) == ("unsourced", "")
    context.close()


def test_e_in_the_queue_puts_the_cursor_in_the_evidence_address(
    browser: Browser, live_server: LiveServer
) -> None:
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    log_in(page, live_server)
    bring_in(page, live_server)
    page.goto(live_server.url + "/queue/")
    expect(page.locator(".queue-row").first).to_be_visible()
    page.keyboard.press("j")
    page.keyboard.press("e")
    page.wait_for_url("**#evidence")
    expect(page.get_by_label("Web address")).to_be_focused()
    page.keyboard.type("https://example.org/bron")
    expect(page.get_by_label("Web address")).to_have_value("https://example.org/bron")
    context.close()


def test_adding_evidence_keeps_the_rationale_being_written(
    browser: Browser, live_server: LiveServer
) -> None:
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    log_in(page, live_server)
    bring_in(page, live_server)
    open_claim(page, "levert de heffing")
    page.get_by_label("Rationale").fill("Het raadsvoorstel noemt hetzelfde bedrag.")
    page.get_by_label("Web address").fill("https://www.zandvoort.nl/raadsvoorstel")
    page.get_by_label("Stance").select_option("supports")
    page.get_by_role("button", name="Add evidence").click()
    expect(page.get_by_text("The evidence was added.")).to_be_visible()
    expect(page.get_by_label("Rationale")).to_have_value(
        "Het raadsvoorstel noemt hetzelfde bedrag."
    )
    page.get_by_role("button", name="Verified").click()
    expect(page.get_by_text("The status was saved.")).to_be_visible()
    with live_server.session() as session:
        claim = session.scalars(select(Claim).where(Claim.status == "verified")).one()
        assert claim.rationale == "Het raadsvoorstel noemt hetzelfde bedrag."
    # once saved, the draft is gone: another claim's rationale is its own
    open_claim(page, "naar verluidt")
    expect(page.get_by_label("Rationale")).to_have_value("")
    context.close()


LONG_ARTICLE_FILLER = "\n\n".join(
    f"Alinea {n}: de raad sprak opnieuw over parkeren, fietspaden en het strand." for n in range(60)
)


def test_a_save_keeps_the_claim_and_its_message_in_view(
    browser: Browser, live_server: LiveServer
) -> None:
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 720})
    page = context.new_page()
    log_in(page, live_server)
    page.goto(live_server.url + "/articles/new")
    page.get_by_label("Article text").fill(
        "Lange raadsvergadering\n\n"
        + LONG_ARTICLE_FILLER
        + "\n\nVolgens wethouder Anna Bakker kost de nieuwe boulevard 12 miljoen euro."
    )
    page.get_by_label("Title", exact=True).fill("Lange raadsvergadering")
    page.get_by_label("Language", exact=True).select_option("nl")
    page.get_by_role("button", name="Save and find claims").click()
    open_claim(page, "12 miljoen")
    page.get_by_label("Rationale").fill("De begroting noemt hetzelfde bedrag.")
    page.get_by_role("button", name="Verified").click()
    message = page.get_by_text("The status was saved.")
    expect(message).to_be_visible()
    expect(message).to_be_in_viewport()
    expect(page.locator("#article-body a.claim-verified").first).to_be_in_viewport()
    page.screenshot(path=str(ARTIFACTS / "saved-in-view.png"))
    context.close()
