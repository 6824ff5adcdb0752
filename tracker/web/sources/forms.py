"""Forms of the source registry."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    SelectField,
    StringField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from ..labels import SOURCE_KIND, choices


def web_url(_form: FlaskForm, field: StringField) -> None:
    """Only http and https addresses are accepted."""
    value = (field.data or "").strip()
    if value and not value.lower().startswith(("http://", "https://")):
        raise ValidationError(_l("The address must start with http:// or https://."))


class SourceSearchForm(FlaskForm):
    class Meta:
        csrf = False

    q = StringField(_l("Name or alias"), validators=[Optional(), Length(max=300)])
    kind = SelectField(
        _l("Kind"), choices=choices(SOURCE_KIND, _l("Any kind")), validators=[Optional()]
    )


class SourceForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=300)])
    kind = SelectField(_l("Kind"), choices=choices(SOURCE_KIND), validators=[InputRequired()])
    aliases = StringField(
        _l("Aliases (separated by commas)"), validators=[Optional(), Length(max=3000)]
    )
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=5000)])
    url = StringField(_l("Web address"), validators=[Optional(), Length(max=2000), web_url])
    anonymity_reason = TextAreaField(
        _l("Why the source is anonymous"), validators=[Optional(), Length(max=2000)]
    )


class AliasForm(FlaskForm):
    alias = StringField(_l("New alias"), validators=[DataRequired(), Length(max=300)])


class MergeForm(FlaskForm):
    other = StringField(
        _l("Source to merge into this one (number, or exact name or alias)"),
        validators=[DataRequired(), Length(max=300)],
    )
    confirm = BooleanField(
        _l("I understand that the other source's aliases and attributions move to this one"),
        validators=[DataRequired()],
    )


class UnmergeForm(FlaskForm):
    """Only the CSRF token: the source to restore is in the address."""
