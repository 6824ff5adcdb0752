"""How ingest links hops to sources, tested with extractor output built by hand (the contract's
`source.resolved` included), so the rules hold whatever the extractor finds; one end-to-end
test runs the real extractor."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.conftest import People
from tracker import extract
from tracker.extract.types import Attribution as Found
from tracker.extract.types import Claim as FoundClaim
from tracker.extract.types import SourceMention, Span
from tracker.models import Article, Attribution, AuditEvent, Claim, Source
from tracker.services import review, sources
from tracker.services.ingest import ArticleInput, ingest_article
from tracker.services.source_names import classify_mention

# (sentence, cue, source words, kind, the earlier words it resolves to or None)
Row = tuple[str, str, str, str, str | None]


def _span(body: str, words: str, after: int = 0) -> Span:
    start = body.index(words, after)
    return Span(start, start + len(words), words)


def _claims(body: str, rows: Sequence[Row]) -> list[FoundClaim]:
    found: list[FoundClaim] = []
    for sentence, cue, words, kind, resolved in rows:
        s = body.index(sentence)
        cue_span = _span(body, cue, s)
        src = _span(body, words, s)
        res = _span(body, resolved) if resolved else None
        mention = SourceMention(src.start, src.end, src.text, kind, res)
        attribution = Found("reported", cue_span, mention, [], (s, s + len(sentence)))
        found.append(FoundClaim(s, s + len(sentence), sentence, True, 0.8, [], attribution))
    return found


@pytest.fixture
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Row]]:
    """Articles' extractor output by body: ingest gets exactly the claims a test wrote."""
    table: dict[str, list[Row]] = {}

    def fake(text: str, lang: str | None = None, known: object = None) -> list[FoundClaim]:
        return _claims(text, table.get(text, []))

    monkeypatch.setattr(extract, "extract_claims", fake)
    return table


def _ingest(session: Session, people: People, body: str) -> Article:
    article = ingest_article(session, ArticleInput(body=body, language="nl"), people.factchecker)
    session.commit()
    return article


def _hops(article: Article) -> list[Attribution]:
    return [
        hop for claim in sorted(article.claims, key=lambda c: c.start) for hop in claim.attributions
    ]


A1 = (
    "Anna de Vries zegt dat de dijken op orde zijn. "
    "Volgens De Vries is er geld genoeg. "
    "Hij zegt dat de kosten meevallen. "
    "Zij voegt eraan toe dat het werk vertraging heeft. "
    "Een Russische soldaat zegt dat het front stilstaat. "
    "Vrijdag meldt dat alles klaar is."
)
A1_ROWS: list[Row] = [
    ("Anna de Vries zegt dat de dijken op orde zijn.", "zegt", "Anna de Vries", "person", None),
    ("Volgens De Vries is er geld genoeg.", "Volgens", "De Vries", "person", "Anna de Vries"),
    ("Hij zegt dat de kosten meevallen.", "zegt", "Hij", "person", None),
    (
        "Zij voegt eraan toe dat het werk vertraging heeft.",
        "voegt",
        "Zij",
        "person",
        "Anna de Vries",
    ),
    (
        "Een Russische soldaat zegt dat het front stilstaat.",
        "zegt",
        "Een Russische soldaat",
        "person",
        None,
    ),
    ("Vrijdag meldt dat alles klaar is.", "meldt", "Vrijdag", "person", None),
]


