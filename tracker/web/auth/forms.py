"""Login form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=1000)])


class LanguageForm(FlaskForm):
    locale = SelectField(
        _l("Interface language"),
        choices=[
            SelectChoice("", _l("Browser default")),
            SelectChoice("nl", "Nederlands"),
            SelectChoice("en", "English"),
        ],
    )
