"""The forms of the search pages: the match decisions and the cluster verdict."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField
from wtforms.validators import InputRequired, NumberRange
from wtforms.widgets import HiddenInput


class DecideForm(FlaskForm):
    """Confirm or reject a proposed match (CSRF only; `next` is where to go back)."""

    next = HiddenField()


class ClusterVerdictForm(FlaskForm):
    """Apply the cluster's verdict to the claim at the version the user saw."""

    version = IntegerField(widget=HiddenInput(), validators=[InputRequired(), NumberRange(min=1)])
    next = HiddenField()
