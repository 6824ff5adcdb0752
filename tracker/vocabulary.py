"""The words for the stored codes that both the interface and the reports show: claim statuses,
source kinds, evidence stances, languages and check-worthiness bands, in English, marked for the
catalogue. Each reader translates them in its own language: the web in the user's
(tracker/web/labels.py), a report in the report's (tracker/reports/)."""

from __future__ import annotations

from .models import DISMISS_REASONS, SOURCE_KINDS, STANCES, STATUSES
from .services.errors import N_

STATUS_NAMES = {
    "unreviewed": N_("Unreviewed"),
    "verified": N_("Verified"),
    "disputed": N_("Disputed"),
    "unsourced": N_("Unsourced"),
}
SOURCE_KIND_NAMES = {
    "outlet": N_("Outlet"),
    "person": N_("Person"),
    "organization": N_("Organisation"),
    "government": N_("Government"),
    "agency": N_("Agency"),
    "document": N_("Document"),
    "group": N_("Group"),
    "anonymous": N_("Anonymous"),
}
NO_SOURCE_NAME = N_("No source")  # the "kind" of a claim whose chain names nobody
STANCE_NAMES = {"supports": N_("Supports"), "refutes": N_("Refutes"), "context": N_("Context")}
# Why a claim was set aside (dismissed) by a fact-checker.
DISMISS_NAMES = {
    "not_a_claim": N_("not a claim"),
    "duplicate": N_("duplicate"),
    "not_checkworthy": N_("not check-worthy"),
}
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}  # each in its own language
# A language in the reader's language (the UI's or the report's): "Dutch" / "Nederlands".
LANGUAGE_READ_NAMES = {"nl": N_("Dutch"), "en": N_("English")}

# Check-worthiness in words: the band a score falls in, highest first. "medium" starts where the
# extractor flags a claim as check-worthy (extract.extractor.CHECKWORTHY_THRESHOLD; a test keeps
# them equal); one place defines them for the web and the reports.
CHECKWORTHINESS_BANDS = (("high", 0.75), ("medium", 0.5), ("low", 0.0))
CHECKWORTHINESS_NAMES = {"high": N_("high"), "medium": N_("medium"), "low": N_("low")}


def checkworthiness_band(score: float) -> str:
    """'high', 'medium' or 'low' for a check-worthiness score between 0 and 1."""
    return next(band for band, floor in CHECKWORTHINESS_BANDS if score >= floor or floor == 0.0)


assert tuple(STATUS_NAMES) == STATUSES
assert set(SOURCE_KIND_NAMES) == set(SOURCE_KINDS)
assert set(STANCE_NAMES) == set(STANCES)
assert tuple(DISMISS_NAMES) == DISMISS_REASONS
assert [band for band, _ in CHECKWORTHINESS_BANDS] == list(CHECKWORTHINESS_NAMES)
