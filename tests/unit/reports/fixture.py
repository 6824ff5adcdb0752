"""A report fixture built with the services: every status, a hearsay claim, a two-hop chain,
an anonymous source, evidence with an archived copy, and a correction."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from tests.conftest import People
from tracker.models import Article, Claim
from tracker.services import evidence, review, sources
from tracker.services.ingest import ArticleInput, ingest_article

HOSTILE = "<script>alert(1)</script>"
SHA = "a3f5" * 16

BODY = (
    "Havenstaking legt overslag in Rotterdam stil\n\n"
    "De overslag in de haven is naar verluidt met een derde gedaald sinds maandag.\n\n"
    "Tegenover persbureau Noordpost verklaren havenarbeiders dat zij sinds januari geen "
    "loonsverhoging hebben gekregen.\n\n"
    "Een ingewijde zegt dat de directie een ontslagronde voorbereidt.\n\n"
    "Wethouder Jansen zegt dat de gemeente 2 miljoen euro heeft vrijgemaakt voor een noodfonds.\n\n"
    "De vakbond kondigde aan dat de acties zeker tot vrijdag doorgaan.\n"
)


@dataclass
class ReportFixture:
    article_id: int
    hearsay_id: int
    two_hop_id: int
    anonymous_id: int
    verified_id: int
    unreviewed_id: int
    reason: str


def _claim(session: Session, article: Article, needle: str, people: People) -> Claim:
    start = article.body.index(needle)
    end = article.body.index(".", start) + 1
    return review.add_claim(session, article.id, (start, end), people.factchecker)


def build(session: Session, people: People) -> ReportFixture:
    """Store the fixture and commit it."""
    checker, editor = people.factchecker, people.editor
    article = ingest_article(
        session,
        ArticleInput(
            body=BODY,
            title="Havenstaking legt overslag in Rotterdam stil",
            url="https://news.example.org/havenstaking",
            outlet="Het Demodagblad",
            author="Redactie Economie",
            published="2024-03-11",
            language="nl",
        ),
        checker,
    )
    noordpost = sources.create_source(
        session, "Noordpost", "outlet", editor, url="https://noordpost.example.org"
    )
    # Described sources belong to their article (not registry entries).
    dockers = sources.create_source(
        session, "Havenarbeiders in Rotterdam", "group", editor, article_id=article.id
    )
    reason = "vreest ontslag als de naam bekend wordt"
    insider = sources.create_source(
        session,
        "Ingewijde bij het havenbedrijf",
        "anonymous",
        editor,
        anonymity_reason=reason,
        article_id=article.id,
    )
    alderman = sources.create_source(session, "Wethouder Jansen", "person", editor)

    hearsay = _claim(session, article, "De overslag", people)
    review.set_chain(
        session,
        hearsay.id,
        [review.Hop(None, "hearsay", "naar verluidt")],
        hearsay.version,
        checker,
    )
    review.set_status(
        session,
        hearsay.id,
        "unsourced",
        "Geen bron; de havenautoriteit zwijgt.",
        hearsay.version,
        checker,
    )

    two_hop = _claim(session, article, "Tegenover persbureau", people)
    review.set_chain(
        session,
        two_hop.id,
        [review.Hop(noordpost.id), review.Hop(dockers.id, "reported", "verklaren")],
        two_hop.version,
        checker,
    )
    evidence.add_evidence(
        session,
        two_hop.id,
        "https://cao.example.org/haven-2024",
        "supports",
        checker,
        title="Cao-tabel havenpersoneel",
        archived_sha256=SHA,
    )
    review.set_status(
        session,
        two_hop.id,
        "disputed",
        "Eerste lezing: de cao noemt een verhoging.",
        two_hop.version,
        checker,
    )
    review.set_status(
        session,
        two_hop.id,
        "verified",
        '=HYPERLINK("https://evil.example") ' + HOSTILE,
        two_hop.version,
        editor,
    )

    anonymous = _claim(session, article, "Een ingewijde", people)
    review.set_chain(
        session,
        anonymous.id,
        [review.Hop(insider.id, "reported", "zegt")],
        anonymous.version,
        checker,
    )
    evidence.add_evidence(
        session,
        anonymous.id,
        "https://havenbedrijf.example.org/persbericht",
        "refutes",
        checker,
        title=HOSTILE,
    )
    review.set_status(
        session,
        anonymous.id,
        "disputed",
        "Het havenbedrijf ontkent een ontslagronde.",
        anonymous.version,
        checker,
    )

    verified = _claim(session, article, "Wethouder Jansen", people)
    review.set_chain(
        session, verified.id, [review.Hop(alderman.id, "quote", "zegt")], verified.version, checker
    )
    review.set_status(
        session,
        verified.id,
        "verified",
        "Raadsbesluit van 8 maart bevestigt het bedrag.",
        verified.version,
        checker,
    )
    unreviewed = _claim(session, article, "De vakbond", people)
    session.commit()
    return ReportFixture(
        article_id=article.id,
        hearsay_id=hearsay.id,
        two_hop_id=two_hop.id,
        anonymous_id=anonymous.id,
        verified_id=verified.id,
        unreviewed_id=unreviewed.id,
        reason=reason,
    )
