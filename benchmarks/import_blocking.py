"""How long a reviewer waits while a bulk import runs: every save's time during
`tracker ingest --jsonl`, beside the same saves with no import running (same run, same machine).

    python benchmarks/import_blocking.py [DATABASE_URL] [--articles 300]

Without a URL it uses a temporary, freshly migrated SQLite file. A "save" is what a review is to
the database: a page's read, then a write with its audit event, committed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from tracker.db import make_engine, make_session_factory
from tracker.migrate import upgrade
from tracker.models import Article
from tracker.services import sources

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import article


def save(factory: sessionmaker[Session], n: int) -> float:
    """One reviewer's save; its time in milliseconds."""
    started = time.perf_counter()
    with factory() as session:
        session.scalars(select(Article.title).order_by(Article.id.desc()).limit(20)).all()
        sources.create_source(session, f"Bron {n}", "person")
        session.commit()
    return (time.perf_counter() - started) * 1000


def figures(label: str, times: list[float], failed: int) -> str:
    q = statistics.quantiles(times, n=100) if len(times) > 1 else times * 99
    return (
        f"{label:<22} {len(times):6d} saves  p50 {q[49]:7.1f} ms  p99 {q[98]:7.1f} ms  "
        f"max {max(times):7.1f} ms  failed {failed}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url", nargs="?")
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    os.environ.setdefault("TRACKER_AUDIT_KEY", "import-blocking-benchmark-key")
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'blocking.sqlite3'}"
    upgrade(url)
    factory = make_session_factory(make_engine(url))
    rng = random.Random(5)
    path = Path(tempfile.mkdtemp()) / "bulk.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(args.articles):
            a = article(rng, i + 1_000_000 * rng.randint(1, 9))
            out.write(json.dumps({"body": a.body, "title": a.title, "language": a.language}))
            out.write("\n")

    baseline = [save(factory, n) for n in range(200)]
    tracker = str(Path(sys.executable).with_name("tracker"))
    env = dict(os.environ, TRACKER_DATABASE_URL=url)
    process = subprocess.Popen(
        [tracker, "ingest", "--jsonl", str(path)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    during: list[float] = []
    failed = 0
    n = 1000
    while process.poll() is None:
        n += 1
        try:
            during.append(save(factory, n))
        except Exception as err:
            failed += 1
            print(f"save failed: {err}", file=sys.stderr)
    _, errors = process.communicate()
    if process.returncode not in (0, 1):
        sys.exit(f"the import failed: {errors.decode()[-500:]}")
    print(f"{make_engine(url).dialect.name}: {args.articles} articles imported")
    print(figures("no import running", baseline, 0))
    print(figures("while importing", during, failed))


if __name__ == "__main__":
    main()
