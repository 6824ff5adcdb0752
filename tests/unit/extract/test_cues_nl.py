"""Dutch cues: reporting verbs, separable verbs, prepositional cues, hearsay, chains."""

from __future__ import annotations

import pytest

from tracker.extract import extract_claims

from .helpers import claim_with


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("De minister zegt dat de begroting klopt.", "zegt", "De minister"),
        ("De minister zei gisteren dat de begroting klopt.", "zei", "De minister"),
        ("De ministers zeiden dat de begroting klopt.", "zeiden", "De ministers"),
        ("De burgemeester heeft gezegd dat de brug dicht blijft.", "gezegd", "De burgemeester"),
        ("De politie verklaarde dat er drie mensen zijn opgepakt.", "verklaarde", "De politie"),
        ("Het bedrijf meldt dat de winst is gehalveerd.", "meldt", "Het bedrijf"),
        ("De partij stelt dat de wet ongrondwettig is.", "stelt", "De partij"),
        ("Jan de Vries beweert dat hij onschuldig is.", "beweert", "Jan de Vries"),
        ("De onderzoekers schrijven in hun studie dat het effect klein is.", "schrijven",
         "De onderzoekers"),
        ("Het ministerie bevestigt dat de regeling verdwijnt.", "bevestigt", "Het ministerie"),
    ],
)  # fmt: skip
def test_reporting_verb_forms(text: str, cue: str, source: str) -> None:
    [claim] = extract_claims(text, "nl")
    a = claim.attribution
    assert a is not None and a.cue is not None and a.source is not None
    assert (a.kind, a.cue.text, a.source.text) == ("reported", cue, source)
    assert claim.suggested_status is None


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("De woordvoerder laat in een verklaring weten dat het dak lekt.",
         "laat in een verklaring weten", "De woordvoerder"),
        ("Dat liet een woordvoerder van de brandweer weten.", "liet",
         "een woordvoerder van de brandweer"),
        ("De directeur voegt eraan toe dat niemand gewond is.", "voegt eraan toe", "De directeur"),
        ("'Het was chaos,' voegt hij toe.", "voegt", "hij"),
        ("De provincie maakte woensdag bekend dat de weg open gaat.", "maakte woensdag bekend",
         "De provincie"),
        ("Het kabinet maakt vrijdag bekend hoeveel geld er is.", "maakt vrijdag bekend",
         "Het kabinet"),
        ("De rector deelde mee dat de colleges doorgaan.", "deelde mee", "De rector"),
        ("De premier kondigde aan dat hij stopt.", "kondigde aan", "De premier"),
    ],
)  # fmt: skip
def test_separable_verbs_split_across_the_clause(text: str, cue: str, source: str) -> None:
    [claim] = extract_claims(text, "nl")
    a = claim.attribution
    assert a is not None and a.cue is not None and a.source is not None
    assert (a.cue.text, a.source.text) == (cue, source)


@pytest.mark.parametrize(
    ("text", "cue", "source", "source_kind"),
    [
        ("Volgens de NOS zijn er twee doden gevallen.", "Volgens", "de NOS", "outlet"),
        ("Er zijn twee doden gevallen, aldus de politie.", "aldus", "de politie", "government"),
        ("Naar zeggen van de burgemeester is de schade groot.", "Naar zeggen van",
         "de burgemeester", "person"),
        ("De schade is groot, zo zegt de burgemeester.", "zo zegt", "de burgemeester", "person"),
        ("Dat blijkt uit het rapport van de inspectie.", "blijkt uit",
         "het rapport van de inspectie", "document"),
        ("Uit een peiling van Ipsos blijkt dat de partij daalt.", "blijkt",
         "een peiling van Ipsos", "document"),
        ("Dat meldt de Volkskrant.", "meldt", "de Volkskrant", "outlet"),
    ],
)  # fmt: skip
def test_prepositional_and_inverted_cues(
    text: str, cue: str, source: str, source_kind: str
) -> None:
    [claim] = extract_claims(text, "nl")
    a = claim.attribution
    assert a is not None and a.cue is not None and a.source is not None
    assert (a.cue.text, a.source.text, a.source.kind) == (cue, source, source_kind)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Het legioen telt naar verluidt 20.000 soldaten.", "naar verluidt"),
        ("Naar men zegt is de kapitein gevlucht.", "Naar men zegt"),
        ("De kapitein schijnt te zijn gevlucht.", "schijnt"),
        ("De soldaten schijnen zonder eten te zitten.", "schijnen"),
        ("Het gerucht gaat dat de kapitein is gevlucht.", "Het gerucht gaat"),
        ("De kapitein zou zijn gevlucht naar Polen.", "zou"),
        ("Twee ministers zouden hun ontslag hebben aangeboden.", "zouden"),
        ("De vermeende dader is vrijgelaten.", "vermeende"),
    ],
)
def test_hearsay_without_source(text: str, cue: str) -> None:
    [claim] = extract_claims(text, "nl")
    a = claim.attribution
    assert a is not None and a.cue is not None
    assert (a.kind, a.cue.text, a.source, a.via) == ("hearsay", cue, None, [])
    assert claim.suggested_status == "unsourced"


