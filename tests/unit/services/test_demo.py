"""The demo article shows what the extractor promises: a chain through an outlet, a pronoun
resolved to the full name's registry entry, and no claims from the byline or the photo
caption."""

from __future__ import annotations

from sqlalchemy.orm import Session

from tracker.models import Claim
from tracker.services.demo import DEMO_BODY, load_demo


def _claim(claims: list[Claim], start: str) -> Claim:
    found = [c for c in claims if c.text.startswith(start)]
    assert len(found) == 1, [c.text for c in claims]
    return found[0]


def test_demo_chain_pronoun_and_no_furniture(session: Session) -> None:
    article = load_demo(session).article
    session.commit()
    claims = list(article.claims)

    # The chain: Russian soldiers (primary) told The New York Times (via).
    nyt = _claim(claims, "Tegenover The New York Times")
    hops = [(a.source.name if a.source else None, a.mention_text) for a in nyt.attributions]
    assert hops[-1][1] == "Russische soldaten"
    assert [name for name, _ in hops[:-1]] == ["The New York Times"]
    soldiers = nyt.attributions[-1].source
    assert soldiers is not None and soldiers.article_id == article.id  # a description stays local

    # "Volgens haar": the pronoun links to the registry entry of the major named before it.
    hers = _claim(claims, "Volgens haar")
    hop = hers.primary_attribution
    assert hop is not None and hop.mention_text == "haar"
    assert hop.source is not None and hop.source.name == "Ilse ter Horst"
    assert hop.source.kind == "person" and hop.source.article_id is None
    assert len(hers.attributions) == 1
    assert not any(a.source is not None and a.source.name.lower() == "haar" for c in claims
                   for a in c.attributions)  # fmt: skip

    # The byline and the caption with its credit are no claims.
    for furniture in ("Door onze correspondent", "Nieuwe rekruten oefenen", "Foto: ANP"):
        assert furniture in DEMO_BODY
        assert not any(furniture in c.text for c in claims), furniture
