"""The policy table, checked by calling each protected service with each role.

The expectation below is written out by hand: a change to the table that nobody meant shows up
here as a failure, and so does a service that forgets to ask the policy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.conftest import PASSWORD, People
from tracker.models import AuditEvent, Claim, ClaimMatch, User
from tracker.services import (
    comments,
    dismissal,
    evidence,
    matching,
    reports,
    review,
    sources,
    tokens,
    users,
)
from tracker.services.errors import PermissionDenied
from tracker.services.ingest import ArticleInput, ingest_article
from tracker.services.policy import POLICY, allowed, authorize

ROLES = ("factchecker", "editor", "admin", "inactive")
EVERYONE = {"factchecker", "editor", "admin"}

EXPECTED: dict[str, set[str]] = {
    "article.ingest": EVERYONE,
    "claim.review": EVERYONE,
    "claim.match": EVERYONE,
    "claim.comment": EVERYONE,
    "source.edit": EVERYONE,
    "source.merge": {"editor", "admin"},
    "article.withdraw": {"editor", "admin"},
    "report.export": {"editor", "admin"},
    "account.own": EVERYONE,
    "user.manage": {"admin"},
    "user.password": {"admin"},
    "token.manage": {"admin"},
}

BODY = (
    "De wethouder zei dat de haven vorig jaar drie procent groeide en dat de werkloosheid "
    "daalde. Het college wil volgend jaar meer woningen bouwen."
)
FIRST_SENTENCE = BODY.split(". ", maxsplit=1)[0] + "."


@dataclass
class World:
    """Everything the protected services act on, made by the system (actor None)."""

    session: Session
    actors: dict[str, User]
    target: User  # another user, for the actions on someone else
    claim: Claim
    evidence_id: int
    keep_id: int
    gone_id: int
    merged_id: int
    own_tokens: dict[int, int]  # user id -> a token of theirs
    target_token: int


@pytest.fixture
def world(session: Session, people: People) -> World:
    inactive = users.create_user(session, "inactive@example.org", "Inactief", PASSWORD, "admin")
    users.change_active(session, inactive.id, False, None)
    target = users.create_user(session, "target@example.org", "Doelwit", PASSWORD)
    actors = {
        "factchecker": people.factchecker,
        "editor": people.editor,
        "admin": people.admin,
        "inactive": inactive,
    }
    article = ingest_article(session, ArticleInput(body=BODY, title="Haven", language="nl"))
    claim = review.add_claim(session, article.id, (0, len(FIRST_SENTENCE)), people.editor)
    item = evidence.add_evidence(
        session, claim.id, "https://example.org/cijfers", "supports", people.editor
    )
    keep = sources.create_source(session, "Lotte Brink", "person")
    gone = sources.create_source(session, "Brink", "person")
    merged_into = sources.create_source(session, "Pieter de Groot", "person")
    merged = sources.create_source(session, "De Groot", "person")
    sources.merge_sources(session, merged_into.id, merged.id, None)
    own_tokens = {
        u.id: tokens.issue_token(session, u, "eigen", ("read",)).token.id for u in actors.values()
    }
    target_token = tokens.issue_token(session, target, "van een ander", ("read",)).token.id
    session.commit()
    return World(
        session=session,
        actors=actors,
        target=target,
        claim=claim,
        evidence_id=item.id,
        keep_id=keep.id,
        gone_id=gone.id,
        merged_id=merged.id,
        own_tokens=own_tokens,
        target_token=target_token,
    )


Call = Callable[[World, User], object]


def _reject_match(w: World, actor: User) -> object:
    """A proposed match between two claims of the world's article, rejected by `actor`."""
    other = w.session.scalars(
        select(Claim.id).where(Claim.article_id == w.claim.article_id, Claim.id != w.claim.id)
    ).first()
    assert other is not None
    match = ClaimMatch(claim_id=w.claim.id, earlier_id=other, score=0.9)
    w.session.add(match)
    w.session.flush()
    return matching.reject_match(w.session, match.id, actor)


def _export(w: World, actor: User) -> object:
    return reports.export_meta(
        w.session,
        reports.ReportFilter(article_id=w.claim.article_id),
        actor,
        newsroom_name="Redactie",
        newsroom_url="https://example.org/",
        language="nl",
        methodology="",
    )


