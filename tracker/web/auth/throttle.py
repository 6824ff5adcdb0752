"""Failed logins per client address (the `limits` library, in the app process's memory).

The services lock an account after repeated failures; this also slows one address that guesses
across many accounts, or at addresses that have no account. Only failures count, so a busy
office behind one address is not locked out by its own successful logins. The window lives in
each server process by default (with N workers an address gets at most N times the limit);
TRACKER_LOGIN_LIMITS_STORAGE=redis://... shares it between workers. Behind reverse proxies,
TRACKER_TRUSTED_PROXIES says how many set X-Forwarded-For, so the client's own address counts.
"""

from __future__ import annotations

from flask import Flask, current_app, request
from limits import RateLimitItem, parse_many
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter
from werkzeug.middleware.proxy_fix import ProxyFix

from ...config import DEFAULT_LOGIN_LIMITS, DEFAULT_LOGIN_STORAGE


class LoginThrottle:
    """Counts failed logins per client address against the app's limits."""

    def __init__(self, limits: str, storage: str = DEFAULT_LOGIN_STORAGE) -> None:
        self.items: list[RateLimitItem] = parse_many(limits)
        self.limiter = MovingWindowRateLimiter(storage_from_string(storage))

    def allowed(self, address: str) -> bool:
        return all(self.limiter.test(item, "login", address) for item in self.items)

    def failed(self, address: str) -> None:
        for item in self.items:
            self.limiter.hit(item, "login", address)


def throttle() -> LoginThrottle:
    """The app's throttle, made on first use."""
    found = current_app.extensions.get("tracker_login_throttle")
    if found is None:
        limits = current_app.config.get("TRACKER_LOGIN_LIMITS") or DEFAULT_LOGIN_LIMITS
        storage = current_app.config.get("TRACKER_LOGIN_LIMITS_STORAGE") or DEFAULT_LOGIN_STORAGE
        found = current_app.extensions["tracker_login_throttle"] = LoginThrottle(limits, storage)
    return found


def client_address() -> str:
    """The address the request came from (the client's, when TRACKER_TRUSTED_PROXIES is set)."""
    return request.remote_addr or "unknown"


def trust_proxies(app: Flask) -> None:
    """Take the client's address and scheme from the headers of that many trusted proxies."""
    hops = int(app.config.get("TRACKER_TRUSTED_PROXIES") or 0)
    if hops > 0:
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=hops, x_proto=hops
        )
