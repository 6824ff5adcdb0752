"""Patterns of the OpenAPI document that the views enforce as written (ECMA-262 regexes)."""

from __future__ import annotations

WEB_ADDRESS = r"^[hH][tT][tT][pP][sS]?://[^\s/?#]+"
ARTICLE_URL = r"^https?://"
PUBLISHED = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
SHA256 = r"^[0-9a-f]{64}$"
ASSIGNEE = r"^(me|nobody|[1-9][0-9]{0,9})$"
