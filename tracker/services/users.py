"""User accounts: creation, roles, password checks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from ..models import ROLES, User
from ..models._types import utcnow
from . import audit, login_limits
from .errors import N_, InvalidInput, NotFound, TrackerError
from .lookalikes import skeleton
from .policy import authorize

MIN_PASSWORD_LENGTH = 10
_hasher = PasswordHasher()


def _normal_email(email: str) -> str:
    email = email.strip().lower()
    if "@" not in email or len(email) > 254 or " " in email:
        raise InvalidInput("not an e-mail address: %(email)r", email=email)
    return email


def create_user(
    session: Session,
    email: str,
    name: str,
    password: str,
    role: str = "factchecker",
    actor: User | None = None,
) -> User:
    """A new active user; refuses a taken e-mail, an unknown role or a short password."""
    authorize(actor, "user.manage")
    email = _normal_email(email)
    if role not in ROLES:
        raise InvalidInput(
            "unknown role %(role)r; choose one of %(choices)s", role=role, choices=", ".join(ROLES)
        )
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput("the password needs at least %(n)s characters", n=MIN_PASSWORD_LENGTH)
    if not name.strip():
        raise InvalidInput("a user needs a name")
    if session.scalar(select(User.id).where(User.email == email)) is not None:
        raise InvalidInput("a user with e-mail %(email)s exists already", email=email)
    email_key, name_key = skeleton(email), skeleton(name)
    if session.scalar(select(User.id).where(User.email_key == email_key)) is not None:
        raise InvalidInput(
            "the e-mail address %(email)s looks the same as an existing user's", email=email
        )
    if session.scalar(select(User.id).where(User.name_key == name_key)) is not None:
        raise InvalidInput(
            "another user's name looks the same as %(name)s; add something to tell them apart",
            name=name.strip(),
        )
    user = User(
        email=email,
        name=name.strip(),
        email_key=email_key,
        name_key=name_key,
        role=role,
        password_hash=_hasher.hash(password),
    )
    session.add(user)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="user.create",
        entity_type="user",
        entity_id=user.id,
        after={"email": email, "name": user.name, "role": role},
    )
    return user


def get_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("no user %(id)s", id=user_id)
    return user


def find_by_email(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == email.strip().lower()))


def list_users(session: Session, actor: User | None) -> list[User]:
    """Every user, by name (administrators; `actor` None is the command line)."""
    authorize(actor, "user.manage")
    return list(session.scalars(select(User).order_by(func.lower(User.name), User.id)))


def _record_role(session: Session, user: User, role: str, actor: User | None) -> User:
    """Set a user's role and record it in the audit log (checks done by change_role)."""
    before = user.role
    user.role = role
    audit.record(
        session,
        actor=actor,
        action="user.set_role",
        entity_type="user",
        entity_id=user.id,
        before={"role": before},
        after={"role": role},
    )
    return user


def end_sessions(session: Session, user: User) -> int:
    """End every login session of `user`, on every device; returns the new epoch.

    One UPDATE adding one, so two endings at once both count; the caller commits.
    """
    session.execute(
        update(User)
        .where(User.id == user.id)
        .values(session_epoch=User.session_epoch + 1)
        .execution_options(synchronize_session=False)
    )
    session.expire(user, ["session_epoch"])
    return user.session_epoch


def change_password(
    session: Session, user_id: int, new_password: str, actor: User | None = None
) -> User:
    """Set a new password (a user may change their own, an admin anyone's); ends every session.

    `actor` None is the operator at the command line.
    """
    user = get_user(session, user_id)
    is_own = actor is not None and actor.id == user.id
    authorize(actor, "account.own" if is_own else "user.password")
    if len(new_password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput("the password needs at least %(n)s characters", n=MIN_PASSWORD_LENGTH)
    user.password_hash = hash_password(new_password)
    user.failed_logins = 0
    user.last_failed_login_at = None
    end_sessions(session, user)
    audit.record(
        session,
        actor=actor,
        action="user.password",
        entity_type="user",
        entity_id=user.id,
        after={"sessions_ended": True},
    )
    return user


def change_own_password(session: Session, user: User, current: str, new_password: str) -> User:
    """A user's own password change: the current password must be right. A guess at it counts
    as a failed login of the account (LoginThrottled after too many; on WrongPassword the
    caller commits so that it counts)."""
    _take_account_attempt(session, user.email)
    if not check_password(user, current):
        raise WrongPassword("the current password is not right")
    _give_account_attempt_back(user)
    return change_password(session, user.id, new_password, user)


def _record_active(session: Session, user: User, active: bool, actor: User | None) -> User:
    """(De)activate a user and record it in the audit log (checks done by change_active)."""
    before = user.active
    user.active = active
    if not active:
        end_sessions(session, user)
    audit.record(
        session,
        actor=actor,
        action="user.set_active",
        entity_type="user",
        entity_id=user.id,
        before={"active": before},
        after={"active": active},
    )
    return user


def check_password(user: User, password: str) -> bool:
    """True when `password` matches the user's hash."""
    try:
        return _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def password_needs_rehash(user: User) -> bool:
    return _hasher.check_needs_rehash(user.password_hash)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=5)


