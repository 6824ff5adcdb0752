"""Derive the check-worthiness model from articles with checkworthy gold.

    python tools/derive_checkworthy_model.py CORPUS_DIR [--output FILE] [--cv]

CORPUS_DIR holds text/NAME.txt and gold/NAME.json in the format of nl-news-dev (one gold item a
sentence, located by its `anchor`, with `checkworthy` true or false); only the anchors and the
labels are read. Each item is matched, as the corpus's scorer does, to the claims
extract_claims makes that overlap its anchor; the claim overlapping most is its example. The
model is an L2-regularised logistic regression over tracker.extract.checkworthy.features, with
the fixed rules (checkworthy.rules) as an offset. Its bias is then moved so that the
extractor's threshold (a score of 0.5) flags at most MAX_FALSE_FLAGS of the items that are not
checkworthy, counted as the scorer counts them (an item is flagged when any claim over it is).
It is written as JSON (feature names and weights, no text) to
tracker/extract/checkworthy_model.json unless --output says otherwise; the output is
deterministic. --cv also prints the leave-one-article-out figures: each article scored by a
model (weights and bias) derived from the others.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path

from tracker.extract import extract_claims
from tracker.extract.checkworthy import FEATURES, features, rules
from tracker.extract.extractor import _words
from tracker.extract.sentences import split_sentences

MODEL = Path(__file__).resolve().parents[1] / "tracker" / "extract" / "checkworthy_model.json"
GENERATOR = "tools/derive_checkworthy_model.py"
L2 = 1.0  # ridge penalty on the weights (not the bias)
MAX_FALSE_FLAGS = 0.15  # share of the not-checkworthy items the default threshold may flag


@dataclass
class Item:
    """A gold item: its article, its label, the features and fixed offsets of its claims
    (the one overlapping its anchor most first)."""

    doc: str
    label: bool
    claims: list[tuple[tuple[float, ...], float]]


def read_items(corpus: Path) -> list[Item]:
    """The gold items of every article, with the features of the claims over them."""
    items: list[Item] = []
    for gold_path in sorted((corpus / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (corpus / "text" / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
        headings = {s.start for s in split_sentences(text) if s.kind == "heading"}
        claims = extract_claims(text, gold.get("lang"))
        for it in gold["items"]:
            s = text.index(it["anchor"])
            e = s + len(it["anchor"])
            hit = [c for c in claims if min(c.end, e) - max(c.start, s) > 0]
            hit.sort(key=lambda c: -(min(c.end, e) - max(c.start, s)))
            rows = []
            for c in hit:
                low = c.text.lower()
                words = _words(low)
                a = c.attribution
                kind = a.kind if a is not None else None
                implicit = a is not None and a.implicit
                f = features(low, words, len(c.numbers), kind, implicit, gold.get("lang"))
                rows.append((f, rules(low, words, kind, c.start in headings)))
            items.append(Item(gold_path.stem, bool(it["checkworthy"]), rows))
    return items


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """x with a x = b (Gaussian elimination with partial pivoting; a is small and regular)."""
    n = len(b)
    m = [[*row, b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[piv] = m[piv], m[col]
        for r in range(col + 1, n):
            k = m[r][col] / m[col][col]
            if k:
                for j in range(col, n + 1):
                    m[r][j] -= k * m[col][j]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][j] * x[j] for j in range(r + 1, n))) / m[r][r]
    return x


def fit(items: list[Item]) -> list[float]:
    """Weights (in the order of FEATURES) and, last, the bias: Newton's method on the
    penalised log-likelihood of the items' first claims."""
    data = [([*it.claims[0][0], 1.0], it.claims[0][1], it.label) for it in items if it.claims]
    k = len(FEATURES) + 1
    w = [0.0] * k
    for _ in range(25):
        grad = [L2 * w[j] if j < k - 1 else 0.0 for j in range(k)]
        hess = [[0.0] * k for _ in range(k)]
        for j in range(k - 1):
            hess[j][j] = L2
        for x, off, y in data:
            z = off + sum(a * b for a, b in zip(w, x, strict=True))
            p = 1.0 / (1.0 + math.exp(-z))
            d = p * (1.0 - p)
            for i in range(k):
                if x[i]:
                    grad[i] += (p - y) * x[i]
                    row = hess[i]
                    xi = x[i] * d
                    for j in range(k):
                        if x[j]:
                            row[j] += xi * x[j]
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-10:
            break
    return w


