"""An editor merges a suggested duplicate and undoes the merge, in a real browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import ARTIFACTS, LiveServer
from tests.browser.test_workbench import log_in
from tracker.models import Source
from tracker.services import sources

pytestmark = pytest.mark.browser


def test_merge_a_suggested_duplicate_and_undo_it(browser: Browser, live_server: LiveServer) -> None:
    with live_server.session() as session:
        full = sources.create_source(session, "Anthony Gilberthorpe", "person")
        short = sources.create_source(
            session, "Gilberthorpe", "person", aliases=["Tony G"], status="proposed"
        )
        session.commit()
        full_id, short_id = full.id, short.id
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    log_in(page, live_server, "editor")
    page.goto(live_server.url + "/sources/")
    suggestion = page.locator(f'.duplicate[data-keep="{full_id}"][data-merge="{short_id}"]')
    expect(suggestion).to_contain_text("same surname, one with a first name")
    page.screenshot(path=str(ARTIFACTS / "source-duplicates.png"), full_page=True)
    suggestion.get_by_role(
        "button", name="Merge “Gilberthorpe” into “Anthony Gilberthorpe”"
    ).click()
    expect(page.get_by_role("heading", name="Anthony Gilberthorpe", exact=True)).to_be_visible()
    expect(page.locator(".flash").first).to_contain_text("was merged into this source")
    with live_server.session() as session:
        merged = session.get(Source, short_id)
        assert merged is not None and merged.merged_into_id == full_id
    page.get_by_role("button", name="Undo this merge").click()
    expect(page.get_by_role("heading", name="Gilberthorpe", exact=True)).to_be_visible()
    expect(page.locator(".source-facts")).to_contain_text("Tony G")
    with live_server.session() as session:
        restored = session.get(Source, short_id)
        kept = session.get(Source, full_id)
        assert restored is not None and restored.merged_into_id is None
        assert [a.alias for a in restored.aliases] == ["Tony G"]
        assert kept is not None and kept.aliases == []
    page.goto(live_server.url + f"/sources/{full_id}")
    expect(page.locator("table").last).to_contain_text("a merge was undone")
    # The merge target field offers registry entries as the editor types.
    page.get_by_label("Source to merge into this one").fill("Gilb")
    option = page.locator(f'#source-options option[value="#{short_id}"]')
    expect(option).to_have_count(1)
    context.close()
