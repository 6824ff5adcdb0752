"""Page furniture, photo credits and metadata lines that are not part of the article text."""

from __future__ import annotations

import re

FURNITURE_LINE = re.compile(
    r"""^\s*(?:
        volledig\ scherm | lees\ ook\b.* | lees\ meer\b.* | bekijk\ ook\b.* | zie\ ook\b.* |
        meer\ over\b.* | deel\ dit\ artikel | delen | advertentie | reageer\b.* |
        read\ more\b.* | see\ also\b.* | related\b.* | advertisement | share\ this\b.* |
        sign\ up\b.* | subscribe\b.* | click\ here\b.* | watch\b:.* |
        (?:foto|beeld|photo|image|credit)s?\s*:.* | ©.* | \(c\)\ .* |
        \d{1,2}:\d{2}
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

CREDIT_TAIL = re.compile(
    r"\s*(?:©|\(c\)|(?:Foto|Beeld|Photo|Credit)\s*:)\s*[\w .&/'’-]{0,60}$", re.IGNORECASE
)

METADATA_LINE = re.compile(
    r"""^\s*(?:
        (?:door|by|van\ onze\ verslaggever|bijgewerkt|updated|gepubliceerd|published)\b.* |
        .*\b\d{1,2}[-/ ](?:\d{1,2}|[a-z]{3,9})[-/ ]\d{2,4}\b.*\|.* |
        .*\|.*\b\d{1,2}:\d{2}\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


def is_furniture(line: str) -> bool:
    """True for a line that is page furniture (credits, 'Lees ook', 'Volledig scherm')."""
    return bool(FURNITURE_LINE.match(line))


def is_metadata(line: str) -> bool:
    """True for an author/date metadata line before the article text."""
    if len(line) > 200 or (line.rstrip().endswith((".", "!", "?")) and "|" not in line):
        return False
    return bool(METADATA_LINE.match(line))


_CREDIT_MARKS = ("©", "(c)", "foto", "beeld", "photo", "credit")


def credit_start(line: str) -> int:
    """Offset in `line` where a trailing photo credit begins, or len(line)."""
    tail = line[-90:].lower()
    if not any(mark in tail for mark in _CREDIT_MARKS):
        return len(line)  # no credit can start here: skip the slower pattern
    m = CREDIT_TAIL.search(line, max(0, len(line) - 90))
    return m.start() if m else len(line)
