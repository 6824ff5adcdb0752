"""Every blueprint of the web app, registered in one place."""

from __future__ import annotations

from importlib import import_module

from flask import Flask

# (module, url prefix). A module is listed once its package exists.
BLUEPRINTS = [
    ("tracker.web.auth.routes", ""),
    ("tracker.web.home.routes", ""),
]


def register(app: Flask) -> None:
    for module, prefix in BLUEPRINTS:
        app.register_blueprint(import_module(module).bp, url_prefix=prefix or None)
