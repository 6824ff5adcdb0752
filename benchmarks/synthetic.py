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

SENTENCE = "De minister zegt dat er {n} woningen bijkomen in {place}. "
PLACES = ["Utrecht", "Zwolle", "Breda", "Delft", "Leiden", "Groningen", "Arnhem", "Tilburg"]
STATUSES = ["unreviewed"] * 5 + ["verified", "disputed", "unsourced"]
KINDS = ["outlet", "person", "organization", "government", "agency", "group", "anonymous"]


def populate(
    engine: Engine,
    articles: int,
    claims_per_article: int,
    sources: int = 5000,
    seed: int = 7,
    batch: int = 2000,
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
        conn.execute(
            insert(Source),
            [
                {
                    "id": first_source + i,
                    "name": f"Bron {i}",
                    "name_key": f"bron {i}",
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
            parts = [
                SENTENCE.format(n=rng.randint(10, 9000), place=rng.choice(PLACES))
                for _ in range(claims_per_article)
            ]
            body = "".join(parts)
            rows_a.append(
                {
                    "id": article_id,
                    "title": f"Artikel {article_id}",
                    "language": rng.choice(["nl", "en"]),
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
        written["articles"] += len(rows_a)
        written["claims"] += len(rows_c)
        written["attributions"] += len(rows_h)
        print(f"\r{written['claims']:,} claims", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url")
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--claims-per-article", type=int, default=10)
    parser.add_argument("--sources", type=int, default=5000)
    args = parser.parse_args()
    engine = make_engine(args.database_url)
    started = time.perf_counter()
    written = populate(engine, args.articles, args.claims_per_article, args.sources)
    elapsed = time.perf_counter() - started
    print(f"wrote {written} in {elapsed:.1f} s ({written['claims'] / elapsed:,.0f} claims/s)")


if __name__ == "__main__":
    main()
