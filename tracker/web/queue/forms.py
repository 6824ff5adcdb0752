"""The queue's filter form (read from the query string) and the per-row status form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    FloatField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from ..labels import DISMISS, STATUS, choices, opts


class QueueFilterForm(FlaskForm):
    """Filters and sorting; a GET form, so no CSRF token."""

    class Meta:
        csrf = False

    q = StringField(_l("Search"), validators=[Optional(), Length(max=500)])
    status = SelectField(_l("Status"), choices=[], validators=[Optional()])
    # The assignee and language choices come from the database with the page; the queue's
    # service refuses a value that is not one of them.
    assignee = SelectField(
        _l("Assigned to"), choices=[], validators=[Optional()], validate_choice=False
    )
    article = IntegerField(_l("Article number"), validators=[Optional(), NumberRange(min=1)])
    source = StringField(_l("Source (name or number)"), validators=[Optional(), Length(max=300)])
    source_scope = SelectField(
        _l("Source in chain"),
        choices=opts([("primary", _l("as primary source")), ("any", _l("in any hop"))]),
        default="primary",
    )
    language = SelectField(
        _l("Language"), choices=[], validators=[Optional()], validate_choice=False
    )
    min_score = FloatField(
        _l("Minimum check-worthiness score"), validators=[Optional(), NumberRange(min=0, max=1)]
    )
    checkworthy = BooleanField(_l("Check-worthy claims only"))
    date_field = SelectField(
        _l("Date"),
        choices=opts([("published", _l("article published")), ("reviewed", _l("claim reviewed"))]),
        default="published",
    )
    date_from = DateField(_l("From"), validators=[Optional()])
    date_to = DateField(_l("To"), validators=[Optional()])
    sort = SelectField(
        _l("Sort by"),
        choices=opts(
            [
                ("score", _l("check-worthiness score")),
                ("newest", _l("newest first")),
                ("article", _l("article")),
                ("status", _l("status")),
            ]
        ),
        default="score",
    )
    per_page = SelectField(
        _l("Claims per page"),
        choices=opts((n, n) for n in ("5", "10", "25", "50", "100")),
        default="50",
    )


class DismissForm(FlaskForm):
    """Set one claim aside from its queue row (it leaves the queue; the panel can restore it)."""

    reason = SelectField(_l("Dismiss as"), choices=choices(DISMISS), validators=[InputRequired()])
    version = IntegerField(_l("Version"), validators=[InputRequired()])
    next = HiddenField()


class StatusForm(FlaskForm):
    """Set one claim's status from its queue row."""

    status = SelectField(_l("Status"), choices=choices(STATUS), validators=[InputRequired()])
    rationale = TextAreaField(_l("Rationale"), validators=[Optional(), Length(max=5000)])
    version = IntegerField(_l("Version"), validators=[InputRequired()])
    next = HiddenField()
