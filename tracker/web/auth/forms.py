"""Login, password and language forms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SelectField
from wtforms.validators import DataRequired, Length

from ..labels import LANGUAGE, choices


def new_password() -> list[object]:
    """The checks of a new password, wherever one is set (the service checks the length too)."""
    return [
        DataRequired(),
        Length(min=10, max=1000, message=_l("The password needs at least 10 characters.")),
    ]


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=1000)])


class PasswordForm(FlaskForm):
    current = PasswordField(_l("Current password"), validators=[DataRequired(), Length(max=1000)])
    new = PasswordField(_l("New password"), validators=new_password())


class LanguageForm(FlaskForm):
    locale = SelectField(
        _l("Interface language"),
        choices=choices(LANGUAGE, _l("Browser default")),
    )
