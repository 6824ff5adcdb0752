"""How clean the source registry stays over a few hundred generated articles.

    python benchmarks/registry.py [DATABASE_URL] [--articles 300] [--seed 7] [--varied]

Generates Dutch and English news articles from templates (recurring people, outlets and
organisations; full names, then surnames, pronouns and descriptions such as "een
woordvoerder" or "a senior official"), ingests them through the service, and compares the
hops with the generator's gold. Without a URL it uses a temporary, freshly migrated SQLite file.
--varied mixes in harder mentions: a fronted adverb before the verb, a role before the name, a
surname opening the sentence, "volgens haar", "..., he said", "according to her".

Prints: registry entries; entries that are not names (should be 0); people split across several
entries; wrong cross-article links (a hop on an entry that belongs to another entity, or a
description linked outside its article); and the share of gold attributions whose hop links
to the right entry, by kind of mention.
"""

from __future__ import annotations

import argparse
import random
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from tracker import extract
from tracker.db import make_engine, make_session_factory
from tracker.extract.types import Span
from tracker.migrate import upgrade
from tracker.models import Article, Claim, Source
from tracker.services.ingest import ArticleInput, ingest_article
from tracker.services.source_names import classify_mention

# (first name, surname, gender, language, role nl, role en)
PEOPLE = [
    ("Anna", "de Vries", "f", "nl", "wethouder van Zandhoven", "alderwoman of Zandhoven"),
    ("Jan", "de Vries", "m", "nl", "directeur van de haven", "director of the port"),
    ("Pieter", "Bakker", "m", "nl", "hoogleraar economie", "professor of economics"),
    (
        "Sanne",
        "Jansen",
        "f",
        "nl",
        "voorzitter van de bewonersvereniging",
        "chair of the residents",
    ),
    ("Karel", "Smit", "m", "nl", "woordvoerder van het waterschap", "water board spokesman"),
    ("Fatima", "El Amrani", "f", "nl", "huisarts in Lelystad", "a doctor in Lelystad"),
    ("Joris", "van den Berg", "m", "nl", "econoom bij de bank", "economist at the bank"),
    ("Lotte", "Visser", "f", "nl", "onderzoeker aan de universiteit", "university researcher"),
    ("Ruben", "Mulder", "m", "nl", "burgemeester van Oosterlo", "mayor of Oosterlo"),
    ("Eva", "Kok", "f", "nl", "advocaat", "lawyer"),
    ("Thomas", "Hale", "m", "en", "chief executive of Northwind", "chief executive of Northwind"),
    ("Sarah", "Hale", "f", "en", "a city councillor", "a city councillor"),
    ("Anthony", "Gilberthorpe", "m", "en", "a former adviser", "a former adviser"),
    ("Grace", "Okafor", "f", "en", "a climate scientist", "a climate scientist"),
    ("Daniel", "Reyes", "m", "en", "the union's negotiator", "the union's negotiator"),
    ("Emily", "Carter", "f", "en", "a hospital manager", "a hospital manager"),
    ("Marcus", "Bell", "m", "en", "a transport analyst", "a transport analyst"),
    ("Olivia", "Park", "f", "en", "the school's head teacher", "the school's head teacher"),
    ("Henry", "Walsh", "m", "en", "a police superintendent", "a police superintendent"),
    ("Chloe", "Brennan", "f", "en", "a housing campaigner", "a housing campaigner"),
]
OUTLETS_NL = ["De Ochtendpost", "Het Avondblad", "NOS", "Dagblad van het Noorden", "Reuters"]
OUTLETS_EN = ["The Daily Ledger", "The Harbour Post", "Reuters", "BBC News", "The Guardian"]
ORGS_NL = ["Ministerie van Defensie", "Gemeente Zandhoven", "Rijkswaterstaat", "Raad van State"]
ORGS_EN = ["Human Rights Watch", "the Environment Agency", "Northwind Energy", "the Home Office"]
DESCRIPTIONS_NL = [
    "een woordvoerder van de gemeente",
    "een Russische soldaat",
    "ingewijden",
    "bronnen rond het kabinet",
    "omwonenden",
    "een medewerker van het ziekenhuis",
]
DESCRIPTIONS_EN = [
    "a senior official",
    "a spokesperson for the council",
    "people familiar with the talks",
    "two witnesses",
    "a hospital employee",
    "local residents",
]
FACTS_NL = [
    "de kosten met {n} miljoen euro zijn gestegen",
    "er volgend jaar {n} woningen bijkomen",
    "de wachtlijst {n} mensen telt",
    "het project {n} maanden vertraging heeft",
    "er {n} klachten zijn binnengekomen",
    "de subsidie met {n} procent daalt",
]
FACTS_EN = [
    "costs had risen by {n} million pounds",
    "{n} homes would be built next year",
    "the waiting list had grown to {n} people",
    "the project was {n} months behind schedule",
    "{n} complaints had been received",
    "funding would fall by {n} percent",
]


