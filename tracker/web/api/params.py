"""Reading the API's query parameters and JSON fields: typed values or BadParameter (400)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from flask import request

from .. import MAX_ID

_INTEGER = re.compile(r"^-?[0-9]{1,18}$")
_NUMBER = re.compile(r"^-?[0-9]{1,18}(\.[0-9]{1,18})?$")
_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


class BadParameter(ValueError):
    """A query parameter or a JSON field has the wrong form; the message names it."""


def _arg(name: str) -> str | None:
    """The parameter's value; present but empty is an error for every typed parameter."""
    value = request.args.get(name)
    if value == "":
        raise BadParameter(f"{name} is empty; leave it out instead")
    return value


def text(name: str, max_length: int = 500) -> str | None:
    """A free-text parameter; empty is the same as absent."""
    value = request.args.get(name) or None
    if value is not None and len(value) > max_length:
        raise BadParameter(f"{name} may have at most {max_length} characters")
    return value


def matching(name: str, pattern: str) -> str | None:
    """A parameter of the form `pattern` (a pattern of the OpenAPI document)."""
    value = _arg(name)
    if value is not None and not matches(pattern, value):
        raise BadParameter(f"{name} does not have the form {pattern}")
    return value


def integer(name: str, low: int = 1, high: int = MAX_ID) -> int | None:
    value = _arg(name)
    if value is None:
        return None
    if not _INTEGER.match(value) or not low <= int(value) <= high:
        raise BadParameter(f"{name} must be a whole number from {low} to {high}")
    return int(value)


def number(name: str, low: float, high: float) -> float | None:
    value = _arg(name)
    if value is None:
        return None
    if not _NUMBER.match(value) or not low <= float(value) <= high:
        raise BadParameter(f"{name} must be a number from {low} to {high}")
    return float(value)


def choice(name: str, choices: Iterable[str]) -> str | None:
    value = _arg(name)
    options = tuple(choices)
    if value is not None and value not in options:
        raise BadParameter(f"{name} must be one of {', '.join(options)}")
    return value


def boolean(name: str) -> bool | None:
    value = _arg(name)
    if value is None:
        return None
    if value not in ("true", "false"):
        raise BadParameter(f"{name} must be true or false")
    return value == "true"


def day(name: str) -> date | None:
    value = _arg(name)
    if value is None:
        return None
    try:
        if not _DAY.match(value):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise BadParameter(f"{name} must be a date written YYYY-MM-DD") from None


# --- JSON bodies --------------------------------------------------------------------------------


def body_object(data: Any) -> Mapping[str, Any]:
    if not isinstance(data, dict):
        raise BadParameter("send a JSON object")
    return data


def matches(pattern: str, value: str) -> bool:
    """Whether `value` matches a pattern of the OpenAPI document (ECMA-262: `$` is the very end,
    [0-9] ASCII digits only)."""
    return re.search(pattern.replace("$", r"\Z"), value) is not None


def field_text(
    data: Mapping[str, Any], name: str, *, required: bool = False, pattern: str | None = None
) -> str | None:
    """A string field (null or absent: None); `pattern` as the OpenAPI document states it."""
    value = data.get(name)
    if value is None:
        if required:
            raise BadParameter(f"the field {name!r} is required")
        return None
    if not isinstance(value, str):
        raise BadParameter(f"the field {name!r} must be a string")
    if pattern is not None and not matches(pattern, value):
        raise BadParameter(f"the field {name!r} does not have the form {pattern}")
    return value


def field_int(
    data: Mapping[str, Any], name: str, *, required: bool = False, low: int = 1, high: int = MAX_ID
) -> int | None:
    value = data.get(name)
    if value is None:
        if required:
            raise BadParameter(f"the field {name!r} is required")
        return None
    if type(value) is not int or not low <= value <= high:
        raise BadParameter(f"the field {name!r} must be a whole number from {low} to {high}")
    return value


def field_bool(data: Mapping[str, Any], name: str) -> bool | None:
    value = data.get(name)
    if value is None:
        return None
    if type(value) is not bool:
        raise BadParameter(f"the field {name!r} must be true or false")
    return value
