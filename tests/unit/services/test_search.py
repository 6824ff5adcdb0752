"""Full-text search: stems in Dutch and English, phrases, prefixes, numbers in any notation, the
queue's filters, and an index that changes in the same transaction as the data."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy.orm import Session

from tests.conftest import People
from tests.unit.services.test_queue import make_article, make_claim
from tracker.models import Article, Claim
from tracker.services import evidence, review, search_index, sources
from tracker.services.queue import QueueFilter, queue_page, queue_statement
from tracker.services.search import search, snippet
from tracker.services.search_text import analyse, marks, number_term, parse_query


def found(session: Session, q: str, **filters: object) -> set[str]:
    page = queue_page(session, QueueFilter(q=q, **filters), None, per_page=100)  # type: ignore[arg-type]
    return {row.claim.text for row in page.rows}


@pytest.fixture
def archive(session: Session) -> dict[str, Claim]:
    nl = make_article(
        session, "Vrijwilligers in het oosten", "nl", date(2024, 3, 5), "Het legioen groeit."
    )
    en = make_article(session, "Harbour figures", "en", date(2023, 6, 1), "The port grew.")
    texts = {
        "explain": (nl, "De minister zal de cijfers morgen verklaren."),
        "legion": (nl, "Het legioen telt 20.000 soldaten uit 52 landen."),
        "words": (nl, "Volgens de krant vechten twintigduizend soldaten mee."),
        "other": (nl, "Het legioen telt 30.000 soldaten."),
        "reversed": (nl, "Uit de landen komen soldaten."),
        "port": (en, "The port employs 20,000 soldiers and dockers."),
        "plain": (en, "Officials counted 20000 containers."),
        "decimal": (en, "The budget grew by 2.5 percent."),
    }
    out = {}
    for i, (key, (article, text)) in enumerate(texts.items()):
        out[key] = make_claim(session, article, text, start=i * 60, score=0.1 * (i + 1))
    session.commit()
    return out


def test_a_dutch_inflected_form_finds_its_stem(session: Session, archive: dict[str, Claim]) -> None:
    assert found(session, "verklaarde") == {archive["explain"].text}
    assert found(session, "verklaarden") == {archive["explain"].text}


def test_english_stems(session: Session, archive: dict[str, Claim]) -> None:
    assert found(session, "soldier employed") == {archive["port"].text}


def test_numbers_match_in_any_notation(session: Session, archive: dict[str, Claim]) -> None:
    expected = {archive[k].text for k in ("legion", "words", "port", "plain")}
    assert found(session, "20.000") == expected
    assert found(session, "20,000") == expected
    assert found(session, "20000") == expected
    assert found(session, "twintigduizend") == expected
    assert found(session, "30000") == {archive["other"].text}
    assert found(session, "2,5") == {archive["decimal"].text}
    assert found(session, "20.001") == set()


def test_phrase_keeps_the_words_in_order(session: Session, archive: dict[str, Claim]) -> None:
    assert found(session, '"soldaten uit"') == {archive["legion"].text}
    assert found(session, "soldaten uit") == {archive["legion"].text, archive["reversed"].text}
    assert found(session, '"20,000 soldaten"') == {archive["legion"].text, archive["words"].text}


def test_prefix(session: Session, archive: dict[str, Claim]) -> None:
    assert found(session, "legi*") == {archive["legion"].text, archive["other"].text}
    assert found(session, "dock*") == {archive["port"].text}
    assert found(session, "legi") == set()


def test_search_combines_with_the_queue_filters(
    session: Session, archive: dict[str, Claim]
) -> None:
    assert found(session, "20000", language="en") == {archive["port"].text, archive["plain"].text}
    assert found(session, "20000", min_score=0.55) == {archive["port"].text, archive["plain"].text}
    page = queue_page(session, QueueFilter(q="20000", sort="score"), None)
    assert [r.claim.text for r in page.rows] == [
        archive[k].text for k in ("plain", "port", "words", "legion")
    ]


def test_the_index_changes_in_the_same_transaction(
    session: Session, archive: dict[str, Claim], people: People
) -> None:
    claim = archive["plain"]
    assert found(session, "havenmeester") == set()
    review.set_status(
        session,
        claim.id,
        "disputed",
        "De havenmeester telde anders.",
        claim.version,
        people.factchecker,
    )
    assert found(session, "havenmeester") == {claim.text}  # before the commit
    ev = evidence.add_evidence(
        session,
        claim.id,
        "https://example.org/tellingen",
        "refutes",
        people.factchecker,
        title="Jaarverslag haven",
        excerpt="Er werden 18.500 containers geteld.",
    )
    assert found(session, "jaarverslag") == {claim.text}
    assert found(session, "18500") == {claim.text}
    session.rollback()  # none of it happened: nor did its index entries
    assert found(session, "havenmeester") == set()
    assert found(session, "jaarverslag") == set()
    assert ev is not None


def test_removed_evidence_is_no_longer_searched(
    session: Session, archive: dict[str, Claim], people: People
) -> None:
    claim = archive["port"]
    ev = evidence.add_evidence(
        session, claim.id, "https://example.org/p", "context", people.editor, title="Loonlijst"
    )
    session.commit()
    assert found(session, "loonlijst") == {claim.text}
    evidence.remove_evidence(session, ev.id, "wrong claim", people.editor)
    session.commit()
    assert found(session, "loonlijst") == set()


def test_a_reworded_claim_is_found_by_its_words_and_its_sentence(
    session: Session, archive: dict[str, Claim], people: People
) -> None:
    claim = archive["other"]
    review.set_text(session, claim.id, "Dertigduizend strijders", claim.version, people.editor)
    session.commit()
    assert found(session, "strijders") == {"Dertigduizend strijders"}
    assert found(session, '"telt 30.000"') == {"Dertigduizend strijders"}  # the sentence


def test_grouped_results(session: Session, archive: dict[str, Claim], people: People) -> None:
    sources.create_source(
        session, "Havenbedrijf Rotterdam", "organization", aliases=["Port Authority"]
    )
    sources.create_source(session, "Ministerie van Defensie", "government")
    session.commit()
    results = search(session, "port")
    assert [h.row.claim.text for h in results.claim_hits] == [archive["port"].text]
    assert [a.article.title for a in results.articles] == ["Harbour figures"]
    assert [s.source.name for s in results.sources] == ["Havenbedrijf Rotterdam"]
    assert results.sources[0].aliases == [[("Port", True), (" Authority", False)]]
    assert ("port", True) in results.claim_hits[0].text
    assert search(session, "legioen", QueueFilter(language="en")).empty
    nothing = search(session, "  ,,, ")
    assert nothing.terms == [] and nothing.empty


def test_article_search_finds_the_body(session: Session, archive: dict[str, Claim]) -> None:
    del archive
    results = search(session, "groeit")
    assert [a.article.title for a in results.articles] == ["Vrijwilligers in het oosten"]
    assert any(hit for _run, hit in results.articles[0].snippet)


def test_a_new_article_is_searchable_before_commit(session: Session) -> None:
    article = Article(
        title="Dijkversterking",
        language="nl",
        body="Gemeente belooft hogere dijken.",
        body_sha256="c" * 64,
    )
    session.add(article)
    session.flush()
    assert [a.article.id for a in search(session, "dijk").articles] == [article.id]


def test_query_parsing() -> None:
    terms = parse_query('"twintigduizend soldaten" legi* 20.000')
    assert [t.kind for t in terms] == ["phrase", "prefix", "word"]
    assert terms[0].streams[1] == ("20000", "soldaat")
    assert terms[2].raw == ("20000",)
    assert number_term("1.234.567") == "1234567" and number_term("3,50") == "3d5"
    assert analyse("twenty thousand").nl == ["20000", "thousand"]
    # a number starting before its first word ("$") still gets its value
    assert analyse("spent $9.8 million", "en").en == ["spent", "9800000", "million"]
    # English tens and ones joined by a hyphen: the value on the first word, the rest parts
    words = analyse("Forty-five thousand people and twenty-seven dogs", "en")
    assert words.en[0] == "45000" and words.parts == {1, 2, 6}
    assert words.en[5] == "27"


def test_marks_and_snippet_keep_the_text_whole() -> None:
    text = "Zij <b>verklaarde</b> dat 20.000 mensen kwamen & bleven."
    runs = marks(text, parse_query("verklaren 20000"), "nl")
    assert "".join(r for r, _ in runs) == text
    assert [r for r, hit in runs if hit] == ["verklaarde", "20.000"]
    long = "woord " * 100 + "doel " + "woord " * 100
    window = snippet(long, parse_query("doel"), "nl", size=60)
    assert ("doel", True) in window and window[0] == ("… ", False)
    # a body is read a chunk at a time: a match far in is found, and one across no chunk lost
    far = "woord " * 2000 + "twintigduizend doelen " + "woord " * 10
    window = snippet(far, parse_query("20000"), "nl", size=60)
    assert ("twintigduizend", True) in window
    assert "".join(r for r, _ in window).strip("… ").startswith("woord")


@pytest.mark.parametrize("sort", ["newest", "score", "article", "status"])
def test_each_sort_and_way_of_reading_the_index_finds_the_same_claims(
    session: Session, archive: dict[str, Claim], sort: str
) -> None:
    # newest first reads the index's matches newest first (a join); a common search sorted by
    # score reads the claims in score order and keeps the matches; a rare one sorts the
    # matches: the same claims, in the same order
    expected = {archive[k].text for k in ("legion", "words", "port", "plain")}
    f = QueueFilter(q="20.000", sort=sort)
    stmt = queue_statement(f, None)
    assert {c.text for c in session.scalars(stmt)} == expected
    ids = [c.id for c in session.scalars(stmt)]
    for how in ("common", "rare"):
        assert [c.id for c in session.scalars(queue_statement(f, None, frequency=how))] == ids
    ordered = [row.claim.id for row in queue_page(session, f, None).rows]
    assert ordered == ids
    if sort == "newest":
        assert ordered == sorted(ordered, reverse=True)
    if sort == "score":
        scores = [session.get_one(Claim, i).score for i in ordered]
        assert scores == sorted(scores, reverse=True)
    page = queue_page(session, replace(f, status="unreviewed", language="en"), None)
    assert {row.claim.text for row in page.rows} == {archive["port"].text, archive["plain"].text}


def test_how_often_a_search_matches(
    session: Session, archive: dict[str, Claim], monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        monkeypatch.setattr(search_index, "COMMON_MIN", 4)
        assert search_index.frequency(conn, "claim", parse_query("20.000")) == "common"  # 4
        assert search_index.frequency(conn, "claim", parse_query("legioen")) is None  # 2
        return
    conn.exec_driver_sql("ANALYZE claim_search")
    search_index._PG_FREQUENCIES.clear()
    # a word the statistics do not hold among the most common is rare; one they hold is not
    assert search_index.frequency(conn, "claim", parse_query("zzzq")) == "rare"
    assert search_index.frequency(conn, "claim", parse_query("soldaten")) is None


def test_english_numbers_with_a_hyphen_are_found_by_their_value(session: Session) -> None:
    article = make_article(session, "Match night", "en", date(2024, 5, 1), "Arrests.")
    claim = make_claim(session, article, "Police arrested twenty-seven fans.", start=0)
    session.commit()
    assert found(session, "27") == {claim.text}
