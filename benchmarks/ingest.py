"""Ingest throughput through the service (extract, store, link sources, audit), end to end.

    python benchmarks/ingest.py [DATABASE_URL] [--articles 200]

Without a URL it uses a temporary, freshly migrated SQLite file. Prints articles/s and claims/s.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from tracker.db import make_engine, make_session_factory
from tracker.migrate import upgrade
from tracker.services.ingest import ArticleInput, ingest_article

NL = [
    "Volgens het ministerie van Financiën stijgt de staatsschuld dit jaar met {n} miljard euro.",
    "De burgemeester zegt dat er {n} nieuwe woningen komen in de wijk.",
    "Het bedrijf zou {n} banen schrappen, meldt de vakbond.",
    "Naar verluidt wachten {n} asielzoekers op een beslissing.",
    '"We hebben {n} klachten ontvangen," aldus een woordvoerder van de politie.',
]
EN = [
    "The ministry said unemployment rose by {n} percent last year.",
    "According to Reuters, {n} people were evacuated from the coast.",
    "The company reportedly plans to cut {n} jobs.",
    '"We received {n} complaints," a police spokesperson told the paper.',
]


def article(rng: random.Random, i: int) -> ArticleInput:
    lang = "nl" if i % 2 else "en"
    pool = NL if lang == "nl" else EN
    body = "\n\n".join(
        " ".join(rng.choice(pool).format(n=rng.randint(2, 9999)) for _ in range(4))
        for _ in range(5)
    )
    return ArticleInput(
        body=f"Bericht {i}\n\n{body}\n",
        title=f"Bericht {i}",
        language=lang,
        outlet=rng.choice(["De Ochtendpost", "The Daily Ledger", "Het Avondblad"]),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url", nargs="?")
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    url = args.database_url
    if url is None:
        url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'ingest.sqlite3'}"
    upgrade(url)
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    rng = random.Random(11)
    items = [article(rng, i) for i in range(args.articles)]
    chars = sum(len(a.body) for a in items)
    claims = 0
    started = time.perf_counter()
    for item in items:
        with sessions() as session:
            claims += len(ingest_article(session, item).claims)
            session.commit()
    elapsed = time.perf_counter() - started
    rate = f"{args.articles / elapsed:.1f} articles/s, {claims / elapsed:.0f} claims/s"
    size = f"{args.articles} articles ({chars / 1e6:.2f} MB), {claims} claims"
    print(f"{engine.dialect.name}: {size} in {elapsed:.2f} s: {rate}")


if __name__ == "__main__":
    main()
