"""A claim's thread: comments, mentions resolved to one person only, "For me", seen marks."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.conftest import PASSWORD, People
from tracker.models import AuditEvent, Claim, Mention, User
from tracker.services import comments, users
from tracker.services.errors import InvalidInput, NotFound, PermissionDenied
from tracker.services.ingest import ArticleInput, ingest_article

BODY = (
    "De gemeente gaf vorig jaar veertig miljoen euro uit aan fietspaden. "
    "Volgens de wethouder is dat het dubbele van tien jaar geleden."
)


@pytest.fixture
def claims(session: Session, people: People) -> list[Claim]:
    article = ingest_article(session, ArticleInput(body=BODY, title="Fietspaden", language="nl"))
    session.commit()
    return list(article.claims)


@pytest.fixture
def colleagues(session: Session, people: People) -> dict[str, User]:
    """Two Annas (one first name, two e-mail names) and a Bram."""
    made = {
        "anna": users.create_user(session, "anna.devries@example.org", "Anna de Vries", PASSWORD),
        "annab": users.create_user(session, "a.bakker@example.org", "Anna Bakker", PASSWORD),
        "bram": users.create_user(session, "bram@example.org", "Bram Jansen", PASSWORD),
    }
    session.commit()
    return made


def test_mentioned_names_skip_email_addresses_and_trailing_punctuation() -> None:
    text = "@Bram, kijk even (cc @anna.devries). Mail naar info@example.org; @bram nogmaals."
    assert comments.mentioned_names(text) == ["bram", "anna.devries"]


def test_a_mention_of_one_person_lands_in_their_list(
    session: Session, people: People, claims: list[Claim], colleagues: dict[str, User]
) -> None:
    posted = comments.add_comment(
        session, claims[0].id, "Heeft @Bram de begroting al?", people.factchecker
    )
    session.commit()
    assert posted.unknown == [] and posted.ambiguous == []
    [mention] = comments.mentions_for(session, colleagues["bram"].id)
    assert mention.comment.body == "Heeft @Bram de begroting al?"
    assert mention.comment.claim_id == claims[0].id and mention.seen_at is None
    assert comments.mentions_for(session, colleagues["anna"].id) == []


def test_names_by_email_local_part_and_full_name(
    session: Session, people: People, claims: list[Claim], colleagues: dict[str, User]
) -> None:
    comments.add_comment(
        session, claims[0].id, "@a.bakker en @AnnaDeVries: wie belt?", people.editor
    )
    session.commit()
    for key in ("anna", "annab"):
        assert len(comments.mentions_for(session, colleagues[key].id)) == 1


def test_an_ambiguous_or_unknown_mention_notifies_nobody_and_is_reported(
    session: Session, people: People, claims: list[Claim], colleagues: dict[str, User]
) -> None:
    posted = comments.add_comment(session, claims[0].id, "@anna of @karel?", people.editor)
    session.commit()
    assert posted.ambiguous == ["anna"] and posted.unknown == ["karel"]
    assert session.scalars(select(Mention)).all() == []


def test_an_inactive_user_cannot_be_mentioned(
    session: Session, people: People, claims: list[Claim], colleagues: dict[str, User]
) -> None:
    users.change_active(session, colleagues["bram"].id, False, None)
    posted = comments.add_comment(session, claims[0].id, "@bram", people.editor)
    assert posted.unknown == ["bram"]


def test_the_comment_is_audited_with_its_mentions(
    session: Session, people: People, claims: list[Claim], colleagues: dict[str, User]
) -> None:
    posted = comments.add_comment(session, claims[1].id, "  Bron?\r\n@bram  ", people.factchecker)
    session.commit()
    [event] = session.scalars(select(AuditEvent).where(AuditEvent.action == "claim.comment"))
    assert event.claim_id == claims[1].id and event.entity_id == posted.comment.id
    assert event.actor_id == people.factchecker.id
    assert event.after == {"body": "Bron?\n@bram", "mentions": [colleagues["bram"].id]}


def test_thread_is_oldest_first_and_per_claim(
    session: Session, people: People, claims: list[Claim]
) -> None:
    comments.add_comment(session, claims[0].id, "eerste", people.factchecker)
    comments.add_comment(session, claims[1].id, "elders", people.editor)
    comments.add_comment(session, claims[0].id, "tweede", people.editor)
    session.commit()
    assert [c.body for c in comments.thread(session, claims[0].id)] == ["eerste", "tweede"]


def test_mark_seen_only_touches_that_claim_and_user_and_unseen_come_first(
    session: Session, people: People, claims: list[Claim], colleagues: dict[str, User]
) -> None:
    bram = colleagues["bram"].id
    comments.add_comment(session, claims[0].id, "@bram eerst deze", people.editor)
    comments.add_comment(session, claims[1].id, "@bram dan deze", people.editor)
    comments.add_comment(session, claims[0].id, "@bram @a.bakker nog een", people.editor)
    session.commit()
    assert comments.mark_seen(session, bram, claims[0].id) == 2
    session.commit()
    listed = comments.mentions_for(session, bram)
    assert [m.comment.body for m in listed] == [
        "@bram dan deze",
        "@bram @a.bakker nog een",
        "@bram eerst deze",
    ]
    assert [m.seen_at is None for m in listed] == [True, False, False]
    assert comments.mentions_for(session, colleagues["annab"].id)[0].seen_at is None
    assert comments.mark_seen(session, bram, claims[0].id) == 0


def test_one_does_not_mention_oneself(
    session: Session, people: People, claims: list[Claim]
) -> None:
    comments.add_comment(session, claims[0].id, "notitie voor @factchecker", people.factchecker)
    session.commit()
    assert comments.mentions_for(session, people.factchecker.id) == []


@pytest.mark.parametrize("body", ["", "   \n ", "x" * 4001, "nul\x00teken"])
def test_empty_too_long_or_broken_text_is_refused(
    session: Session, people: People, claims: list[Claim], body: str
) -> None:
    with pytest.raises(InvalidInput):
        comments.add_comment(session, claims[0].id, body, people.editor)


def test_no_such_claim_and_an_inactive_author(
    session: Session, people: People, claims: list[Claim]
) -> None:
    with pytest.raises(NotFound):
        comments.add_comment(session, 999_999, "hallo", people.editor)
    users.change_active(session, people.factchecker.id, False, None)
    with pytest.raises(PermissionDenied):
        comments.add_comment(session, claims[0].id, "hallo", people.factchecker)