class LoginThrottled(TrackerError):
    """Too many failed logins for this account; try again later."""

    def __init__(self, seconds: int) -> None:
        super().__init__(
            N_("too many failed logins; try again in %(minutes)s minute(s)"),
            minutes=max(1, seconds // 60),
        )
        self.seconds = seconds


class AddressThrottled(LoginThrottled):
    """Too many failed logins from this client address; try again later."""


class WrongPassword(InvalidInput):
    """The current password given to change it is not right (the failure counts: commit)."""


def _take_account_attempt(session: Session, email: str) -> User | None:
    """Take one of the account's allowed attempts in a single conditional UPDATE, which locks
    the row until the caller's transaction ends; LoginThrottled when none is left. An e-mail
    address without an account is counted the same way in login_counters, so the answers do
    not tell which addresses have an account. Returns the account, if any."""
    now = utcnow()
    may_try = or_(
        User.failed_logins < MAX_FAILED_LOGINS,
        User.last_failed_login_at.is_(None),
        User.last_failed_login_at <= now - LOCKOUT,
    )
    taken = session.execute(
        update(User)
        .where(User.email == email, may_try)
        .values(failed_logins=User.failed_logins + 1, last_failed_login_at=now)
        .execution_options(synchronize_session=False)
    )
    user = find_by_email(session, email)
    if user is None:
        refused = login_limits.take_in_a_row(
            session, "account", email[:300], MAX_FAILED_LOGINS, int(LOCKOUT.total_seconds())
        )
        if refused is not None:
            raise LoginThrottled(refused.seconds)
        return None
    session.refresh(user, ["failed_logins", "last_failed_login_at"])
    if not taken.rowcount:  # type: ignore[attr-defined]
        last = user.last_failed_login_at or now
        raise LoginThrottled(max(1, int((last + LOCKOUT - now).total_seconds())))
    return user


def _give_account_attempt_back(user: User) -> None:
    user.failed_logins = 0
    user.last_failed_login_at = None


def authenticate(
    session: Session,
    email: str,
    password: str,
    *,
    address: str | None = None,
    address_limits: Sequence[login_limits.Window] = (),
) -> User | None:
    """The active user with these credentials, or None.

    The client `address` first takes a place in its `address_limits` (AddressThrottled when
    one is full: the caller rolls back). Then, after MAX_FAILED_LOGINS failures in a row, an
    account, or an e-mail address that has none, refuses every attempt for LOCKOUT
    (LoginThrottled: the caller commits, so the address's attempt counts), whether the password
    is right or not. Every attempt is counted in the database before its password is checked,
    so parallel guesses in any number of workers and servers are counted before they are
    tried. A right password gives the attempts back and forgets expired counters. The caller
    commits.
    """
    if address is not None and address_limits:
        refused = login_limits.take_in_window(session, "address", address, address_limits)
        if refused is not None:
            raise AddressThrottled(refused.seconds)
    user = _take_account_attempt(session, email.strip().lower())
    if user is None:
        _hasher.hash(password)  # spend the same time as for a real account
        return None
    if not user.active or not check_password(user, password):
        return None  # the attempts taken above are the failure
    _give_account_attempt_back(user)
    if address is not None and address_limits:
        login_limits.give_back_in_window(session, "address", address, address_limits)
    login_limits.forget_expired(session)
    if password_needs_rehash(user):
        user.password_hash = hash_password(password)
    return user


def set_locale(session: Session, user: User, locale: str | None) -> User:
    if locale not in (None, "nl", "en"):
        raise InvalidInput("unsupported interface language %(locale)r", locale=locale)
    user.locale = locale
    return user


def _leave_admins(session: Session, user: User, **values: object) -> bool:
    """Apply `values` to an active admin only while another active admin stays, atomically.

    A single conditional UPDATE: on SQLite it runs under the write lock, so two admins demoting
    each other at once are taken one after the other; on PostgreSQL the active admins' rows are
    locked first, so the second one's statement sees the first one's change. False: refused.
    """
    active_admin = (User.role == "admin", User.active.is_(True))
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(User.id).where(*active_admin).with_for_update())
    others = select(func.count(User.id)).where(*active_admin, User.id != user.id).scalar_subquery()
    result = session.execute(
        update(User)
        .where(User.id == user.id, *active_admin, others >= 1)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def change_role(session: Session, user_id: int, role: str, actor: User | None = None) -> User:
    """Change a user's role by id (administrators; `actor` None is the command line); the last
    active admin keeps the admin role."""
    authorize(actor, "user.manage")
    user = get_user(session, user_id)
    if role not in ROLES:
        raise InvalidInput(
            "unknown role %(role)r; choose one of %(choices)s", role=role, choices=", ".join(ROLES)
        )
    steps_down = user.role == "admin" and role != "admin" and user.active
    if steps_down and not _leave_admins(session, user, role=role):
        raise InvalidInput("the last active administrator cannot give up the admin role")
    return _record_role(session, user, role, actor)


def change_active(session: Session, user_id: int, active: bool, actor: User | None = None) -> User:
    """Deactivate or reactivate a user (administrators); the last active admin stays active."""
    authorize(actor, "user.manage")
    user = get_user(session, user_id)
    steps_down = not active and user.role == "admin" and user.active
    if steps_down and not _leave_admins(session, user, active=False):
        raise InvalidInput("the last active administrator cannot be deactivated")
    return _record_active(session, user, active, actor)
