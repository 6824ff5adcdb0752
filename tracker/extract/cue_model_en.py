"""The English cue model, loaded from cue_model_en.json (package data).

A logistic regression over cues.cue_features: a token whose word is in CANDIDATES is a cue when
the sum of the weights of its features exceeds THRESHOLD; RANK_RATES are the prior cue rates of
the words that feed the sentence-rank features; a sentence whose only cue words are WEAK_WORDS
(rarely taken by the model) is not analysed. The JSON file is derived from an annotated
training split by tools/derive_cue_model.py (its header names the split and the generator);
do not edit it by hand.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

MODEL_FILE = "cue_model_en.json"


def load_model() -> dict[str, Any]:
    """The model file's content: header, threshold, candidates, rank_rates, weights."""
    data: dict[str, Any] = json.loads(
        files(__package__ or "tracker.extract").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    )
    return data


_MODEL = load_model()
HEADER: dict[str, Any] = _MODEL["header"]
THRESHOLD: float = float(_MODEL["threshold"])
CANDIDATES: frozenset[str] = frozenset(_MODEL["candidates"])
RANK_RATES: dict[str, float] = {w: float(r) for w, r in _MODEL["rank_rates"].items()}
WEIGHTS: dict[str, float] = {f: float(v) for f, v in _MODEL["weights"].items()}
WEAK_WORDS: frozenset[str] = frozenset(_MODEL.get("weak_words", ()))  # no cue words alone
