"""Derive the English cue model from a BRAT-annotated training split.

    python tools/derive_cue_model.py TRAIN_DIR [--output FILE]

TRAIN_DIR holds text/NAME.txt and attributions/NAME.ann (BRAT standoff, as PolNeAR); only the
cue spans are read. The model is a logistic regression over tracker.extract.cues.cue_features
(the scorer, cues.cue_score, sums the weights of the same features), trained on the tokens
extract_claims scores; its threshold is the best four-fold cross-validated F1 with precision
>= P_MIN. It is written as JSON (words, context classes and
weights, no text) to tracker/extract/cue_model_en.json unless --output says otherwise. The
output is deterministic: tests/unit/extract/test_cue_model_en.py regenerates it from PolNeAR
train and compares. Train on a training split only; the dev split measures.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from tracker.extract.cues import RANK_FLOOR, cue_features, cue_sentence
from tracker.extract.extractor import sentence_tokens
from tracker.extract.sentences import Segment, split_sentences
from tracker.extract.tokens import END, LOW, START, Token

Spans = list[tuple[int, int]]
MODEL = Path(__file__).resolve().parents[1] / "tracker" / "extract" / "cue_model_en.json"
GENERATOR = "tools/derive_cue_model.py"


def read_cues(path: Path) -> list[Spans]:
    """The cue spans (possibly discontinuous) of the attributions in a BRAT .ann file."""
    spans: dict[str, Spans] = {}
    cues: list[Spans] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            offsets = parts[1].split(" ", 1)[1]
            spans[parts[0]] = [
                (int(a), int(b)) for a, b in (seg.split() for seg in offsets.split(";"))
            ]
        elif line.startswith("E") and len(parts) >= 2:
            args = dict(arg.split(":", 1) for arg in parts[1].split())
            if args.get("Cue") in spans:
                cues.append(spans[args["Cue"]])
    return cues


def prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1."""
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


MIN_HITS = 3  # a candidate word is a gold cue at least this often ...
MIN_RATE = 0.02  # ... and at least this share of its occurrences
MIN_COUNT = 3  # a feature must occur this often in training
L2 = 3e-3
EPOCHS = 4
P_MIN = 0.86  # the threshold is the best cross-validated F1 with at least this precision
FOLDS = 4
PRUNE_AT, PRUNE_HITS, PRUNE_RATE = 0.5, 2, 0.02
WEAK_RATE = 0.15  # a candidate the model takes alone less often than this triggers nothing


@dataclass
class Example:
    """One candidate token: its features, label and where it is (for grouping)."""

    feats: list[str]
    label: int
    doc: int
    sent: int
    tok: int
    gold: int  # 1-based index of the gold cue it overlaps, 0 for none


@dataclass(frozen=True, slots=True)
class Sentence:
    """A training sentence: where it is, its tokens as extract_claims scores them, the gold
    cue each token belongs to (1-based, 0 for none) and whether it is inside a quotation."""

    doc: int
    index: int
    segment: Segment
    toks: list[Token]
    gold: list[int]
    quoted: list[bool]


def _sentence_tokens(docs: list[tuple[str, list[Spans]]]) -> list[Sentence]:
    """Every sentence of the documents with its tokens and their gold cues."""
    out = []
    for di, (text, gold) in enumerate(docs):
        owner = [0] * (len(text) + 1)
        for gi, g in enumerate(gold):
            for a, b in g:
                owner[a:b] = [gi + 1] * (b - a)
        for si, seg in enumerate(split_sentences(text)):
            toks = sentence_tokens(text, seg)  # what extract_claims scores
            ids = [max(owner[t[START] : t[END]]) for t in toks]
            inq = [any(a < t[START] and t[END] < b for a, b in seg.quotes) for t in toks]
            out.append(Sentence(di, si, seg, toks, ids, inq))
    return out


