"""Login, password and language forms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=1000)])


class PasswordForm(FlaskForm):
    current = PasswordField(_l("Current password"), validators=[DataRequired(), Length(max=1000)])
    new = PasswordField(
        _l("New password"),
        validators=[
            DataRequired(),
            Length(min=10, max=1000, message=_l("The password needs at least 10 characters.")),
        ],
    )


class LanguageForm(FlaskForm):
    locale = SelectField(
        _l("Interface language"),
        choices=[
            SelectChoice("", _l("Browser default")),
            SelectChoice("nl", "Nederlands"),
            SelectChoice("en", "English"),
        ],
    )