@pytest.mark.parametrize(
    "text",
    [
        "Als het morgen regent, zou de wedstrijd niet doorgaan.",
        "Indien de raad instemt, zou het plan in mei starten.",
        "Mocht de brug bezwijken, dan zou het verkeer vastlopen.",
        "Het kabinet zou graag meer geld uitgeven.",
        "De stad zou dat kunnen betalen.",
    ],
)
def test_conditional_zou_is_not_hearsay(text: str) -> None:
    [claim] = extract_claims(text, "nl")
    assert claim.attribution is None


def test_future_in_the_past_under_zei_dat_is_reported_not_hearsay() -> None:
    [claim] = extract_claims("De wethouder zei dat zij zou aftreden.", "nl")
    a = claim.attribution
    assert a is not None and a.kind == "reported" and a.source is not None
    assert a.source.text == "De wethouder"
    assert claim.suggested_status is None
    assert claim.text[a.content[0] - claim.start :].startswith("zij zou aftreden")


def test_chain_tegenover_outlet_verklaren_soldiers() -> None:
    text = "Tegenover The New York Times verklaren Russische soldaten dat ze honger hebben."
    [claim] = extract_claims(text, "nl")
    a = claim.attribution
    assert a is not None and a.source is not None
    assert (a.source.text, a.source.kind) == ("Russische soldaten", "group")
    assert [(v.text, v.kind) for v in a.via] == [("The New York Times", "outlet")]


def test_addressee_zei_tegen_is_via_not_source() -> None:
    text = "“We stoppen ermee,” zei de trainer zondag tegen RTL Nieuws."
    [claim] = extract_claims(text, "nl")
    a = claim.attribution
    assert a is not None and a.source is not None
    assert a.source.text == "de trainer"
    assert [v.text for v in a.via] == ["RTL Nieuws"]
    assert a.kind == "quote"


def test_described_sources() -> None:
    zaza = claim_with(
        "Een soldaat met de roepnaam Zaza zegt dat de eenheid vastzit.", "Zaza", "nl"
    ).attribution
    assert zaza is not None and zaza.source is not None
    assert zaza.source.text == "Een soldaat met de roepnaam Zaza"
    bronnen = claim_with(
        "Bronnen rond het kabinet zeggen dat de premier stopt.", "Bronnen", "nl"
    ).attribution
    assert bronnen is not None and bronnen.source is not None
    assert (bronnen.source.text, bronnen.source.kind) == ("Bronnen rond het kabinet", "anonymous")


def test_nationality_adjective_alone_is_no_name() -> None:
    text = "Volgens Russische soldaten is de aanval mislukt."
    a = extract_claims(text, "nl")[0].attribution
    assert a is not None and a.source is not None
    assert a.source.text == "Russische soldaten"
    assert a.source.kind == "group"


def test_name_with_tussenvoegsels_and_title() -> None:
    text = "„Dat klopt niet”, zegt prof. Anna van der Berg."
    a = extract_claims(text, "nl")[0].attribution
    assert a is not None and a.source is not None
    assert a.source.text == "prof. Anna van der Berg"
    assert a.source.kind == "person"


def test_source_span_ends_are_trimmed() -> None:
    text = "De schade is groot, aldus minister De Jong."
    a = extract_claims(text, "nl")[0].attribution
    assert a is not None and a.source is not None
    assert a.source.text == "minister De Jong"


def test_attribution_nouns() -> None:
    a = extract_claims(
        "In een verklaring van het ministerie staat dat de grens dicht blijft.", "nl"
    )[0].attribution
    assert a is not None and a.cue is not None and a.source is not None
    assert (a.cue.text, a.source.text, a.source.kind) == (
        "verklaring",
        "het ministerie",
        "government",
    )
    b = extract_claims("Het rapport van de inspectie stelt dat de dijk zwak is.", "nl")[0]
    assert b.attribution is not None and b.attribution.source is not None
    assert (b.attribution.source.text, b.attribution.source.kind) == (
        "Het rapport van de inspectie",
        "document",
    )


def test_known_source_alias_in_dutch() -> None:
    from tracker.extract import KnownSource

    registry = [KnownSource("Nederlandse Omroep Stichting", "outlet", ("NOS",))]
    a = extract_claims("Dat meldt de NOS op basis van eigen bronnen.", "nl", registry)[0]
    assert a.attribution is not None and a.attribution.source is not None
    assert a.attribution.source.kind == "outlet"
    assert "NOS" in a.attribution.source.text


def test_relative_die_resolves_to_its_antecedent() -> None:
    text = "Minister De Vries, die eerder zei dat de wet deugt, trekt zich terug."
    a = extract_claims(text, "nl")[0].attribution
    assert a is not None and a.source is not None
    assert a.source.text == "Minister De Vries"
