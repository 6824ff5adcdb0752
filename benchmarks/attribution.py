"""Score the attribution extractor on a PolNeAR-style split: python benchmarks/attribution.py DIR.

DIR holds text/NAME.txt and attributions/NAME.ann (BRAT standoff). The predictions are every
cue of find_attributions(text, "en") (the cue level under extract_claims). A predicted cue
matches a gold cue by character overlap, one to one; within matched pairs a source counts as
found when the predicted and gold source spans overlap (source P over matched pairs with a
predicted source, R over matched pairs with a gold source). The same found sources are also
counted over all attributions: P over every predicted source, R over every gold source.
Exact-span P/R/F1 per role (cue, source, content): a predicted span counts only when its start
and end equal those of a gold span of the same role in the document (one to one; a
discontinuous gold span counts by its outer start and end). Throughput is end to end
(extract_claims over every file, language detected, one process on one core), in MB of UTF-8
text per CPU second, best of five runs so that other load on the machine does not count.
The English cue model is derived by tools/derive_cue_model.py (from a training split).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tracker.extract import extract_claims, find_attributions

Spans = list[tuple[int, int]]
RUNS = 5  # throughput is the best of this many runs over the split


@dataclass
class Gold:
    """One gold attribution: its cue, source and content spans (possibly discontinuous)."""

    cue: Spans
    source: Spans = field(default_factory=list)
    content: Spans = field(default_factory=list)


def _spans(field_text: str) -> Spans:
    out: Spans = []
    for seg in field_text.split(" ", 1)[1].split(";"):
        a, b = seg.split()
        out.append((int(a), int(b)))
    return out


def read_ann(path: Path) -> list[Gold]:
    """Gold attributions of a BRAT .ann file."""
    spans: dict[str, Spans] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            spans[parts[0]] = _spans(parts[1])
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    gold: list[Gold] = []
    for ev in events:
        cue = ev.get("Cue")
        if cue is None or cue not in spans:
            continue
        src = spans.get(ev.get("Source", ""), [])
        gold.append(Gold(spans[cue], src, spans.get(ev.get("Content", ""), [])))
    return gold


def _overlap(a: Spans, b: Spans) -> bool:
    return any(x0 < y1 and y0 < x1 for x0, x1 in a for y0, y1 in b)


ROLES = ("cue", "source", "content")


@dataclass
class Counts:
    """Running totals for cue and source precision/recall (overlap) and exact spans per role."""

    cue_tp: int = 0
    cue_pred: int = 0
    cue_gold: int = 0
    src_tp: int = 0
    src_pred: int = 0
    src_gold: int = 0
    all_src_pred: int = 0  # every predicted attribution with a source
    all_src_gold: int = 0  # every gold attribution with a source
    exact: dict[str, list[int]] = field(
        default_factory=lambda: {r: [0, 0, 0] for r in ROLES}  # tp, pred, gold
    )


def _outer(spans: Spans) -> tuple[int, int]:
    """Start and end of a (possibly discontinuous) span."""
    return spans[0][0], spans[-1][1]


def _count_exact(
    pred: list[tuple[int, int]], gold: list[tuple[int, int]], tally: list[int]
) -> None:
    """Exact matches of start and end, one to one (a multiset intersection)."""
    left: dict[tuple[int, int], int] = {}
    for g in gold:
        left[g] = left.get(g, 0) + 1
    for p in pred:
        if left.get(p, 0) > 0:
            left[p] -= 1
            tally[0] += 1
    tally[1] += len(pred)
    tally[2] += len(gold)


def score_document(text: str, gold: list[Gold], counts: Counts) -> None:
    """Match predicted to gold cues one to one by overlap, then compare sources; count exact
    cue, source and content spans per role, independently of the cue matching."""
    preds: list[tuple[Spans, Spans, Spans]] = []
    for _seg, atts in find_attributions(text, "en"):
        for a in atts:
            if a.cue is None:
                continue
            src = [(a.source.start, a.source.end)] if a.source is not None else []
            preds.append(([(a.cue.start, a.cue.end)], src, [a.content]))
    counts.cue_pred += len(preds)
    counts.cue_gold += len(gold)
    counts.all_src_pred += sum(1 for p in preds if p[1])
    counts.all_src_gold += sum(1 for g in gold if g.source)
    for i, role in enumerate(ROLES):
        _count_exact(
            [p[i][0] for p in preds if p[i]],
            [_outer(getattr(g, role)) for g in gold if getattr(g, role)],
            counts.exact[role],
        )
    used: set[int] = set()
    for p_cue, p_src, _p_content in preds:
        for gi, g in enumerate(gold):
            if gi in used or not _overlap(p_cue, g.cue):
                continue
            used.add(gi)
            counts.cue_tp += 1
            if p_src:
                counts.src_pred += 1
            if g.source:
                counts.src_gold += 1
            if p_src and g.source and _overlap(p_src, g.source):
                counts.src_tp += 1
            break


def prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1."""
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main(argv: list[str] | None = None) -> int:
    """Print cue and source P/R/F1 and throughput for one split directory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split_dir", type=Path)
    args = parser.parse_args(argv)
    text_dir = args.split_dir / "text"
    ann_dir = args.split_dir / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        print(f"error: {args.split_dir} has no text/ and attributions/", file=sys.stderr)
        return 2
    docs: list[tuple[str, list[Gold]]] = []
    for txt in sorted(text_dir.glob("*.txt")):
        ann = ann_dir / (txt.stem + ".ann")
        if ann.exists():
            docs.append((txt.read_text(encoding="utf-8"), read_ann(ann)))
    counts = Counts()
    for text, gold in docs:
        score_document(text, gold, counts)
    size = sum(len(t.encode("utf-8")) for t, _ in docs)
    elapsed = float("inf")
    for _ in range(RUNS):  # the best run, in CPU time of this process (one core)
        t0 = time.process_time()
        for text, _ in docs:
            extract_claims(text)
        elapsed = min(elapsed, time.process_time() - t0)
    cp, cr, cf = prf(counts.cue_tp, counts.cue_pred, counts.cue_gold)
    sp, sr, sf = prf(counts.src_tp, counts.src_pred, counts.src_gold)
    print(f"documents {len(docs)}  text {size / 1e6:.2f} MB")
    print(
        f"cue     P {cp:.3f}  R {cr:.3f}  F1 {cf:.3f}  (tp {counts.cue_tp}, pred "
        f"{counts.cue_pred}, gold {counts.cue_gold})"
    )
    print(
        f"source  P {sp:.3f}  R {sr:.3f}  F1 {sf:.3f}  (tp {counts.src_tp}, pred "
        f"{counts.src_pred}, gold {counts.src_gold}; within matched cues)"
    )
    ap, ar, af = prf(counts.src_tp, counts.all_src_pred, counts.all_src_gold)
    print(
        f"source  P {ap:.3f}  R {ar:.3f}  F1 {af:.3f}  (tp {counts.src_tp}, pred "
        f"{counts.all_src_pred}, gold {counts.all_src_gold}; over all attributions)"
    )
    for role in ROLES:
        tp, pred, gold_n = counts.exact[role]
        ep, er, ef = prf(tp, pred, gold_n)
        print(
            f"exact {role:<8} P {ep:.3f}  R {er:.3f}  F1 {ef:.3f}  (tp {tp}, pred {pred}, "
            f"gold {gold_n})"
        )
    print(
        f"throughput {size / 1e6 / elapsed:.2f} MB/s  ({elapsed:.2f} s CPU, best of {RUNS}, "
        "extract_claims end to end, language detected)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
