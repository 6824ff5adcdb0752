"""Claim-provenance tracker: find claims in news articles, trace and verify their sources."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the extractor imports this package; it must not pay for Flask
    from flask import Flask


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """The Flask app; `config` overrides settings read from the environment.

    Its instance folder (database, secret key) is TRACKER_INSTANCE_PATH, given in `config` or the
    environment, else Flask's own for the package (config.instance_path).
    """
    from flask import Flask

    from .config import Settings
    from .logs import configure_logging
    from .resources import resource_dir
    from .web import init_app

    overrides = dict(config or {})
    settings = (
        Settings(instance_path=Path(overrides["TRACKER_INSTANCE_PATH"]))
        if overrides.get("TRACKER_INSTANCE_PATH")
        else Settings()
    )
    app = Flask(
        __name__,
        instance_path=str(settings.instance_path),
        template_folder=str(resource_dir("templates")),
        static_folder=str(resource_dir("web/static")),
    )
    app.config.from_mapping(settings.flask_config(overrides.get("SECRET_KEY")))
    app.config.update(overrides)
    configure_logging(app.config["TRACKER_LOG_LEVEL"])
    init_app(app)
    return app