@dataclass
class Gold:
    """One attribution the generator wrote: where its sentence is and whom it cites."""

    start: int
    end: int
    entity: str  # "person:Anna de Vries", "outlet:NOS", "description"
    mention: str  # "full", "surname", "pronoun", "name", "description"


@dataclass
class Generated:
    body: str
    language: str
    gold: list[Gold] = field(default_factory=list)


def _fact(rng: random.Random, lang: str) -> str:
    pool = FACTS_NL if lang == "nl" else FACTS_EN
    return rng.choice(pool).format(n=rng.randint(2, 900))


def generate(rng: random.Random, i: int, varied: bool = False) -> Generated:
    lang = "nl" if i % 2 else "en"
    people = [p for p in PEOPLE if p[3] == lang]
    cast = rng.sample(people, 2)
    while cast[0][1] == cast[1][1]:  # an article tells two people of one surname apart
        cast = rng.sample(people, 2)
    out = Generated("", lang)
    parts: list[str] = [f"Bericht {i}" if lang == "nl" else f"Report {i}", "\n\n"]

    def add(sentence: str, entity: str, mention: str) -> None:
        start = sum(len(p) for p in parts)
        parts.append(sentence + " ")
        out.gold.append(Gold(start, start + len(sentence), entity, mention))

    for first, surname, gender, _lang, role_nl, role_en in cast:
        full = f"{first} {surname}"
        entity = f"person:{full}"
        short = surname[0].upper() + surname[1:]
        if not varied:
            if lang == "nl":
                add(f"{full}, {role_nl}, zegt dat {_fact(rng, lang)}.", entity, "full")
                add(f"Volgens {short} {_verb_last_nl(_fact(rng, lang))}.", entity, "surname")
                pronoun = "Zij" if gender == "f" else "Hij"
                add(f"{pronoun} zegt ook dat {_fact(rng, lang)}.", entity, "pronoun")
            else:
                add(f"{full}, {role_en}, said {_fact(rng, lang)}.", entity, "full")
                add(f"{_cap(_fact(rng, lang))}, {short} said.", entity, "surname")
                pronoun = "She" if gender == "f" else "He"
                add(f"{pronoun} added that {_fact(rng, lang)}.", entity, "pronoun")
        elif lang == "nl":
            fem = gender == "f"
            title = role_nl.split()[0]
            fact = _fact(rng, lang)
            add(
                rng.choice(
                    [
                        f"{full}, {role_nl}, zegt dat {fact}.",
                        f"Gisteren zei {full} dat {fact}.",  # V2 after a fronted adverb
                        f"Volgens {title} {full} {_verb_last_nl(fact)}.",  # a role before
                    ]
                ),
                entity,
                "full",
            )
            fact = _fact(rng, lang)
            add(
                rng.choice(
                    [
                        f"Volgens {short} {_verb_last_nl(fact)}.",
                        f"{short} zegt dat {fact}.",  # "Van den Berg zegt"
                        f"Na afloop liet {short} weten dat {fact}.",
                    ]
                ),
                entity,
                "surname",
            )
            fact = _fact(rng, lang)
            add(
                rng.choice(
                    [
                        f"{'Zij' if fem else 'Hij'} zegt ook dat {fact}.",
                        f"Volgens {'haar' if fem else 'hem'} {_verb_last_nl(fact)}.",
                        f"Later zei {'ze' if fem else 'hij'} dat {fact}.",
                    ]
                ),
                entity,
                "pronoun",
            )
        else:
            fem = gender == "f"
            fact = _fact(rng, lang)
            add(
                rng.choice(
                    [
                        f"{full}, {role_en}, said {fact}.",
                        f"On Monday, {full} said {fact}.",
                        f"According to {full}, {fact}.",
                    ]
                ),
                entity,
                "full",
            )
            fact = _fact(rng, lang)
            add(
                rng.choice(
                    [
                        f"{_cap(fact)}, {short} said.",
                        f"{short} said {fact}.",
                        f"According to {short}, {fact}.",
                    ]
                ),
                entity,
                "surname",
            )
            fact = _fact(rng, lang)
            add(
                rng.choice(
                    [
                        f"{'She' if fem else 'He'} added that {fact}.",
                        f"{_cap(fact)}, {'she' if fem else 'he'} said.",
                        f"According to {'her' if fem else 'him'}, {fact}.",
                    ]
                ),
                entity,
                "pronoun",
            )
        parts.append("\n\n")
    outlet = rng.choice(OUTLETS_NL if lang == "nl" else OUTLETS_EN)
    org = rng.choice(ORGS_NL if lang == "nl" else ORGS_EN)
    desc = rng.choice(DESCRIPTIONS_NL if lang == "nl" else DESCRIPTIONS_EN)
    if lang == "nl":
        add(f"Dat meldt {outlet}: {_fact(rng, lang)}.", f"outlet:{outlet}", "name")
        add(f"Volgens {org} is het zo dat {_fact(rng, lang)}.", f"org:{org}", "name")
        add(f"{_cap(desc)} zegt dat {_fact(rng, lang)}.", "description", "description")
    else:
        add(f"According to {outlet}, {_fact(rng, lang)}.", f"outlet:{outlet}", "name")
        add(f"{_cap(org)} said {_fact(rng, lang)}.", f"org:{_strip_the(org)}", "name")
        add(f"{_cap(_fact(rng, lang))}, {desc} said.", "description", "description")
    out.body = "".join(parts).rstrip() + "\n"
    return out


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _strip_the(name: str) -> str:
    return name.removeprefix("the ")


