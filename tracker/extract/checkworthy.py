"""Check-worthiness: a score from the features of checkable claims."""

from __future__ import annotations

import math


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


# (weight, single words, phrases) per feature of checkable claims
_FEATURES: list[tuple[float, frozenset[str], tuple[str, ...]]] = [
    # comparisons and superlatives
    (
        0.8,
        _words("""more less fewer higher lower larger smaller bigger most least meer minder
      hoger lager groter kleiner grootste kleinste hoogste laagste than record largest biggest
      highest lowest"""),
        (),
    ),
    # change
    (
        0.8,
        _words("""increase increased increases decrease decreased decreases rose rise rises
      risen fell fall fallen falls doubled tripled halved grew grown declined dropped surged
      gestegen stijgt steeg gedaald daalt daalde verdubbeld gehalveerd toegenomen afgenomen
      groeide groeit"""),
        ("neemt toe",),
    ),
    # causation
    (
        0.6,
        _words("because caused causes omdat doordat waardoor veroorzaakt"),
        (
            "due to",
            "led to",
            "leads to",
            "resulted in",
            "leidde tot",
            "leidt tot",
            "als gevolg van",
        ),
    ),
    # laws and rules
    (
        0.7,
        _words("""law laws bill illegal legal ban banned regulation rule rules ruled court
      constitution treaty sanction sanctions wet wetten verboden verbod illegaal wettelijk regel
      regels rechter grondwet verdrag sanctie sancties"""),
        (),
    ),
    # predictions
    (
        0.5,
        _words(
            "will expected forecast forecasts predicts projected zal zullen verwacht "
            "voorspelt prognose"
        ),
        (),
    ),
    # dates
    (
        0.5,
        _words("""january february march april june july august september october november
      december januari februari maart mei juni juli augustus oktober monday tuesday wednesday
      thursday friday saturday sunday maandag dinsdag woensdag donderdag vrijdag zaterdag
      zondag"""),
        (),
    ),
    # concrete events and quantities
    (
        0.5,
        _words("""killed dead died arrested wounded deployed soldiers troops gedood doden
      omgekomen gearresteerd gewond soldaten troepen percent procent budget begroting tax
      belasting"""),
        (),
    ),
]
_OPINION = (
    "i think",
    "i believe",
    "i feel",
    "in my view",
    "in my opinion",
    "we believe",
    "ik vind",
    "ik denk",
    "naar mijn mening",
    "volgens mij",
    "wij vinden",
    "ik geloof",
)


_WEIGHT_OF: dict[str, list[int]] = {}
for _i, (_w, _single, _) in enumerate(_FEATURES):
    for _word in _single:
        _WEIGHT_OF.setdefault(_word, []).append(_i)
_ALL_WORDS = frozenset(_WEIGHT_OF)
_WEIGHTS = [w for w, _, _ in _FEATURES]
_PHRASES: dict[str, list[tuple[int, str]]] = {}
for _i, (_w, _s, _phrases) in enumerate(_FEATURES):
    for _p in _phrases:
        _PHRASES.setdefault(_p.split(" ", 1)[0], []).append((_i, _p))
for _p in _OPINION:
    _PHRASES.setdefault(_p.split(" ", 1)[0], []).append((-1, _p))
_PHRASE_FIRST = frozenset(_PHRASES)
WATCHED_WORDS = _ALL_WORDS | _PHRASE_FIRST  # the words score looks for in `words`


def score(
    low: str, words: frozenset[str], short: bool, n_numbers: int, attributed: bool, heading: bool
) -> float:
    """Check-worthiness in [0, 1] of a lower-cased claim text, its words (at least those in
    WATCHED_WORDS) and whether it has fewer than five different words."""
    z = -1.6 + min(n_numbers, 3) * 1.1
    features = words & _ALL_WORDS
    hit: set[int] = set().union(*map(_WEIGHT_OF.__getitem__, features)) if features else set()
    opinion = False
    for first in words & _PHRASE_FIRST:
        for i, phrase in _PHRASES[first]:
            if phrase in low:
                if i < 0:
                    opinion = True
                else:
                    hit.add(i)
    z += sum(map(_WEIGHTS.__getitem__, hit))
    if attributed:
        z += 0.5
    if short:
        z -= 1.5
    if low.endswith("?") or (low[-1:].isspace() and low.rstrip().endswith("?")):
        z -= 2.5
    if opinion:
        z -= 1.5
    if heading:
        z -= 0.5
    return 1.0 / (1.0 + math.exp(-z))
