"""Ingest throughput through the service (extract, store, link sources, audit), end to end.

    python benchmarks/ingest.py [DATABASE_URL] [--articles 200] [--without-matching]

Without a URL it uses a temporary, freshly migrated SQLite file; with one (a copy of an archive:
the database is written to), its archive is brought to the head migration first. The articles
are Dutch and English, 300-1,000 words, new texts on every run. Prints articles/s and claims/s;
--without-matching leaves out the search for earlier repeats, to show what it costs.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from tracker.db import make_engine, make_session_factory
from tracker.migrate import upgrade
from tracker.services import matching
from tracker.services.ingest import ArticleInput, ingest_article

PEOPLE_NL = ["Marieke Jansen", "Pieter de Wit", "Fatima el Amrani", "Joost Verhoeven"]
PEOPLE_EN = ["Sarah Whitfield", "Tom Okafor", "Helen Marsh", "David Lindqvist"]
BODIES_NL = ["het ministerie van Financiën", "de gemeente Utrecht", "de vakbond FNV", "het RIVM"]
BODIES_EN = ["the Treasury", "the Environment Agency", "Greenpeace", "the city council"]
NL_SAID = [
    "Volgens {body} stijgt het aantal meldingen dit jaar met {n} procent.",
    "{person} zegt dat er in de regio {n} nieuwe woningen bij komen.",
    '"We hebben {n} klachten ontvangen," aldus {person}.',
    "Naar verluidt wachten nog {n} gezinnen op een beslissing van {body}.",
    "Een woordvoerder van {body} meldt dat de kosten zijn opgelopen tot {n} miljoen euro.",
    "{person} verwacht dat de wachttijd volgend jaar onder de {n} dagen zakt.",
    "Ingewijden melden dat {body} {n} banen wil schrappen.",
]
NL_TOLD = [
    "De vergadering begon later dan gepland omdat de trein uit Zwolle vertraging had.",
    "Op het plein stonden tientallen mensen met spandoeken in de regen.",
    "Het plan ligt al maanden klaar maar is nooit in stemming gebracht.",
    "In de wijk wonen veel jonge gezinnen en ouderen die al lang op een woning wachten.",
    "De discussie duurde tot diep in de avond en eindigde zonder besluit.",
    "Bewoners kregen vorige week een brief over de werkzaamheden aan de brug.",
    "Het gebouw uit de jaren zestig wordt in de zomer gesloopt.",
    "Wie met de bus naar het ziekenhuis wil, moet voortaan in het centrum overstappen.",
]
EN_SAID = [
    "According to {body}, the number of reports rose by {n} percent this year.",
    "{person} said the region would get {n} new homes.",
    '"We received {n} complaints," {person} told reporters.',
    "Reportedly, {n} families are still waiting for a decision by {body}.",
    "A spokesperson for {body} said costs had risen to {n} million pounds.",
    "{person} expects waiting times to fall below {n} days next year.",
    "People familiar with the plans say {body} intends to cut {n} jobs.",
]
EN_TOLD = [
    "The meeting started late because the train from Leeds was delayed.",
    "Dozens of people stood in the square holding banners in the rain.",
    "The plan has been ready for months but was never put to a vote.",
    "Many young families and older residents in the area have waited years for a home.",
    "The debate went on late into the evening and ended without a decision.",
    "Residents received a letter last week about the works on the bridge.",
    "The building, which dates from the sixties, will be demolished in the summer.",
    "Anyone taking the bus to the hospital now has to change in the town centre.",
]


def article(rng: random.Random, i: int, run: str = "") -> ArticleInput:
    """A Dutch or English news article of 300-1,000 words: narrative sentences, with about
    one in three attributed to a person, an organisation or nobody in particular."""
    lang = "nl" if i % 2 else "en"
    said, told = (NL_SAID, NL_TOLD) if lang == "nl" else (EN_SAID, EN_TOLD)
    people, bodies = (PEOPLE_NL, BODIES_NL) if lang == "nl" else (PEOPLE_EN, BODIES_EN)
    words = rng.randint(300, 1000)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(3, 5)):
            if rng.random() < 0.35:
                sentence = rng.choice(said).format(
                    n=rng.randint(2, 9999), person=rng.choice(people), body=rng.choice(bodies)
                )
                sentence = sentence[0].upper() + sentence[1:]
            else:
                sentence = rng.choice(told)
            sentences.append(sentence)
            count += len(sentence.split())
        paragraphs.append(" ".join(sentences))
    title = f"Bericht {i} {run}".strip()
    return ArticleInput(
        body=title + "\n\n" + "\n\n".join(paragraphs) + "\n",
        title=title,
        language=lang,
        outlet=rng.choice(["De Ochtendpost", "The Daily Ledger", "Het Avondblad"]),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url", nargs="?")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument(
        "--without-matching",
        action="store_true",
        help="leave out the search for earlier repeats (services/matching.py), to see its cost",
    )
    args = parser.parse_args()
    url = args.database_url
    if url is None:
        url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'ingest.sqlite3'}"
    upgrade(url)
    if args.without_matching:
        matching.find_matches = lambda *_args, **_kw: []
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    run = f"({time.time_ns():x})"  # a new text on every run, also into an archive kept
    # the same articles on every fresh database (runs compare); other ones in a kept archive,
    # where the last run's would be refused as near-duplicates
    rng = random.Random(11 if args.database_url is None else run)
    items = [article(rng, i, run) for i in range(args.articles)]
    chars = sum(len(a.body) for a in items)
    words = sum(len(a.body.split()) for a in items)
    claims = 0
    cpu = time.process_time()
    started = time.perf_counter()
    for item in items:
        with sessions() as session:
            claims += len(ingest_article(session, item).claims)
            session.commit()
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu
    rate = f"{args.articles / elapsed:.1f} articles/s, {claims / elapsed:.0f} claims/s"
    size = (
        f"{args.articles} articles ({words // args.articles} words, {chars / 1e6:.2f} MB), "
        f"{claims} claims"
    )
    note = " (without matching)" if args.without_matching else ""
    print(
        f"{engine.dialect.name}{note}: {size} in {elapsed:.2f} s (this process's CPU "
        f"{cpu:.2f} s, {args.articles / cpu:.1f} articles per CPU second): {rate}"
    )


if __name__ == "__main__":
    main()
