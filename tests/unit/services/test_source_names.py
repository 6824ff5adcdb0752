"""Names, descriptions and words that are not names (Dutch and English), and every path that
creates or renames a registry entry refusing what is not a name."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.conftest import People
from tracker.models import Source
from tracker.services import sources
from tracker.services.errors import InvalidInput
from tracker.services.source_names import classify_mention, naming_part, registry_name

NAMES = [
    ("Anna de Vries", "person"),
    ("De Vries", "person"),
    ("Gilberthorpe", "person"),
    ("A. Smit", "person"),
    ("minister Hugo de Jonge", "person"),
    ("The Post", "outlet"),
    ("the New York Post", "outlet"),
    ("de Volkskrant", "outlet"),
    ("NOS", "outlet"),
    ("Reuters", "agency"),
    ("Raad van State", "government"),
    ("ministerie van Defensie", "government"),
    ("Artsen zonder Grenzen", "organization"),
    ("Human Rights Watch", "organization"),
    ("het rapport 'Water Zonder Grens'", "document"),
    ("Zaza", "anonymous"),
]
DESCRIPTIONS = [
    ("een Russische soldaat", "person"),
    ("Russische soldaat uit Sint Petersburg", "person"),
    ("a senior official", "person"),
    ("bronnen rond het kabinet", "group"),
    ("ingewijden", "group"),
    ("Officials", "group"),
    ("Israeli officials", "group"),
    ("twee agenten", "group"),
    ("his lawyer", "person"),
    ("zijn advocaat", "person"),
    ("Mark Rutte's spokesman", "person"),
    ("de politie", "organization"),
    ("a soldier with the call sign Zaza", "anonymous"),
]
NOT_NAMES = [
    "He",
    "hij",
    "Zij",
    "who",
    "die",
    "The",
    "Friday",
    "zondag",
    "that Leeds",
    "deze Amsterdammer",
    "woensdagavond",
    "Police Say Man Was Arrested",
    "Kabinet Wil Meer Geld Voor Dijken Zegt Minister",
    "...",
]


@pytest.mark.parametrize(("text", "kind"), NAMES)
def test_names(text: str, kind: str) -> None:
    assert classify_mention(text, kind).form == "name", text


@pytest.mark.parametrize(("text", "kind"), DESCRIPTIONS)
def test_descriptions(text: str, kind: str) -> None:
    assert classify_mention(text, kind).form == "description", text


@pytest.mark.parametrize("text", NOT_NAMES)
def test_not_names(text: str) -> None:
    assert classify_mention(text, "person").form == "not_a_name", text


def test_registry_name_drops_a_persons_lower_case_title_only() -> None:
    assert registry_name("minister Hugo de Jonge", "person") == "Hugo de Jonge"
    assert registry_name("the spokesman Tom Hale,", "person") == "Tom Hale"
    assert registry_name("De Vries", "person") == "De Vries"
    assert registry_name("The Post", "outlet") == "The Post"


@pytest.mark.parametrize("name", ["hij", "Friday", "that Leeds", "a senior official"])
def test_registry_refuses_what_is_not_a_name(session: Session, people: People, name: str) -> None:
    with pytest.raises(InvalidInput) as err:
        sources.create_source(session, name, "person", people.editor)
    assert "not a name" in str(err.value) or "without naming it" in str(err.value)
    assert session.scalar(select(Source).where(Source.name == name)) is None


def test_description_is_kept_only_as_a_source_of_one_article(
    session: Session, people: People
) -> None:
    from tracker.services.ingest import ArticleInput, ingest_article

    article = ingest_article(
        session, ArticleInput(body="Een korte tekst zonder bronnen.", language="nl"), people.editor
    )
    described = sources.create_source(
        session, "een Russische soldaat", "person", people.editor, article_id=article.id
    )
    assert described.described
    assert sources.find_source(session, "een Russische soldaat") is None
    assert sources.search_sources(session, "soldaat") == []
    with pytest.raises(InvalidInput, match="no aliases"):
        sources.add_alias(session, described.id, "Ivan", people.editor)
    with pytest.raises(InvalidInput, match="not a name"):
        sources.create_source(session, "hij", "person", people.editor, article_id=article.id)


def test_aliases_must_look_like_names_and_renames_too(session: Session, people: People) -> None:
    paper = sources.create_source(session, "De Ochtendpost", "outlet", people.editor)
    sources.add_alias(session, paper.id, "Ochtendpost", people.editor)
    sources.add_alias(session, paper.id, "DOP", people.editor)
    for bad in ("de krant", "een ochtendblad", "zij", "vrijdag"):
        with pytest.raises(InvalidInput, match="must be a name"):
            sources.add_alias(session, paper.id, bad, people.editor)
    with pytest.raises(InvalidInput, match="not a name"):
        sources.update_source(session, paper.id, people.editor, name="Hij", kind="outlet")
    assert {a.alias for a in paper.aliases} == {"Ochtendpost", "DOP"}


@pytest.mark.parametrize(
    ("mention", "registered"),
    [
        ("havenwethouder Anna Smit", "Anna Smit"),
        ("oud-minister Karel de Wit", "Karel de Wit"),
        ("fractievoorzitter Ruud Peters", "Ruud Peters"),
        ("de onderwijswethouder Fatma Yilmaz", "Fatma Yilmaz"),
        ("ex-senator Mary Collins", "Mary Collins"),
    ],
)
def test_a_title_compound_before_a_name_is_a_name_registered_without_it(
    mention: str, registered: str
) -> None:
    assert classify_mention(mention, "person").form == "name"
    assert registry_name(mention, "person") == registered


def test_a_compound_title_alone_is_still_a_description() -> None:
    assert classify_mention("de havenwethouder", "person").form == "description"


@pytest.mark.parametrize(
    ("text", "registered"),
    [
        ("apotheker Mirjam van der Heijden", "Mirjam van der Heijden"),
        ("de bioloog Kees ter Braak", "Kees ter Braak"),
        ("oud-directeur Yusuf El Idrissi", "Yusuf El Idrissi"),
        ("the ferry captain Rhona McLeod", "Rhona McLeod"),
        ("de Utrechtse vulkanoloog Femke de Graaf", "Femke de Graaf"),
        ("Oud-wethouder Gert-Jan de Bruin", "Gert-Jan de Bruin"),  # opening a sentence
        ("Advocaat Mirjam van der Heijden", "Mirjam van der Heijden"),
    ],
)
def test_a_role_before_a_full_name_names_the_person(text: str, registered: str) -> None:
    assert classify_mention(text, "person").is_name
    assert registry_name(text, "person") == registered


@pytest.mark.parametrize(
    "text", ["de apotheker Van der Heijden van de wijk", "de bioloog uit Zwolle", "de imker Kees"]
)
def test_a_role_without_a_full_name_stays_a_description(text: str) -> None:
    assert not classify_mention(text, "person").is_name


def test_people_named_together_are_described_not_registered() -> None:
    check = classify_mention("Marloes van der Ploeg en Teun ter Laak", "group")
    assert check.form == "description"


@pytest.mark.parametrize(
    ("mention", "named"),
    [
        ("Frank Dolan, a Republican pollster,", "Frank Dolan"),
        ("a pollster at the firm, Frank Dolan", "Frank Dolan"),
        ("Rep. Dana Cole (D-Ore.)", "Rep. Dana Cole"),
        ("Anna de Vries, wethouder van Zandhoven,", "Anna de Vries"),
        ("een woordvoerder van de politie", "een woordvoerder van de politie"),
        ("de buren, die het zagen", "de buren, die het zagen"),
    ],
)
def test_the_naming_part_of_a_mention_leaves_out_appositions(mention: str, named: str) -> None:
    assert naming_part(mention) == named
