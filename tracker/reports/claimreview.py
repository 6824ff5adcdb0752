"""ClaimReview JSON-LD (schema.org): one review per claim with a verdict.

Rating scale: verified 3, disputed 1, unsourced without a ratingValue (it is not a judgement
of truth but of traceability); worstRating 1, bestRating 3; alternateName always set.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..models import VERDICTS
from ..services.reports import ClaimRecord, ReportMeta, SourceRecord
from ..wording import CLAIM_REVIEWED_MAX, cut_at_word
from .common import BEST_RATING, RATINGS, WORST_RATING, iso

_TYPES = {
    "outlet": "NewsMediaOrganization",
    "government": "GovernmentOrganization",
    "organization": "Organization",
    "agency": "Organization",
    "group": "Organization",
    "person": "Person",
    "anonymous": "Person",
}


def short(text: str, limit: int = CLAIM_REVIEWED_MAX) -> str:
    """The text cut after a whole word to at most `limit` characters (review.cut_at_word)."""
    return cut_at_word(text, limit)


def agent(source: SourceRecord) -> dict[str, Any]:
    """A source as a schema.org Person or Organization (what `author` allows)."""
    if source.kind == "anonymous":
        node: dict[str, Any] = {"@type": "Person", "name": source.name}
        if source.anonymity_reason:
            node["description"] = f"Anonymous source: {source.anonymity_reason}"
        return node
    node = {"@type": _TYPES.get(source.kind, "Organization"), "name": source.name}
    if source.url:
        node["url"] = source.url
    return node


def document(source: SourceRecord) -> dict[str, Any]:
    """A document source (a report, a statement) as the CreativeWork it is."""
    node: dict[str, Any] = {"@type": "CreativeWork", "name": source.name}
    if source.url:
        node["url"] = source.url
    return node


def review_url(meta: ReportMeta, claim: ClaimRecord) -> str:
    """The published fact check's address: TRACKER_CLAIMREVIEW_URL with {id}, or by default
    the newsroom's address + /claims/ID."""
    if meta.review_url:
        return meta.review_url.replace("{id}", str(claim.id))
    return f"{meta.newsroom_url.rstrip('/')}/claims/{claim.id}"


def claim_review(meta: ReportMeta, claim: ClaimRecord) -> dict[str, Any]:
    value, name = RATINGS[claim.status]
    rating: dict[str, Any] = {
        "@type": "Rating",
        "alternateName": name,
        "worstRating": WORST_RATING,
        "bestRating": BEST_RATING,
    }
    if value is not None:
        rating["ratingValue"] = value
    appearance: dict[str, Any] = {"@type": "NewsArticle", "headline": claim.article.title}
    if claim.article.url:
        appearance["url"] = claim.article.url
    if claim.article.published:
        appearance["datePublished"] = claim.article.published
    if claim.article.outlet:
        appearance["publisher"] = agent(claim.article.outlet)
    item: dict[str, Any] = {"@type": "Claim", "text": claim.text, "appearance": appearance}
    # The author is the chain's last person or organisation: the primary source itself unless
    # that is a document, which is where the claim first appeared.
    primary = claim.primary_source
    if primary is not None and primary.kind == "document":
        item["firstAppearance"] = document(primary)
    authors = [h.source for h in claim.chain if h.source and h.source.kind != "document"]
    if authors:
        item["author"] = agent(authors[-1])
    # Otherwise the chain knows where the claim first appeared when it passes through an
    # outlet other than the article's own ("Tegenover The New York Times verklaren ...").
    own = claim.article.outlet.id if claim.article.outlet else None
    first_outlet = next(
        (h.source for h in reversed(claim.chain) if h.source and h.source.kind == "outlet"), None
    )
    if "firstAppearance" not in item and first_outlet is not None and first_outlet.id != own:
        item["firstAppearance"] = {"@type": "CreativeWork", "publisher": agent(first_outlet)}
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "url": review_url(meta, claim),
        "claimReviewed": claim.claim_reviewed or short(claim.text),
        "reviewRating": rating,
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": meta.newsroom_name, "url": meta.newsroom_url},
        "inLanguage": claim.article.language,
    }
    if claim.reviewed_at is not None:
        review["datePublished"] = iso(claim.reviewed_at.date())
    if claim.rationale:
        review["reviewBody"] = claim.rationale
    return review


def render_claimreview(meta: ReportMeta, claims: Iterable[ClaimRecord]) -> Iterator[str]:
    """{"@context": "https://schema.org", "@graph": [ClaimReview, ...]}, streamed."""
    yield '{\n "@context": "https://schema.org",\n "@graph": ['
    first = True
    for claim in claims:
        if claim.status not in VERDICTS:
            continue
        data = json.dumps(claim_review(meta, claim), ensure_ascii=False)
        yield ("\n  " if first else ",\n  ") + data
        first = False
    yield "\n ]\n}\n"
