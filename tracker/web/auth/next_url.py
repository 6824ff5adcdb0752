"""Where to go after a form: only a same-site path, whatever the `next` value holds."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit

# Control characters would split the Location header; a backslash is a slash to browsers.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f\\]")


def same_site(target: str | None) -> SplitResult | None:
    """The parts of `target` when it is a path on this site ("/..."), else None. Never raises."""
    if not target or not isinstance(target, str) or _UNSAFE.search(target):
        return None
    if not target.startswith("/") or target.startswith("//"):
        return None
    try:
        parts = urlsplit(target)
    except ValueError:
        return None
    if parts.scheme or parts.netloc:
        return None
    return parts
