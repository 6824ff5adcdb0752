"""Claim matching: precision and recall on the labelled pairs, and the time to match one new
article of 30 claims against a large archive.

python benchmarks/matching.py                                   # the labelled pairs only
python benchmarks/matching.py sqlite:////tmp/million.sqlite3    # and the time per article

The pairs are tests/fixtures/claim_pairs.txt (written for this project): "written" are its
lines, "all" adds the pairs its blocks imply. The timed articles are 30 claims worded like the
synthetic archive's (benchmarks/synthetic.py), so some repeat earlier claims; each is stored,
matched (match_article: candidates from the index, reranked, linked) and rolled back.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.fixtures, synthetic

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from synthetic import claim_sentence

from tests.fixtures.claim_pairs import read_pairs
from tracker.db import make_engine, make_session_factory
from tracker.models import Article, Claim
from tracker.services import matching

REPEATS = 10  # of the 30 claims, repeats of archive claims (numbers in another notation)


def quality() -> None:
    pairs = read_pairs()
    for label, chosen in (("written", [p for p in pairs if p.written]), ("all", pairs)):
        tp = fp = fn = 0
        for p in chosen:
            a, b = matching.signature(p.a, p.a_lang), matching.signature(p.b, p.b_lang)
            same = matching.score(a, b) >= matching.THRESHOLD
            tp += same and p.same
            fp += same and not p.same
            fn += p.same and not same
        print(
            f"{label:>8} pairs {len(chosen):4}: precision {tp / (tp + fp):.3f}  "
            f"recall {tp / (tp + fn):.3f}  (tp {tp}, fp {fp}, fn {fn})"
        )


def _repeats(session: Session, rng: random.Random, lang: str, count: int) -> list[str]:
    """Claims of the archive in `lang`, their numbers written without separators."""
    top = session.scalar(select(func.max(Claim.id))) or 0
    ids = [rng.randint(1, top) for _ in range(count * 4)]
    rows = session.execute(
        select(Claim.text)
        .join(Article, Article.id == Claim.article_id)
        .where(Claim.id.in_(ids), Article.language == lang)
        .limit(count)
    ).scalars()
    return [re.sub(r"(\d)[.,](\d{3})", r"\1\2", t) + " " for t in rows]


def timing(url: str, articles: int) -> None:
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    rng = random.Random(5)
    ms: list[float] = []
    cpu_ms: list[float] = []
    total_ms: list[float] = []
    linked = repeats = linked_before = 0
    with sessions() as session:
        for i in range(articles):
            lang = rng.choice(["nl", "en"])
            parts = _repeats(session, rng, lang, REPEATS)
            repeats += len(parts)
            parts += [claim_sentence(rng, lang) for _ in range(30 - len(parts))]
            rng.shuffle(parts)
            body = "".join(parts)
            article = Article(
                title=f"Benchmark {i}", language=lang, body=body,
                body_sha256=hashlib.sha256(body.encode()).hexdigest(),
            )  # fmt: skip
            session.add(article)
            at = 0
            for part in parts:
                text = part.strip()
                session.add(
                    Claim(article=article, start=at, end=at + len(text), exact=text, text=text)
                )
                at += len(part)
            session.flush()
            started, cpu = time.perf_counter(), time.process_time()
            found = matching.find_matches(session, matching.wordings(article.claims), [article.id])
            ms.append((time.perf_counter() - started) * 1000)
            cpu_ms.append((time.process_time() - cpu) * 1000)
            started = time.perf_counter()
            linked += len(matching.match_article(session, article))  # finds again, then links
            total_ms.append((time.perf_counter() - started) * 1000)
            assert len(found) >= linked - linked_before
            linked_before = linked
            session.rollback()
    engine.dispose()
    p95 = statistics.quantiles(ms, n=20)[-1] if len(ms) > 1 else ms[0]
    print(
        f"match one 30-claim article ({url.split('://', maxsplit=1)[0]}, {articles} articles, "
        f"{repeats / articles:.1f} repeats of archive claims each): "
        f"finding the repeats p50 {statistics.median(ms):.0f} ms, p95 {p95:.0f} ms "
        f"(this process's CPU p50 {statistics.median(cpu_ms):.0f} ms: on a busy machine the "
        "steadier figure; SQLite runs in it, PostgreSQL not); "
        f"with storing the links and their audit events p50 {statistics.median(total_ms):.0f} "
        f"ms; {linked / articles:.1f} claims linked per article"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url", nargs="?")
    parser.add_argument("--articles", type=int, default=20)
    args = parser.parse_args()
    quality()
    if args.database_url:
        timing(args.database_url, args.articles)


if __name__ == "__main__":
    main()
