"""A service's message in the interface language: the one way the web shows a service refusal.

The services raise errors (and write notes) as English templates with parameters
(tracker/services/errors.py); here the template is looked up in the catalogue and filled in.
Parameters that are themselves words or numbers are shown the user's way: a `status` as its
translated label, a `Count` with the locale's thousands separator.
"""

from __future__ import annotations

from typing import Any

from flask_babel import format_decimal, gettext

from ..services.errors import Count, Message, TrackerError
from .labels import status_label


def _param(name: str, value: Any) -> Any:
    if isinstance(value, Count):
        return format_decimal(int(value))
    if name == "status" and isinstance(value, str):
        return status_label(value).lower()
    return value


def explain(err: TrackerError | str) -> str:
    """The error's (or a service note's) message in the interface language.

    A template missing from the catalogue is shown in English; plain text as it is.
    """
    message = err.message if isinstance(err, TrackerError) else err
    if not isinstance(message, Message):  # plain text from elsewhere: shown as it is
        return str(message)
    params = {name: _param(name, value) for name, value in message.params.items()}
    return str(gettext(message.template, **params))
