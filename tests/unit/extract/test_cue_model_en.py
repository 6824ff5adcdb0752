"""The English cue model: a package data file that tools/derive_cue_model.py reproduces."""

from __future__ import annotations

import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

from tracker.extract import cue_model_en

ROOT = Path(__file__).resolve().parents[3]
TRAIN = ROOT.parent / "shared" / "corpora" / "polnear" / "train"


def test_model_file_names_its_split_and_generator() -> None:
    header = cue_model_en.HEADER
    assert header["generator"] == "tools/derive_cue_model.py"
    assert header["training_split"].endswith("/train")
    assert header["documents"] > 0
    assert cue_model_en.CANDIDATES and cue_model_en.WEIGHTS
    assert set(cue_model_en.RANK_RATES) <= cue_model_en.CANDIDATES


def test_weak_words_are_candidates_that_trigger_no_analysis_alone() -> None:
    from tracker.extract import lexicon_en
    from tracker.extract.cues import TRIGGERS, may_have_cues

    weak = cue_model_en.WEAK_WORDS
    assert weak and weak <= cue_model_en.CANDIDATES
    assert (weak - lexicon_en.ATTRIBUTION_NOUNS).isdisjoint(TRIGGERS["en"])
    assert not weak & {"said", "says", "told", "according"}
    word = min(w for w in weak - lexicon_en.ATTRIBUTION_NOUNS if w.isalpha())
    assert not may_have_cues(f"the {word} of the week", frozenset([word]), "en")
    assert may_have_cues(f"the {word}, she said", frozenset([word, "said"]), "en")
    assert may_have_cues(f"in smith's {word} it failed", frozenset([word]), "en")


def test_model_is_package_data_not_python_source() -> None:
    here = files("tracker.extract")
    assert here.joinpath(cue_model_en.MODEL_FILE).is_file()
    source = (ROOT / "tracker" / "extract" / "cue_model_en.py").read_text(encoding="utf-8")
    assert len(source.splitlines()) < 60


@pytest.mark.skipif(not TRAIN.is_dir(), reason="needs ../shared/corpora/polnear/train")
def test_model_regenerates_from_the_training_split(tmp_path: Path) -> None:
    out = tmp_path / "cue_model_en.json"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "derive_cue_model.py"),
            str(TRAIN),
            "--output",
            str(out),
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    committed = files("tracker.extract").joinpath(cue_model_en.MODEL_FILE).read_text("utf-8")
    assert out.read_text(encoding="utf-8") == committed
