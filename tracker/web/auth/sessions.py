"""Login sessions that can be ended everywhere: each carries the user's session epoch."""

from __future__ import annotations

from flask import session

from ...models import User

_EPOCH = "_tracker_epoch"


def remember_epoch(user: User) -> None:
    """Tie this browser's session to the user's current epoch (after login or a password change)."""
    session[_EPOCH] = user.session_epoch


def is_current(user: User) -> bool:
    """False once logout elsewhere, a password change or deactivation raised the epoch."""
    return bool(session.get(_EPOCH) == user.session_epoch)
