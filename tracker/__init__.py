"""Claim-provenance tracker: find claims in news articles, trace and verify their sources."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the extractor imports this package; it must not pay for Flask
    from flask import Flask

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """The Flask app; `config` overrides settings read from the environment."""
    from flask import Flask

    from .config import Settings
    from .web import init_app

    app = Flask(__name__, template_folder=str(TEMPLATES), static_folder="web/static")
    app.config.from_mapping(Settings().flask_config((config or {}).get("SECRET_KEY")))
    if config:
        app.config.update(config)
    init_app(app)
    return app
