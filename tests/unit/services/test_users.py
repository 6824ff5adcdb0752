"""Users: creation rules, roles, password checks and throttling."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from tests.conftest import PASSWORD, People
from tracker.db import make_session_factory
from tracker.models import LoginCounter, User
from tracker.services import login_limits, users
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


def test_an_unknown_account_is_throttled_like_a_real_one(session: Session, people: People) -> None:
    """Answers do not tell which addresses have an account: both lock after the same failures."""
    for email in ("editor@example.org", "nobody-here@example.org"):
        for _ in range(users.MAX_FAILED_LOGINS):
            assert users.authenticate(session, email, "wrong password") is None
        session.commit()
        with pytest.raises(users.LoginThrottled) as refused:
            users.authenticate(session, email, "wrong password")
        session.rollback()
        assert 0 < refused.value.seconds <= users.LOCKOUT.total_seconds()


def test_parallel_guesses_from_one_address_are_counted_in_the_database(
    engine: Engine, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twenty guesses at once at different (unknown) accounts from one address, each in its own
    session (as from several workers or servers): exactly the address's limit are tried."""
    limits = login_limits.parse_limits("4/minute")
    hashed: list[str] = []
    real = users._hasher

    class CountingHasher:
        def hash(self, password: str) -> str:
            hashed.append(password)  # an unknown account's attempt spends a hash
            return real.hash(password)

        def __getattr__(self, name: str) -> object:
            return getattr(real, name)

    monkeypatch.setattr(users, "_hasher", CountingHasher())
    factory = make_session_factory(engine)
    start = threading.Barrier(20)
    outcomes: list[str] = []

    def guess(n: int) -> None:
        with factory() as s:
            start.wait()
            try:
                users.authenticate(
                    s, f"guess{n}@example.org", "x", address="198.51.100.4", address_limits=limits
                )
                outcomes.append("tried")
                s.commit()
            except users.AddressThrottled:
                outcomes.append("throttled")
                s.rollback()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["throttled"] * 16 + ["tried"] * 4
    assert len(hashed) == 4
    with factory() as s:  # another address is not affected; a success gives its place back
        for _ in range(6):
            user = users.authenticate(
                s, "editor@example.org", PASSWORD, address="198.51.100.5", address_limits=limits
            )
            assert user is not None
            s.commit()


def test_guesses_at_the_current_password_count_as_failed_logins(
    session: Session, people: People
) -> None:
    for _ in range(users.MAX_FAILED_LOGINS):
        with pytest.raises(users.WrongPassword):
            users.change_own_password(session, people.editor, "a guess", "a new long password")
        session.commit()
    with pytest.raises(users.LoginThrottled):
        users.change_own_password(session, people.editor, PASSWORD, "a new long password")
    session.rollback()
    with pytest.raises(users.LoginThrottled):
        users.authenticate(session, "editor@example.org", PASSWORD)


def test_expired_login_counters_are_forgotten_and_open_ones_kept(session: Session) -> None:
    """The counters table holds only keys seen within their window: old ones are deleted, a
    counter still counting is kept, and a deleted one counts again from one."""
    windows = login_limits.parse_limits("2/minute")
    assert login_limits.take_in_window(session, "address", "192.0.2.1", windows, now=1000) is None
    assert login_limits.take_in_window(session, "address", "192.0.2.1", windows, now=1001) is None
    assert (
        login_limits.take_in_a_row(session, "account", "old@example.org", 5, 900, now=1000) is None
    )
    assert login_limits.take_in_window(session, "address", "192.0.2.2", windows, now=1050) is None
    session.commit()

    assert login_limits.forget_expired(session, now=1059) == 0  # every window still open
    assert login_limits.forget_expired(session, now=1060) == 1  # 192.0.2.1's minute is over
    session.commit()
    keys = {c.key for c in session.scalars(select(LoginCounter))}
    assert keys == {"old@example.org", "192.0.2.2"}
    # The forgotten address starts a new window: two more attempts fit, the third does not.
    assert login_limits.take_in_window(session, "address", "192.0.2.1", windows, now=1061) is None
    assert login_limits.take_in_window(session, "address", "192.0.2.1", windows, now=1062) is None
    assert login_limits.take_in_window(session, "address", "192.0.2.1", windows, now=1063)
    session.rollback()
    assert login_limits.forget_expired(session, now=1900) == 2  # the lockout ended too


def test_a_successful_login_forgets_expired_counters(session: Session, people: People) -> None:
    login_limits.take_in_window(
        session, "address", "198.51.100.7", login_limits.parse_limits("5/minute"), now=0
    )
    session.commit()
    assert users.authenticate(session, "editor@example.org", PASSWORD) is not None
    session.commit()
    assert session.scalars(select(LoginCounter)).all() == []
