"""Opaque page cursors: the key of a page's last row and the list it belongs to, base64url JSON.

A client passes the cursor back as it got it; one that was altered or belongs to another list
or sort is refused with 400 (bad_parameter), never guessed at.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from typing import Any

from .params import BadParameter

MAX_CURSOR = 2000


def encode(kind: str, key: Sequence[Any] | None) -> str | None:
    """The cursor after `key` in the list `kind` (e.g. "claims:score"); None for no key."""
    if key is None:
        return None
    raw = json.dumps([kind, list(key)], separators=(",", ":"), ensure_ascii=True)
    return base64.urlsafe_b64encode(raw.encode("ascii")).decode("ascii").rstrip("=")


def decode(kind: str, cursor: str | None) -> list[Any] | None:
    """The key in `cursor` for the list `kind`, None without a cursor; BadParameter if it is
    not a cursor of that list."""
    if cursor is None:
        return None
    try:
        if len(cursor) > MAX_CURSOR:
            raise ValueError
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw.decode("ascii"))
    except (ValueError, binascii.Error, UnicodeDecodeError, RecursionError):
        raise BadParameter("the cursor is not one this API gave out") from None
    if not (isinstance(data, list) and len(data) == 2 and isinstance(data[1], list)):
        raise BadParameter("the cursor is not one this API gave out")
    if data[0] != kind:
        raise BadParameter("the cursor belongs to another list or sort")
    return data[1]
