"""The review queue: every claim, filtered and sorted, with keyboard triage."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from ...services import queue as queue_service
from ...services import review
from ...services.errors import InvalidInput, NotFound, StaleVersion
from ...services.sources import source_by_reference
from .. import acting_user, db, status_label
from ..auth.next_url import same_site
from ..messages import explain
from .forms import QueueFilterForm, StatusForm, opts, status_choices, status_pairs

bp = Blueprint("queue", __name__)


def _filter_form(args: MultiDict[str, str]) -> QueueFilterForm:
    session = db()
    form = QueueFilterForm(formdata=args)
    form.status.choices = status_choices(_("Any status"))
    form.assignee.choices = opts(
        [("", _("Anyone or nobody")), ("me", _("Me")), ("nobody", _("Nobody"))]
        + [(str(u.id), u.name) for u in queue_service.assignable_users(session)]
    )
    form.language.choices = opts(
        [("", _("Any language"))]
        + [(lang, lang) for lang in queue_service.article_languages(session)]
    )
    return form


def _filters(form: QueueFilterForm) -> tuple[queue_service.QueueFilter, str | None]:
    """The service's filter from a validated form, or an error message about the source."""
    source_id: int | None = None
    error: str | None = None
    wanted = (form.source.data or "").strip()
    if wanted:
        try:
            source_id = source_by_reference(db(), wanted).id
        except NotFound:
            error = (
                _("There is no source number %(n)s.", n=wanted)
                if wanted.isdigit()
                else _("There is no source named “%(name)s”.", name=wanted)
            )
    filters = queue_service.QueueFilter(
        status=form.status.data or None,
        assignee=form.assignee.data or None,
        article_id=form.article.data,
        source_id=source_id,
        source_scope=form.source_scope.data or "primary",
        language=form.language.data or None,
        min_score=form.min_score.data,
        checkworthy_only=bool(form.checkworthy.data),
        date_field=form.date_field.data or "published",
        date_from=form.date_from.data,
        date_to=form.date_to.data,
        sort=form.sort.data or "score",
        q=(form.q.data or "").strip() or None,
    )
    return filters, error


def _page_url(args: MultiDict[str, str], page: int) -> str:
    pairs = [(k, v) for k, v in args.items(multi=True) if k != "page" and v != ""]
    pairs.append(("page", str(page)))
    return url_for("queue.index") + "?" + urlencode(pairs)


def _render(
    args: MultiDict[str, str],
    row_errors: dict[int, str] | None = None,
    drafts: dict[int, dict[str, str]] | None = None,
    status: int = 200,
) -> ResponseReturnValue:
    form = _filter_form(args)
    page_number = args.get("page", 1, type=int) or 1
    error: str | None = None
    page: queue_service.QueuePage | None = None
    if form.validate():
        filters, error = _filters(form)
        if error is None:
            try:
                page = queue_service.queue_page(
                    db(),
                    filters,
                    acting_user().id,
                    page=page_number,
                    per_page=int(form.per_page.data or queue_service.DEFAULT_PER_PAGE),
                )
            except InvalidInput as err:
                error = explain(err)
    else:
        error = _("Some filters are not valid; see the messages beside them.")
    if error is not None and status == 200:
        status = 400
    here = _page_url(args, page.page if page else 1)
    context: dict[str, Any] = {
        "form": form,
        "page": page,
        "error": error,
        "row_errors": row_errors or {},
        "drafts": drafts or {},
        "here": here,
        "prev_url": _page_url(args, page.page - 1) if page and page.has_prev else None,
        "next_url": _page_url(args, page.page + 1) if page and page.has_next else None,
        "statuses": status_pairs(),
        "max_page": queue_service.MAX_PAGE,
    }
    return render_template("queue/index.html", **context), status


DEFAULT_ARGS = MultiDict([("status", "unreviewed")])


@bp.route("/")
def index() -> ResponseReturnValue:
    """The queue; without any arguments it opens on the unreviewed claims."""
    return _render(request.args or DEFAULT_ARGS)


def _queue_args(target: str | None) -> MultiDict[str, str]:
    """The queue's query arguments from a same-site queue URL (anything else: the default)."""
    parts = same_site(target)
    if parts is None or not parts.path.startswith(url_for("queue.index")):
        return DEFAULT_ARGS
    return MultiDict(parse_qsl(parts.query, keep_blank_values=True)) or DEFAULT_ARGS


@bp.route("/<int:claim_id>/status", methods=["POST"])
def set_status(claim_id: int) -> ResponseReturnValue:
    form = StatusForm()
    args = _queue_args(form.next.data)
    drafts = {claim_id: {"status": form.status.data or "", "rationale": form.rationale.data or ""}}
    if not form.validate_on_submit():
        message = "; ".join(f"{form[k].label.text}: {', '.join(v)}" for k, v in form.errors.items())
        return _render(args, {claim_id: message}, drafts, 422)
    session = db()
    try:
        claim = review.set_status(
            session,
            claim_id,
            form.status.data or "",
            form.rationale.data or "",
            form.version.data or 0,
            acting_user(),
        )
    except NotFound:
        session.rollback()
        return _render(args, {claim_id: _("This claim does not exist.")}, drafts, 404)
    except StaleVersion:
        session.rollback()
        message = _(
            "Someone else changed this claim meanwhile; nothing was saved. "
            "Its current state is shown; check it and try again."
        )
        return _render(args, {claim_id: message}, drafts, 409)
    except InvalidInput as err:
        session.rollback()
        return _render(args, {claim_id: explain(err)}, drafts, 422)
    session.commit()
    flash(
        _(
            "Claim %(id)s is now %(status)s.",
            id=claim.id,
            status=status_label(claim.status).lower(),
        ),
        "info",
    )
    query = urlencode(list(args.items(multi=True)))
    return redirect(url_for("queue.index") + (f"?{query}" if query else "") + f"#claim-{claim_id}")
