"""Every blueprint of the web app, registered in one place."""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

from flask import Flask

# (module holding `bp`, url prefix)
BLUEPRINTS = [
    ("tracker.web.auth.routes", ""),
    ("tracker.web.home.routes", ""),
    ("tracker.web.articles.routes", "/articles"),
    ("tracker.web.claims.routes", "/claims"),
    ("tracker.web.queue.routes", "/queue"),
    ("tracker.web.sources.routes", "/sources"),
    ("tracker.web.admin.routes", "/admin"),
    ("tracker.web.reports.routes", "/reports"),
    ("tracker.web.api.routes", "/api"),
]


def _present(module: str) -> bool:
    package = module.rsplit(".", 1)[0]
    return find_spec(package) is not None and find_spec(module) is not None


def register(app: Flask) -> None:
    """Register each area whose package exists (areas land one by one)."""
    for module, prefix in BLUEPRINTS:
        if _present(module):
            app.register_blueprint(import_module(module).bp, url_prefix=prefix or None)
