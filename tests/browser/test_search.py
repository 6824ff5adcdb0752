"""The header's search box in a real browser: type, submit, land on grouped, marked results."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import ARTIFACTS, LiveServer
from tests.browser.test_workbench import log_in
from tracker.services.ingest import ArticleInput, ingest_article

pytestmark = pytest.mark.browser

BODY = "Het legioen telt naar verluidt 20.000 soldaten uit 52 landen."


def test_the_header_search_box(browser: Browser, live_server: LiveServer) -> None:
    with live_server.session() as session:
        ingest_article(session, ArticleInput(body=BODY, title="Legioen", language="nl"))
        session.commit()
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    log_in(page, live_server)
    page.goto(live_server.url + "/queue/")
    box = page.locator("header .header-search input[name=q]")
    box.fill("20,000 soldaat")
    box.press("Enter")
    page.wait_for_load_state()
    assert "/search?q=" in page.url
    expect(page.locator("#claims-heading")).to_be_visible()
    expect(page.locator(".search-hit mark").first).to_have_text("20.000")
    expect(page.locator("header .header-search input[name=q]")).to_have_value("20,000 soldaat")
    page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)
    context.close()
