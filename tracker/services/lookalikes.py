"""What a name or e-mail address looks like, so look-alikes of an existing one can be refused.

The key is NFKC-normalised and case-folded (full-width letters become plain ones) and each
character that is a known homoglyph of a Latin or common one is replaced by it (Unicode's
confusables data, through confusable-homoglyphs): "jаn" with a Cyrillic "а" and "ｊａｎ" both
give "jan". Control characters and runs of spaces do not count.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from confusable_homoglyphs import confusables

_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=4096)
def _plain(char: str) -> str:
    found = confusables.is_confusable(char, greedy=True, preferred_aliases=["latin", "common"])
    for hit in found or []:
        for glyph in hit["homoglyphs"]:
            if glyph["c"].isascii():
                return str(glyph["c"]).casefold()
    return char


def skeleton(text: str) -> str:
    """The look-alike key of `text`: equal keys look the same on screen."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    visible = "".join(c for c in folded if unicodedata.category(c) not in ("Cc", "Cf"))
    plain = "".join(c if c.isascii() else _plain(c) for c in visible)
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", plain)).strip()
