"""No two users may look the same: e-mail look-alikes and equal display names are refused."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tracker.models import User
from tracker.services import users
from tracker.services.errors import InvalidInput
from tracker.services.lookalikes import skeleton

PW = "long enough password"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("jan@example.org", "j\u0430n@example.org"),  # Cyrillic a
        ("jan@example.org", "jan@ex\u0430mple.org"),
        ("jan@example.org", "\uff4a\uff41\uff4e@example.org"),  # full-width letters
        ("Anna de Vries", "anna  de vries"),
        ("Anna de Vries", "\u0410nna de Vries"),
        ("Ivan", "\u2160van"),  # Roman numeral one
        ("Bob", "B\u200bob"),  # a zero-width space
    ],
)
def test_lookalikes_share_a_skeleton(a: str, b: str) -> None:
    assert a != b and skeleton(a) == skeleton(b)


@pytest.mark.parametrize(("a", "b"), [("Jan", "Jans"), ("émile", "emile"), ("anna", "anne")])
def test_different_names_stay_different(a: str, b: str) -> None:
    assert skeleton(a) != skeleton(b)


def test_a_lookalike_email_is_refused(session: Session) -> None:
    users.create_user(session, "jan@example.org", "Jan Smit", PW)
    with pytest.raises(InvalidInput, match="looks the same as an existing user's"):
        users.create_user(session, "j\u0430n@example.org", "Jan Smit 2", PW)
    with pytest.raises(InvalidInput, match="looks the same as an existing user's"):
        users.create_user(session, "\uff4a\uff41\uff4e@example.org", "Jan Smit 3", PW)


def test_an_equal_display_name_is_refused(session: Session) -> None:
    users.create_user(session, "anna@example.org", "Anna de Vries", PW)
    for name in ("Anna de Vries", "ANNA DE VRIES", "\u0410nna de Vries"):
        with pytest.raises(InvalidInput, match="name looks the same"):
            users.create_user(session, "other@example.org", name, PW)
    users.create_user(session, "anna2@example.org", "Anna de Vries (sport)", PW)


def test_the_database_refuses_a_lookalike_that_slips_past_the_check(session: Session) -> None:
    """Two creations at once both pass the check; the unique index lets one through."""
    users.create_user(session, "kim@example.org", "Kim", PW)
    session.commit()
    session.add(
        User(
            email="k\u0456m@example.org",
            name="Kim B",
            email_key=skeleton("kim@example.org"),
            name_key=skeleton("Kim B"),
            password_hash="x",
        )
    )
    with pytest.raises(IntegrityError):
        session.commit()
    session.rollback()
