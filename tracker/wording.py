"""A claim's wording made short for the places that want it so (ClaimReview's claimReviewed)."""

from __future__ import annotations

# Google asks for a claimReviewed under 75 characters; itemReviewed.text keeps the whole claim.
CLAIM_REVIEWED_MAX = 75


def cut_at_word(text: str, limit: int = CLAIM_REVIEWED_MAX) -> str:
    """The text in at most `limit` characters, cut after a whole word (with "…"), never inside
    one; a first word longer than the limit is the only thing cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if text[limit - 1] != " " and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:–-") + "…"
