"""Score the attribution extractor on a PolNeAR-style split: python benchmarks/attribution.py DIR.

DIR holds text/NAME.txt and attributions/NAME.ann (BRAT standoff). The predictions are every
cue of find_attributions(text, "en") (the cue level under extract_claims). A predicted cue
matches a gold cue by character overlap, one to one; within matched pairs a source counts as
found when the predicted and gold source spans overlap (source P over matched pairs with a
predicted source, R over matched pairs with a gold source). Throughput is end to end
(extract_claims over every file, language detected, one process on one core), in MB of UTF-8
text per CPU second, best of three runs so that other load on the machine does not count.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tracker.extract import extract_claims, find_attributions
from tracker.extract.cues import next_class, prev_class
from tracker.extract.sentences import split_sentences
from tracker.extract.tokens import tokenize

Spans = list[tuple[int, int]]


@dataclass
class Gold:
    """One gold attribution: its cue spans and source spans (possibly discontinuous)."""

    cue: Spans
    source: Spans = field(default_factory=list)


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
        gold.append(Gold(spans[cue], src))
    return gold


def _overlap(a: Spans, b: Spans) -> bool:
    return any(x0 < y1 and y0 < x1 for x0, x1 in a for y0, y1 in b)


@dataclass
class Counts:
    """Running totals for cue and source precision/recall."""

    cue_tp: int = 0
    cue_pred: int = 0
    cue_gold: int = 0
    src_tp: int = 0
    src_pred: int = 0
    src_gold: int = 0


def score_document(text: str, gold: list[Gold], counts: Counts) -> None:
    """Match predicted to gold cues one to one by overlap, then compare sources."""
    preds: list[tuple[Spans, Spans]] = []
    for _seg, atts in find_attributions(text, "en"):
        for a in atts:
            if a.cue is None:
                continue
            src = [(a.source.start, a.source.end)] if a.source is not None else []
            preds.append(([(a.cue.start, a.cue.end)], src))
    counts.cue_pred += len(preds)
    counts.cue_gold += len(gold)
    used: set[int] = set()
    for p_cue, p_src in preds:
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


THRESHOLD = 0.65  # chosen by two-fold cross-validation on the train split
LEXICON = Path(__file__).resolve().parents[1] / "tracker" / "extract" / "lexicon_en_context.py"
LEXICON_HEADER = '''"""English cue lexicon with context conditions.

Each word maps context keys "PREV|NEXT" to whether the word is a cue there; lookup tries
PREV|NEXT, PREV|*, *|NEXT, *|* and the first key present decides. The context classes are
cues.prev_class and cues.next_class (P personal pronoun, R relative pronoun, IT it/you,
N name, A auxiliary, TO, D determiner, Q quote or colon, C comma, W other word (WS ending in
-s before the cue, WV in -ed/-ing after it), X other punctuation, S sentence start; NEXT also
THAT, E end and PR:<preposition>).

Derived from the cue statistics of an annotated English news corpus (words and context classes
only) by `python benchmarks/attribution.py --derive-lexicon DIR`.
"""

from __future__ import annotations

CUE_CONTEXTS: dict[str, dict[str, bool]] = {
'''


def derive_lexicon(
    docs: list[tuple[str, list[Gold]]],
    threshold: float = THRESHOLD,
    support: int = 5,
    word_precision: float = 0.2,
    word_hits: int = 8,
) -> dict[str, dict[str, bool]]:
    """Context keys in which a word is a gold cue at least `threshold` of the time.

    A key needs `support` occurrences; a word needs `word_precision` overall and `word_hits`
    cue occurrences. Keys whose decision equals their back-off are dropped.
    """
    seen: dict[tuple[str, str, str], int] = {}
    hits: dict[tuple[str, str, str], int] = {}
    for text, gold in docs:
        cue_chars = bytearray(len(text) + 1)
        for g in gold:
            for a, b in g.cue:
                cue_chars[a:b] = b"\x01" * (b - a)
        for seg in split_sentences(text):
            toks = tokenize(text, seg.start, seg.end)
            for k, t in enumerate(toks):
                if any(a < t[0] and t[1] < b for a, b in seg.quotes):
                    continue  # the extractor ignores cues inside quotations
                p, n = prev_class(toks, k), next_class(toks, k)
                hit = 1 in cue_chars[t[0] : t[1]]
                for key in ((t[3], p, n), (t[3], p, "*"), (t[3], "*", n), (t[3], "*", "*")):
                    seen[key] = seen.get(key, 0) + 1
                    hits[key] = hits.get(key, 0) + hit
    words = {
        w
        for (w, p, n), c in seen.items()
        if c >= support
        and hits[(w, p, n)] / c >= threshold
        and hits[(w, "*", "*")] >= word_hits
        and hits[(w, "*", "*")] / seen[(w, "*", "*")] >= word_precision
    }
    table: dict[str, dict[str, bool]] = {}
    for (w, p, n), c in seen.items():
        if w in words and c >= support:
            table.setdefault(w, {})[f"{p}|{n}"] = hits[(w, p, n)] / c >= threshold

    def decide(tb: dict[str, bool], p: str, n: str) -> bool:
        for key in (f"{p}|{n}", f"{p}|*", f"*|{n}", "*|*"):
            if key in tb:
                return tb[key]
        return False

    for tb in table.values():
        for key in [k for k in tb if "*" not in k]:
            value = tb.pop(key)
            if decide(tb, *key.split("|")) != value:
                tb[key] = value
        for key in [k for k in tb if k.startswith("*|") and k != "*|*"]:
            value = tb.pop(key)
            if tb.get("*|*", False) != value:
                tb[key] = value
    return table


def write_lexicon(table: dict[str, dict[str, bool]], path: Path) -> None:
    """Write the context lexicon as a Python module."""
    lines = [LEXICON_HEADER.rstrip("\n")]
    for word in sorted(table):
        items = ", ".join(f"{k!r}: {v}" for k, v in sorted(table[word].items()))
        lines.append(f"    {word!r}: {{{items}}},".replace("'", '"'))
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Print cue and source P/R/F1 and throughput for one split directory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split_dir", type=Path)
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help=argparse.SUPPRESS)
    parser.add_argument(
        "--derive-lexicon",
        action="store_true",
        help="rewrite tracker/extract/lexicon_en_context.py from this split instead of scoring",
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
    if args.derive_lexicon:
        table = derive_lexicon(docs, args.threshold)
        write_lexicon(table, LEXICON)
        print(f"wrote {len(table)} words to {LEXICON} (run ruff format on it)")
        return 0
    counts = Counts()
    for text, gold in docs:
        score_document(text, gold, counts)
    size = sum(len(t.encode("utf-8")) for t, _ in docs)
    elapsed = float("inf")
    for _ in range(3):  # best of three, in CPU time of this process (one core)
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
        f"{counts.src_pred}, gold {counts.src_gold})"
    )
    print(
        f"throughput {size / 1e6 / elapsed:.2f} MB/s  ({elapsed:.2f} s CPU, best of 3, "
        "extract_claims end to end, language detected)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
