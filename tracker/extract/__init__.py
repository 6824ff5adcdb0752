"""Text -> claim candidates. Pure Python: imports nothing else of the package."""

from __future__ import annotations

from .extractor import extract_claims, find_attributions
from .language import detect_language
from .types import Attribution, Claim, KnownSource, Number, SourceMention, Span

__all__ = [
    "Attribution",
    "Claim",
    "KnownSource",
    "Number",
    "SourceMention",
    "Span",
    "detect_language",
    "extract_claims",
    "find_attributions",
]
