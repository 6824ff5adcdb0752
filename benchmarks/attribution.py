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

`--derive-model DIR` instead rewrites tracker/extract/cue_model_en.py, the English cue model
(logistic regression over cues.cue_features), from the split in DIR: tune on train, check on
dev.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tracker.extract import extract_claims, find_attributions
from tracker.extract.cues import _STRONG, cue_features
from tracker.extract.extractor import sentence_tokens
from tracker.extract.sentences import Segment, split_sentences
from tracker.extract.tokens import Tok

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


MODEL = Path(__file__).resolve().parents[1] / "tracker" / "extract" / "cue_model_en.py"
MIN_HITS = 3  # a candidate word is a gold cue at least this often ...
MIN_RATE = 0.02  # ... and at least this share of its occurrences
RANK_FLOOR = 0.2  # words above this prior cue rate count for the sentence-rank features
MIN_COUNT = 3  # a feature must occur this often in training
L2 = 3e-3
EPOCHS = 4
P_MIN = 0.86  # the threshold is the best cross-validated F1 with at least this precision
FOLDS = 4
PRUNE_AT, PRUNE_HITS, PRUNE_RATE = 0.5, 2, 0.02
MODEL_HEADER = '''"""English cue model: logistic-regression weights over cues.cue_features.

Derived from the cue statistics of an annotated English news corpus (words, context classes
and feature weights only, no text) by `python benchmarks/attribution.py --derive-model DIR`;
do not edit by hand. A token whose word is in CANDIDATES is a cue when the sum of the weights
of its features exceeds THRESHOLD (chosen by four-fold cross-validation on the same split).
RANK_RATES are prior cue rates of the words that feed the sentence-rank features.
"""

from __future__ import annotations


def _table(blob: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in blob.splitlines():
        if line:
            key, value = line.rsplit(" ", 1)
            out[key] = float(value)
    return out


'''


@dataclass
class Example:
    """One candidate token: its features, label and where it is (for grouping)."""

    feats: list[str]
    label: int
    doc: int
    sent: int
    tok: int
    gold: int  # 1-based index of the gold cue it overlaps, 0 for none


def _sentence_tokens(
    docs: list[tuple[str, list[Gold]]],
) -> list[tuple[int, int, Segment, list[Tok], list[int], list[bool]]]:
    """(doc, sentence, segment, tokens, gold cue id per token, token inside a quotation)."""
    out = []
    for di, (text, gold) in enumerate(docs):
        owner = [0] * (len(text) + 1)
        for gi, g in enumerate(gold):
            for a, b in g.cue:
                owner[a:b] = [gi + 1] * (b - a)
        for si, seg in enumerate(split_sentences(text)):
            toks = sentence_tokens(text, seg)  # what extract_claims scores
            ids = [max(owner[t[0] : t[1]]) for t in toks]
            inq = [any(a < t[0] and t[1] < b for a, b in seg.quotes) for t in toks]
            out.append((di, si, seg, toks, ids, inq))
    return out


def _examples(
    sents: list[tuple[int, int, Segment, list[Tok], list[int], list[bool]]],
    candidates: set[str],
    rates: dict[str, float],
) -> list[Example]:
    """Candidate tokens with features; within a gold cue only its most cue-like word is positive
    (the others are left out), since one overlapping token is all a cue needs."""
    out: list[Example] = []
    for di, si, seg, toks, ids, inq in sents:
        ranks = [rates.get(t[3], 0.0) if rates.get(t[3], 0.0) > RANK_FLOOR else 0.0 for t in toks]
        strong = any(t[3] in _STRONG for t in toks)
        heads: dict[int, int] = {}
        for k, t in enumerate(toks):
            if ids[k] and not inq[k] and t[3] in candidates:
                h = heads.get(ids[k])
                if h is None or rates[t[3]] > rates[toks[h][3]]:
                    heads[ids[k]] = k
        head_set = set(heads.values())
        for k, t in enumerate(toks):
            if inq[k] or t[3] not in candidates or (ids[k] and k not in head_set):
                continue
            feats = cue_features(toks, k, ranks, seg.kind == "heading", bool(seg.quotes), strong)
            out.append(Example(feats, 1 if ids[k] else 0, di, si, k, ids[k]))
    return out


def _train(examples: list[Example], seed: int = 1) -> dict[str, float]:
    """Logistic regression by AdaGrad with L2, features seen fewer than MIN_COUNT times dropped."""
    counts: dict[str, int] = {}
    for ex in examples:
        for f in ex.feats:
            counts[f] = counts.get(f, 0) + 1
    data = [([f for f in ex.feats if counts[f] >= MIN_COUNT], ex.label) for ex in examples]
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    rng = random.Random(seed)
    for _ in range(EPOCHS):
        rng.shuffle(data)
        for feats, y in data:
            z = sum(w.get(f, 0.0) for f in feats)
            grad = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))) - y
            for f in feats:
                wf = w.get(f, 0.0)
                gf = grad + L2 * wf
                g2[f] = g2.get(f, 0.0) + gf * gf
                w[f] = wf - 0.2 * gf / math.sqrt(g2[f] + 1e-8)
    return w


