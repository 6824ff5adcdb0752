"""Forms for bringing an article in and marking a missed claim."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import HiddenField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional, Regexp

from ...services.ingest import DEFAULT_MAX_CHARS
from ..labels import LANGUAGE, opts

LANGUAGE_CHOICES = [SelectChoice("auto", _l("Detect automatically")), *opts(LANGUAGE.items())]


class ArticleForm(FlaskForm):
    """Paste text, upload a file or give a URL; the metadata is prefilled where it is known."""

    body = TextAreaField(_l("Article text"), validators=[Length(max=DEFAULT_MAX_CHARS)])
    upload = FileField(_l("Or upload a file (.txt, .html, .docx)"))
    url = StringField(_l("Web address of the article"), validators=[Optional(), Length(max=2000)])
    title = StringField(_l("Title"), validators=[Length(max=500)])
    outlet = StringField(_l("Outlet"), validators=[Length(max=300)])
    author = StringField(_l("Author"), validators=[Length(max=300)])
    published = StringField(
        _l("Publication date (YYYY, YYYY-MM or YYYY-MM-DD)"),
        validators=[
            Optional(),
            Regexp(
                r"^\d{4}(-\d{2}(-\d{2})?)?$",
                message=_l("Give the date as YYYY, YYYY-MM or YYYY-MM-DD."),
            ),
        ],
    )
    language = SelectField(_l("Language"), choices=LANGUAGE_CHOICES, default="auto")


class AddClaimForm(FlaskForm):
    """A claim the extractor missed: a selection (start/end) or a fragment of the text."""

    start = HiddenField()
    end = HiddenField()
    fragment = TextAreaField(
        _l("Text of the missed claim (copy it from the article)"),
        validators=[Length(max=5000)],
    )


class WithdrawForm(FlaskForm):
    """An editor withdraws the article with a reason, or (undo) reinstates it."""

    reason = TextAreaField(_l("Why is the article withdrawn?"), validators=[Length(max=2000)])
    undo = HiddenField()