def _examples(
    sents: list[Sentence],
    candidates: set[str],
    rates: dict[str, float],
) -> list[Example]:
    """Candidate tokens with features; within a gold cue only its most cue-like word is positive
    (the others are left out), since one overlapping token is all a cue needs."""
    out: list[Example] = []
    for sentence in sents:
        di, si, seg, toks = sentence.doc, sentence.index, sentence.segment, sentence.toks
        ids, inq = sentence.gold, sentence.quoted
        sent = cue_sentence(
            toks, range(len(toks)), rates.get, seg.kind == "heading", bool(seg.quotes)
        )
        heads: dict[int, int] = {}
        for k, t in enumerate(toks):
            if ids[k] and not inq[k] and t[LOW] in candidates:
                h = heads.get(ids[k])
                if h is None or rates[t[LOW]] > rates[toks[h][LOW]]:
                    heads[ids[k]] = k
        head_set = set(heads.values())
        for k, t in enumerate(toks):
            if inq[k] or t[LOW] not in candidates or (ids[k] and k not in head_set):
                continue
            feats = cue_features(toks, k, sent)
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
    docs: list[tuple[str, list[Spans]]],
) -> tuple[float, set[str], dict[str, float], dict[str, float], set[str]]:
    """Threshold, candidate words, rank rates, weights and weak words of the English cue model.

    Candidates are words that are gold cues MIN_HITS times and MIN_RATE of the time; those a
    first model takes fewer than PRUNE_HITS times or for less than PRUNE_RATE of their
    occurrences are dropped (they cost time and add little). The threshold is the best F1 with
    precision >= P_MIN over FOLDS-fold cross-validation by document. Weak words are the
    candidates that the final model takes as a sentence's only cue word for less than
    WEAK_RATE of their occurrences ("also" in "also said"): a sentence whose only cue words
    are weak is not analysed (a cascade that saves time, not a linguistic rule).
    """
    sents = _sentence_tokens(docs)
    seen: dict[str, int] = {}
    hits: dict[str, int] = {}
    for sentence in sents:
        for t, gid, q in zip(sentence.toks, sentence.gold, sentence.quoted, strict=True):
            if not q:
                seen[t[LOW]] = seen.get(t[LOW], 0) + 1
                hits[t[LOW]] = hits.get(t[LOW], 0) + (gid > 0)
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
            print(f"cv threshold {th:+.2f}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}", file=sys.stderr)
    weights = _train(examples)
    table: dict[str, float] = {}
    for feat, v in weights.items():
        if abs(v) >= 0.01 and "\\" not in feat and '"""' not in feat:
            table[feat] = round(v, 3)
    occurs.clear()
    by_sentence: dict[tuple[int, int], set[str]] = {}
    for ex, sc in zip(examples, _scores(table, examples), strict=True):
        word = ex.feats[1][2:]
        occurs[word] = occurs.get(word, 0) + 1
        if sc > threshold:
            by_sentence.setdefault((ex.doc, ex.sent), set()).add(word)
    alone: dict[str, int] = {}  # sentences where the word is the only one taken
    for taken_words in by_sentence.values():
        if len(taken_words) == 1:
            (word,) = taken_words
            alone[word] = alone.get(word, 0) + 1
    weak = {w for w in candidates if alone.get(w, 0) < WEAK_RATE * occurs.get(w, 1)}
    ranked = {w: r for w, r in rates.items() if r > RANK_FLOOR}
    return threshold, candidates, ranked, table, weak


def model_json(
    split: str,
    n_docs: int,
    threshold: float,
    candidates: set[str],
    rank_rates: dict[str, float],
    weights: dict[str, float],
    weak: set[str],
) -> str:
    """The model file's text: a header, then the threshold and tables (one entry a line)."""
    model = {
        "header": {
            "model": "English cue model: logistic-regression weights over "
            "tracker.extract.cues.cue_features",
            "generator": GENERATOR,
            "training_split": split,
            "documents": n_docs,
            "rule": "a token whose word is in candidates is a cue when the sum of the weights "
            "of its features exceeds threshold (the best four-fold cross-validated F1 with "
            f"precision >= {P_MIN}); rank_rates are the prior cue rates of the words that feed "
            "the sentence-rank features; a sentence whose only cue words are weak_words is "
            "not analysed (the model takes each as a sentence's only cue word for less than "
            f"{WEAK_RATE} of its occurrences)",
            "note": "derived, do not edit by hand",
        },
        "threshold": threshold,
        "candidates": sorted(candidates),
        "rank_rates": dict(sorted(rank_rates.items())),
        "weights": dict(sorted(weights.items())),
        "weak_words": sorted(weak),
    }
    return json.dumps(model, indent=0, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Derive the model from a split directory and write it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split_dir", type=Path)
    parser.add_argument("--output", type=Path, default=MODEL)
    args = parser.parse_args(argv)
    text_dir = args.split_dir / "text"
    ann_dir = args.split_dir / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        print(f"error: {args.split_dir} has no text/ and attributions/", file=sys.stderr)
        return 2
    docs: list[tuple[str, list[Spans]]] = []
    for txt in sorted(text_dir.glob("*.txt")):
        ann = ann_dir / (txt.stem + ".ann")
        if ann.exists():
            docs.append((txt.read_text(encoding="utf-8"), read_cues(ann)))
    threshold, candidates, rank_rates, weights, weak = derive_model(docs)
    split = "/".join(args.split_dir.resolve().parts[-2:])
    text = model_json(split, len(docs), threshold, candidates, rank_rates, weights, weak)
    args.output.write_text(text, encoding="utf-8")
    print(
        f"wrote {len(candidates)} candidate words, {len(weights)} weights, threshold "
        f"{threshold} to {args.output}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
