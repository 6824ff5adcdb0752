"""Forms of the claim panel; each carries the claim's version (no silent overwrites)."""

from __future__ import annotations

import re
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    FieldList,
    Form,
    FormField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange
from wtforms.widgets import HiddenInput

from ...services.review import Fragment
from ...wording import CLAIM_REVIEWED_MAX
from ..labels import ATTRIBUTION_KIND_CHOICE, DISMISS, SOURCE_KIND, STANCE, choices


class VersionedForm(FlaskForm):
    version = IntegerField(widget=HiddenInput(), validators=[InputRequired(), NumberRange(min=1)])


class TextForm(VersionedForm):
    text = TextAreaField(_l("Wording"), validators=[DataRequired(), Length(max=5000)])


class StatusForm(VersionedForm):
    status = StringField(validators=[Length(max=20)])  # sent by the verdict buttons
    rationale = TextAreaField(_l("Rationale"), validators=[Length(max=20000)])
    claim_reviewed = StringField(
        _l("Claim reviewed, in a few words"),
        validators=[Length(max=CLAIM_REVIEWED_MAX)],
        render_kw={"aria-describedby": "claim-reviewed-help"},
    )


class AssignForm(VersionedForm):
    assignee = SelectField(_l("Assign to"), choices=[], validate_choice=False)


class HopForm(Form):
    """One hop; the source by '#id name' (from the registry's list) or a name; a name not in the
    registry is created as a new source of the kind chosen."""

    source = StringField(_l("Source"), validators=[Length(max=300)])
    kind = SelectField(
        _l("Attribution"), choices=choices(ATTRIBUTION_KIND_CHOICE), default="reported"
    )
    new_kind = SelectField(
        _l("If new, create as"),
        choices=choices(SOURCE_KIND, _l("(a source in the registry)")),
        default="",
    )


MAX_HOPS = 20
# The chain editor's buttons besides "save": add a hop, or remove or move hop N (1-based).
_EDIT = re.compile(r"^(add)$|^(remove|up|down)-(\d{1,2})$")


class ChainForm(VersionedForm):
    hops = FieldList(FormField(HopForm), min_entries=0, max_entries=MAX_HOPS)

    def rows(self) -> list[dict[str, str]]:
        return [dict(entry.form.data) for entry in self.hops]


def edited_chain(form: ChainForm, edit: str) -> ChainForm | None:
    """The chain form after one of its edit buttons (`edit`: "add", "remove-N", "up-N",
    "down-N"), with what the user typed kept, for the page to show again unsaved; None when
    `edit` names no such edit."""
    m = _EDIT.match(edit)
    if m is None:
        return None
    rows = form.rows()
    if m.group(1):
        if len(rows) < MAX_HOPS:
            rows.append(dict(EMPTY_HOP))
    else:
        n = int(m.group(3)) - 1
        if not 0 <= n < len(rows):
            return None
        if m.group(2) == "remove":
            del rows[n]
        else:
            other = n - 1 if m.group(2) == "up" else n + 1
            if 0 <= other < len(rows):
                rows[n], rows[other] = rows[other], rows[n]
    return ChainForm(
        prefix="chain", formdata=None, data={"hops": rows, "version": form.version.data}
    )


class EvidenceForm(FlaskForm):
    url = StringField(_l("Web address"), validators=[DataRequired(), Length(max=2000)])
    title = StringField(_l("Title"), validators=[Length(max=500)])
    excerpt = TextAreaField(_l("Excerpt"), validators=[Length(max=20000)])
    stance = SelectField(_l("Stance"), choices=choices(STANCE))


class RemoveEvidenceForm(FlaskForm):
    reason = StringField(_l("Why remove it?"), validators=[DataRequired(), Length(max=2000)])


class DismissForm(VersionedForm):
    """Set a claim aside, for one of the reasons; RestoreForm brings it back."""

    reason = SelectField(_l("Reason"), choices=choices(DISMISS))


class RestoreForm(VersionedForm):
    pass


class PartForm(Form):
    """One part of a split: the words of the claim it comes from, and its own wording."""

    words = StringField(_l("Words of the claim it comes from"), validators=[Length(max=5000)])
    text = StringField(_l("Reworded as (optional)"), validators=[Length(max=5000)])


MAX_PARTS = 10
EMPTY_PART = {"words": "", "text": ""}


class SplitForm(VersionedForm):
    parts = FieldList(FormField(PartForm), min_entries=2, max_entries=MAX_PARTS)

    def fragments(self) -> list[Fragment]:
        return [
            Fragment(entry.form.words.data or "", entry.form.text.data or None)
            for entry in self.parts
        ]


def with_another_part(form: SplitForm) -> SplitForm:
    """The split form with one empty part more (its "add a part" button), input kept."""
    rows = [dict(entry.form.data) for entry in form.parts]
    if len(rows) < MAX_PARTS:
        rows.append(dict(EMPTY_PART))
    return SplitForm(
        prefix="split", formdata=None, data={"parts": rows, "version": form.version.data}
    )


EMPTY_HOP = {"source": "", "kind": "reported", "new_kind": ""}


def hop_rows(claim: Any) -> list[dict[str, str]]:
    """The chain as editor rows (an empty chain: one empty row to fill in)."""
    rows = [
        {
            "source": f"#{hop.source_id} {hop.source.name}" if hop.source else "",
            "kind": hop.kind,
            "new_kind": "",
        }
        for hop in claim.attributions
    ]
    return rows or [dict(EMPTY_HOP)]


class CommentForm(FlaskForm):
    """A message in the claim's thread; `@name` mentions a colleague."""

    body = TextAreaField(_l("Comment"), render_kw={"aria-describedby": "comment-help"})
