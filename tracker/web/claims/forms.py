"""Forms of the claim panel; each carries the claim's version (no silent overwrites)."""

from __future__ import annotations

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
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange
from wtforms.widgets import HiddenInput

from ...models import DISMISS_REASONS, SOURCE_KINDS, STANCES

KIND_LABELS = {
    "reported": _l("reported (cites someone)"),
    "quote": _l("direct quote"),
    "hearsay": _l("hearsay (no source)"),
}
SOURCE_KIND_LABELS = {
    "outlet": _l("outlet"),
    "person": _l("person"),
    "organization": _l("organization"),
    "government": _l("government"),
    "agency": _l("agency"),
    "document": _l("document"),
    "group": _l("group"),
    "anonymous": _l("anonymous"),
}
STANCE_LABELS = {"supports": _l("supports"), "refutes": _l("refutes"), "context": _l("context")}


def _choices(labels: dict[str, Any]) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in labels.items()]


class VersionedForm(FlaskForm):
    version = IntegerField(widget=HiddenInput(), validators=[InputRequired(), NumberRange(min=1)])


class TextForm(VersionedForm):
    text = TextAreaField(_l("Wording"), validators=[DataRequired(), Length(max=5000)])


class StatusForm(VersionedForm):
    status = StringField(validators=[Length(max=20)])  # sent by the verdict buttons
    rationale = TextAreaField(_l("Rationale"), validators=[Length(max=20000)])


class AssignForm(VersionedForm):
    assignee = SelectField(_l("Assign to"), choices=[], validate_choice=False)


class HopForm(Form):
    """One hop; the source by '#id name' or a name; a new source needs a kind."""

    source = StringField(_l("Source"), validators=[Length(max=300)])
    kind = SelectField(_l("Attribution"), choices=_choices(KIND_LABELS), default="reported")
    new_kind = SelectField(
        _l("Create as new source of kind"),
        choices=[SelectChoice("", _l("(existing source)")), *_choices(SOURCE_KIND_LABELS)],
        default="",
    )
    remove = SelectField(
        _l("Keep hop"),
        choices=[SelectChoice("", _l("keep")), SelectChoice("1", _l("remove"))],
        default="",
    )


class ChainForm(VersionedForm):
    hops = FieldList(FormField(HopForm), min_entries=1, max_entries=20)


class EvidenceForm(FlaskForm):
    url = StringField(_l("Web address"), validators=[DataRequired(), Length(max=2000)])
    title = StringField(_l("Title"), validators=[Length(max=500)])
    excerpt = TextAreaField(_l("Excerpt"), validators=[Length(max=20000)])
    stance = SelectField(_l("Stance"), choices=_choices(STANCE_LABELS))


class RemoveEvidenceForm(FlaskForm):
    reason = StringField(_l("Why remove it?"), validators=[DataRequired(), Length(max=2000)])


DISMISS_LABELS = {
    "not_a_claim": _l("not a claim"),
    "duplicate": _l("duplicate"),
    "not_checkworthy": _l("not check-worthy"),
}


class DismissForm(VersionedForm):
    """Set a claim aside, for one of the reasons; RestoreForm brings it back."""

    reason = SelectField(_l("Reason"), choices=_choices(DISMISS_LABELS))


class RestoreForm(VersionedForm):
    pass


class SplitForm(VersionedForm):
    parts = TextAreaField(
        _l("Parts: one fragment per line, copied from the claim"),
        validators=[DataRequired(), Length(max=10000)],
    )


def hop_rows(claim: Any) -> list[dict[str, str]]:
    """The chain as editor rows, with one empty row to add a hop."""
    rows = [
        {
            "source": f"#{hop.source_id} {hop.source.name}" if hop.source else "",
            "kind": hop.kind,
            "new_kind": "",
            "remove": "",
        }
        for hop in claim.attributions
    ]
    rows.append({"source": "", "kind": "reported", "new_kind": "", "remove": ""})
    return rows


assert set(SOURCE_KIND_LABELS) == set(SOURCE_KINDS)
assert set(STANCE_LABELS) == set(STANCES)
assert set(DISMISS_LABELS) == set(DISMISS_REASONS)
