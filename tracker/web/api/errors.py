"""Every error under /api is JSON: {"error": a stable code, "message": what went wrong}.

Errors raised by the API's views are handled by the blueprint; errors raised before a view is
found (unknown URL, wrong method, a body over the size limit) and responses that other parts of
the app answer with text (a before-request refusal) are turned into JSON for /api paths too.
"""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from flask import Blueprint, Response, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from sqlalchemy.exc import DataError, IntegrityError
from werkzeug.exceptions import HTTPException, InternalServerError

from ...services.errors import (
    DuplicateArticle,
    InvalidInput,
    NotFound,
    PermissionDenied,
    StaleVersion,
)
from .. import db
from .json_input import BadJSON
from .params import BadParameter

# The code of an error that has no more specific one, by HTTP status.
CODES: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_input",
    429: "rate_limited",
    500: "server_error",
}


def is_api_request() -> bool:
    """Whether the request is addressed to the API (also when no route matched)."""
    return request.path == "/api" or request.path.startswith("/api/")


# Every code an error may carry (the OpenAPI document lists them as an enum).
ERROR_CODES = (
    *CODES.values(),
    "bad_parameter",
    "invalid_json",
    "out_of_range",
    "stale_version",
    "duplicate_article",
    "write_conflict",
)


def code_for(status: int) -> str:
    """The general code of an HTTP error status (another 4xx is bad_request, 5xx server_error)."""
    return CODES.get(status, "server_error" if status >= 500 else "bad_request")


def error(status: int, message: str, code: str | None = None, **extra: Any) -> Response:
    """A JSON error response."""
    response = jsonify(error=code or code_for(status), message=message, **extra)
    response.status_code = status
    return response


def _http_error(err: HTTPException) -> ResponseReturnValue:
    """An HTTP error (raised anywhere) as JSON on /api; elsewhere the app's own page for a 404
    (its header, its language, a way back), Flask's own page for the rest."""
    if not is_api_request() and err.code == 404:
        return render_template("not_found.html"), 404
    if not is_api_request() or err.code is None:
        return err
    status = err.code
    message = err.description or HTTPStatus(status).phrase
    if isinstance(err, InternalServerError):
        message = "the server failed to answer this request; the error is logged"
    response = error(status, message)
    for name, value in err.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def _as_json(response: Response) -> Response:
    """A non-JSON error response on /api (answered before the API's own code ran) as JSON."""
    if not is_api_request() or response.status_code < 400 or response.is_json:
        return response
    text = response.get_data(as_text=True) if (response.mimetype or "").startswith("text/") else ""
    if not text.strip() or "<" in text:  # no message, or a page: the status's name
        text = HTTPStatus(response.status_code).phrase
    response.set_data(
        json.dumps({"error": code_for(response.status_code), "message": text.strip()})
    )
    response.mimetype = "application/json"
    return response


def register(bp: Blueprint) -> None:
    """Install the API's error handlers on its blueprint (and the app-wide ones for /api)."""

    @bp.errorhandler(BadJSON)
    def _bad_json(err: BadJSON) -> ResponseReturnValue:
        return error(400, str(err), "invalid_json")

    @bp.errorhandler(BadParameter)
    def _bad_parameter(err: BadParameter) -> ResponseReturnValue:
        return error(400, str(err), "bad_parameter")

    @bp.errorhandler(NotFound)
    def _not_found(err: NotFound) -> ResponseReturnValue:
        return error(404, str(err))

    @bp.errorhandler(InvalidInput)
    def _invalid(err: InvalidInput) -> ResponseReturnValue:
        db().rollback()
        return error(422, str(err))

    @bp.errorhandler(PermissionDenied)
    def _forbidden(err: PermissionDenied) -> ResponseReturnValue:
        db().rollback()
        return error(403, str(err))

    @bp.errorhandler(DuplicateArticle)
    def _duplicate(err: DuplicateArticle) -> ResponseReturnValue:
        db().rollback()
        return error(409, str(err), "duplicate_article", article_id=err.article_id)

    @bp.errorhandler(StaleVersion)
    def _stale(err: StaleVersion) -> ResponseReturnValue:
        db().rollback()
        return error(409, str(err), "stale_version", current=err.current)

    @bp.errorhandler(IntegrityError)
    def _write_conflict(_err: IntegrityError) -> ResponseReturnValue:
        db().rollback()
        return error(
            409,
            "someone saved the same thing at the same moment; nothing was saved, try again",
            "write_conflict",
        )

    @bp.errorhandler(OverflowError)
    @bp.errorhandler(DataError)
    def _out_of_range(_err: Exception) -> ResponseReturnValue:
        db().rollback()
        return error(400, "a number or date in the request is out of range", "out_of_range")

    bp.app_errorhandler(HTTPException)(_http_error)
    bp.after_app_request(_as_json)
