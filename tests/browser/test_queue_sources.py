"""The review queue's keyboard triage and the source registry in a real browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect
from sqlalchemy import select

from tests.browser.conftest import ARTIFACTS, LiveServer
from tests.browser.test_workbench import log_in
from tests.conftest import PASSWORD
from tracker.models import Claim
from tracker.services.demo import load_demo

pytestmark = pytest.mark.browser


def _demo(server: LiveServer) -> None:
    with server.session() as session:
        load_demo(session)
        session.commit()


def test_keyboard_triage_in_the_queue(browser: Browser, live_server: LiveServer) -> None:
    _demo(live_server)
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    log_in(page, live_server)
    page.goto(live_server.url + "/queue/")
    expect(page.locator(".queue-row").first).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "queue.png"), full_page=True)
    page.keyboard.press("?")
    expect(page.locator("#queue-help")).to_be_visible()
    page.keyboard.press("?")
    first = page.locator(".queue-row").first
    claim_id = int(first.get_attribute("data-claim") or 0)
    page.keyboard.press("j")
    expect(first).to_have_class(re.compile(r"\bcurrent\b"))
    page.keyboard.press("u")
    page.wait_for_load_state()
    expect(page.locator(".flash").first).to_be_visible()
    with live_server.session() as session:
        status = session.scalar(select(Claim.status).where(Claim.id == claim_id))
    assert status == "unsourced"
    context.close()


def test_source_page_shows_track_record(browser: Browser, live_server: LiveServer) -> None:
    _demo(live_server)
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.goto(live_server.url + "/login")
    page.get_by_label("E-mail").fill(live_server.emails["editor"])
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(live_server.url + "/sources/?q=ministerie")
    page.get_by_role("link", name="Ministerie van Defensie").first.click()
    expect(page.get_by_role("heading", name="Ministerie van Defensie")).to_be_visible()
    expect(page.locator("body")).to_contain_text("Geverifieerd")
    page.screenshot(path=str(ARTIFACTS / "source-page.png"), full_page=True)
    context.close()
