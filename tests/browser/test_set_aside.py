"""Dismissing claims, withdrawing an article and re-pasting a corrected one, in a real browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect
from sqlalchemy import select

from tests.browser.conftest import ARTIFACTS, LiveServer
from tests.browser.test_workbench import ARTICLE, bring_in, log_in, open_claim
from tracker.models import Article, Claim

pytestmark = pytest.mark.browser


def test_dismiss_filter_and_restore_a_claim(browser: Browser, live_server: LiveServer) -> None:
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    log_in(page, live_server)
    bring_in(page, live_server)
    open_claim(page, "4,2 miljoen")
    page.get_by_label("Dismiss as").select_option("duplicate")
    page.get_by_role("button", name="Dismiss the claim").click()
    expect(page.get_by_text("The claim was dismissed")).to_be_in_viewport()
    expect(page.locator("#article-body a.claim-dismissed").first).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "claim-dismissed.png"), full_page=True)
    page.get_by_role("link", name="Open claims").click()
    expect(page.locator("#article-body a.claim")).not_to_have_count(0)
    expect(page.locator("#article-body a.claim", has_text="4,2 miljoen")).to_have_count(0)
    page.goto(live_server.url + "/queue/")
    expect(page.locator(".queue-row").first).to_be_visible()
    expect(page.locator(".queue-row", has_text="4,2 miljoen")).to_have_count(0)
    page.go_back()
    page.get_by_role("link", name="All claims").click()
    open_claim(page, "4,2 miljoen")
    page.get_by_role("button", name="Restore the claim").click()
    expect(page.get_by_text("The claim was restored.")).to_be_visible()
    with live_server.session() as session:
        assert all(c.dismissed_reason is None for c in session.scalars(select(Claim)))
    context.close()


def test_editor_withdraws_and_a_repaste_becomes_a_new_version(
    browser: Browser, live_server: LiveServer
) -> None:
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    log_in(page, live_server, "editor")
    bring_in(page, live_server)
    # a corrected re-paste: other quotes, a doubled space, one figure changed
    page.goto(live_server.url + "/articles/new")
    corrected = (
        ARTICLE.replace("3 miljoen", "3,5 miljoen").replace('"', "”").replace(". ", ".  ", 1)
    )
    page.get_by_label("Article text").fill(corrected)
    page.get_by_label("Language", exact=True).select_option("nl")
    page.get_by_role("button", name="Save and find claims").click()
    offer = page.get_by_role("button", name="Save as new version of article 1")
    expect(offer).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "near-duplicate-offer.png"), full_page=True)
    offer.click()
    expect(page.get_by_text("Saved as the new version of article 1")).to_be_visible()
    with live_server.session() as session:
        new = session.scalars(select(Article).where(Article.supersedes_id == 1)).one()
        new_id = new.id
    page.get_by_label("Why is the article withdrawn?").fill("Verkeerde versie geplaatst.")
    page.get_by_role("button", name="Withdraw", exact=True).click()
    expect(page.get_by_text("Verkeerde versie geplaatst.")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "article-withdrawn.png"), full_page=True)
    page.goto(live_server.url + "/queue/")
    expect(page.get_by_text("No claims match these filters.")).to_be_visible()
    page.goto(live_server.url + f"/articles/{new_id}")
    page.get_by_role("button", name="Reinstate the article").click()
    page.goto(live_server.url + "/queue/")
    expect(page.locator(".queue-row").first).to_be_visible()
    context.close()
