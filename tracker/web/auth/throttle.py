"""The client address logins are limited by, and the app's per-address limits.

The counting lives in the database (services.login_limits), so every worker and every server
on the same database shares it. Behind reverse proxies, TRACKER_TRUSTED_PROXIES says how many
set X-Forwarded-For, so the client's own address counts, not the proxy's.
"""

from __future__ import annotations

from flask import Flask, current_app, request
from werkzeug.middleware.proxy_fix import ProxyFix

from ...services.login_limits import DEFAULT_ADDRESS_LIMITS, Window, parse_limits


def address_limits() -> tuple[Window, ...]:
    """TRACKER_LOGIN_LIMITS as windows (parsed once per app)."""
    found = current_app.extensions.get("tracker_login_limits")
    if found is None:
        text = current_app.config.get("TRACKER_LOGIN_LIMITS") or DEFAULT_ADDRESS_LIMITS
        found = current_app.extensions["tracker_login_limits"] = parse_limits(text)
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
