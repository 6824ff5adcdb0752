"""Reading an API request's JSON: bounded nesting, and no NUL or lone surrogate in any string."""

from __future__ import annotations

import json
import re
from typing import Any

from flask import request
from werkzeug.exceptions import UnsupportedMediaType

MAX_DEPTH = 20
_SURROGATE = re.compile("[\ud800-\udfff]")


class BadJSON(ValueError):
    """The request body is not JSON the API accepts; the message says why (answered with 400)."""


def _check(value: Any, where: str, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise BadJSON(f"the JSON is nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, str):
        if "\x00" in value:
            raise BadJSON(f"{where} contains a NUL character")
        if _SURROGATE.search(value):
            raise BadJSON(f"{where} contains a lone surrogate (invalid Unicode)")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check(key, f"a key in {where}", depth + 1)
            _check(item, f"{where}.{key}" if where != "the body" else repr(key), depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check(item, f"{where}[{index}]", depth + 1)


def json_body() -> Any:
    """The request's JSON, checked; BadJSON when it is not JSON or breaks the rules above,
    UnsupportedMediaType (415) when it is not sent as JSON."""
    if not request.is_json:
        raise UnsupportedMediaType("send the request body as JSON (Content-Type: application/json)")
    try:
        data = json.loads(request.get_data(cache=True))
    except RecursionError:
        raise BadJSON(f"the JSON is nested more than {MAX_DEPTH} levels deep") from None
    except ValueError as err:  # also UnicodeDecodeError: the body is not UTF-8
        raise BadJSON(f"the body is not valid JSON: {err}") from None
    _check(data, "the body", 0)
    return data
