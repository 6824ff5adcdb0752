"""The demo newsroom: a Dutch article of our own, its sources, claims in every state, logins."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Article, Claim, User
from . import evidence, review, sources, users
from .ingest import ArticleInput, ingest_article

DEMO_USERS = (
    ("factchecker@example.org", "Fenna Factchecker", "factchecker", "demo-factchecker"),
    ("editor@example.org", "Eddy Editor", "editor", "demo-editor-pass"),
    ("admin@example.org", "Ada Admin", "admin", "demo-admin-pass"),
)

DEMO_TITLE = "Vrijwilligers uit tientallen landen vechten mee aan het front"

# Written for this project; any resemblance to a real article is in the subject only.
DEMO_BODY = (Path(__file__).parent / "demo_article_nl.txt").read_text(encoding="utf-8")

# The text of the page the demo's evidence archived; its SHA-256 is stored with the evidence.
ARCHIVED_PAGE = (
    "Maandcijfers aanmeldingen buitenlandse vrijwilligers, februari: +40% t.o.v. januari."
)


@dataclass(frozen=True)
class DemoResult:
    article: Article
    created: bool


def load_demo(session: Session) -> DemoResult:
    """Create the demo users, article and reviews; a second call changes nothing."""
    existing = session.scalar(select(Article).where(Article.title == DEMO_TITLE).limit(1))
    if existing is not None:
        return DemoResult(existing, created=False)
    people: dict[str, User] = {}
    for email, name, role, password in DEMO_USERS:
        people[role] = users.find_by_email(session, email) or users.create_user(
            session, email, name, password, role
        )
    checker, editor = people["factchecker"], people["editor"]
    nyt = sources.find_source(session, "The New York Times") or sources.create_source(
        session,
        "The New York Times",
        "outlet",
        editor,
        aliases=["NYT", "New York Times"],
        url="https://www.nytimes.com",
    )
    if sources.find_source(session, "Ministerie van Defensie") is None:
        sources.create_source(
            session, "Ministerie van Defensie", "government", editor, aliases=["Defensie"]
        )
    article = ingest_article(
        session,
        ArticleInput(
            body=DEMO_BODY,
            title=DEMO_TITLE,
            outlet="De Demokrant",
            author="Onze correspondent",
            published="2023-02",
            language="nl",
        ),
        checker,
    )
    claims = {c.exact: c for c in article.claims}
    _review(
        session,
        claims,
        "naar verluidt 20.000",
        "unsourced",
        checker,
        "Het artikel noemt geen bron voor 20.000 en 52; navraag bij het ministerie loopt.",
    )
    verified = _review(
        session,
        claims,
        "40 procent",
        "verified",
        checker,
        "Het ministerie bevestigt de stijging in zijn maandcijfers van februari.",
    )
    if verified is not None:
        evidence.add_evidence(
            session,
            verified.id,
            "https://www.defensie.nl/actueel",
            "supports",
            checker,
            title="Maandcijfers aanmeldingen",
            excerpt="Aanmeldingen februari: +40% t.o.v. januari.",
            archived_sha256=hashlib.sha256(ARCHIVED_PAGE.encode("utf-8")).hexdigest(),
        )
    # A first verdict, then a correction: reports list it in their corrections log.
    _review(
        session,
        claims,
        "zou vorige week",
        "unsourced",
        checker,
        "Het artikel noemt geen bron voor het ontslag.",
    )
    disputed = _review(
        session,
        claims,
        "zou vorige week",
        "disputed",
        editor,
        "Het ministerie ontkent het ontslag; de commandant trad zelf terug.",
    )
    if disputed is not None:
        evidence.add_evidence(
            session,
            disputed.id,
            "https://www.example.org/persbericht-commandant",
            "refutes",
            editor,
            title="Persbericht over de commandant",
        )
    nyt_claim = _find(claims, "Tegenover The New York Times")
    if nyt_claim is not None and not nyt_claim.attributions:
        soldiers = sources.create_source(
            session, "Russische soldaten", "group", checker, article_id=article.id
        )
        review.set_chain(
            session,
            nyt_claim.id,
            [review.Hop(nyt.id), review.Hop(soldiers.id, "reported", "verklaren")],
            nyt_claim.version,
            checker,
        )
    cabinet = _find(claims, "Bronnen rond het kabinet")
    anonymous = cabinet.primary_attribution if cabinet is not None else None
    if anonymous is not None and anonymous.source is not None:
        found = anonymous.source
        sources.update_source(
            session,
            found.id,
            editor,
            name=found.name,
            kind="anonymous",
            description=found.description,
            url=found.url,
            anonymity_reason="Het overleg in het kabinet is vertrouwelijk; de bronnen willen "
            "niet met naam genoemd worden.",
        )
    return DemoResult(article, created=True)


def _find(claims: dict[str, Claim], needle: str) -> Claim | None:
    return next((c for exact, c in claims.items() if needle in exact), None)


def _review(
    session: Session,
    claims: dict[str, Claim],
    needle: str,
    status: str,
    actor: User,
    rationale: str,
) -> Claim | None:
    claim = _find(claims, needle)
    if claim is None:
        return None
    return review.set_status(session, claim.id, status, rationale, claim.version, actor)
