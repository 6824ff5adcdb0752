"""CSV: one row per claim, UTF-8 with a header, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from ..services.reports import ClaimRecord, HopRecord, ReportMeta
from .common import iso

COLUMNS = (
    "article_id",
    "article_title",
    "article_url",
    "outlet",
    "claim_id",
    "claim",
    "quote",
    "status",
    "rationale",
    "primary_source",
    "primary_source_kind",
    "chain",
    "cue",
    "hearsay",
    "anonymity_reasons",
    "evidence_urls",
    "evidence",
    "reviewer",
    "reviewed_at",
    "first_verdict_at",
    "corrections",
    "created_at",
    "updated_at",
)

# What a spreadsheet may read as the start of a formula, ASCII and full-width, after any
# leading blanks (a space, tab, newline or no-break space before "=" still starts a formula).
_FORMULA_START = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value: object) -> str:
    """The cell as text; one that could start a formula gets a leading ' to stay text."""
    text = "" if value is None else str(value)
    if not text or text[0].isalnum():  # the common case, decided by the first character
        return text
    if text.lstrip().startswith(_FORMULA_START) or text.startswith(("\t", "\r")):
        return "'" + text
    return text


def hop_text(hop: HopRecord) -> str:
    """ "1: Russische soldaten [group, reported, verklaren]" or "0: (no source) [hearsay, ...]"."""
    name = hop.source.name if hop.source else "(no source)"
    details = [hop.source.kind if hop.source else "no source", hop.kind]
    if hop.mention:
        details.append(f"article says: {hop.mention}")
    if hop.cue:
        details.append(f"cue: {hop.cue}")
    if hop.source and hop.source.anonymity_reason:
        details.append(f"anonymous because: {hop.source.anonymity_reason}")
    return f"{hop.position}: {name} [{'; '.join(details)}]"


def row(claim: ClaimRecord) -> list[str]:
    primary = claim.primary_source
    reasons = [
        h.source.anonymity_reason for h in claim.chain if h.source and h.source.anonymity_reason
    ]
    values: list[object] = [
        claim.article.id,
        claim.article.title,
        claim.article.url,
        claim.article.outlet.name if claim.article.outlet else "",
        claim.id,
        claim.text,
        claim.exact,
        claim.status,
        claim.rationale,
        primary.name if primary else ("(no source)" if claim.chain else ""),
        claim.source_kind,
        " > ".join(hop_text(h) for h in claim.chain),
        claim.cue,
        "yes" if claim.hearsay else "no",
        " | ".join(reasons),
        " ".join(ev.url for ev in claim.evidence),
        " | ".join(
            f"{ev.url} ({ev.stance}"
            + (f", sha256 {ev.archived_sha256}" if ev.archived_sha256 else "")
            + ")"
            for ev in claim.evidence
        ),
        claim.reviewer,
        iso(claim.reviewed_at),
        iso(claim.first_verdict_at),
        " | ".join(
            (
                f"{iso(c.at)} {c.before_status} -> {c.after_status}"
                if c.kind == "correction"
                else f"{iso(c.at)} rationale edited ({c.after_status})"
            )
            + f" by {c.actor or '?'}: "
            f"{c.after_rationale}"
            for c in claim.corrections
        ),
        iso(claim.created_at),
        iso(claim.updated_at),
    ]
    return [safe_cell(v) for v in values]


ROWS_PER_CHUNK = 100


def render_csv(meta: ReportMeta, claims: Iterable[ClaimRecord]) -> Iterator[str]:
    """A byte-order mark (so spreadsheets read UTF-8), the header, then one line per claim,
    yielded a hundred lines at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(COLUMNS)
    yield "\ufeff" + flush()
    for n, claim in enumerate(claims, 1):
        writer.writerow(row(claim))
        if n % ROWS_PER_CHUNK == 0:
            yield flush()
    rest = flush()
    if rest:
        yield rest