# (action, service, a valid call of it by `actor`)
CASES: list[tuple[str, str, Call]] = [
    (
        "claim.comment",
        "add_comment",
        lambda w, a: comments.add_comment(w.session, w.claim.id, "Bron? @doelwit", a),
    ),
    ("claim.match", "reject_match", _reject_match),
    (
        "article.ingest",
        "ingest_article",
        lambda w, a: ingest_article(
            w.session, ArticleInput(body="Een woordvoerder meldde dat er agenten bij komen."), a
        ),
    ),
    (
        "claim.review",
        "set_status",
        lambda w, a: review.set_status(
            w.session, w.claim.id, "verified", "het CBS bevestigt het", w.claim.version, a
        ),
    ),
    (
        "claim.review",
        "set_text",
        lambda w, a: review.set_text(
            w.session, w.claim.id, "De haven groeide.", w.claim.version, a
        ),
    ),
    (
        "claim.review",
        "assign",
        lambda w, a: review.assign(w.session, w.claim.id, w.target.id, w.claim.version, a),
    ),
    (
        "claim.review",
        "set_chain",
        lambda w, a: review.set_chain(
            w.session, w.claim.id, [review.Hop(w.keep_id)], w.claim.version, a
        ),
    ),
    (
        "claim.review",
        "set_chain by name",
        lambda w, a: review.set_chain(
            w.session, w.claim.id, [review.Hop(source_name="Lotte Brink")], w.claim.version, a
        ),
    ),
    (
        "claim.review",
        "add_claim",
        lambda w, a: review.add_claim(
            w.session, w.claim.article_id, (len(FIRST_SENTENCE) + 1, len(BODY)), a
        ),
    ),
    (
        "claim.review",
        "add_claim by text",
        lambda w, a: review.add_claim(w.session, w.claim.article_id, "meer woningen bouwen", a),
    ),
    (
        "claim.review",
        "split_claim",
        lambda w, a: review.split_claim(
            w.session,
            w.claim.id,
            [review.Part(0, 10), review.Part(11, len(FIRST_SENTENCE))],
            w.claim.version,
            a,
        ),
    ),
    (
        "claim.review",
        "split_claim by fragments",
        lambda w, a: review.split_claim(
            w.session,
            w.claim.id,
            ["de haven vorig jaar drie procent groeide", "de werkloosheid daalde"],
            w.claim.version,
            a,
        ),
    ),
    (
        "claim.review",
        "dismiss_claim",
        lambda w, a: dismissal.dismiss_claim(
            w.session, w.claim.id, "not_a_claim", w.claim.version, a
        ),
    ),
    (
        "article.withdraw",
        "withdraw_article",
        lambda w, a: dismissal.withdraw_article(w.session, w.claim.article_id, "dubbel", a),
    ),
    (
        "claim.review",
        "add_evidence",
        lambda w, a: evidence.add_evidence(
            w.session, w.claim.id, "https://example.org/ander-bericht", "context", a
        ),
    ),
    (
        "claim.review",
        "remove_evidence",
        lambda w, a: evidence.remove_evidence(w.session, w.evidence_id, "verkeerde bron", a),
    ),
    (
        "source.edit",
        "create_source",
        lambda w, a: sources.create_source(w.session, "Anna van Dam", "person", a),
    ),
    (
        "source.edit",
        "update_source",
        lambda w, a: sources.update_source(
            w.session, w.keep_id, a, name="Lotte Brink", kind="person", description="econoom"
        ),
    ),
    (
        "source.edit",
        "add_alias",
        lambda w, a: sources.add_alias(w.session, w.keep_id, "L. Brink", a),
    ),
    (
        "source.merge",
        "merge_sources",
        lambda w, a: sources.merge_sources(w.session, w.keep_id, w.gone_id, a),
    ),
    (
        "source.merge",
        "unmerge_source",
        lambda w, a: sources.unmerge_source(w.session, w.merged_id, a),
    ),
    ("report.export", "export_meta", _export),
    (
        "account.own",
        "change_password (own)",
        lambda w, a: users.change_password(w.session, a.id, "een nieuw wachtwoord", a),
    ),
    (
        "account.own",
        "issue_token (own)",
        lambda w, a: tokens.issue_token(w.session, a, "script", ("read",), a),
    ),
    (
        "account.own",
        "revoke_token (own)",
        lambda w, a: tokens.revoke_token(w.session, w.own_tokens[a.id], a),
    ),
    ("user.manage", "list_users", lambda w, a: users.list_users(w.session, a)),
    (
        "user.manage",
        "create_user",
        lambda w, a: users.create_user(
            w.session, "nieuw@example.org", "Nieuwe Collega", PASSWORD, "editor", a
        ),
    ),
    (
        "user.manage",
        "change_role",
        lambda w, a: users.change_role(w.session, w.target.id, "editor", a),
    ),
    (
        "user.manage",
        "change_active",
        lambda w, a: users.change_active(w.session, w.target.id, False, a),
    ),
    (
        "user.password",
        "change_password (another's)",
        lambda w, a: users.change_password(w.session, w.target.id, "een nieuw wachtwoord", a),
    ),
    ("token.manage", "list_tokens", lambda w, a: tokens.list_tokens(w.session, a)),
    (
        "token.manage",
        "issue_token (another's)",
        lambda w, a: tokens.issue_token(w.session, w.target, "script", ("read",), a),
    ),
    (
        "token.manage",
        "revoke_token (another's)",
        lambda w, a: tokens.revoke_token(w.session, w.target_token, a),
    ),
]


def test_the_table_is_the_expected_one() -> None:
    assert {action: set(rule.roles) for action, rule in POLICY.items()} == EXPECTED


def test_every_action_has_a_service_in_the_cases() -> None:
    assert {action for action, _name, _call in CASES} == set(POLICY)


def _events(session: Session) -> int:
    return session.scalar(select(func.count(AuditEvent.id))) or 0


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("action", "call"), [pytest.param(action, call, id=name) for action, name, call in CASES]
)
def test_each_protected_service_with_each_role(
    world: World, role: str, action: str, call: Call
) -> None:
    actor = world.actors[role]
    may = role in EXPECTED[action]
    assert allowed(actor, action) is may
    if may:
        call(world, actor)
        world.session.flush()
        return
    before = _events(world.session)
    with pytest.raises(PermissionDenied):
        call(world, actor)
    assert _events(world.session) == before  # refused before anything was recorded


def test_the_system_may_do_everything(world: World) -> None:
    for action in POLICY:
        authorize(None, action)
    users.change_role(world.session, world.target.id, "admin", None)
    sources.merge_sources(world.session, world.keep_id, world.gone_id, None)
    assert world.target.role == "admin"


def test_refusals_say_why(world: World) -> None:
    with pytest.raises(PermissionDenied, match="only an editor may merge sources"):
        authorize(world.actors["factchecker"], "source.merge")
    with pytest.raises(PermissionDenied, match="deactivated"):
        authorize(world.actors["inactive"], "claim.review")
    with pytest.raises(KeyError):
        authorize(world.actors["admin"], "no.such.action")
