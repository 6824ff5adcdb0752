"""Forms of the user administration."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, Regexp


def opts(pairs: Iterable[tuple[str, Any]]) -> list[SelectChoice]:
    """Select options as WTForms wants them (tuples are deprecated)."""
    return [SelectChoice(value, label) for value, label in pairs]


ROLE_LABELS = {
    "factchecker": _l("fact-checker"),
    "editor": _l("editor"),
    "admin": _l("administrator"),
}


class CreateUserForm(FlaskForm):
    email = EmailField(
        _l("E-mail"),
        validators=[
            DataRequired(),
            Regexp(r"^[^@\s]+@[^@\s]+$", message=_l("Enter a valid e-mail address.")),
            Length(max=254),
        ],
    )
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    role = SelectField(_l("Role"), choices=opts(ROLE_LABELS.items()), validators=[InputRequired()])
    password = PasswordField(
        _l("Password (at least 10 characters)"),
        validators=[
            DataRequired(),
            Length(min=10, max=1000, message=_l("The password needs at least 10 characters.")),
        ],
    )


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"), choices=opts(ROLE_LABELS.items()), validators=[InputRequired()])


class ActiveForm(FlaskForm):
    """Deactivate or reactivate; the button says which."""
