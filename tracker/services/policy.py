"""Who may do what: one table of actions and the roles allowed them, checked by the services.

Every protected service calls `authorize(actor, action)` where the action is done, so the web
pages, the JSON API and the command line cannot differ. The web and the API always pass the
signed-in user (or the API token's owner). `actor` None is the system: the operator at the
command line without `--as` (who holds the database credentials and could change any row
anyway) and jobs the system runs itself (loading the demo); the policy does not limit it.
An inactive user may do nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ..models import User
from .errors import N_, PermissionDenied

EVERYONE: Final = frozenset({"factchecker", "editor", "admin"})
EDITORS: Final = frozenset({"editor", "admin"})
ADMINS: Final = frozenset({"admin"})


@dataclass(frozen=True)
class Rule:
    """The roles allowed an action, and what the others are told."""

    roles: frozenset[str]
    refusal: str = N_("your role does not allow this")


POLICY: Final[dict[str, Rule]] = {
    # bring an article in (web form, API, CLI)
    "article.ingest": Rule(EVERYONE),
    # add, reword, split, assign a claim; its verdict and provenance chain; its evidence
    "claim.review": Rule(EVERYONE),
    # write in a claim's thread (and mention colleagues there)
    "claim.comment": Rule(EVERYONE),
    # withdraw an article (its claims leave the queue and the reports), reinstate it
    "article.withdraw": Rule(EDITORS, N_("only an editor may withdraw or reinstate an article")),
    # confirm or reject a proposed repeat of an earlier claim; apply its cluster's verdict
    "claim.match": Rule(EVERYONE),
    # add and edit registry sources and their aliases
    "source.edit": Rule(EVERYONE),
    # merge two sources, undo a merge
    "source.merge": Rule(EDITORS, N_("only an editor may merge sources or undo a merge")),
    # download a report (any format); the preview page is open to every role
    "report.export": Rule(EDITORS, N_("only an editor may download a report")),
    # one's own account: password, own API tokens
    "account.own": Rule(EVERYONE),
    # list users, create them, change their role, (de)activate them
    "user.manage": Rule(ADMINS, N_("only an administrator may manage users")),
    # set another user's password
    "user.password": Rule(ADMINS, N_("only an administrator may change another user's password")),
    # list every token, issue one for another user, revoke another user's
    "token.manage": Rule(ADMINS, N_("only an administrator may manage another user's tokens")),
}


def allowed(actor: User | None, action: str) -> bool:
    """True when `actor` may do `action` (the system may do everything)."""
    rule = POLICY[action]  # KeyError: an action nobody wrote a rule for
    if actor is None:
        return True
    return actor.active and actor.role in rule.roles


def authorize(actor: User | None, action: str) -> None:
    """Raise PermissionDenied unless `actor` may do `action`."""
    if allowed(actor, action):
        return
    assert actor is not None
    if not actor.active:
        raise PermissionDenied("the account of %(user)s is deactivated", user=actor.email)
    raise PermissionDenied(POLICY[action].refusal)
