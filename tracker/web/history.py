"""Audit events as a reader sees them: who, when, what, and each changed field before → after."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from flask_babel import gettext as _

from ..models import AuditEvent
from .labels import ATTRIBUTION_KIND, CLAIM_EVENT, dismiss_label, label, stance_label, status_label


@dataclass(frozen=True)
class Change:
    """One field of an event: its label, the value before (may be empty) and after."""

    label: str
    before: str
    after: str


@dataclass(frozen=True)
class HistoryRow:
    at: str
    actor: str
    action: str
    changes: list[Change] = field(default_factory=list)


def _field_labels() -> dict[str, str]:
    return {
        "status": _("Status"),
        "rationale": _("Rationale"),
        "claim_reviewed": _("Claim reviewed (ClaimReview)"),
        "text": _("Wording"),
        "assignee_id": _("Assigned to"),
        "chain": _("Provenance chain"),
        "children": _("Parts"),
        "url": _("Web address"),
        "title": _("Title"),
        "excerpt": _("Excerpt"),
        "stance": _("Stance"),
        "archived_sha256": _("Archived copy (SHA-256)"),
        "reason": _("Reason"),
        "start": _("Start"),
        "end": _("End"),
        "dismissed": _("Dismissed as"),
        "body": _("Comment"),
        "mentions": _("Mentioned"),
    }


def chain_text(chain: Iterable[Mapping[str, Any]]) -> str:
    """A provenance chain in one line: "The New York Times (reported) → soldiers (quote)"."""
    hops = [
        f"{hop.get('source') or _('no source')} ({label(ATTRIBUTION_KIND, str(hop.get('kind')))})"
        for hop in chain
    ]
    return " → ".join(hops) or _("no attribution")


def _value(key: str, value: Any, users: Mapping[int, str]) -> str:
    if value is None or value == "":
        return ""
    if key == "status":
        return status_label(str(value))
    if key == "assignee_id":
        return users.get(int(value), f"#{value}") if str(value).isdigit() else str(value)
    if key == "chain" and isinstance(value, list):
        return chain_text(value)
    if key == "children" and isinstance(value, list):
        return " | ".join(str(c.get("text", "")) for c in value if isinstance(c, dict))
    if key == "stance":
        return stance_label(str(value))
    if key == "dismissed":
        return dismiss_label(str(value))
    if key == "mentions" and isinstance(value, list):
        return ", ".join(users.get(int(u), f"#{u}") for u in value if str(u).isdigit())
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def describe(event: AuditEvent, users: Mapping[int, str]) -> HistoryRow:
    """One event for the history list: only the fields it changed, in words."""
    before = event.before if isinstance(event.before, dict) else {}
    after = event.after if isinstance(event.after, dict) else {}
    labels = _field_labels()
    changes: list[Change] = []
    for key in [*after, *(k for k in before if k not in after)]:
        if key in ("removed", "id", "version", "parent_id", "article_id"):
            continue
        old, new = _value(key, before.get(key), users), _value(key, after.get(key), users)
        if old == new and event.action != "evidence.remove":
            continue
        changes.append(Change(labels.get(key, key), old, new))
    if event.action == "evidence.remove":  # what was removed, and why
        changes = [
            Change(labels[k], _value(k, before.get(k), users), "")
            for k in ("url", "title", "stance")
            if before.get(k)
        ] + [Change(labels["reason"], "", str(after.get("reason", "")))]
    return HistoryRow(
        at=event.at.strftime("%Y-%m-%d %H:%M UTC"),
        actor=event.actor.name if event.actor else _("system"),
        action=label(CLAIM_EVENT, event.action),
        changes=changes,
    )


def _user_name(value: object, users: Mapping[int, str]) -> str:
    raw = str(value or "")
    if not raw.isdigit():
        return str(_("nobody"))
    return str(users.get(int(raw), f"#{raw}"))


@dataclass(frozen=True)
class Conflict:
    """An edit refused because someone else changed the claim meanwhile (StaleVersion): the
    panel form it came from, what the user sent, and the claim as it is now."""

    form: str
    sent: Mapping[str, Any]
    current: Mapping[str, Any]
    expected: int

    def shown(self, users: Mapping[int, str]) -> dict[str, Any]:
        """What changed, for the page: the current values next to what the user sent."""
        cur, data = self.current, self.sent
        rows: list[tuple[str, str, str]] = []
        if self.form == "text":
            rows.append((_("Wording"), str(cur.get("text", "")), str(data.get("text") or "")))
        elif self.form == "status":
            rows.append(
                (
                    _("Status"),
                    status_label(str(cur.get("status") or "")),
                    status_label(str(data.get("status") or "")) if data.get("status") else "",
                )
            )
            rows.append(
                (_("Rationale"), str(cur.get("rationale", "")), str(data.get("rationale") or ""))
            )
            if data.get("claim_reviewed") is not None:
                rows.append(
                    (
                        _("Claim reviewed (ClaimReview)"),
                        str(cur.get("claim_reviewed") or ""),
                        str(data.get("claim_reviewed") or ""),
                    )
                )
        elif self.form == "assign":
            rows.append(
                (
                    _("Assigned to"),
                    _user_name(cur.get("assignee_id"), users),
                    _user_name(data.get("assignee"), users),
                )
            )
        elif self.form == "chain":
            mine = " → ".join(
                h.get("source") or _("no source") for h in data.get("hops", []) if h.get("source")
            )
            rows.append((_("Provenance chain"), chain_text(cur.get("chain", [])), mine))
        elif self.form == "split":
            parts = [
                p.get("text") or p.get("words") or ""
                for p in data.get("parts") or []
                if isinstance(p, dict)
            ]
            rows.append((_("Wording"), str(cur.get("text", "")), " | ".join(p for p in parts if p)))
        return {"current": cur, "rows": rows, "form": self.form, "expected": self.expected}
