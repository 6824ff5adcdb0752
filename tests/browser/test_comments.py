"""A comment with a mention, posted in one browser and found by the colleague in "For me"."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import ARTIFACTS, LiveServer
from tests.browser.test_workbench import bring_in, log_in, open_claim
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_a_mention_reaches_the_colleague_in_both_languages(
    browser: Browser, live_server: LiveServer
) -> None:
    writer = browser.new_context(locale="en-GB")
    page = writer.new_page()
    log_in(page, live_server)
    bring_in(page, live_server)
    open_claim(page, "3 miljoen")
    page.get_by_label("Comment", exact=True).fill(
        "Is the 3 million per year from the council's budget? @editor <b>please</b> check"
    )
    page.get_by_role("button", name="Post the comment").click()
    expect(page.get_by_text("The comment was posted.")).to_be_visible()
    thread = page.locator(".comment-list .comment")
    expect(thread).to_have_count(1)
    expect(thread.locator(".comment-body")).to_have_text(
        "Is the 3 million per year from the council's budget? @editor <b>please</b> check"
    )
    expect(thread).to_contain_text("to Editor")
    expect(page.locator(".history-list")).to_contain_text("commented")
    page.screenshot(path=str(ARTIFACTS / "comment-posted.png"), full_page=True)
    writer.close()

    reader = browser.new_context(locale="nl-NL")
    page = reader.new_page()
    page.goto(live_server.url + "/login")
    page.get_by_label("E-mail").fill(live_server.emails["editor"])
    page.locator("input[type=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.goto(live_server.url + "/")
    for_me = page.locator(".for-me")
    expect(for_me.get_by_role("heading", name="Voor mij")).to_be_visible()
    expect(for_me).to_contain_text("Nieuwe vermeldingen: 1")
    mention = for_me.locator(".mention.unseen")
    expect(mention).to_contain_text("Factchecker schreef")
    page.screenshot(path=str(ARTIFACTS / "for-me-nl.png"), full_page=True)
    mention.get_by_role("link").click()
    expect(page.get_by_role("heading", name="Opmerkingen")).to_be_visible()
    expect(page.locator(".comment-list .comment")).to_contain_text("aan Editor")
    page.goto(live_server.url + "/")
    expect(page.locator(".for-me")).to_contain_text("Nieuwe vermeldingen: 0")
    expect(page.locator(".for-me .mention.unseen")).to_have_count(0)
    expect(page.locator(".for-me .mention")).to_have_count(1)
    reader.close()
