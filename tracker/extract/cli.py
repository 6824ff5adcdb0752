"""`tracker extract [--lang auto|nl|en] [--format jsonl|text] FILE...` without the click wiring."""

from __future__ import annotations

import json
import os
import sys
from typing import TextIO

from .extractor import extract_claims
from .reading import ReadError, read_text
from .types import Claim


def _text_line(claim: Claim) -> str:
    a = claim.attribution
    head = f"[{claim.start}-{claim.end}] score {claim.score:.2f}"
    head += " checkworthy" if claim.checkworthy else ""
    lines = [head, f"  {claim.text}"]
    if a is not None:
        who = a.source.text if a.source else "(no source)"
        kind = f"{a.source.kind}" if a.source else ""
        cue = a.cue.text if a.cue else "(continued quote)"
        via = f" via {', '.join(v.text for v in a.via)}" if a.via else ""
        lines.append(f"  {a.kind}: {who} {kind}{via} | cue: {cue}".rstrip())
    if claim.numbers:
        lines.append("  numbers: " + ", ".join(f"{n.text}={n.value}" for n in claim.numbers))
    if claim.suggested_status:
        lines.append(f"  suggested status: {claim.suggested_status}")
    return "\n".join(lines)


def run_extract(files: list[str], lang: str, fmt: str, out: TextIO) -> int:
    """Extract claims from every file to `out`; 0 on success, 1 if any file could not be read.

    lang: 'auto', 'nl' or 'en'. fmt: 'jsonl' (one JSON object per claim, `document` = the file's
    base name) or 'text' (a readable listing). Errors go to stderr, one line per file.
    """
    if fmt not in ("jsonl", "text"):
        print(f"error: unknown format {fmt!r} (jsonl or text)", file=sys.stderr)
        return 2
    if lang not in ("auto", "nl", "en"):
        print(f"error: unknown language {lang!r} (auto, nl or en)", file=sys.stderr)
        return 2
    status = 0
    for path in files:
        try:
            text = read_text(path)
        except ReadError as exc:
            print(f"error: {exc}", file=sys.stderr)
            status = 1
            continue
        name = os.path.basename(path)
        claims = extract_claims(text, None if lang == "auto" else lang)
        if fmt == "jsonl":
            for claim in claims:
                out.write(json.dumps(claim.to_json(name), ensure_ascii=False) + "\n")
        else:
            out.write(f"== {name}: {len(claims)} claims\n")
            for claim in claims:
                out.write(_text_line(claim) + "\n")
    return status
