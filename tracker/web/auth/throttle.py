"""Failed logins per client address (the `limits` library, in the app process's memory).

The services lock an account after repeated failures; this also slows one address that guesses
across many accounts, or at addresses that have no account. Only failures count, so a busy
office behind one address is not locked out by its own successful logins. The window lives in
each server process: with N workers an address gets at most N times the limit.
"""

from __future__ import annotations

from flask import current_app, request
from limits import RateLimitItem, parse_many
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

DEFAULT_LIMITS = "20/minute;100/hour"


class LoginThrottle:
    """Counts failed logins per client address against the app's limits."""

    def __init__(self, limits: str) -> None:
        self.items: list[RateLimitItem] = parse_many(limits)
        self.limiter = MovingWindowRateLimiter(MemoryStorage())

    def allowed(self, address: str) -> bool:
        return all(self.limiter.test(item, "login", address) for item in self.items)

    def failed(self, address: str) -> None:
        for item in self.items:
            self.limiter.hit(item, "login", address)


def throttle() -> LoginThrottle:
    """The app's throttle, made on first use."""
    found = current_app.extensions.get("tracker_login_throttle")
    if found is None:
        limits = current_app.config.get("TRACKER_LOGIN_LIMITS") or DEFAULT_LIMITS
        found = current_app.extensions["tracker_login_throttle"] = LoginThrottle(limits)
    return found


def client_address() -> str:
    """The address the request came from (set ProxyFix in front of a reverse proxy)."""
    return request.remote_addr or "unknown"
