"""Logging: the package's records ("tracker" and its children) to the server's error stream, at
the level TRACKER_LOG_LEVEL names.

Conventions: a module logs through `logging.getLogger(__name__)` (a child of "tracker"; the
services do not import this module: the web app and the CLI configure it). A change of data is
one line at INFO naming the action and the ids, never the content (titles, texts, names, e-mail
addresses):
the audit log writes it for every audited change (tracker/services/audit.py). The web logs one
line per request with its time.
"""

from __future__ import annotations

import logging
import sys
from typing import TextIO

from .config import log_level

LOGGER = "tracker"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _ErrorStream:
    """Flask's error stream while a request is served (gunicorn's error log), else sys.stderr as
    it is at the time of writing. Flask is looked up only when it is loaded, so the CLI's
    commands do not import it."""

    def _target(self) -> TextIO:
        flask_logging = sys.modules.get("flask.logging")
        if flask_logging is not None:
            return flask_logging.wsgi_errors_stream  # type: ignore[no-any-return]
        return sys.stderr

    def write(self, text: str) -> int:
        return self._target().write(text)

    def flush(self) -> None:
        self._target().flush()


_handler = logging.StreamHandler(_ErrorStream())
_handler.setFormatter(logging.Formatter(FORMAT))


def configure_logging(level: str) -> logging.Logger:
    """Set the package's logger to `level` (a level name; ValueError names the choices) and give
    it one handler, however often an app is made."""
    logger = logging.getLogger(LOGGER)
    logger.setLevel(log_level(level))
    if _handler not in logger.handlers:
        logger.addHandler(_handler)
    return logger
