"""Check-worthiness: a score from the features of checkable claims."""

from __future__ import annotations

import math
import re

_FEATURES: list[tuple[float, re.Pattern[str]]] = [
    # comparisons and superlatives
    (0.8, re.compile(r"\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|most|least|"
                     r"meer|minder|hoger|lager|groter|kleiner|grootste|kleinste|hoogste|laagste|"
                     r"than|dan ooit|record|largest|biggest|highest|lowest)\b", re.I)),
    # change
    (0.8, re.compile(r"\b(?:increase[sd]?|decrease[sd]?|rose|rise[sn]?|fell|fall(?:en|s)?|"
                     r"doubled?|tripled?|halved|grew|grown|declined?|dropped|surged|"
                     r"gestegen|stijgt|steeg|gedaald|daalt|daalde|verdubbeld|gehalveerd|"
                     r"toegenomen|neemt toe|afgenomen|groeide|groeit)\b", re.I)),
    # causation
    (0.6, re.compile(r"\b(?:because|due to|caused?|led to|leads to|result(?:ed)? in|"
                     r"omdat|doordat|waardoor|veroorzaakt|leidde tot|leidt tot|als gevolg van)\b",
                     re.I)),
    # laws and rules
    (0.7, re.compile(r"\b(?:law|laws|bill|illegal|legal|banned?|regulation|rule[sd]?|court|"
                     r"constitution|treaty|sanctions?|wet|wetten|verboden|verbod|illegaal|"
                     r"wettelijk|regels?|rechter|grondwet|verdrag|sancties?)\b", re.I)),
    # predictions
    (0.5, re.compile(r"\b(?:will|expected|forecasts?|predicts?|projected|zal|zullen|verwacht|"
                     r"voorspelt|prognose)\b", re.I)),
    # dates and time references
    (0.5, re.compile(r"\b(?:1[89]\d\d|20\d\d|january|february|march|april|may|june|july|august|"
                     r"september|october|november|december|januari|februari|maart|mei|juni|juli|"
                     r"augustus|oktober|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                     r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b", re.I)),
    # killed, arrested, deployed: concrete events
    (0.5, re.compile(r"\b(?:killed|dead|died|arrested|wounded|deployed|soldiers|troops|"
                     r"gedood|doden|omgekomen|gearresteerd|gewond|soldaten|troepen|"
                     r"percent|procent|budget|begroting|tax|belasting)\b", re.I)),
]
_FIRST_PERSON_OPINION = re.compile(
    r"\b(?:I think|I believe|I feel|in my (?:view|opinion)|we believe|ik vind|ik denk|"
    r"naar mijn mening|volgens mij|wij vinden|ik geloof)\b",
    re.I,
)


def score(text: str, n_numbers: int, attributed: bool, heading: bool) -> float:
    """Check-worthiness in [0, 1]."""
    z = -1.6
    z += min(n_numbers, 3) * 1.1
    hits = 0
    for weight, pat in _FEATURES:
        if pat.search(text):
            z += weight
            hits += 1
    if attributed:
        z += 0.5
    words = len(text.split())
    if words < 5:
        z -= 1.5
    if text.rstrip().endswith("?"):
        z -= 2.5
    if _FIRST_PERSON_OPINION.search(text):
        z -= 1.5
    if heading:
        z -= 0.5
    return 1.0 / (1.0 + math.exp(-z))
