"""Bearer-token authentication for the API: the token's scope, then a per-token rate limit.

The token's owner is who acts; what they may do is the services' policy (services/policy.py).
The scopes narrow what a script holding the token may do on the owner's behalf.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import current_app, g, request
from flask.typing import ResponseReturnValue
from limits import RateLimitItem, parse_many
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from ...services import tokens
from .. import db
from .errors import error

DEFAULT_LIMITS = "600/minute;10000/hour"
View = Callable[..., ResponseReturnValue]


class TokenLimits:
    """Requests per token against the app's API limits (the `limits` library)."""

    def __init__(self, limits: str, storage: str = "memory://") -> None:
        self.items: list[RateLimitItem] = parse_many(limits)
        self.limiter = MovingWindowRateLimiter(storage_from_string(storage))

    def retry_after(self, token_id: int) -> int | None:
        """Count one request; None when allowed, else the seconds until the next is."""
        for item in self.items:
            if not self.limiter.hit(item, "api", str(token_id)):
                reset = self.limiter.get_window_stats(item, "api", str(token_id)).reset_time
                return max(1, int(reset - time.time()) + 1)
        return None


def _limits() -> TokenLimits:
    found = current_app.extensions.get("tracker_api_limits")
    if found is None:
        limits = current_app.config.get("TRACKER_API_LIMITS") or DEFAULT_LIMITS
        found = current_app.extensions["tracker_api_limits"] = TokenLimits(limits)
    return found


def _bearer() -> str:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""


def needs(scope: str) -> Callable[[View], View]:
    """Require a live bearer token with `scope`; the token's owner acts (g.api_user)."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> ResponseReturnValue:
            plaintext = _bearer()
            token = tokens.authenticate_token(db(), plaintext) if plaintext else None
            if token is None:
                response = error(401, "a valid bearer token is required (Authorization: Bearer)")
                response.headers["WWW-Authenticate"] = 'Bearer realm="tracker"'
                return response
            if scope not in token.scope_set:
                return error(403, f"this token lacks the {scope!r} scope")
            db().commit()  # the token's last use, written at most every few minutes
            wait = _limits().retry_after(token.id)
            if wait is not None:
                response = error(429, f"too many requests with this token; retry in {wait} s")
                response.headers["Retry-After"] = str(wait)
                return response
            g.api_user = token.owner
            return view(*args, **kwargs)

        return wrapper

    return decorate
