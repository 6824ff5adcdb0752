"""Issue 9 in English at ingest: a resolved pronoun or short name links to the full name's
registry entry; an unresolved pronoun is never stored as a registry source (the real
extractor, own sentences)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.conftest import People
from tracker.models import Source
from tracker.services.ingest import ArticleInput, ingest_article
from tracker.services.source_names import classify_mention


def test_english_pronouns_link_to_the_full_name_or_to_nothing(
    session: Session, people: People
) -> None:
    body = (
        "He said the harbour would stay closed until Friday.\n\n"
        "Maria Lopez runs the food bank in Leeds. Lopez said demand had doubled. "
        "She said 300 families now come every week."
    )
    article = ingest_article(session, ArticleInput(body=body, language="en"), people.factchecker)
    session.commit()
    registry = session.scalars(select(Source).where(Source.article_id.is_(None))).all()
    names = [s.name for s in registry]
    assert all(classify_mention(s.name, s.kind).is_name for s in registry), names
    assert not any(n.casefold() in ("he", "she", "lopez") for n in names), names
    hops = [h for c in sorted(article.claims, key=lambda c: c.start) for h in c.attributions]
    by_words = {h.mention_text: h for h in hops}
    assert by_words["He"].source is None  # unresolved: keeps its words, links to nothing
    for words in ("Lopez", "She"):
        linked = by_words[words].source
        assert linked is not None and linked.name == "Maria Lopez"