def item_scores(w: list[float], items: list[Item]) -> list[float]:
    """Each item's highest claim score before the bias (an item without claims: -inf)."""
    out = []
    for it in items:
        zs = [off + sum(a * b for a, b in zip(w, f, strict=False)) for f, off in it.claims]
        out.append(max(zs) if zs else -math.inf)
    return out


def place_bias(w: list[float], items: list[Item]) -> float:
    """The bias that flags the most checkworthy items with at most MAX_FALSE_FLAGS of the
    others flagged: halfway between the last allowed item score and the next."""
    z = item_scores(w, items)
    negatives = sorted((s for s, it in zip(z, items, strict=True) if not it.label), reverse=True)
    allowed = int(MAX_FALSE_FLAGS * len(negatives))
    cut = (negatives[allowed - 1] + negatives[allowed]) / 2 if allowed else negatives[0] + 0.01
    return -cut


def counts(w: list[float], bias: float, items: list[Item]) -> tuple[int, int, int, int]:
    """Checkworthy items flagged, checkworthy items, others flagged, others."""
    z = item_scores(w, items)
    pos = [s + bias >= 0 for s, it in zip(z, items, strict=True) if it.label]
    neg = [s + bias >= 0 for s, it in zip(z, items, strict=True) if not it.label]
    return sum(pos), len(pos), sum(neg), len(neg)


def derive(items: list[Item]) -> tuple[list[float], float]:
    """The weights and the placed bias of the model for these items."""
    w = fit(items)
    weights = w[:-1]
    return weights, place_bias(weights, items)


def model_json(corpus: str, n_docs: int, weights: list[float], bias: float) -> str:
    """The model file's text: a header, the bias and one weight a line."""
    header = {
        "model": "check-worthiness: logistic-regression weights over "
        "tracker.extract.checkworthy.features (with checkworthy.rules as a fixed offset)",
        "generator": GENERATOR,
        "training_data": corpus,
        "documents": n_docs,
        "rule": "a claim is checkworthy when 1 / (1 + exp(-(bias + weights . features + "
        "rules))) >= 0.5; the bias is placed so that this flags at most "
        f"{MAX_FALSE_FLAGS} of the training items that are not checkworthy",
        "note": "derived, do not edit by hand",
    }
    lines = ["{", f'"header": {json.dumps(header, ensure_ascii=False, indent=0)},']
    lines.append(f'"bias": {round(bias, 3)},')
    lines.append('"weights": {')
    pairs = [f"{json.dumps(n)}: {round(v, 3)}" for n, v in zip(FEATURES, weights, strict=True)]
    lines.append(",\n".join(pairs))
    lines.append("}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--output", type=Path, default=MODEL)
    ap.add_argument("--cv", action="store_true", help="print leave-one-article-out figures")
    args = ap.parse_args(argv)
    items = read_items(args.corpus)
    docs = sorted({it.doc for it in items})
    weights, bias = derive(items)
    a, b, c, d = counts(weights, bias, items)
    print(
        f"fitted on all {len(docs)} articles: checkworthy {a}/{b}, wrongly flagged {c}/{d}",
        file=sys.stderr,
    )
    if args.cv:
        total = [0, 0, 0, 0]
        for doc in docs:
            w_cv, b_cv = derive([it for it in items if it.doc != doc])
            got = counts(w_cv, b_cv, [it for it in items if it.doc == doc])
            total = [t + g for t, g in zip(total, got, strict=True)]
        print(
            f"leave-one-article-out: checkworthy {total[0]}/{total[1]}, "
            f"wrongly flagged {total[2]}/{total[3]}",
            file=sys.stderr,
        )
    name = args.corpus.resolve().name
    args.output.write_text(model_json(name, len(docs), weights, bias), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
