"""Every blueprint of the web app, imported and registered in one place.

The imports are plain: an area that fails to import stops the app at start (and the tests),
it is never left out silently.
"""

from __future__ import annotations

from flask import Blueprint, Flask

from .admin.routes import bp as admin
from .api.routes import bp as api
from .articles.routes import bp as articles
from .auth.routes import bp as auth
from .claims.routes import bp as claims
from .home.routes import bp as home
from .queue.routes import bp as queue
from .reports.routes import bp as reports
from .search.routes import bp as search
from .sources.routes import bp as sources

# (blueprint, url prefix)
BLUEPRINTS: list[tuple[Blueprint, str | None]] = [
    (auth, None),
    (home, None),
    (articles, "/articles"),
    (claims, "/claims"),
    (queue, "/queue"),
    (sources, "/sources"),
    (admin, "/admin"),
    (reports, "/reports"),
    (search, None),
    (api, "/api"),
]


def register(app: Flask) -> None:
    """Register every area's blueprint."""
    for blueprint, prefix in BLUEPRINTS:
        app.register_blueprint(blueprint, url_prefix=prefix)
