"""Synthetic newsroom archives for benchmarks: bulk-inserted articles, claims, sources, chains.

    python benchmarks/synthetic.py DATABASE_URL --articles 100000 --claims-per-article 10

The database must be migrated (`tracker db upgrade`). Rows go in with executemany batches, not
the ORM one by one, so a million claims take a minute or two on SQLite.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Engine

from tracker.db import make_engine
from tracker.models import Article, Attribution, Claim, Source, User
from tracker.services import search_index, tallies

# Claims are built from varied parts (subject, verb, number, thing, place, extra) in the
# article's language, so that search and matching timings meet a realistic spread of words:
# some frequent, most rare.
WORDING = {
    "nl": {
        "subjects": "De minister|De burgemeester|Het ministerie|De politie|Een woordvoerder|"
        "De gemeente|Het kabinet|De provincie|Een onderzoeker|De vakbond|Het waterschap|"
        "De brandweer|Een ingewijde|De directie|Het CBS|De rechtbank|Een bewoner|De oppositie",
        "verbs": "zegt dat er|meldt dat er|verklaarde dat er|schat dat er|bevestigt dat er|"
        "ontkent dat er|beweert dat er|stelt dat er|waarschuwt dat er",
        "middles": "volgend jaar|dit jaar|sinds 2019|binnen vijf jaar|vorige maand|elk jaar|"
        "deze week|na de zomer",
        "things": "woningen|banen|leraren|agenten|bedden|asielzoekers|fietspaden|scholen|"
        "windmolens|bomen|parkeerplaatsen|zorgmedewerkers|huurwoningen|boeren|daklozen|"
        "bussen|bruggen|wolven|vluchtelingen|studenten|containers|laadpalen|zonnepanelen",
        "changes": "bijkomen|verdwijnen|nodig zijn|gebouwd worden|geteld zijn|ontbreken|"
        "wachten|vertrekken|gesloten worden",
        "links": "in|rond|bij|buiten",
        "extras": "|, meer dan verwacht|, minder dan vorig jaar|, aldus het rapport|"
        ", ondanks protesten|, blijkt uit cijfers|, een record",
    },
    "en": {
        "subjects": "The minister|The mayor|The ministry|Police|A spokesman|The council|"
        "The government|The county|A researcher|The union|The water board|The fire service|"
        "An insider|The board|The statistics office|The court|A resident|The opposition",
        "verbs": "says that|reports that|declared that|estimates that|confirms that|denies that|"
        "claims that|states that|warns that",
        "middles": "next year|this year|since 2019|within five years|last month|every year|"
        "this week|after the summer",
        "things": "homes|jobs|teachers|officers|beds|asylum seekers|cycle lanes|schools|"
        "wind turbines|trees|parking spaces|care workers|rental homes|farmers|homeless people|"
        "buses|bridges|wolves|refugees|students|containers|charging points|solar panels",
        "changes": "will be added|will disappear|are needed|will be built|were counted|"
        "are missing|are waiting|will leave|will be closed",
        "links": "in|around|near|outside",
        "extras": "|, more than expected|, fewer than last year|, the report says|"
        ", despite protests|, figures show|, a record",
    },
}
PARTS = {lang: {k: v.split("|") for k, v in w.items()} for lang, w in WORDING.items()}
PLACES = [
    "Utrecht", "Zwolle", "Breda", "Delft", "Leiden", "Groningen", "Arnhem", "Tilburg", "Almere",
    "Enschede", "Haarlem", "Nijmegen", "Maastricht", "Leeuwarden", "Amersfoort", "Dordrecht",
    "Apeldoorn", "Venlo", "Middelburg", "Assen", "Lelystad", "Gouda", "Hoorn", "Emmen",
]  # fmt: skip


def claim_sentence(rng: random.Random, lang: str) -> str:
    """One synthetic claim: "De minister zegt dat er volgend jaar 1.250 woningen bijkomen in
    Delft." or its English counterpart, each part drawn at random."""
    p = PARTS[lang]
    n = rng.choice([rng.randint(2, 99), rng.randint(100, 999), rng.randint(1, 60) * 500])
    number = f"{n:,}".replace(",", "." if lang == "nl" else ",")
    if lang == "nl":
        order = ["subjects", "verbs", "middles", "#", "things", "changes"]
    else:
        order = ["subjects", "verbs", "#", "things", "changes", "middles"]
    words = [number if part == "#" else rng.choice(p[part]) for part in order]
    place = f"{rng.choice(p['links'])} {rng.choice(PLACES)}"
    return " ".join([*words, place]) + rng.choice(p["extras"]) + ". "


SOURCE_FIRST = [
    "Anna",
    "Pieter",
    "Fatima",
    "Jan",
    "Sanne",
    "Mohamed",
    "Eva",
    "Kees",
    "Lotte",
    "Ahmed",
    "Ruth",
    "Tom",
]
SOURCE_LAST = [
    "de_Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de_Boer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
]
STATUSES = ["unreviewed"] * 5 + ["verified", "disputed", "unsourced"]
KINDS = ["outlet", "person", "organization", "government", "agency", "group", "anonymous"]


