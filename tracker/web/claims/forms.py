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
        _l("Claim reviewed, in a few words"), validators=[Length(max=CLAIM_REVIEWED_MAX)]
    )


class AssignForm(VersionedForm):
    assignee = SelectField(_l("Assign to"), choices=[], validate_choice=False)


class HopForm(Form):
    """One hop; the source by '#id name' or a name; a new source needs a kind."""

    source = StringField(_l("Source"), validators=[Length(max=300)])
    kind = SelectField(
        _l("Attribution"), choices=choices(ATTRIBUTION_KIND_CHOICE), default="reported"
    )
    new_kind = SelectField(
        _l("Create as new source of kind"),
        choices=choices(SOURCE_KIND, _l("(existing source)")),
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
    stance = SelectField(_l("Stance"), choices=choices(STANCE))


class RemoveEvidenceForm(FlaskForm):
    reason = StringField(_l("Why remove it?"), validators=[DataRequired(), Length(max=2000)])


class DismissForm(VersionedForm):
    """Set a claim aside, for one of the reasons; RestoreForm brings it back."""

    reason = SelectField(_l("Reason"), choices=choices(DISMISS))


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


class CommentForm(FlaskForm):
    """A message in the claim's thread; `@name` mentions a colleague."""

    body = TextAreaField(_l("Comment"))