def test_resolved_mentions_link_to_the_full_name_and_pronouns_to_nothing(
    session: Session, people: People, fake_extractor: dict[str, list[Row]]
) -> None:
    fake_extractor[A1] = A1_ROWS
    article = _ingest(session, people, A1)
    full, short, pronoun, resolved_pronoun, soldier, weekday = _hops(article)
    anna = full.source
    assert anna is not None and anna.name == "Anna de Vries" and anna.status == "proposed"
    assert short.source_id == anna.id and resolved_pronoun.source_id == anna.id
    # What the article said stays on the hop, whatever it links to.
    assert (short.mention_text, short.cue_text) == ("De Vries", "Volgens")
    assert (resolved_pronoun.mention_text, resolved_pronoun.cue_text) == ("Zij", "voegt")
    # An unresolved pronoun and a weekday link to no source and keep their words and cue.
    for hop, words in ((pronoun, "Hij"), (weekday, "Vrijdag")):
        assert hop.source_id is None and hop.mention_text == words and hop.cue_text
        assert A1[hop.mention_start : hop.mention_end] == words
    assert soldier.source is not None and soldier.source.article_id == article.id
    registry = session.scalars(select(Source).where(Source.article_id.is_(None))).all()
    assert [s.name for s in registry] == ["Anna de Vries"]
    assert all(classify_mention(s.name, s.kind).is_name for s in registry)


def test_short_name_without_resolution_joins_the_earlier_full_name_in_the_article(
    session: Session, people: People, fake_extractor: dict[str, list[Row]]
) -> None:
    body = "Piet Bakker zegt dat de haven groeit. Volgens Bakker komen er banen bij."
    fake_extractor[body] = [
        ("Piet Bakker zegt dat de haven groeit.", "zegt", "Piet Bakker", "person", None),
        ("Volgens Bakker komen er banen bij.", "Volgens", "Bakker", "person", None),
    ]
    first, second = _hops(_ingest(session, people, body))
    assert first.source_id is not None and second.source_id == first.source_id


B1 = "Een Russische soldaat zegt dat de aanval mislukte, aldus een Russische soldaat."
B2 = "Een Russische soldaat zegt dat de brug is opgeblazen."


def test_description_never_matches_across_articles_even_after_a_manual_link(
    session: Session, people: People, fake_extractor: dict[str, list[Row]]
) -> None:
    fake_extractor[B1] = [(B1, "zegt", "Een Russische soldaat", "person", None)]
    fake_extractor[B2] = [(B2, "zegt", "Een Russische soldaat", "person", None)]
    first = _ingest(session, people, B1)
    [hop] = _hops(first)
    described = hop.source
    assert described is not None and described.article_id == first.id
    named = sources.create_source(session, "Sergej Ivanov", "person", people.editor)
    # The editor folds the described soldier into a tracked person: that claim only.
    sources.merge_sources(session, named.id, described.id, people.editor)
    session.commit()
    assert hop.source_id == named.id
    assert [a.alias for a in named.aliases] == []  # the description did not become an alias
    second = _ingest(session, people, B2)
    [other] = _hops(second)
    assert other.source_id not in (named.id, described.id)
    assert other.source is not None and other.source.article_id == second.id
    assert other.mention_text == "Een Russische soldaat"


def test_a_hand_link_of_a_described_hop_holds_for_that_claim_only(
    session: Session, people: People, fake_extractor: dict[str, list[Row]]
) -> None:
    fake_extractor[B1] = [(B1, "zegt", "Een Russische soldaat", "person", None)]
    fake_extractor[B2] = [(B2, "zegt", "Een Russische soldaat", "person", None)]
    first = _ingest(session, people, B1)
    zaza = sources.create_source(session, "Zaza", "anonymous", people.editor)
    [claim] = first.claims
    review.set_chain(
        session,
        claim.id,
        [review.Hop(source_id=zaza.id, kind="quote")],
        claim.version,
        people.factchecker,
    )
    session.commit()
    [hop] = claim.attributions
    assert hop.source_id == zaza.id and hop.mention_text == "Een Russische soldaat"
    assert hop.cue_text == "zegt" and hop.cue_start is not None
    second = _ingest(session, people, B2)
    assert _hops(second)[0].source_id != zaza.id


