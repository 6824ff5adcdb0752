"""Check-worthiness scores and language detection."""

from __future__ import annotations

from tracker.extract import detect_language, extract_claims


def _score(text: str, lang: str) -> float:
    return extract_claims(text, lang)[0].score


def test_checkable_claims_score_high() -> None:
    for text, lang in [
        ("Het aantal daklozen is in vijf jaar met 40 procent gestegen.", "nl"),
        ("Unemployment fell to 3.5 percent in March, the lowest since 1969.", "en"),
        ("De nieuwe wet verbiedt vuurwerk vanaf 2025.", "nl"),
        ("The drought caused a 20 percent drop in wheat exports.", "en"),
    ]:
        claims = extract_claims(text, lang)
        assert claims[0].checkworthy, text
        assert claims[0].score >= 0.5


def test_questions_opinions_and_furniture_score_low() -> None:
    for text, lang in [
        ("Is dat genoeg?", "nl"),
        ("Ik vind dat iedereen moet stemmen.", "nl"),
        ("I think this is a beautiful city.", "en"),
        ("Share this article", "en"),
    ]:
        claims = extract_claims(text, lang)
        assert all(not c.checkworthy for c in claims), text


def test_scores_are_ordered_sensibly() -> None:
    assert _score("Het kabinet trekt 2,5 miljard euro uit voor de zorg.", "nl") > _score(
        "Het was een mooie dag.", "nl"
    )


def test_detect_language() -> None:
    assert detect_language("De minister zegt dat het kabinet het plan steunt.") == "nl"
    assert detect_language("The minister said the cabinet supports the plan.") == "en"
    assert detect_language("") in ("nl", "en")


def test_language_is_detected_when_not_given() -> None:
    nl = extract_claims("Volgens de NOS zijn er 20.000 betogers.")[0]
    assert nl.numbers[0].value == 20000
    en = extract_claims("According to the BBC, 20,000 people marched.")[0]
    assert en.numbers[0].value == 20000
    assert en.attribution is not None and en.attribution.source is not None
    assert en.attribution.source.text == "the BBC"
