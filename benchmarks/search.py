"""Search on a large archive: p50/p95 per query type (word, phrase, prefix, number, combined
with a queue filter), for the claims page alone and for the whole grouped results page.

python benchmarks/synthetic.py sqlite:////tmp/million.sqlite3 --articles 100000   # 1M claims
python benchmarks/search.py sqlite:////tmp/million.sqlite3

Besides wall time it prints this process's CPU time (p95): on a busy machine the steadier
figure; SQLite runs in the process, PostgreSQL's own work is not counted.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from typing import Any

from sqlalchemy import func, select

from tracker.db import make_engine, make_session_factory
from tracker.models import Claim
from tracker.services.queue import QueueFilter, queue_page
from tracker.services.search import search

WORDS = ["woningen", "laadpalen", "Maastricht", "verklaarde", "wolves", "refugees", "ontkent",
         "zonnepanelen", "Lelystad", "teachers", "record", "protesten"]  # fmt: skip
PHRASES = ['"dit jaar"', '"wind turbines"', '"care workers"', '"volgend jaar"',
           '"meer dan verwacht"', '"fire service"']  # fmt: skip
PREFIXES = ["zonnep*", "wolv*", "Maas*", "vluchtel*", "charg*", "studen*"]
# The results page lists claims newest first (the queue's other sorts are slower with a
# frequent word: every match is sorted); "word, by score" measures that.
FILTERS: list[dict[str, Any]] = [
    {"status": "verified"},
    {"language": "nl"},
    {"status": "disputed", "sort": "newest"},
    {"min_score": 0.9},
    {"checkworthy_only": True, "assignee": "nobody"},
]


def numbers(rng: random.Random) -> str:
    n = rng.choice([rng.randint(2, 99), rng.randint(100, 999), rng.randint(1, 60) * 500])
    return rng.choice([f"{n:,}", f"{n:,}".replace(",", "."), str(n)])


def queries(rng: random.Random, kind: str) -> tuple[str, dict[str, Any]]:
    if kind == "word":
        return rng.choice(WORDS), {}
    if kind == "word, by score":
        return rng.choice(WORDS), {"sort": "score"}
    if kind == "phrase":
        return rng.choice(PHRASES), {}
    if kind == "prefix":
        return rng.choice(PREFIXES), {}
    if kind == "number":
        return numbers(rng), {}
    return f"{rng.choice(WORDS)} {numbers(rng)}", rng.choice(FILTERS)  # word + number + filter


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url")
    parser.add_argument("--runs", type=int, default=40, help="queries per type")
    args = parser.parse_args()
    engine = make_engine(args.database_url)
    sessions = make_session_factory(engine)
    rng = random.Random(11)
    with sessions() as session:
        total = session.scalar(select(func.count(Claim.id)))
        print(f"{args.database_url.split('://')[0]}: {total:,} claims; {args.runs} queries a type")
        for sort in ("newest", "score"):  # warm the caches once (a server compiles its SQL once)
            queue_page(session, QueueFilter(q="woningen", sort=sort), None)
            search(session, "woningen", QueueFilter(sort=sort), None)
        session.rollback()
        print(
            f"{'query type':<22}{'claims p50':>12}{'p95':>9}{'page p50':>11}{'p95':>9}"
            f"{'CPU claims p95':>16}{'page p95':>10}  hits"
        )
        kinds = ("word", "phrase", "prefix", "number", "combined+filter", "word, by score")
        for kind in kinds:
            claims_ms: list[float] = []
            page_ms: list[float] = []
            claims_cpu: list[float] = []
            page_cpu: list[float] = []
            hits = 0
            for _ in range(args.runs):
                q, filters = queries(rng, kind)
                filters = {"sort": "newest", **filters}
                f = QueueFilter(q=q, **filters)
                started, cpu = time.perf_counter(), time.process_time()
                page = queue_page(session, f, None, per_page=50)
                claims_ms.append((time.perf_counter() - started) * 1000)
                claims_cpu.append((time.process_time() - cpu) * 1000)
                hits += len(page.rows)
                started, cpu = time.perf_counter(), time.process_time()
                search(session, q, QueueFilter(**filters), None)
                page_ms.append((time.perf_counter() - started) * 1000)
                page_cpu.append((time.process_time() - cpu) * 1000)
                session.rollback()
            claims_p50, page_p50 = statistics.median(claims_ms), statistics.median(page_ms)
            print(
                f"{kind:<22}{claims_p50:>10.1f}ms{p95(claims_ms):>7.1f}ms"
                f"{page_p50:>9.1f}ms{p95(page_ms):>7.1f}ms"
                f"{p95(claims_cpu):>14.1f}ms{p95(page_cpu):>8.1f}ms  {hits / args.runs:.0f}"
            )
    engine.dispose()


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


if __name__ == "__main__":
    main()
