"""Check-worthiness triages: events, decisions, findings and figures are flagged, also when
quoted or attributed; opinions, feelings, predictions, appeals, questions, conditionals,
bare carriers and headlines are not (own sentences, hand-labelled, Dutch and English)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

from tracker.extract import checkworthy, extract_claims
from tracker.extract.checkworthy import score

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
NL_DEV = ROOT.parent / "shared" / "corpora" / "nl-news-dev"

CHECKWORTHY = [
    ("De politie heeft zaterdag in Breda vier mannen aangehouden.", "nl"),
    ("Het kabinet besloot vorige week de accijns op diesel te verhogen.", "nl"),
    ("Volgens het CBS daalde de werkloosheid in mei tot 3,4 procent.", "nl"),
    ("Uit onderzoek van de Universiteit Gent blijkt dat een op de vijf scholieren pest.", "nl"),
    ("De rechtbank in Arnhem veroordeelde de oud-wethouder tot twee jaar cel.", "nl"),
    ("„We hebben in maart 120 extra agenten aangenomen”, zegt de korpschef.", "nl"),
    ("De fabriek in Moerdijk zou jarenlang te veel ammoniak hebben uitgestoten.", "nl"),
    ("Het ministerie stuurde dinsdag een brief naar alle gemeenten.", "nl"),
    ("The company laid off 1,200 workers in Ohio last year.", "en"),
    ("Police arrested three men after the shooting on Friday, a spokesman said.", "en"),
    ("The Senate approved the bill by 62 votes to 38 on Tuesday.", "en"),
    ("A study by the University of Leeds found that air pollution fell by 15 percent.", "en"),
    ('"We closed the plant in 2019 because it was losing money," the chief executive said.', "en"),
    ("The minister resigned after the report was published in March.", "en"),
]
NOT_CHECKWORTHY = [
    ("Ik vind dat de gemeente veel te laat heeft ingegrepen.", "nl"),
    ("Hoe lang kan dit nog doorgaan?", "nl"),
    ("De minister hoopt dat de partijen er samen uitkomen.", "nl"),
    ("Als de rente stijgt, zullen veel huizenkopers in de problemen komen.", "nl"),
    ("Dat meldt de Volkskrant.", "nl"),
    ("„Het is een prachtige dag voor onze stad”, zegt de burgemeester.", "nl"),
    ("Wij roepen iedereen op om thuis te blijven.", "nl"),
    ("De woordvoerder van de provincie wilde niet reageren op de berichten.", "nl"),
    ("Het rapport is volgens de wethouder 'onzin'.", "nl"),
    ("Wat een avond was dit!", "nl"),
    ("The company declined to comment on the report.", "en"),
    ("The decision is a disgrace, critics say.", "en"),
    ("Will the plan work?", "en"),
    ("I think we should be proud of what we have achieved.", "en"),
    ("If the talks fail, prices could rise sharply.", "en"),
    ("That is what the newspaper reported.", "en"),
    ("The mayor hopes voters will give him another chance.", "en"),
    ('"It was a really wonderful evening," she said.', "en"),
]


@pytest.mark.parametrize(("text", "lang"), CHECKWORTHY)
def test_checkable_sentences_are_flagged(text: str, lang: str) -> None:
    [claim] = extract_claims(text, lang)
    assert claim.checkworthy, (text, claim.score)
    assert 0.5 <= claim.score <= 1.0


@pytest.mark.parametrize(("text", "lang"), NOT_CHECKWORTHY)
def test_opinions_questions_predictions_and_carriers_are_not(text: str, lang: str) -> None:
    [claim] = extract_claims(text, lang)
    assert not claim.checkworthy, (text, claim.score)
    assert 0.0 <= claim.score < 0.5


def test_a_headline_is_never_flagged() -> None:
    text = "Politie houdt 12 verdachten aan na explosies in Rotterdam\n\nDe politie deed invallen."
    assert not extract_claims(text, "nl")[0].checkworthy


def test_mixed_opinion_and_fact_outweighs_the_opinion_alone() -> None:
    opinion = "Ik vind het schandalig."
    mixed = "Ik vind het schandalig dat de gemeente vorig jaar 2 miljoen euro aan adviseurs uitgaf."
    assert extract_claims(mixed, "nl")[0].score > extract_claims(opinion, "nl")[0].score
    assert extract_claims(mixed, "nl")[0].checkworthy


def test_score_is_monotone_in_its_evidence() -> None:
    words = frozenset(["heeft", "gisteren"])
    low = "de raad heeft gisteren het plan aangenomen."
    assert score(low, words, 2, None) > score(low, words, 0, None)
    assert score(low, words, 0, None) > score(low + "?", words, 0, None)
    assert score(low, words, 0, None, heading=True) < 0.5


@pytest.mark.parametrize(
    ("text", "lang", "fact", "opinion"),
    [
        (
            "De brandweer rukte gisteren uit naar de haven. ,,Het vuur brak om drie uur 's "
            "nachts uit in een loods met 200 ton kunstmest. Wat een verschrikkelijke nacht was "
            "het'', zegt brandweercommandant Ria Pauw.",
            "nl",
            "200 ton kunstmest",
            "verschrikkelijke nacht",
        ),
        (
            '"The plant fired 340 workers in March. I think that was a shameful decision," '
            "said union leader Tom Baker.",
            "en",
            "340 workers",
            "shameful decision",
        ),
    ],
)
def test_a_quotation_of_a_fact_and_an_opinion_is_triaged_per_sentence(
    text: str, lang: str, fact: str, opinion: str
) -> None:
    claims = extract_claims(text, lang)
    [fact_claim] = [c for c in claims if fact in c.text]
    [opinion_claim] = [c for c in claims if opinion in c.text]
    assert fact_claim is not opinion_claim  # the quotation is split into its sentences
    assert fact_claim.checkworthy and not opinion_claim.checkworthy
    # both keep the quotation's speaker
    for c in (fact_claim, opinion_claim):
        assert c.attribution is not None and c.attribution.source is not None
        assert c.attribution.kind == "quote"


def _labelled(name: str) -> list[tuple[bool, str]]:
    rows = []
    for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, sentence = line.split("\t")
            rows.append((label == "1", sentence))
    return rows


@pytest.mark.parametrize(
    ("name", "lang"), [("checkworthy_en.tsv", "en"), ("checkworthy_nl.tsv", "nl")]
)
def test_the_default_threshold_triages_a_labelled_set(name: str, lang: str) -> None:
    """Own sentences, labelled by hand by the gold's rules: at least 75 % of the checkworthy
    ones flagged, at most 15 % of the others (the issue's target for the Dutch dev set)."""
    rows = _labelled(name)
    flagged = [(label, any(c.checkworthy for c in extract_claims(s, lang))) for label, s in rows]
    positives = [f for label, f in flagged if label]
    negatives = [f for label, f in flagged if not label]
    assert len(positives) >= 18 and len(negatives) >= 18
    assert sum(positives) >= 0.75 * len(positives)
    assert sum(negatives) <= 0.15 * len(negatives)


def test_model_file_names_its_data_and_generator() -> None:
    data = json.loads(
        files("tracker.extract").joinpath("checkworthy_model.json").read_text("utf-8")
    )
    assert data["header"]["generator"] == "tools/derive_checkworthy_model.py"
    assert data["header"]["training_data"] == "nl-news-dev"
    assert sorted(data["weights"]) == sorted(checkworthy.FEATURES)


@pytest.mark.skipif(not NL_DEV.is_dir(), reason="needs ../shared/corpora/nl-news-dev")
def test_model_regenerates_from_its_data(tmp_path: Path) -> None:
    out = tmp_path / "checkworthy_model.json"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "derive_checkworthy_model.py"),
            str(NL_DEV),
            "--output",
            str(out),
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    committed = files("tracker.extract").joinpath("checkworthy_model.json").read_text("utf-8")
    assert out.read_text(encoding="utf-8") == committed


