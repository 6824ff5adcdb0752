"""The claim panel in a browser: the chain editor in place (add, move, remove by keyboard, all
hops saved at once), with axe over the edited panel."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from tests.browser.conftest import ARTIFACTS, LiveServer
from tests.browser.test_workbench import log_in
from tracker.models import AuditEvent, Claim, User
from tracker.services.ingest import ArticleInput, ingest_article
from tracker.services.sources import create_source

pytestmark = pytest.mark.browser

STORY = (
    "Nieuwe brug over de IJssel\n\n"
    "Volgens gedeputeerde Karin Mulder kost de nieuwe brug bij Zutphen 85 miljoen euro. "
    "De provincie betaalt naar verluidt de helft van dat bedrag.\n"
)


def _seed(server: LiveServer) -> tuple[int, int]:
    with server.session() as session:
        checker = session.scalars(select(User).where(User.role == "factchecker")).one()
        article = ingest_article(
            session, ArticleInput(body=STORY, title="Brug", language="nl"), checker
        )
        create_source(session, "Omroep Gelderland", "outlet", checker)
        session.commit()
        claim = next(c for c in article.claims if "85 miljoen" in c.text)
        return article.id, claim.id


def _serious(page: Page) -> list[str]:
    found = Axe().run(page).response["violations"]
    return [f"{v['id']}: {v['help']}" for v in found if v.get("impact") in ("serious", "critical")]


def test_the_chain_is_edited_in_place_and_saved_at_once(
    browser: Browser, live_server: LiveServer
) -> None:
    article_id, claim_id = _seed(live_server)
    page = browser.new_page()
    log_in(page, live_server)
    page.goto(f"{live_server.url}/articles/{article_id}?claim={claim_id}")
    hops = page.locator("#chain-form .hops > li")
    start = hops.count()
    assert start >= 1
    first = page.locator("#chain-hops-0-source").input_value()

    # add a hop by keyboard, type a registry name, then a name that is not in it
    page.get_by_role("button", name="Add a hop").focus()
    page.keyboard.press("Enter")
    expect(hops).to_have_count(start + 1)
    new = page.locator(f"#chain-hops-{start}-source")
    expect(new).to_be_focused()
    new.press_sequentially("Omroep Geld")
    expect(page.locator("#source-options option")).not_to_have_count(0)
    option = page.locator("#source-options option").first.get_attribute("value") or ""
    assert option.endswith("Omroep Gelderland")
    new.fill(option)
    expect(page.locator(f"#chain-hops-{start}-new_kind")).to_be_hidden()

    # move it up to hop 1: the names follow the rows
    for n in range(start, 0, -1):
        page.get_by_role("button", name=f"Move hop {n + 1} up").click()
    expect(page.locator("#chain-hops-0-source")).to_have_value(option)
    expect(page.locator("#chain-hops-1-source")).to_have_value(first)
    expect(page.get_by_role("button", name="Move hop 1 up")).to_be_disabled()
    expect(page.locator("#chain-live")).to_contain_text("place 1")
    page.locator("#chain-form").screenshot(path=str(ARTIFACTS / "panel-chain-editor.png"))
    assert not _serious(page)

    # a third hop with a new name asks for its kind; then remove it again with ✕
    page.get_by_role("button", name="Add a hop").click()
    last = page.locator(f"#chain-hops-{start + 1}-source")
    last.fill("Iemand Nieuw")
    expect(page.locator(f"#chain-hops-{start + 1}-new_kind")).to_be_visible()
    page.get_by_role("button", name=f"Remove hop {start + 2}").click()
    expect(hops).to_have_count(start + 1)

    page.get_by_role("button", name="Save chain").click()
    expect(page.get_by_text("The provenance chain was saved.")).to_be_visible()
    with live_server.session() as session:
        claim = session.get(Claim, claim_id)
        assert claim is not None
        names = [h.source.name if h.source else None for h in claim.attributions]
        assert names[0] == "Omroep Gelderland" and len(names) == start + 1
        events = session.scalars(
            select(AuditEvent.action).where(AuditEvent.claim_id == claim_id)
        ).all()
        assert events.count("claim.chain") == 1
    assert not _serious(page)
    # Enter in a source field saves the chain (the form's default button is "Save chain")
    version = page.locator(".claim-panel").get_attribute("data-version") or "0"
    page.locator("#chain-hops-0-source").press("Enter")
    expect(page.locator(".claim-panel")).to_have_attribute("data-version", str(int(version) + 1))


def test_the_chain_buttons_work_without_javascript(
    browser: Browser, live_server: LiveServer
) -> None:
    article_id, claim_id = _seed(live_server)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server)
    page.goto(f"{live_server.url}/articles/{article_id}?claim={claim_id}")
    hops = page.locator("#chain-form .hops > li")
    start = hops.count()
    page.get_by_role("button", name="Add a hop").click()
    expect(hops).to_have_count(start + 1)
    page.locator(f"#chain-hops-{start}-source").fill("Omroep Gelderland")
    page.get_by_role("button", name=f"Move hop {start + 1} up").click()
    expect(page.locator(f"#chain-hops-{start - 1}-source")).to_have_value("Omroep Gelderland")
    page.get_by_role("button", name="Save chain").click()
    expect(page.get_by_text("The provenance chain was saved.")).to_be_visible()
    with live_server.session() as session:
        claim = session.get(Claim, claim_id)
        assert claim is not None
        assert [h.source.name for h in claim.attributions if h.source][start - 1] == (
            "Omroep Gelderland"
        )
    context.close()


def test_split_takes_the_words_selected_in_the_quote(
    browser: Browser, live_server: LiveServer
) -> None:
    article_id, claim_id = _seed(live_server)
    page = browser.new_page()
    log_in(page, live_server)
    page.goto(f"{live_server.url}/articles/{article_id}?claim={claim_id}")
    quote = page.locator(".claim-panel .exact")
    text = quote.inner_text()
    words = "kost de nieuwe brug bij Zutphen 85 miljoen euro"
    start = text.index(words)
    # select the words in the quote, as a fact-checker would with the mouse
    page.evaluate(
        """([start, end]) => {
            const node = document.querySelector('.claim-panel .exact').firstChild;
            const range = document.createRange();
            range.setStart(node, start); range.setEnd(node, end);
            const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
        }""",
        [start, start + len(words)],
    )
    page.get_by_role("button", name="Use the selected words").first.click()
    expect(page.locator("#split-parts-0-words")).to_have_value(words)
    expect(page.locator("#split-parts-0-words")).to_be_focused()
    page.locator("#split-parts-0-text").fill("De nieuwe brug bij Zutphen kost 85 miljoen euro.")
    page.locator("#split-parts-1-words").fill("Volgens gedeputeerde Karin Mulder")
    page.locator("#split-parts-1-text").fill("Karin Mulder noemde het bedrag.")
    page.locator("#split-form").screenshot(path=str(ARTIFACTS / "panel-split.png"))
    page.get_by_role("button", name="Split", exact=True).click()
    expect(page.get_by_text("The claim was split.")).to_be_visible()
    with live_server.session() as session:
        parts = session.scalars(select(Claim).where(Claim.parent_id == claim_id)).all()
        assert sorted(p.text for p in parts) == [
            "De nieuwe brug bij Zutphen kost 85 miljoen euro.",
            "Karin Mulder noemde het bedrag.",
        ]
        assert words in [p.exact for p in parts]
    assert not _serious(page)


def test_add_a_claim_at_the_selection(browser: Browser, live_server: LiveServer) -> None:
    article_id, _ = _seed(live_server)
    page = browser.new_page()
    log_in(page, live_server)
    page.goto(f"{live_server.url}/articles/{article_id}")
    button = page.locator(".selection-add")
    expect(button).to_be_hidden()
    words = "De provincie betaalt"
    # select the words with the mouse: from the start of the first to the end of the last
    segment = page.locator("#article-body .seg", has_text=words).first
    box = segment.bounding_box()
    assert box is not None
    page.evaluate(
        """(words) => {
            for (const seg of document.querySelectorAll('#article-body .seg')) {
                const node = seg.firstChild;
                const at = node && node.data ? node.data.indexOf(words) : -1;
                if (at < 0) { continue; }
                const range = document.createRange();
                range.setStart(node, at); range.setEnd(node, at + words.length);
                const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
                document.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
                return;
            }
        }""",
        words,
    )
    expect(button).to_be_visible()
    expect(button).to_have_text("Add a claim")
    selection_box = page.evaluate(
        "() => { const r = window.getSelection().getRangeAt(0).getBoundingClientRect();"
        " return [r.left, r.bottom]; }"
    )
    at = button.bounding_box()
    assert at is not None and abs(at["y"] - selection_box[1]) < 40  # right below the words
    page.locator(".article-pane").screenshot(path=str(ARTIFACTS / "panel-add-at-selection.png"))
    assert not _serious(page)
    button.click()
    expect(page.get_by_text("The claim was added.")).to_be_visible()
    expect(page.locator(".claim-panel .exact")).to_have_text(words)
    # Escape hides the button again
    page.keyboard.press("Escape")
