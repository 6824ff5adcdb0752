"""Errors the services raise; each message is fit to show a user as it is.

A message is an English template with %(name)s placeholders plus its parameters:

    raise InvalidInput("say why the claim is %(status)s: a rationale is required", status=status)

`str(err)` is the English text, formatted (what the CLI and the JSON API show); `err.template`
and `err.params` stay available so the web interface can look the template up in its catalogue
and show the message in the user's language (tracker/web/messages.py). The services never
translate anything themselves. pybabel finds the templates through the keywords InvalidInput,
NotFound, PermissionDenied, TrackerError and N_ (see babel.cfg).

Conventions for parameters, so the web layer can show them in the user's language:
- `status` holds a claim status code ("verified", ...); the web shows its translated label.
- a `Count` is a quantity shown with thousands separators ("500,000" in English).
Other parameters are shown as they are: put no English words in them.

`about` names the input an error is about ("url", "kind", "aliases", ...), for a form to show
the message beside that field.
"""

from __future__ import annotations

from typing import Any


def N_(template: str) -> str:  # noqa: N802 (the usual name of the gettext no-op)
    """Marks a template for extraction into the catalogue (pybabel -k N_); returns it as it is."""
    return template


class Count(int):
    """A quantity in a message: English text shows it as 500,000; the web in the user's locale."""

    def __str__(self) -> str:
        return f"{int(self):,}"


class Message(str):
    """English text that keeps its template and parameters, for translation by the web layer.

    It is a `str` (the formatted English), so it can stand wherever text is expected.
    """

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, /, **params: Any) -> Message:
        text = template % params if params else template
        self = super().__new__(cls, text)
        self.template = template
        self.params = params
        return self


class TrackerError(Exception):
    """Base of every error a service raises on purpose."""

    def __init__(self, template: str = "", /, *, about: str | None = None, **params: Any) -> None:
        self.message = Message(template, **params)
        self.about = about
        super().__init__(str(self.message))

    @property
    def template(self) -> str:
        """The English message with its %(name)s placeholders (the catalogue's msgid)."""
        return self.message.template

    @property
    def params(self) -> dict[str, Any]:
        """The values of the template's placeholders."""
        return self.message.params


class InvalidInput(TrackerError):
    """The input cannot be accepted; the message says why."""


class NotFound(TrackerError):
    """No such record."""


class PermissionDenied(TrackerError):
    """The actor's role does not allow this."""


class DuplicateArticle(TrackerError):
    """The same text was ingested before."""

    def __init__(self, article_id: int) -> None:
        super().__init__(
            N_("this text was already ingested as article %(article_id)s"), article_id=article_id
        )
        self.article_id = article_id


class NearDuplicateArticle(DuplicateArticle):
    """The text is nearly that of a stored article (spacing, quotes, a changed word): most
    likely its new version, stored with `supersedes_id`, or on purpose apart with `separate`."""

    def __init__(self, article_id: int, similarity: int) -> None:
        TrackerError.__init__(
            self,
            N_(
                "this text is nearly the same as article %(article_id)s (%(similarity)s%% "
                "alike): store it as that article's new version, or as a separate article"
            ),
            article_id=article_id,
            similarity=similarity,
        )
        self.article_id = article_id
        self.similarity = similarity


class StaleVersion(TrackerError):
    """Someone else changed the record since the user loaded it; nothing was written."""

    def __init__(self, expected: int, current: dict[str, Any]) -> None:
        super().__init__(
            N_(
                "this claim was changed by someone else (you edited version "
                "%(expected)s, it is now at version %(version)s); nothing was saved"
            ),
            claim_id=current.get("id"),
            expected=expected,
            version=current.get("version"),
        )
        self.expected = expected
        self.current = current
