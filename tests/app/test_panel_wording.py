"""The claim panel in the fact-checker's words: the article's own claim numbers everywhere
people see them, check-worthiness as words, languages by name."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.conftest import People
from tracker.models import Article, Claim
from tracker.services.ingest import ArticleInput, ingest_article

FIRST = (
    "Gemeente bouwt\n\n"
    "Volgens wethouder Piet Bos bouwt de gemeente dit jaar 400 woningen. "
    "De bouw kost naar verluidt 90 miljoen euro.\n"
)
NL = {"Accept-Language": "nl-NL,nl;q=0.9"}
SECOND = (
    "Haven groeit\n\n"
    "Volgens havenwethouder Anna Smit verwerkt de haven dit jaar 470 miljoen ton goederen. "
    "De nieuwe kade kost volgens Smit 300 miljoen euro.\n"
)


@pytest.fixture
def articles(session: Session, people: People) -> tuple[Article, Article]:
    one = ingest_article(session, ArticleInput(body=FIRST, language="nl"), people.factchecker)
    two = ingest_article(session, ArticleInput(body=SECOND, language="nl"), people.factchecker)
    session.commit()
    return one, two


def _claims(article: Article) -> list[Claim]:
    return sorted(article.claims, key=lambda c: (c.start, c.id))


def test_the_panel_numbers_a_claim_as_the_article_list_does(
    as_factchecker: FlaskClient, articles: tuple[Article, Article]
) -> None:
    second = _claims(articles[1])
    assert len(second) >= 2 and second[1].id != 2  # ids run on from the first article
    html = as_factchecker.get(
        f"/articles/{articles[1].id}?claim={second[1].id}", headers=NL
    ).get_data(as_text=True)
    heading = re.search(r'<h2 id="claim-heading">([^<]*)<', html)
    assert heading is not None and heading.group(1).strip() == "Bewering 2"
    assert f"Bewering {second[1].id}" not in html.replace("Bewering 2", "")
    # the list numbers from 1, and a filter keeps each claim's number
    assert '<li value="1"' in html and '<li value="2" class="current"' in html
    assert "[bewering 2," in html


def test_the_queue_and_the_report_use_the_same_numbers(
    as_factchecker: FlaskClient, articles: tuple[Article, Article]
) -> None:
    second = _claims(articles[1])
    html = as_factchecker.get("/queue/?sort=article", headers=NL).get_data(as_text=True)
    row = html[html.index(f'id="claim-{second[1].id}"') :]
    row = row[: row.index("</tr>")]
    assert "Bewering 2:" in row and "Nieuwe status van bewering 2 in" in row
    report = as_factchecker.get(
        f"/reports/preview?article={articles[1].id}&unreviewed=y", headers=NL
    )
    assert report.status_code == 200
    text = report.get_data(as_text=True)
    assert "Bewering 1</span>" in text and "Bewering 2</span>" in text


def test_the_panel_gives_place_and_check_worthiness_in_words(
    as_factchecker: FlaskClient, articles: tuple[Article, Article]
) -> None:
    second = _claims(articles[1])
    html = as_factchecker.get(
        f"/articles/{articles[1].id}?claim={second[2].id}", headers=NL
    ).get_data(as_text=True)
    meta = html[html.index('id="claim-heading"') :]
    meta = meta[: meta.index("</p>")]
    # the title is paragraph 1; the claim is the second sentence of the next paragraph
    assert "Bewering 3" in meta and "alinea 2, zin 2" in meta
    assert re.search(r"checkwaardigheid: (hoog|gemiddeld|laag)", meta)
    assert "Tekens" not in meta and "Characters" not in meta and "0." not in meta
    assert "Nederlands" in html  # the article's language by name
    english = as_factchecker.get(
        f"/articles/{articles[1].id}?claim={second[2].id}", headers={"Accept-Language": "en"}
    ).get_data(as_text=True)
    assert "paragraph 2, sentence 2" in english and "Dutch" in english


def test_the_queue_shows_bands_and_language_names(
    as_factchecker: FlaskClient, articles: tuple[Article, Article]
) -> None:
    html = as_factchecker.get("/queue/?sort=article", headers=NL).get_data(as_text=True)
    table = html[html.index('id="queue-table"') :]
    assert re.search(r'class="band band-(high|medium|low)">(hoog|gemiddeld|laag)<', table)
    assert "· Nederlands" in table and "· nl" not in table
    assert '<option value="nl">Nederlands</option>' in html
    english = as_factchecker.get("/queue/?sort=article").get_data(as_text=True)
    assert '<option value="nl">Dutch</option>' in english
