"""Report pages: the selection form, the HTML preview, and streamed downloads (editors)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import islice

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
from ...services.errors import NotFound, PermissionDenied, TrackerError
from ...services.policy import allowed
from .. import acting_user, db, status_label
from ..messages import explain
from .forms import FORMAT_LABELS, ReportForm

bp = Blueprint("reports", __name__)
# A page is for reading: longer selections are downloaded (they stream).
PREVIEW_MAX_CLAIMS = 500


def _can_export() -> bool:
    return allowed(acting_user(), "report.export")


def _form() -> ReportForm:
    session = db()
    form = ReportForm(formdata=request.args if request.args else None)
    form.fill_choices(
        service.article_choices(session),
        service.outlet_choices(session),
        service.assignee_choices(session),
        status_label,
    )
    return form


def _query() -> dict[str, str]:
    return {k: v for k, v in request.args.items() if k != "format" and v}


def _index(form: ReportForm, error: str | None = None, status: int = 200) -> ResponseReturnValue:
    return (
        render_template("reports/index.html", form=form, error=error, can_export=_can_export()),
        status,
    )


def _meta(form: ReportForm, *, export: bool = False) -> service.ReportMeta:
    """The report's header; a download's through export_meta, which applies the policy."""
    language = str(get_locale() or "en")
    if export:
        return service.export_meta(
            db(),
            form.to_filter(),
            acting_user(),
            newsroom_name=current_app.config["TRACKER_NEWSROOM_NAME"],
            newsroom_url=current_app.config["TRACKER_NEWSROOM_URL"],
            review_url=current_app.config.get("TRACKER_CLAIMREVIEW_URL") or "",
            language=language,
            methodology=methodology_text(current_app.config.get("TRACKER_METHODOLOGY"), language),
        )
    return service.build_meta(
        db(),
        form.to_filter(),
        newsroom_name=current_app.config["TRACKER_NEWSROOM_NAME"],
        newsroom_url=current_app.config["TRACKER_NEWSROOM_URL"],
        review_url=current_app.config.get("TRACKER_CLAIMREVIEW_URL") or "",
        language=language,
        methodology=methodology_text(current_app.config.get("TRACKER_METHODOLOGY"), language),
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
    try:
        meta = _meta(form)
    except TrackerError as err:
        return _index(form, explain(err), 404 if isinstance(err, NotFound) else 400)
    claims = islice(service.iter_claims(db(), meta.filter), PREVIEW_MAX_CLAIMS)
    context = report_context(meta, claims, _)
    return render_template(
        "reports/preview.html",
        **context,
        shown=min(meta.summary.listed, PREVIEW_MAX_CLAIMS),
        query=_query(),
        can_export=_can_export(),
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
    """Download the report in any format (editors and admins: export_meta says), streamed."""
    form = _form()
    fmt = request.args.get("format", "html")
    if fmt not in FORMATS:
        return _index(form, _("Unknown format %(format)s.", format=fmt), 400)
    if not form.validate():
        return _index(form, _("Please correct the marked fields."), 400)
    try:
        meta = _meta(form, export=True)
        prepare(fmt)
        check_size(fmt, meta.summary.listed)
    except PdfUnavailable as err:
        return _index(form, explain(err), 503)
    except PermissionDenied:
        raise  # the app's 403
    except TrackerError as err:
        return _index(form, explain(err), 404 if isinstance(err, NotFound) else 400)
    session = db()
    locale = meta.language

    def generate() -> Iterator[bytes]:
        yield from render(fmt, meta, service.iter_claims(session, meta.filter), locale)

    response = Response(stream_with_context(generate()), mimetype=MEDIA_TYPES[fmt])
    response.headers["Content-Type"] = MEDIA_TYPES[fmt]
    response.headers["Content-Disposition"] = f'attachment; filename="{_filename(meta, fmt)}"'
    return response
