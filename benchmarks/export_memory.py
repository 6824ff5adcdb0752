"""Peak memory of a large CSV export: synthetic claims in a temp SQLite database, then export.

    .venv/bin/python benchmarks/export_memory.py [--claims 100000] [--format csv|json|html]
        [--keep DIR] [--reuse] [--database-url postgresql+psycopg://.../EMPTY_DB] [--tracemalloc]

Generates the data with bulk inserts (session.execute(insert(Model), rows) in batches), then
exports in a fresh child process and prints its wall and CPU time and peak resident memory
(VmHWM), so the figures measure the export alone. With --tracemalloc a second child exports
again under tracemalloc and prints its peak: tracing never slows the timed run.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from tracker.db import make_engine, make_session_factory  # noqa: E402
from tracker.migrate import upgrade  # noqa: E402
from tracker.models import (  # noqa: E402
    Article,
    Attribution,
    AuditEvent,
    Claim,
    Evidence,
    Source,
    User,
    name_key,
)

BATCH = 10_000
CLAIMS_PER_ARTICLE = 100
KINDS = ("outlet", "person", "organization", "government", "agency", "document", "group")


def _chunks(rows: list[dict[str, Any]]) -> Any:
    for i in range(0, len(rows), BATCH):
        yield rows[i : i + BATCH]


def generate(url: str, n_claims: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    engine = make_engine(url)
    now = datetime(2024, 3, 1, tzinfo=UTC)
    with make_session_factory(engine)() as session:
        session.execute(
            insert(User),
            [
                {
                    "id": 1,
                    "email": "bench@example.org",
                    "name": "Bench Checker",
                    "role": "editor",
                    "password_hash": "x",
                    "active": True,
                },
            ],
        )
        sources = [
            {
                "id": i,
                "name": f"Bron {i}",
                "name_key": name_key(f"Bron {i}"),
                "kind": "anonymous" if i % 50 == 0 else KINDS[i % len(KINDS)],
                "description": "",
                "anonymity_reason": "bescherming" if i % 50 == 0 else None,
                "created_at": now,
            }
            for i in range(1, 2001)
        ]
        session.execute(insert(Source), sources)
        n_articles = max(1, n_claims // CLAIMS_PER_ARTICLE)
        sentence = "Volgens Bron {i} is het aantal met {n} procent gestegen, aldus het rapport. "
        articles = []
        for a in range(1, n_articles + 1):
            body = "".join(sentence.format(i=a + k, n=k) for k in range(CLAIMS_PER_ARTICLE))
            articles.append(
                {
                    "id": a,
                    "title": f"Synthetisch artikel {a}",
                    "url": f"https://news.example.org/{a}",
                    "outlet_id": 1 + (a % 7) * 7,
                    "language": "nl",
                    "body": body,
                    "body_sha256": hashlib.sha256(body.encode()).hexdigest(),
                    "ingested_at": now + timedelta(minutes=a),
                    "ingested_by_id": 1,
                }
            )
        for chunk in _chunks(articles):
            session.execute(insert(Article), chunk)
        claims, hops, evidence, events = [], [], [], []
        statuses = ("unreviewed", "verified", "disputed", "unsourced")
        step = len(sentence.format(i=1, n=1))
        for c in range(1, n_claims + 1):
            article = 1 + (c - 1) // CLAIMS_PER_ARTICLE
            start = ((c - 1) % CLAIMS_PER_ARTICLE) * step
            text = f"Het aantal is met {c % 97} procent gestegen, zegt bron {c}."
            status = statuses[c % 4]
            claims.append(
                {
                    "id": c,
                    "article_id": article,
                    "start": start,
                    "end": start + 60,
                    "exact": text,
                    "prefix": "",
                    "suffix": "",
                    "text": text,
                    "checkworthy": True,
                    "score": 0.5,
                    "status": status,
                    "rationale": "" if status == "unreviewed" else f"=Onderbouwing {c}",
                    "reviewed_by_id": None if status == "unreviewed" else 1,
                    "reviewed_at": None if status == "unreviewed" else now,
                    "version": 1,
                    "origin": "extractor",
                    "orphaned": False,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            n_hops = 0 if c % 10 == 0 else (2 if c % 3 == 0 else 1)
            for p in range(n_hops):
                hops.append(
                    {
                        "claim_id": c,
                        "position": p,
                        "source_id": rnd.randint(1, 2000),
                        "kind": "reported",
                        "cue_text": "volgens",
                        "implicit": False,
                        "confirmed": True,
                    }
                )
            if c % 10 == 0:
                hops.append(
                    {
                        "claim_id": c,
                        "position": 0,
                        "source_id": None,
                        "kind": "hearsay",
                        "cue_text": "naar verluidt",
                        "implicit": False,
                        "confirmed": True,
                    }
                )
            if status != "unreviewed":
                evidence.append(
                    {
                        "claim_id": c,
                        "url": f"https://evidence.example.org/{c}",
                        "title": "Bron",
                        "excerpt": "",
                        "stance": "supports",
                        "added_by_id": 1,
                        "added_at": now,
                        "archived_sha256": hashlib.sha256(str(c).encode()).hexdigest(),
                    }
                )
            if c % 20 == 0:  # a correction: disputed first, then verified
                for k, (before, after) in enumerate(
                    (("unreviewed", "disputed"), ("disputed", "verified"))
                ):
                    h = hashlib.sha256(f"{c}-{k}".encode()).hexdigest()
                    events.append(
                        {
                            "at": now + timedelta(seconds=k),
                            "actor_id": 1,
                            "action": "claim.status",
                            "entity_type": "claim",
                            "entity_id": c,
                            "claim_id": c,
                            "before": {"status": before, "rationale": ""},
                            "after": {"status": after, "rationale": "herzien"},
                            "prev_hash": "p" + h[1:],
                            "hash": h,
                        }
                    )
        for rows, model in (
            (claims, Claim),
            (hops, Attribution),
            (evidence, Evidence),
            (events, AuditEvent),
        ):
            for chunk in _chunks(rows):
                session.execute(insert(model), chunk)
        session.commit()
    if url.startswith("sqlite"):
        # Fold the write-ahead log into the database: otherwise the export's first read maps a
        # WAL as large as the data, and its resident memory measures the generator, not the export.
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()


def _peak_rss_kib() -> int:
    """This process's peak resident memory: VmHWM, which starts afresh at exec (ru_maxrss on
    Linux keeps the peak of the parent that forked it, here the data generator)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def export(url: str, fmt: str, out: Path, trace: bool = False) -> None:
    """Run in a child process: export everything, print the time (wall and CPU) and peak
    resident memory, or with `trace` only tracemalloc's peak (tracing slows the export)."""
    from tracker.reports.common import methodology_text
    from tracker.reports.render import render
    from tracker.services import reports as service

    if trace:
        tracemalloc.start()
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        flt = service.ReportFilter(since=datetime(2000, 1, 1).date())
        meta = service.build_meta(
            session,
            flt,
            newsroom_name="Bench",
            newsroom_url="https://bench.example",
            language="nl",
            methodology=methodology_text(None, "nl"),
        )
        with out.open("wb") as handle:
            for chunk in render(fmt, meta, service.iter_claims(session, flt)):
                handle.write(chunk)
    engine.dispose()
    elapsed = time.perf_counter() - started
    used = resource.getrusage(resource.RUSAGE_SELF)
    cpu_s = used.ru_utime - cpu.ru_utime + used.ru_stime - cpu.ru_stime
    size = f"{meta.summary.total:,} claims as {fmt} ({out.stat().st_size / 1e6:.1f} MB)"
    if trace:
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"traced export of {size}: tracemalloc peak {peak / 2**20:.1f} MiB")
        return
    print(
        f"exported {size} in {elapsed:.1f} s (CPU {cpu_s:.1f} s); "
        f"peak resident memory {_peak_rss_kib() / 1024:.1f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--format", default="csv")
    parser.add_argument("--keep", type=Path, help="keep the database and export in this folder")
    parser.add_argument(
        "--database-url",
        help="an EMPTY database to generate into (PostgreSQL), instead of a SQLite file",
    )
    parser.add_argument(
        "--tracemalloc",
        action="store_true",
        help="also report tracemalloc's peak, in a second, separately timed export",
    )
    parser.add_argument("--no-tracemalloc", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--reuse", action="store_true", help="export an existing database")
    parser.add_argument("--export-only", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export_only:
        export(args.export_only, args.format, args.out, trace=args.trace)
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="export-memory-"))
    folder.mkdir(parents=True, exist_ok=True)
    url = args.database_url or f"sqlite:///{folder / f'bench-{args.claims}.sqlite3'}"
    path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else None
    if not args.reuse:
        if path and os.path.exists(path):
            os.unlink(path)
        started = time.perf_counter()
        upgrade(url)
        generate(url, args.claims)
        print(f"generated {args.claims:,} claims in {time.perf_counter() - started:.1f} s ({url})")
    out = folder / f"export-{args.claims}.{args.format}"
    child = [sys.executable, __file__, "--format", args.format, "--out", str(out)]
    subprocess.run([*child, "--export-only", url], check=True)
    if args.tracemalloc:
        subprocess.run([*child, "--trace", "--export-only", url], check=True)


if __name__ == "__main__":
    main()
