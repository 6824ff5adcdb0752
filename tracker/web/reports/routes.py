"""Report pages: the selection form, the HTML preview, and streamed downloads (editors)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from flask import (
    Blueprint,
    Response,
    current_app,
    render_template,
    request,
    stream_with_context,
)
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _

from ...reports.common import EXTENSIONS, FORMATS, MEDIA_TYPES, methodology_text
from ...reports.html import report_context
from ...reports.pdf import PdfUnavailable
from ...reports.render import check_size, prepare, render
from ...services import reports as service
from ...services.errors import InvalidInput, NotFound
from .. import acting_user, db
from ..messages import explain
from .forms import FORMAT_LABELS, ReportForm

bp = Blueprint("reports", __name__)
# A page is for reading: longer selections are downloaded (they stream).
PREVIEW_MAX_CLAIMS = 500


def _settings() -> service.ReportSettings:
    """The newsroom's settings for a report's header, in the interface language."""
    language = str(get_locale() or "en")
    config = current_app.config
    return service.ReportSettings(
        newsroom_name=config["TRACKER_NEWSROOM_NAME"],
        newsroom_url=config["TRACKER_NEWSROOM_URL"],
        review_url=config.get("TRACKER_CLAIMREVIEW_URL") or "",
        language=language,
        methodology=methodology_text(config.get("TRACKER_METHODOLOGY"), language),
    )


def _query() -> dict[str, str]:
    return {k: v for k, v in request.args.items() if k != "format" and v}


def _form() -> ReportForm:
    return ReportForm(formdata=request.args if request.args else None)


def _index(form: ReportForm, error: str | None = None, status: int = 200) -> ResponseReturnValue:
    """The selection form (with an error when a report was refused)."""
    return _form_page(form, service.report_page(db(), acting_user()), error, status)


def _form_page(
    form: ReportForm, page: service.ReportPage, error: str | None = None, status: int = 200
) -> ResponseReturnValue:
    if page.choices is not None:
        form.fill_choices(page.choices)
    if error is None and page.refused is not None:
        error = explain(page.refused)
        status = 404 if isinstance(page.refused, NotFound) else 400
    return (
        render_template("reports/index.html", form=form, error=error, can_export=page.can_export),
        status,
    )


@bp.route("/")
def index() -> ResponseReturnValue:
    return _index(_form())


@bp.route("/preview")
def preview() -> ResponseReturnValue:
    """The report as a page, for every signed-in user (fact-checkers included)."""
    form = _form()
    if not form.validate():
        return _index(form, _("Please correct the marked fields."), 400)
    page = service.report_page(
        db(), acting_user(), form.to_filter(), _settings(), limit=PREVIEW_MAX_CLAIMS
    )
    if page.meta is None:
        return _form_page(form, page)
    context = report_context(page.meta, page.claims, _)
    return render_template(
        "reports/preview.html",
        **context,
        shown=min(page.meta.summary.listed, PREVIEW_MAX_CLAIMS),
        query=_query(),
        can_export=page.can_export,
        formats=[(f, FORMAT_LABELS[f]) for f in FORMATS],
    )


def _filename(meta: service.ReportMeta, fmt: str) -> str:
    flt = meta.filter
    if flt.article_id is not None:
        scope = f"article-{flt.article_id}"
    else:
        scope = f"{flt.since or 'start'}_{flt.until or date.today()}"
    return f"report-{scope}.{EXTENSIONS[fmt]}"


@bp.route("/export")
def export() -> ResponseReturnValue:
    """Download the report in any format (editors and admins: report_page says), streamed."""
    form = _form()
    fmt = request.args.get("format", "html")
    if fmt not in FORMATS:
        return _index(form, _("Unknown format %(format)s.", format=fmt), 400)
    if not form.validate():
        return _index(form, _("Please correct the marked fields."), 400)
    page = service.report_page(db(), acting_user(), form.to_filter(), _settings(), export=True)
    meta = page.meta
    if meta is None:
        return _form_page(form, page)
    try:
        prepare(fmt)
        check_size(fmt, meta.summary.listed)
    except PdfUnavailable as err:
        return _index(form, explain(err), 503)
    except InvalidInput as err:
        return _index(form, explain(err), 400)
    claims = page.claims

    def generate() -> Iterator[bytes]:
        yield from render(fmt, meta, claims, meta.language)

    response = Response(stream_with_context(generate()), mimetype=MEDIA_TYPES[fmt])
    response.headers["Content-Type"] = MEDIA_TYPES[fmt]
    response.headers["Content-Disposition"] = f'attachment; filename="{_filename(meta, fmt)}"'
    return response
