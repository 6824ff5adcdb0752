"""The search results page, the cluster page and the match actions.

Each view parses its input, calls one service and renders (or redirects back).
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from ...services import clusters, matching
from ...services import search as search_service
from ...services.errors import InvalidInput, NotFound, StaleVersion
from .. import acting_user, db
from ..auth.next_url import same_site
from ..labels import STATUS, choices
from ..messages import explain
from ..queue.forms import QueueFilterForm
from ..queue.routes import fill_choices, filters_of
from .forms import ClusterVerdictForm, DecideForm

bp = Blueprint("search", __name__)


@bp.route("/search")
def results() -> ResponseReturnValue:
    """Claims (with the queue's filters), articles and sources matching `q`, grouped."""
    q = (request.args.get("q") or "").strip()
    form = QueueFilterForm(formdata=request.args)
    form.status.choices = choices(STATUS, _("Any status"))
    page_number = request.args.get("page", 1, type=int) or 1
    valid = form.validate()
    filters = filters_of(form) if valid else None
    if filters is not None and "sort" not in request.args:  # newest first unless asked otherwise
        filters = replace(filters, sort="newest")
    view = search_service.search_view(
        db(), q, filters, acting_user().id, source=(form.source.data or "").strip(),
        page=page_number, per_page=int(form.per_page.data or search_service.GROUP_SIZE),
    )  # fmt: skip
    fill_choices(form, view.choices)
    found = view.results
    error: str | None = None
    if not valid:
        error = _("Some filters are not valid; see the messages beside them.")
    elif view.refused is not None:
        error = explain(view.refused)
    pairs = [(k, v) for k, v in request.args.items(multi=True) if k != "page" and v != ""]
    here = url_for("search.results") + "?" + urlencode(pairs)
    page_url = here + ("&" if pairs else "") + "page="
    return render_template(
        "search/results.html",
        q=q,
        form=form,
        found=found,
        error=error,
        prev_url=page_url + str(page_number - 1) if found and found.claims.has_prev else None,
        next_url=page_url + str(page_number + 1) if found and found.claims.has_next else None,
        queue_url=url_for("queue.index") + "?" + urlencode(pairs),
    ), (400 if error else 200)


@bp.route("/clusters/<int:cluster_id>")
def cluster(cluster_id: int) -> ResponseReturnValue:
    """Every appearance of one claim, with its source and date, oldest first."""
    try:
        view = clusters.cluster_view(db(), cluster_id)
    except NotFound:
        abort(404)
    return render_template("search/cluster.html", view=view)


def _back(target: str | None, fallback: str) -> Response:
    parts = same_site(target)
    return redirect(parts.geturl() if parts is not None else fallback)


@bp.route("/matches/<int:match_id>/<any(confirm, reject):decision>", methods=["POST"])
def decide(match_id: int, decision: str) -> ResponseReturnValue:
    """Confirm or reject a proposed match; back to the page the user came from."""
    form = DecideForm()
    if not form.validate():
        abort(400)
    act = matching.confirm_match if decision == "confirm" else matching.reject_match
    session = db()
    try:
        match = act(session, match_id, acting_user())
    except NotFound:
        abort(404)
    except InvalidInput as err:
        session.rollback()
        flash(explain(err), "error")
        return _back(form.next.data, url_for("queue.index"))
    session.commit()
    if decision == "confirm":
        flash(_("Match confirmed."), "info")
    else:
        flash(_("Match rejected: the claim left the cluster."), "info")
    fallback = url_for("articles.view", article_id=match.claim.article_id, claim=match.claim_id)
    return _back(form.next.data, fallback)


@bp.route("/claims/<int:claim_id>/cluster-verdict", methods=["POST"])
def cluster_verdict(claim_id: int) -> ResponseReturnValue:
    """Give the claim the verdict of its cluster's latest check (one action, audited)."""
    form = ClusterVerdictForm()
    if not form.validate():
        abort(400)
    session = db()
    fallback = url_for("queue.index")
    try:
        claim = matching.apply_cluster_verdict(
            session, claim_id, int(form.version.data or 0), acting_user()
        )
    except NotFound:
        abort(404)
    except (InvalidInput, StaleVersion) as err:
        session.rollback()
        flash(explain(err), "error")
        return _back(form.next.data, fallback)
    session.commit()
    flash(_("The cluster's verdict was applied to this claim."), "info")
    fallback = url_for("articles.view", article_id=claim.article_id, claim=claim.id) + "#panel"
    return _back(form.next.data, fallback)
