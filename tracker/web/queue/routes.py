"""The review queue: every claim, filtered and sorted, with keyboard triage."""

from __future__ import annotations

from collections.abc import Callable
from textwrap import shorten
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from ...services import dismissal, review
from ...services import queue as queue_service
from ...services.errors import InvalidInput, NotFound, StaleVersion
from .. import acting_user, db
from ..auth.next_url import same_site
from ..labels import (
    DISMISS,
    STATUS,
    choices,
    dismiss_label,
    language_options,
    opts,
    status_label,
)
from ..messages import explain
from .forms import DismissForm, QueueFilterForm, StatusForm

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ...models import Claim

bp = Blueprint("queue", __name__)


def filters_of(form: QueueFilterForm) -> queue_service.QueueFilter:
    """The service's filter from a validated form."""
    return queue_service.QueueFilter(
        status=form.status.data or None,
        assignee=form.assignee.data or None,
        article_id=form.article.data,
        source_scope=form.source_scope.data or "primary",
        language=form.language.data or None,
        min_score=form.min_score.floor,
        checkworthy_only=bool(form.checkworthy.data),
        date_field=form.date_field.data or "published",
        date_from=form.date_from.data,
        date_to=form.date_to.data,
        sort=form.sort.data or "score",
        q=(form.q.data or "").strip() or None,
    )


def fill_choices(form: QueueFilterForm, view: queue_service.QueueView) -> None:
    """The filter form's choices of assignee and language, from the page's view model."""
    form.assignee.choices = opts(
        [("", _("Anyone or nobody")), ("me", _("Me")), ("nobody", _("Nobody"))]
        + [(str(u.id), u.name) for u in view.users]
    )
    form.language.choices = opts([("", _("Any language")), *language_options(view.languages)])


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
    form = QueueFilterForm(formdata=args)
    form.status.choices = choices(STATUS, _("Any status"))
    valid = form.validate()
    view = queue_service.queue_view(
        db(),
        filters_of(form) if valid else None,
        acting_user().id,
        source=(form.source.data or "").strip(),
        page=args.get("page", 1, type=int) or 1,
        per_page=int(form.per_page.data or queue_service.DEFAULT_PER_PAGE),
    )
    fill_choices(form, view)
    error: str | None = None
    if not valid:
        error = _("Some filters are not valid; see the messages beside them.")
    elif view.refused is not None:
        error = explain(view.refused)
    if error is not None and status == 200:
        status = 400
    page = view.page
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
        "statuses": list(STATUS.items()),
        "dismiss_reasons": list(DISMISS.items()),
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


def _row_action(
    claim_id: int,
    form: StatusForm | DismissForm,
    drafts: dict[int, dict[str, str]] | None,
    act: Callable[[Session], Claim],
    done: Callable[[Claim], str],
    anchor: bool,
) -> ResponseReturnValue:
    """One row's action: the form checked, `act` run (its refusal shown on the row, the queue
    shown again), then the queue with `done`'s message, at the row when `anchor`."""
    args = _queue_args(form.next.data)
    if not form.validate_on_submit():
        message = "; ".join(f"{form[k].label.text}: {', '.join(v)}" for k, v in form.errors.items())
        return _render(args, {claim_id: message}, drafts, 422)
    session = db()
    try:
        claim = act(session)
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
    flash(done(claim), "info")
    query = urlencode(list(args.items(multi=True)))
    target = url_for("queue.index") + (f"?{query}" if query else "")
    return redirect(target + (f"#claim-{claim_id}" if anchor else ""))


@bp.route("/<int:claim_id>/status", methods=["POST"])
def set_status(claim_id: int) -> ResponseReturnValue:
    form = StatusForm()
    drafts = {claim_id: {"status": form.status.data or "", "rationale": form.rationale.data or ""}}
    return _row_action(
        claim_id,
        form,
        drafts,
        lambda session: review.set_status(
            session,
            claim_id,
            form.status.data or "",
            form.rationale.data or "",
            form.version.data or 0,
            acting_user(),
        ),
        lambda claim: _(
            "“%(text)s” is now %(status)s.",
            text=shorten(claim.text, 80, placeholder=" …"),
            status=status_label(claim.status).lower(),
        ),
        anchor=True,
    )


@bp.route("/<int:claim_id>/dismiss", methods=["POST"])
def dismiss(claim_id: int) -> ResponseReturnValue:
    """Set a claim aside from its row, with a reason; the queue is shown again without it."""
    form = DismissForm()
    return _row_action(
        claim_id,
        form,
        None,
        lambda session: dismissal.dismiss_claim(
            session, claim_id, form.reason.data or "", form.version.data or 0, acting_user()
        ),
        lambda claim: _(
            "“%(text)s” was dismissed as %(reason)s; it left the queue. Its panel can restore it.",
            text=shorten(claim.text, 80, placeholder=" …"),
            reason=dismiss_label(claim.dismissed_reason or ""),
        ),
        anchor=False,
    )
