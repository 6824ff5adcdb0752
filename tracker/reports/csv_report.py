"""CSV: one row per claim, UTF-8 with a header, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from ..services.reports import NO_SOURCE, ArticleRecord, ClaimRecord, HopRecord, ReportMeta
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
    "claim_reviewed",
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


def _article_cells(article: ArticleRecord) -> tuple[object, str, str, str]:
    return (
        article.id,
        safe_cell(article.title),
        safe_cell(article.url),
        safe_cell(article.outlet.name) if article.outlet else "",
    )


def _corrections_cell(claim: ClaimRecord) -> str:
    return safe_cell(
        " | ".join(
            (
                f"{iso(c.at)} {c.before_status} -> {c.after_status}"
                if c.kind == "correction"
                else f"{iso(c.at)} rationale edited ({c.after_status})"
            )
            + f" by {c.actor or '?'}: "
            f"{c.after_rationale}"
            for c in claim.corrections
        )
    )


def _row(claim: ClaimRecord, article: tuple[object, str, str, str]) -> tuple[object, ...]:
    """The cells of one claim; `article` its article's cells. Ids, statuses, kinds, yes/no and
    timestamps are written as they are (none can start a formula), everything a person or an
    article wrote goes through safe_cell."""
    chain = claim.chain
    primary = chain[-1].source if chain else None
    evidence = claim.evidence
    reviewed_at = claim.reviewed_at
    first_verdict_at = claim.first_verdict_at
    return (
        *article,
        claim.id,
        safe_cell(claim.text),
        safe_cell(claim.exact),
        claim.status,
        safe_cell(claim.rationale),
        safe_cell(primary.name) if primary else ("(no source)" if chain else ""),
        primary.kind if primary else NO_SOURCE,
        safe_cell(" > ".join([hop_text(h) for h in chain])) if chain else "",
        safe_cell(claim.cue),
        "yes" if chain and primary is None else "no",
        safe_cell(
            " | ".join(
                [h.source.anonymity_reason for h in chain if h.source and h.source.anonymity_reason]
            )
        )
        if chain
        else "",
        safe_cell(" ".join([ev.url for ev in evidence])) if evidence else "",
        safe_cell(
            " | ".join(
                [
                    f"{ev.url} ({ev.stance}"
                    + (f", sha256 {ev.archived_sha256}" if ev.archived_sha256 else "")
                    + ")"
                    for ev in evidence
                ]
            )
        )
        if evidence
        else "",
        safe_cell(claim.reviewer),
        reviewed_at.isoformat() if reviewed_at is not None else "",
        first_verdict_at.isoformat() if first_verdict_at is not None else "",
        _corrections_cell(claim) if claim.corrections else "",
        claim.created_at.isoformat(),
        claim.updated_at.isoformat(),
        safe_cell(claim.claim_reviewed),
    )


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
    # An article's cells are worked out once for its run of claims.
    article: ArticleRecord | None = None
    article_cells: tuple[object, str, str, str] = (0, "", "", "")
    rows: list[tuple[object, ...]] = []
    for claim in claims:
        if claim.article is not article:
            article = claim.article
            article_cells = _article_cells(article)
        rows.append(_row(claim, article_cells))
        if len(rows) == ROWS_PER_CHUNK:
            writer.writerows(rows)
            rows.clear()
            yield flush()
    writer.writerows(rows)
    rest = flush()
    if rest:
        yield rest