def _verb_last_nl(clause: str) -> str:
    """'de kosten ... zijn gestegen' stays: the generated Dutch facts are already subordinate
    clauses; after 'Volgens X' a main clause reads better, so add 'is het zo dat'."""
    return f"is het zo dat {clause}"


@dataclass
class Outcome:
    entries: int = 0
    not_names: list[str] = field(default_factory=list)
    split_people: dict[str, int] = field(default_factory=dict)
    wrong_links: int = 0
    right: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    unlinked: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)


def evaluate(session: Session, articles: list[tuple[int, Generated]]) -> Outcome:
    out = Outcome()
    live = list(
        session.scalars(
            select(Source).where(Source.merged_into_id.is_(None), Source.article_id.is_(None))
        )
    )
    out.entries = len(live)
    out.not_names = [s.name for s in live if not classify_mention(s.name, s.kind).is_name]
    # Every gold attribution with the primary hop the extractor and ingest made for it.
    linked: list[tuple[Gold, int, Source | None]] = []
    for article_id, gen in articles:
        claims = session.scalars(
            select(Claim)
            .where(Claim.article_id == article_id)
            .options(selectinload(Claim.attributions))
        ).all()
        for gold in gen.gold:
            claim = next(
                (c for c in claims if c.start <= gold.start < c.end and c.attributions), None
            )
            hop = claim.primary_attribution if claim else None
            if hop is None or (hop.source_id is None and not hop.mention_text):
                out.missed[gold.mention] += 1
                continue
            linked.append((gold, article_id, hop.source))
    # Each named entity's entry is the one most of its hops link to.
    votes: dict[str, Counter[int]] = defaultdict(Counter)
    for gold, _aid, source in linked:
        if gold.entity != "description" and source is not None and source.article_id is None:
            votes[gold.entity][source.id] += 1
    home = {entity: c.most_common(1)[0][0] for entity, c in votes.items()}
    owner: dict[int, Counter[str]] = defaultdict(Counter)
    for gold, _aid, source in linked:
        if source is not None and source.article_id is None:
            owner[source.id][gold.entity] += 1
    for entity, c in votes.items():
        if entity.startswith("person:") and len(c) > 1:
            out.split_people[entity.removeprefix("person:")] = len(c)
    for gold, article_id, source in linked:
        out.total[gold.mention] += 1
        if source is None:
            out.unlinked[gold.mention] += 1
            continue
        if gold.entity == "description":
            if source.article_id == article_id:
                out.right[gold.mention] += 1
            else:
                out.wrong_links += 1
            continue
        if source.id == home.get(gold.entity):
            out.right[gold.mention] += 1
        elif source.article_id is None and owner[source.id].most_common(1)[0][0] != gold.entity:
            out.wrong_links += 1
    return out


