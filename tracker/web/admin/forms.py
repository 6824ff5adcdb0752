"""Forms of the user administration."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, Regexp

from ..auth.forms import new_password
from ..labels import ROLE, choices


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
    role = SelectField(_l("Role"), choices=choices(ROLE), validators=[InputRequired()])
    password = PasswordField(_l("Password (at least 10 characters)"), validators=new_password())


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"), choices=choices(ROLE), validators=[InputRequired()])


class ActiveForm(FlaskForm):
    """Deactivate or reactivate; the button says which."""
