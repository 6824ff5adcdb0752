"""Errors the services raise; each message is fit to show a user as it is."""

from __future__ import annotations

from typing import Any


class TrackerError(Exception):
    """Base of every error a service raises on purpose."""


class InvalidInput(TrackerError):
    """The input cannot be accepted; the message says why."""


class NotFound(TrackerError):
    """No such record."""


class PermissionDenied(TrackerError):
    """The actor's role does not allow this."""


class DuplicateArticle(TrackerError):
    """The same text was ingested before."""

    def __init__(self, article_id: int) -> None:
        super().__init__(f"this text was already ingested as article {article_id}")
        self.article_id = article_id


class StaleVersion(TrackerError):
    """Someone else changed the record since the user loaded it; nothing was written."""

    def __init__(self, expected: int, current: dict[str, Any]) -> None:
        super().__init__(
            f"claim {current.get('id')} was changed by someone else (you edited version "
            f"{expected}, it is now at version {current.get('version')}); nothing was saved"
        )
        self.expected = expected
        self.current = current
