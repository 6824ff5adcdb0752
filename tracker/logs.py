"""Logging: the package's records ("tracker" and its children) to the server's error stream, at
the level TRACKER_LOG_LEVEL names.

Conventions: a module logs through `logging.getLogger(__name__)` (a child of "tracker"; the
services cannot import this module, which needs Flask). A change of data is one line at INFO
naming the action and the ids, never the content (titles, texts, names, e-mail addresses):
the audit log writes it for every audited change (tracker/services/audit.py). The web logs one
line per request with its time.
"""

from __future__ import annotations

import logging

from flask.logging import wsgi_errors_stream

from .config import log_level

LOGGER = "tracker"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# Flask's own stream: the request's wsgi.errors (gunicorn's error log) or else sys.stderr as it
# is at the time of writing.
_handler = logging.StreamHandler(wsgi_errors_stream)  # type: ignore[call-overload]
_handler.setFormatter(logging.Formatter(FORMAT))


def configure_logging(level: str) -> logging.Logger:
    """Set the package's logger to `level` (a level name; ValueError names the choices) and give
    it one handler, however often an app is made."""
    logger = logging.getLogger(LOGGER)
    logger.setLevel(log_level(level))
    if _handler not in logger.handlers:
        logger.addHandler(_handler)
    return logger
