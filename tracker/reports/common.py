"""What every renderer shares: formats, labels, rating scale, methodology text, dates."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from .. import vocabulary

FORMATS = ("html", "pdf", "csv", "json", "claimreview", "prov")
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "claimreview": "application/ld+json",
    "prov": "application/ld+json",
}
EXTENSIONS = {
    "html": "html",
    "pdf": "pdf",
    "csv": "csv",
    "json": "json",
    "claimreview": "claimreview.jsonld",
    "prov": "prov.jsonld",
}

# ClaimReview's numeric scale: verified 3, disputed 1, unsourced without a value.
WORST_RATING = 1
BEST_RATING = 3
RATINGS: dict[str, tuple[int | None, str]] = {
    "verified": (3, "Verified"),
    "disputed": (1, "Disputed"),
    "unsourced": (None, "Unsourced"),
}


# The words for statuses, source kinds and stances are the interface's too (one vocabulary).
STATUS_NAMES = vocabulary.STATUS_NAMES
KIND_NAMES = {**vocabulary.SOURCE_KIND_NAMES, "none": vocabulary.NO_SOURCE_NAME}
STANCE_NAMES = vocabulary.STANCE_NAMES
DISMISS_NAMES = vocabulary.DISMISS_NAMES
LANGUAGE_READ_NAMES = vocabulary.LANGUAGE_READ_NAMES

DEFAULT_METHODOLOGY = {
    "en": (
        "Every claim in this report was traced to the source the article cites and, where "
        "possible, further back to its primary source. A claim is marked verified when "
        "independent evidence confirms it, disputed when evidence contradicts it, and "
        "unsourced when the article gives no traceable source (for instance "
        "\u201creportedly\u201d) and we could not find one. Anonymous sources are listed "
        "with the reason they stay anonymous. Evidence links are archived where possible; "
        "the SHA-256 hash identifies the archived copy. Every later change of a verdict is "
        "listed as a correction."
    ),
    "nl": (
        "Elke bewering in dit rapport is herleid tot de bron die het artikel noemt en waar "
        "mogelijk verder, tot de oorspronkelijke bron. Een bewering heet geverifieerd als "
        "onafhankelijk bewijs haar bevestigt, betwist als bewijs haar tegenspreekt, en "
        "zonder bron als het artikel geen herleidbare bron geeft (bijvoorbeeld \u201cnaar "
        "verluidt\u201d) en wij er ook geen vonden. Anonieme bronnen staan vermeld met de reden "
        "van hun anonimiteit. Bewijs is waar mogelijk gearchiveerd; de SHA-256-hash "
        "identificeert de gearchiveerde kopie. Elke latere wijziging van een oordeel staat "
        "vermeld als correctie."
    ),
}


def methodology_text(setting: str | None, language: str) -> str:
    """The newsroom's methodology: TRACKER_METHODOLOGY as a file path or as the text itself.

    Without a setting, the default text in the report's language (nl or en).
    """
    value = (setting if setting is not None else os.environ.get("TRACKER_METHODOLOGY", "")).strip()
    if value:
        path = Path(value)
        if len(value) < 4096 and "\n" not in value and path.is_file():
            return path.read_text(encoding="utf-8").strip()
        return value
    return DEFAULT_METHODOLOGY.get(language, DEFAULT_METHODOLOGY["en"])


def iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None


Gettext = Callable[[str], str]


def identity(text: str) -> str:
    return text
