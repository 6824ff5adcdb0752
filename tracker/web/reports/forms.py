"""The report selection form (a GET form: it changes nothing, so it needs no CSRF token)."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from markupsafe import Markup
from wtforms import BooleanField, DateField, SelectChoice, SelectField
from wtforms.validators import Optional, Regexp
from wtforms.widgets import Select, html_params

from ...reports.common import FORMATS
from ...services.reports import ReportChoices, ReportFilter
from ..labels import LANGUAGE_READ, STATUS, choices

FORMAT_LABELS = {
    "html": "HTML",
    "pdf": "PDF",
    "csv": "CSV",
    "json": "JSON",
    "claimreview": "ClaimReview (JSON-LD)",
    "prov": "PROV-O (JSON-LD)",
}


def _int_or_none(value: Any) -> int | None:
    if value in (None, "", "None"):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


_SELECTED = {True: " selected", False: ""}


class ManyOptions(Select):
    """A select of thousands of options (every outlet), written in one pass: WTForms' own widget
    builds each option through `html_params` and is the larger part of the page's time."""

    def __call__(self, field: Any, **kwargs: Any) -> Markup:
        kwargs.setdefault("id", field.id)
        coerce, data = field.coerce, field.data
        options = "".join(
            f'<option value="{escape(str(c.value))}"{_SELECTED[coerce(c.value) == data]}>'
            f"{escape(str(c.label or c.value))}</option>"
            for c in field.choices
        )
        select = f"<select {html_params(name=field.name, **kwargs)}>{options}</select>"
        return Markup(select)  # noqa: S704 (every value and label is escaped above)


def _number() -> Regexp:
    """A record number or nothing: a wrong value must not silently widen the report."""
    return Regexp(r"^(|\d{1,9})$", message=_l("Choose one from the list."))


class ReportForm(FlaskForm):
    class Meta:
        csrf = False

    article = SelectField(
        _l("Article"), choices=[], coerce=str, validators=[_number()], validate_choice=False
    )
    since = DateField(_l("From (date ingested)"), validators=[Optional()])
    until = DateField(_l("Until (inclusive)"), validators=[Optional()])
    outlet = SelectField(
        _l("Outlet"),
        choices=[],
        coerce=str,
        validators=[_number()],
        validate_choice=False,
        widget=ManyOptions(),
    )
    status = SelectField(_l("Status"), choices=[], coerce=str, validators=[Optional()])
    assignee = SelectField(
        _l("Assignee"), choices=[], coerce=str, validators=[_number()], validate_choice=False
    )
    language = SelectField(
        _l("Language"),
        choices=choices(LANGUAGE_READ, _l("Any")),
        coerce=str,
        validators=[Optional()],
    )
    unreviewed = BooleanField(_l("Also list the claims not reviewed yet"))
    format = SelectField(
        _l("Format"),
        choices=[SelectChoice(f, FORMAT_LABELS[f]) for f in FORMATS],
        default="html",
        coerce=str,
        validators=[Optional()],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.status.choices = choices(STATUS, _l("Any"))

    def fill_choices(self, choices: ReportChoices) -> None:
        """The articles, outlets and assignees to choose from (from the database)."""
        any_label = _l("Any")
        self.article.choices = [SelectChoice("", _l("— none: use the period —"))] + [
            SelectChoice(str(i), f"{i}: {t}") for i, t in choices.articles
        ]
        self.outlet.choices = [SelectChoice("", any_label)] + [
            SelectChoice(str(i), n) for i, n in choices.outlets
        ]
        self.assignee.choices = [SelectChoice("", any_label)] + [
            SelectChoice(str(i), n) for i, n in choices.assignees
        ]

    def to_filter(self) -> ReportFilter:
        since: date | None = self.since.data
        until: date | None = self.until.data
        return ReportFilter(
            article_id=_int_or_none(self.article.data),
            since=since,
            until=until,
            outlet_id=_int_or_none(self.outlet.data),
            status=self.status.data or None,
            assignee_id=_int_or_none(self.assignee.data),
            language=self.language.data or None,
            reviewed_only=not self.unreviewed.data and self.status.data != "unreviewed",
        )
