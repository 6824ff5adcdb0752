"""Review-queue pages on a large archive: time and statement count per page, per filter.

python benchmarks/synthetic.py sqlite:////tmp/million.sqlite3 --articles 100000   # 1M claims
python benchmarks/queue_pages.py sqlite:////tmp/million.sqlite3
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from sqlalchemy import event, func, select

from tracker.db import make_engine, make_session_factory
from tracker.models import Claim, User
from tracker.services.queue import QueueFilter, queue_page

CASES: list[tuple[str, dict[str, Any]]] = [
    ("unreviewed by score (default)", {"status": "unreviewed"}),
    ("all statuses by score", {"status": None}),
    ("all statuses newest", {"status": None, "sort": "newest"}),
    ("disputed by score", {"status": "disputed"}),
    ("assigned to me", {"status": None, "assignee": "me"}),
    (
        "language nl, checkworthy",
        {"status": "unreviewed", "language": "nl", "checkworthy_only": True},
    ),
    ("one source (primary)", {"status": None, "source_id": 42}),
    ("score >= 0.9, by status", {"status": None, "min_score": 0.9, "sort": "status"}),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url")
    parser.add_argument("--per-page", type=int, default=50)
    args = parser.parse_args()
    engine = make_engine(args.database_url)
    statements = 0

    @event.listens_for(engine, "before_cursor_execute")
    def count(*_: Any) -> None:
        nonlocal statements
        statements += 1

    with make_session_factory(engine)() as session:
        total = session.scalar(select(func.count(Claim.id)))
        user_id = session.scalar(select(func.min(User.id)))
        print(f"{engine.dialect.name}: {total:,} claims, {args.per_page} per page")
        for label, params in CASES:
            f = QueueFilter(**params)
            queue_page(session, f, user_id, per_page=args.per_page)  # warm the cache
            statements = 0
            started = time.perf_counter()
            page = queue_page(session, f, user_id, per_page=args.per_page)
            ms = (time.perf_counter() - started) * 1000
            print(f"  {label:<34} {ms:8.1f} ms  {statements} statements  {len(page.rows)} rows")


if __name__ == "__main__":
    main()