def _curve(
    examples: list[Example], scores: list[float], n_gold: int, thresholds: list[float]
) -> list[tuple[float, float, float, float]]:
    """(threshold, P, R, F1): adjacent positive tokens form one cue, matched one to one."""
    out = []
    for th in thresholds:
        tp = pred = 0
        used: set[tuple[int, int]] = set()
        last: tuple[int, int, int] | None = None
        hit = False
        for ex, sc in zip(examples, scores, strict=True):
            if sc <= th:
                continue
            if last != (ex.doc, ex.sent, ex.tok - 1):
                pred += 1  # a new cue, else it continues the previous one
                hit = False
            last = (ex.doc, ex.sent, ex.tok)
            if not hit and ex.gold and (ex.doc, ex.gold) not in used:
                used.add((ex.doc, ex.gold))
                tp += 1
                hit = True
        p, r, f = prf(tp, pred, n_gold)
        out.append((th, p, r, f))
    return out


def _scores(weights: dict[str, float], examples: list[Example]) -> list[float]:
    return [sum(weights.get(f, 0.0) for f in ex.feats) for ex in examples]


def derive_model(
    docs: list[tuple[str, list[Gold]]],
) -> tuple[float, set[str], dict[str, float], dict[str, float]]:
    """Threshold, candidate words, rank rates and weights of the English cue model.

    Candidates are words that are gold cues MIN_HITS times and MIN_RATE of the time; those a
    first model takes fewer than PRUNE_HITS times or for less than PRUNE_RATE of their
    occurrences are dropped (they cost time and add little). The threshold is the best F1 with
    precision >= P_MIN over FOLDS-fold cross-validation by document.
    """
    sents = _sentence_tokens(docs)
    seen: dict[str, int] = {}
    hits: dict[str, int] = {}
    for _di, _si, _seg, toks, ids, inq in sents:
        for t, gid, q in zip(toks, ids, inq, strict=True):
            if not q:
                seen[t[3]] = seen.get(t[3], 0) + 1
                hits[t[3]] = hits.get(t[3], 0) + (gid > 0)
    candidates = {w for w, h in hits.items() if h >= MIN_HITS and h / seen[w] >= MIN_RATE}
    rates = {w: round((hits[w] + 0.1) / (seen[w] + 1), 3) for w in candidates}
    examples = _examples(sents, candidates, rates)
    first = _train(examples)
    taken: dict[str, int] = {}
    occurs: dict[str, int] = {}
    for ex, sc in zip(examples, _scores(first, examples), strict=True):
        word = ex.feats[1][2:]
        occurs[word] = occurs.get(word, 0) + 1
        taken[word] = taken.get(word, 0) + (sc > PRUNE_AT)
    candidates = {
        w
        for w in candidates
        if taken.get(w, 0) >= PRUNE_HITS and taken[w] / occurs[w] >= PRUNE_RATE
    }
    rates = {w: r for w, r in rates.items() if w in candidates}
    examples = _examples(sents, candidates, rates)
    thresholds = [x / 20 for x in range(-20, 61)]
    held_out: list[Example] = []
    cv_scores: list[float] = []
    for i in range(FOLDS):
        w = _train([ex for ex in examples if ex.doc % FOLDS != i])
        fold = [ex for ex in examples if ex.doc % FOLDS == i]
        held_out += fold
        cv_scores += _scores(w, fold)
    n_gold = sum(len(g) for _, g in docs)
    curve = _curve(held_out, cv_scores, n_gold, thresholds)
    ok = [c for c in curve if c[1] >= P_MIN]
    threshold = max(ok, key=lambda c: c[3])[0] if ok else thresholds[-1]
    for th, p, r, f in curve:
        if abs(th - threshold) < 0.3:
            print(f"cv threshold {th:+.2f}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    weights = _train(examples)
    table = {}
    for f, v in weights.items():
        if abs(v) >= 0.01 and "\\" not in f and '"""' not in f:
            table[f] = round(v, 3)
    return threshold, candidates, {w: r for w, r in rates.items() if r > RANK_FLOOR}, table


def write_model(
    threshold: float,
    candidates: set[str],
    rank_rates: dict[str, float],
    weights: dict[str, float],
    path: Path,
) -> None:
    """Write the cue model as a Python module (tables as text blobs, parsed on import)."""
    words = sorted(candidates)
    lines = [
        MODEL_HEADER.rstrip("\n"),
        "",
        "",
        f"THRESHOLD = {threshold}",
        "CANDIDATES: frozenset[str] = frozenset(",
    ]
    lines.append('    """')
    row: list[str] = []
    for word in words:
        if len(" ".join([*row, word])) > 90:
            lines.append("    " + " ".join(row))
            row = []
        row.append(word)
    lines.append("    " + " ".join(row))
    lines.append('    """.split()  # noqa: SIM905')
    lines.append(")")
    lines.append("RANK_RATES: dict[str, float] = _table(")
    lines.append('    """')
    lines.extend(f"{w} {r}" for w, r in sorted(rank_rates.items()))
    lines.append('"""')
    lines.append(")")
    lines.append("WEIGHTS: dict[str, float] = _table(")
    lines.append('    """')
    lines.extend(f"{f} {v}" for f, v in sorted(weights.items()))
    lines.append('"""')
    lines.append(")")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Print cue and source P/R/F1 and throughput for one split directory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split_dir", type=Path)
    parser.add_argument(
        "--derive-model",
        action="store_true",
        help="rewrite tracker/extract/cue_model_en.py from this split instead of scoring",
    )
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
    if args.derive_model:
        threshold, candidates, rank_rates, weights = derive_model(docs)
        write_model(threshold, candidates, rank_rates, weights, MODEL)
        print(
            f"wrote {len(candidates)} candidate words, {len(weights)} weights, threshold "
            f"{threshold} to {MODEL}"
        )
        return 0
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
