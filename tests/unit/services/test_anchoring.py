"""Re-anchoring a claim in a changed text: position, quote, fuzzy, orphaned."""

from __future__ import annotations

from tracker.services.anchoring import Quote, quote_for, reanchor

OLD = "De gemeente bouwt 300 woningen. De wethouder zegt dat de bouw in mei begint. Einde."


def _quote(exact: str) -> tuple[int, int, Quote]:
    start = OLD.index(exact)
    return start, start + len(exact), quote_for(OLD, start, start + len(exact))


def test_unchanged_text_anchors_by_position() -> None:
    start, end, q = _quote("De wethouder zegt dat de bouw in mei begint.")
    anchor = reanchor(OLD, start, end, q)
    assert (
        anchor is not None
        and anchor.method == "position"
        and (anchor.start, anchor.end) == (start, end)
    )


def test_moved_text_anchors_by_quote() -> None:
    start, end, q = _quote("De wethouder zegt dat de bouw in mei begint.")
    new = "Bijgewerkt. " + OLD
    anchor = reanchor(new, start, end, q)
    assert anchor is not None and anchor.method == "quote"
    assert new[anchor.start : anchor.end] == q.exact


def test_repeated_text_is_told_apart_by_context() -> None:
    text = "Hij zegt: ja. Zij zegt: nee. Hij zegt: ja."
    second = text.rindex("ja.")
    q = quote_for(text, second, second + 3)
    anchor = reanchor("Vooraf. " + text, second, second + 3, q)
    assert anchor is not None and anchor.start == second + len("Vooraf. ")


def test_edited_text_anchors_fuzzily() -> None:
    start, end, q = _quote("De wethouder zegt dat de bouw in mei begint.")
    new = OLD.replace("in mei begint", "in juni begint")
    anchor = reanchor(new, start, end, q)
    assert anchor is not None and anchor.method == "fuzzy"
    assert "wethouder" in new[anchor.start : anchor.end]


def test_removed_text_is_orphaned() -> None:
    start, end, q = _quote("De wethouder zegt dat de bouw in mei begint.")
    assert reanchor("Een heel ander artikel over iets anders.", start, end, q) is None


def test_a_fuzzy_anchor_covers_whole_words() -> None:
    old = "Intro. Volgens wethouder De Vries levert de heffing jaarlijks 3 miljoen euro op. Slot."
    exact = "Volgens wethouder De Vries levert de heffing jaarlijks 3 miljoen euro op."
    start = old.index(exact)
    q = quote_for(old, start, start + len(exact))
    new = (
        "Intro.  Volgens wethouder De Vries levert de heffing jaarlijks 3,5 miljoen euro op. Slot."
    )
    anchor = reanchor(new, start, start + len(exact), q)
    assert anchor is not None and anchor.method == "fuzzy"
    found = new[anchor.start : anchor.end]
    assert found.startswith("Volgens") and found.endswith("op."), found