@pytest.mark.parametrize(
    ("low", "kind", "implicit", "n_numbers", "lang"),
    [
        (
            "de raad heeft gisteren in 2021 het plan aangenomen en gepubliceerd.",
            None,
            False,
            0,
            "nl",
        ),
        ("„we hebben 120 agenten aangenomen”, zegt de korpschef.", "quote", False, 1, "nl"),
        ("ik denk dat dit zo niet kan, aldus de politie.", "reported", True, 0, None),
        ("als de rente stijgt, zullen we het merken?", "hearsay", False, 2, "nl"),
        ("dat meldt de krant.", "reported", False, 0, "nl"),
        ("the board closed the plant in may and fired 40 staff.", None, False, 1, "en"),
        ('"we may cut jobs," she said.', "quote", False, 0, "en"),
        ("good morning, and thank you for coming.", None, False, 0, "en"),
    ],
)
def test_score_is_the_logistic_of_the_weighted_features(
    low: str, kind: str | None, implicit: bool, n_numbers: int, lang: str | None
) -> None:
    """score() is a fast form of the model: it equals the logistic function of the bias, the
    weighted features and the rules."""
    words = frozenset(low.replace(",", " ").replace(".", " ").split())
    data = json.loads(
        files("tracker.extract").joinpath("checkworthy_model.json").read_text("utf-8")
    )
    f = checkworthy.features(low, words, n_numbers, kind, implicit, lang)
    z = data["bias"] + sum(
        data["weights"][k] * v for k, v in zip(checkworthy.FEATURES, f, strict=True)
    )
    z += checkworthy.rules(low, words, kind, False)
    assert score(low, words, n_numbers, kind, False, implicit, lang) == pytest.approx(
        1 / (1 + math.exp(-z))
    )