def populate(
    engine: Engine,
    articles: int,
    claims_per_article: int,
    sources: int = 5000,
    seed: int = 7,
    batch: int = 2000,
    index: bool = True,
) -> dict[str, int]:
    """Insert the archive; returns how many rows of each kind were written."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        user_id = conn.scalar(select(func.min(User.id)))
        if user_id is None:
            user_id = conn.execute(
                insert(User)
                .values(
                    email="bench@example.org",
                    name="Bench",
                    role="editor",
                    password_hash="-",
                    active=True,
                    failed_logins=0,
                    created_at=now,
                )
                .returning(User.id)
            ).scalar_one()
        first_source = (conn.scalar(select(func.max(Source.id))) or 0) + 1
        names = [f"{rng.choice(SOURCE_FIRST)} {rng.choice(SOURCE_LAST)}" for _ in range(sources)]
        conn.execute(
            insert(Source),
            [
                {
                    "id": first_source + i,
                    "name": f"{names[i]} {i}",
                    "name_key": f"{names[i].casefold()} {i}",
                    "kind": KINDS[i % len(KINDS)],
                    "description": "",
                    "created_at": now,
                }
                for i in range(sources)
            ],
        )
        next_article = (conn.scalar(select(func.max(Article.id))) or 0) + 1
        next_claim = (conn.scalar(select(func.max(Claim.id))) or 0) + 1
    written = {"articles": 0, "claims": 0, "attributions": 0}
    for lo in range(0, articles, batch):
        rows_a: list[dict[str, Any]] = []
        rows_c: list[dict[str, Any]] = []
        rows_h: list[dict[str, Any]] = []
        for i in range(lo, min(articles, lo + batch)):
            article_id = next_article + i
            language = rng.choice(["nl", "en"])
            parts = [claim_sentence(rng, language) for _ in range(claims_per_article)]
            body = "".join(parts)
            rows_a.append(
                {
                    "id": article_id,
                    "title": f"{parts[0].split(' ')[-2]} {article_id}",
                    "language": language,
                    "body": body,
                    "body_sha256": hashlib.sha256(body.encode()).hexdigest(),
                    "ingested_at": now - timedelta(minutes=i),
                    "published_on": date(2020, 1, 1) + timedelta(days=i % 2000),
                    "published_precision": "day",
                    "outlet_id": first_source + rng.randrange(sources),
                }
            )
            at = 0
            for part in parts:
                claim_id = next_claim
                next_claim += 1
                status = rng.choice(STATUSES)
                rows_c.append(
                    {
                        "id": claim_id,
                        "article_id": article_id,
                        "start": at,
                        "end": at + len(part) - 1,
                        "exact": part[:-1],
                        "prefix": "",
                        "suffix": "",
                        "text": part[:-1],
                        "checkworthy": True,
                        "score": round(rng.random(), 2),
                        "status": status,
                        "rationale": "" if status == "unreviewed" else "Synthetisch.",
                        "version": 1,
                        "origin": "extractor",
                        "orphaned": False,
                        "created_at": now,
                        "updated_at": now - timedelta(seconds=claim_id),
                        "assignee_id": user_id if claim_id % 7 == 0 else None,
                    }
                )
                hops = 2 if claim_id % 5 == 0 else 1
                for position in range(hops):
                    rows_h.append(
                        {
                            "claim_id": claim_id,
                            "position": position,
                            "kind": "reported",
                            "source_id": first_source + rng.randrange(sources),
                            "cue_text": "zegt",
                            "implicit": False,
                            "confirmed": False,
                        }
                    )
                at += len(part)
        with engine.begin() as conn:
            conn.execute(insert(Article), rows_a)
            conn.execute(insert(Claim), rows_c)
            conn.execute(insert(Attribution), rows_h)
            if index:  # the search index, as the ORM hook would keep it (bulk inserts skip it)
                search_index.reindex(conn, "article", [r["id"] for r in rows_a])
                search_index.reindex(conn, "claim", [r["id"] for r in rows_c])
        written["articles"] += len(rows_a)
        written["claims"] += len(rows_c)
        written["attributions"] += len(rows_h)
        print(f"\r{written['claims']:,} claims", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    with engine.begin() as conn:  # the kept claim counts, as the commit hook would keep them
        tallies.rebuild(conn)
    if engine.dialect.name == "postgresql":  # the ids were given: move the sequences past them
        with engine.begin() as conn:
            for table in ("sources", "articles", "claims"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                    f"(SELECT max(id) FROM {table}))"
                )
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url")
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--claims-per-article", type=int, default=10)
    parser.add_argument("--sources", type=int, default=5000)
    parser.add_argument(
        "--no-index", action="store_true", help="leave the search index out (faster)"
    )
    args = parser.parse_args()
    engine = make_engine(args.database_url)
    started = time.perf_counter()
    written = populate(
        engine, args.articles, args.claims_per_article, args.sources, index=not args.no_index
    )
    if not args.no_index:
        with engine.begin() as conn:
            sources = list(conn.execute(select(Source.id)).scalars())
            search_index.reindex(conn, "source", sources)
    elapsed = time.perf_counter() - started
    print(f"wrote {written} in {elapsed:.1f} s ({written['claims'] / elapsed:,.0f} claims/s)")


if __name__ == "__main__":
    main()
