"""Users: creation rules, roles, password checks and throttling."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from tests.conftest import PASSWORD, People
from tracker.db import make_session_factory
from tracker.models import User
from tracker.services import users
from tracker.services.errors import InvalidInput, NotFound


def test_password_is_hashed_and_checked(session: Session, people: People) -> None:
    user = people.editor
    assert user.password_hash.startswith("$argon2")
    assert PASSWORD not in user.password_hash
    assert users.check_password(user, PASSWORD)
    assert not users.check_password(user, "wrong password!")


@pytest.mark.parametrize(
    ("email", "password", "role", "message"),
    [
        ("not-an-email", PASSWORD, "editor", "e-mail"),
        ("new@example.org", "short", "editor", "at least"),
        ("new@example.org", PASSWORD, "root", "unknown role"),
        ("EDITOR@example.org", PASSWORD, "editor", "exists already"),
    ],
)
def test_create_user_refuses_bad_input(
    session: Session, people: People, email: str, password: str, role: str, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        users.create_user(session, email, "Nieuw", password, role)


def test_change_role(session: Session, people: People) -> None:
    users.change_role(session, people.factchecker.id, "editor", people.admin)
    assert people.factchecker.role == "editor"
    with pytest.raises(NotFound):
        users.change_role(session, 10_000, "editor", people.admin)


def test_authenticate_throttles_after_failures(session: Session, people: People) -> None:
    assert users.authenticate(session, "editor@example.org", PASSWORD) is people.editor
    for _ in range(users.MAX_FAILED_LOGINS):
        assert users.authenticate(session, "editor@example.org", "wrong password") is None
    with pytest.raises(users.LoginThrottled):
        users.authenticate(session, "editor@example.org", PASSWORD)
    assert users.authenticate(session, "ghost@example.org", PASSWORD) is None


def test_inactive_user_cannot_log_in(session: Session, people: People) -> None:
    users.change_active(session, people.factchecker.id, False, people.admin)
    assert users.authenticate(session, "factchecker@example.org", PASSWORD) is None


def test_parallel_wrong_passwords_are_counted_before_they_are_checked(
    engine: Engine, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Thirty guesses at once (as from many workers): at most MAX_FAILED_LOGINS are checked."""
    checked: list[str] = []
    real_check = users.check_password

    def counting_check(user: User, password: str) -> bool:
        checked.append(password)
        return real_check(user, password)

    monkeypatch.setattr(users, "check_password", counting_check)
    factory = make_session_factory(engine)
    start = threading.Barrier(30)
    outcomes: list[str] = []

    def guess(n: int) -> None:
        with factory() as s:
            start.wait()
            try:
                users.authenticate(s, "editor@example.org", f"guess number {n}")
                outcomes.append("checked")
            except users.LoginThrottled:
                outcomes.append("throttled")
            s.commit()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(30)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(outcomes) == 30
    assert len(checked) == outcomes.count("checked") <= users.MAX_FAILED_LOGINS
    with factory() as s, pytest.raises(users.LoginThrottled):
        users.authenticate(s, "editor@example.org", PASSWORD)


@pytest.mark.parametrize("how", ["role", "active"])
def test_two_admins_stepping_each_other_down_at_once_leave_one(
    engine: Engine, session: Session, people: People, how: str
) -> None:
    """Five rounds of two admins demoting (or deactivating) each other at the same moment."""
    other = users.create_user(session, "second@example.org", "Second Admin", PASSWORD, "admin")
    session.commit()
    ids = (people.admin.id, other.id)
    factory = make_session_factory(engine)

    def step_down(actor_id: int, target_id: int, start: threading.Barrier, out: list[str]) -> None:
        with factory() as s:
            actor = s.get(User, actor_id)
            start.wait()
            try:
                if how == "role":
                    users.change_role(s, target_id, "editor", actor)
                else:
                    users.change_active(s, target_id, False, actor)
                s.commit()
                out.append("done")
            except InvalidInput:
                s.rollback()
                out.append("refused")

    for _ in range(5):
        with factory() as s:
            s.query(User).filter(User.id.in_(ids)).update({"role": "admin", "active": True})
            s.commit()
        start = threading.Barrier(2)
        outcomes: list[str] = []
        threads = [
            threading.Thread(target=step_down, args=(a, b, start, outcomes))
            for a, b in (ids, ids[::-1])
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(outcomes) == ["done", "refused"]
        with factory() as s:
            admins = s.query(User).filter(User.role == "admin", User.active.is_(True)).count()
        assert admins == 1