def test_proposed_until_it_recurs_or_a_person_confirms_it(
    session: Session, people: People, fake_extractor: dict[str, list[Row]]
) -> None:
    one = "Karel Smit zegt dat de prijzen stijgen."
    two = "De lonen blijven achter, zegt Karel Smit."
    three = "Lotte Jansen zegt dat de bus later rijdt."
    fake_extractor[one] = [(one, "zegt", "Karel Smit", "person", None)]
    fake_extractor[two] = [(two, "zegt", "Karel Smit", "person", None)]
    fake_extractor[three] = [(three, "zegt", "Lotte Jansen", "person", None)]
    first = _ingest(session, people, one)
    karel = _hops(first)[0].source
    assert karel is not None and karel.status == "proposed"
    assert sources.track_record(session, karel.id).counted is False
    assert karel in sources.search_sources(session, "Karel")  # searchable while proposed
    assert sources.search_sources(session, "Karel", status="confirmed") == []
    _ingest(session, people, two)
    assert karel.status == "confirmed"
    [event] = session.scalars(select(AuditEvent).where(AuditEvent.action == "source.confirm"))
    assert event.entity_id == karel.id and event.after["reason"] == "recurs in another article"
    assert event.actor_id == people.factchecker.id  # whoever ingested the article confirmed it
    third = _ingest(session, people, three)
    lotte = _hops(third)[0].source
    assert lotte is not None and lotte.status == "proposed"
    [claim] = third.claims
    review.set_chain(
        session,
        claim.id,
        [review.Hop(lotte.id, "reported")],
        claim.version,
        people.factchecker,
    )
    session.commit()
    assert lotte.status == "confirmed" and sources.track_record(session, lotte.id).counted


def test_replacing_a_hops_source_keeps_the_articles_words(
    session: Session, people: People, fake_extractor: dict[str, list[Row]]
) -> None:
    body = "De dijk houdt het, aldus waterschapper Bram Kok."
    fake_extractor[body] = [(body, "aldus", "Bram Kok", "person", None)]
    article = _ingest(session, people, body)
    [claim] = article.claims
    [before] = claim.attributions
    spans = (before.cue_start, before.cue_end, before.mention_start, before.mention_end)
    other = sources.create_source(session, "Waterschap Rivierenland", "government", people.editor)
    review.set_chain(
        session, claim.id, [review.Hop(other.id, "quote")], claim.version, people.factchecker
    )
    session.commit()
    [after] = claim.attributions
    assert after.source_id == other.id
    assert (after.cue_text, after.mention_text) == ("aldus", "Bram Kok")
    assert (after.cue_start, after.cue_end, after.mention_start, after.mention_end) == spans
    [event] = session.scalars(select(AuditEvent).where(AuditEvent.action == "claim.chain"))
    assert event.after["chain"][0]["mention"] == "Bram Kok"
    assert event.after["chain"][0]["cue"] == "aldus"


def test_end_to_end_with_the_real_extractor_no_pronoun_or_weekday_becomes_a_source(
    session: Session, people: People
) -> None:
    """Real extractor. Before the discourse pass fills `resolved`, "Hij" links to nothing;
    after it, to Jan Visser. Either way no pronoun, weekday or description is in the registry."""
    body = (
        "Jan Visser, directeur van het havenbedrijf, zegt dat de overslag met tien procent is "
        "gegroeid. Hij zegt ook dat er vierhonderd banen bij komen. "
        "Volgens ingewijden is de groei vooral te danken aan één klant. "
        "Een medewerker van de haven zegt dat de drukte op vrijdag het grootst is."
    )
    article = ingest_article(session, ArticleInput(body=body, language="nl"), people.factchecker)
    session.commit()
    registry = session.scalars(select(Source).where(Source.article_id.is_(None))).all()
    assert all(classify_mention(s.name, s.kind).is_name for s in registry), [
        s.name for s in registry
    ]
    for hop in _hops(article):
        if hop.mention_text and hop.mention_text.casefold() in ("hij", "vrijdag"):
            assert hop.source is None or hop.source.name == "Jan Visser"
    count = session.scalar(select(func.count(Claim.id)).where(Claim.article_id == article.id))
    assert count and count >= 2