_REAL_EXTRACT = extract.extract_claims


def _resolve_from_gold(gen: Generated) -> None:
    """Make the extractor give each pronoun source the full name the gold says it means."""
    firsts = {g.entity: g for g in gen.gold if g.mention == "full"}

    def with_resolution(text: str, *a: object, **k: object) -> list[extract.Claim]:
        found = _REAL_EXTRACT(text, *a, **k)  # type: ignore[arg-type]
        if text != gen.body:
            return found
        for claim in found:
            src = claim.attribution.source if claim.attribution else None
            gold = next((g for g in gen.gold if g.start <= claim.start < g.end), None)
            if src is None or gold is None or gold.mention != "pronoun":
                continue
            first = firsts[gold.entity]
            name = gold.entity.split(":", 1)[1]
            at = gen.body.index(name, first.start)
            src.resolved = Span(at, at + len(name), name)
        return found

    extract.extract_claims = with_resolution


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url", nargs="?")
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--list", action="store_true", help="print the registry entries")
    parser.add_argument(
        "--varied",
        action="store_true",
        help="vary how people are mentioned: a fronted adverb before the verb (V2), a role "
        "before the name, a surname opening the sentence, 'volgens haar', 'he said' after the "
        "content, 'according to her'",
    )
    parser.add_argument(
        "--resolve-from-gold",
        action="store_true",
        help="fill source.resolved of pronouns from the gold (what the discourse pass should "
        "give), to measure ingest's linking apart from the extractor's resolution",
    )
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'registry.sqlite3'}"
    upgrade(url)
    engine = make_engine(url)
    rng = random.Random(args.seed)
    made: list[tuple[int, Generated]] = []
    with make_session_factory(engine)() as session:
        for i in range(args.articles):
            gen = generate(rng, i, args.varied)
            if args.resolve_from_gold:
                _resolve_from_gold(gen)
            article = ingest_article(session, ArticleInput(body=gen.body, language=gen.language))
            made.append((article.id, gen))
            session.commit()
        result = evaluate(session, made)
        n_articles = session.query(Article).count()
        if args.list:
            for s in session.scalars(
                select(Source).where(Source.merged_into_id.is_(None), Source.article_id.is_(None))
            ):
                print(f"#{s.id}\t{s.status}\t{s.kind}\t{s.name}")
    engine.dispose()
    total = sum(result.total.values())
    right = sum(result.right.values())
    print(f"articles ingested:           {n_articles}")
    print(f"registry entries:            {result.entries}")
    print(f"entries that are not names:  {len(result.not_names)} {result.not_names[:10]}")
    print(
        f"people split across entries: {len(result.split_people)} "
        f"{dict(list(result.split_people.items())[:10])}"
    )
    print(f"wrong cross-article links:   {result.wrong_links}")
    print(f"hops linked to the right entry: {right}/{total} = {right / max(total, 1):.1%}")
    for kind in ("full", "surname", "pronoun", "name", "description"):
        t = result.total[kind]
        print(
            f"  {kind:12} right {result.right[kind]:4}/{t:<4} unlinked {result.unlinked[kind]:4}"
            f"  (extractor found no attribution: {result.missed[kind]})"
        )


if __name__ == "__main__":
    main()
