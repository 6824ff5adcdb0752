"""The fact-checker's workbench in a real browser: bring in, review, split, conflict."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from tests.browser.conftest import ARTIFACTS, LiveServer
from tests.conftest import PASSWORD
from tracker.models import Claim, Evidence

pytestmark = pytest.mark.browser

ARTICLE = (
    "Zandvoort overweegt strandtaks voor dagjesmensen\n\n"
    "Zandvoort wil naar verluidt vanaf volgend jaar vijf euro vragen aan dagjesmensen die met de "
    "auto komen. Volgens wethouder Pieter de Vries levert de heffing jaarlijks 3 miljoen euro op. "
    '"We kunnen de kosten van het strandonderhoud niet langer alleen dragen," zegt De Vries.\n\n'
    "De gemeente telde vorig jaar 4,2 miljoen bezoekers en had 900 parkeerplaatsen langs de "
    "boulevard. Op sociale media 📣 riepen 😀 inwoners op tot een protest op het Raadhuisplein."
)


def log_in(page: Page, server: LiveServer, role: str = "factchecker") -> None:
    page.goto(server.url + "/login")
    page.get_by_label("E-mail").fill(server.emails[role])
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def bring_in(page: Page, server: LiveServer) -> None:
    page.goto(server.url + "/articles/new")
    page.get_by_label("Article text").fill(ARTICLE)
    page.get_by_label("Title", exact=True).fill("Strandtaks in Zandvoort")
    page.get_by_label("Outlet").fill("Kustkrant")
    page.get_by_label("Publication date").fill("2024-03")
    page.get_by_label("Language", exact=True).select_option("nl")
    page.get_by_role("button", name="Save and find claims").click()
    expect(page.get_by_role("heading", name="Strandtaks in Zandvoort")).to_be_visible()


def open_claim(page: Page, words: str) -> None:
    page.locator("#article-body a.claim", has_text=words).first.click()
    expect(page.locator("#claim-heading")).to_be_visible()
    expect(page.locator(".claim-panel .exact")).to_contain_text(words)


def test_review_an_article(browser: Browser, live_server: LiveServer) -> None:
    page = browser.new_page()
    log_in(page, live_server)
    bring_in(page, live_server)
    claims = page.locator("#article-body a.claim")
    expect(claims.first).to_be_visible()
    assert claims.count() >= 4
    expect(page.locator("#article-body a.claim-unreviewed.claim-start").first).to_be_visible()

    # hearsay: unsourced
    open_claim(page, "naar verluidt")
    page.get_by_label("Rationale").fill("Geen bron; de gemeente bevestigt het plan niet.")
    page.get_by_role("button", name="Unsourced").click()
    expect(page.get_by_text("The status was saved.")).to_be_visible()
    expect(page.locator("#article-body a.claim-unsourced").first).to_be_visible()

    # "volgens": evidence, then verified
    open_claim(page, "levert de heffing")
    page.get_by_label("Web address").fill("https://www.zandvoort.nl/raadsvoorstel-strandtaks")
    page.get_by_label("Title", exact=True).fill("Raadsvoorstel strandtaks")
    page.get_by_label("Excerpt").fill("De verwachte opbrengst bedraagt 3 miljoen euro per jaar.")
    page.get_by_label("Stance").select_option("supports")
    page.get_by_role("button", name="Add evidence").click()
    expect(page.get_by_role("link", name="Raadsvoorstel strandtaks")).to_be_visible()
    page.get_by_label("Rationale").fill("Het raadsvoorstel noemt hetzelfde bedrag.")
    page.get_by_role("button", name="Verified").click()
    expect(page.get_by_text("The status was saved.")).to_be_visible()

    # correct the source the extractor got wrong: a new person in the registry
    page.locator("#chain-hops-0-source").fill("Pieter de Vries")
    page.locator("#chain-hops-0-new_kind").select_option("person")
    page.get_by_role("button", name="Save chain").click()
    expect(page.get_by_text("The provenance chain was saved.")).to_be_visible()
    expect(page.locator("#chain-hops-0-source")).to_have_value(
        re.compile(r"^#\d+ Pieter de Vries$")
    )

    # the registry is searched while typing (GET /sources/search.json), in a hop added in place
    page.get_by_role("button", name="Add a hop").click()
    page.locator("#chain-hops-1-source").press_sequentially("Pieter de")
    corrected = page.locator("#chain-hops-0-source").input_value()
    expect(page.locator(f'#source-options option[value="{corrected}"]')).to_have_count(1)

    # split the counting sentence into two atomic claims
    open_claim(page, "4,2 miljoen")
    words = page.get_by_label("Words of the claim it comes from")
    words.nth(0).fill("De gemeente telde vorig jaar 4,2 miljoen bezoekers")
    words.nth(1).fill("had 900 parkeerplaatsen")
    page.get_by_label("Reworded as (optional)").nth(1).fill(
        "De gemeente had 900 parkeerplaatsen langs de boulevard."
    )
    page.get_by_role("button", name="Split", exact=True).click()
    expect(page.get_by_text("The claim was split.")).to_be_visible()
    expect(page.locator("#article-body a.claim-nested").first).to_be_visible()
    expect(page.locator(".history-list")).to_contain_text("split the claim")

    # the history of the verified claim
    open_claim(page, "levert de heffing")
    history = page.locator(".history-list")
    for action in ("added evidence", "set the verdict", "changed the provenance chain"):
        expect(history).to_contain_text(action)
    expect(history).to_contain_text("Verified")  # the verdict in words, not as a code
    page.screenshot(path=str(ARTIFACTS / "article-view.png"), full_page=True)

    with live_server.session() as session:
        statuses = {c.status for c in session.scalars(select(Claim))}
        assert {"verified", "unsourced"} <= statuses
        assert session.scalars(select(Evidence)).one().stance == "supports"
    page.close()


def test_select_text_adds_claim(browser: Browser, live_server: LiveServer) -> None:
    page = browser.new_page()
    log_in(page, live_server)
    bring_in(page, live_server)
    wanted = "riepen 😀 inwoners op"
    page.evaluate(
        """(wanted) => {
            // the words may span runs (a cue or a source in them is a run of its own)
            const segs = Array.from(document.querySelectorAll('#article-body .seg'));
            const text = segs.map((s) => s.textContent).join('');
            const at = text.indexOf(wanted);
            if (at < 0) { throw new Error('text not found'); }
            const place = (offset) => {
                for (const seg of segs) {
                    const n = seg.firstChild.data.length;
                    if (offset <= n) { return [seg.firstChild, offset]; }
                    offset -= n;
                }
            };
            const r = document.createRange();
            r.setStart(...place(at));
            r.setEnd(...place(at + wanted.length));
            const sel = window.getSelection();
            sel.removeAllRanges();
            sel.addRange(r);
            document.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
        }""",
        wanted,
    )
    start = ARTICLE.index(wanted)
    expect(page.locator("#add-start")).to_have_value(str(start))
    expect(page.locator("#add-end")).to_have_value(str(start + len(wanted)))
    page.get_by_role("button", name="Add claim").click()
    expect(page.get_by_text("The claim was added.")).to_be_visible()
    with live_server.session() as session:
        added = session.scalars(select(Claim).where(Claim.origin == "user")).one()
        assert added.exact == wanted
    page.close()


def test_drag_over_claims_selects_text(browser: Browser, live_server: LiveServer) -> None:
    page = browser.new_page()
    log_in(page, live_server)
    bring_in(page, live_server)
    # from the cue "Volgens" (a run of its own) to the quote's speaker tag "zegt" (its cue)
    first = page.locator("#article-body .seg.attr-cue", has_text="Volgens").bounding_box()
    last = page.locator("#article-body .seg.attr-cue", has_text="zegt").bounding_box()
    assert first is not None and last is not None
    page.mouse.move(first["x"] + 2, first["y"] + first["height"] / 2)
    page.mouse.down()
    page.mouse.move(last["x"] + last["width"] / 2, last["y"] + last["height"] / 2, steps=5)
    page.mouse.up()
    expect(page.locator("#add-fragment")).to_have_value(re.compile(r"^Volgens wethouder"))
    start = int(page.locator("#add-start").input_value())
    end = int(page.locator("#add-end").input_value())
    assert ARTICLE[start:end] == page.locator("#add-fragment").input_value()
    assert "claim" not in page.url  # the drag did not open a claim
    page.close()


def test_two_editors_conflict(browser: Browser, live_server: LiveServer) -> None:
    pages: list[Any] = []
    for role in ("factchecker", "editor"):
        context = browser.new_context()
        page = context.new_page()
        log_in(page, live_server, role)
        pages.append(page)
    first, second = pages
    bring_in(first, live_server)
    second.goto(first.url)
    open_claim(first, "naar verluidt")
    open_claim(second, "naar verluidt")
    first.get_by_label("Rationale").fill("Nergens bevestigd.")
    first.get_by_role("button", name="Unsourced").click()
    expect(first.get_by_text("The status was saved.")).to_be_visible()
    second.get_by_label("Wording").fill("Zandvoort wil dagjesmensen met de auto vijf euro vragen.")
    second.get_by_role("button", name="Save wording").click()
    conflict = second.locator(".conflict")
    expect(conflict).to_contain_text("Changed by someone else")
    expect(conflict).to_contain_text("Unsourced")
    expect(second.get_by_label("Wording")).to_have_value(
        "Zandvoort wil dagjesmensen met de auto vijf euro vragen."
    )
    second.get_by_role("button", name="Save wording").click()  # retry with the new version
    expect(second.get_by_text("The wording was saved.")).to_be_visible()
    for page in pages:
        page.context.close()
