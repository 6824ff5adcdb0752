"""The queue's filter form (read from the query string) and the per-row status form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError

from ...vocabulary import CHECKWORTHINESS_BANDS
from ..labels import DISMISS, STATUS, choices, opts

# Band -> the lowest score it shows; "low" starts at 0, so it shows everything ("any").
BAND_FLOORS = {band: floor for band, floor in CHECKWORTHINESS_BANDS if floor > 0}
BANDS = [("", _l("Any check-worthiness")), ("medium", _l("medium and up")), ("high", _l("high"))]


class BandField(SelectField):
    """A check-worthiness band as the lowest score shown: "" (any), "medium" (and up) or
    "high". A number between 0 and 1, as the filter took before, still works: a band's floor
    reads as that band, another number is kept and shown as a choice of its own."""

    def process_formdata(self, valuelist: list[str]) -> None:
        value = valuelist[0].strip() if valuelist else ""
        number = _number(value)
        if number == 0 or value == "low":
            value = ""
        self.data = next((b for b, floor in BAND_FLOORS.items() if floor == number), value)

    def pre_validate(self, form: object) -> None:
        if not self.data or self.data in BAND_FLOORS:
            return
        number = _number(self.data)
        if number is None or not 0 <= number <= 1:
            raise ValidationError(_l("Choose a check-worthiness from the list."))
        self.choices = opts([*BANDS, (self.data, _l("score %(score)s and up", score=self.data))])

    @property
    def floor(self) -> float | None:
        """The lowest score to show; None: any."""
        if not self.data:
            return None
        return BAND_FLOORS.get(self.data) or _number(self.data)


def _number(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


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
    min_score = BandField(_l("Check-worthiness"), choices=opts(BANDS))
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
