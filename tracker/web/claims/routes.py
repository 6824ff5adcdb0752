"""The claim panel's actions; each redirects back to the article view, or re-renders it with the
user's input kept (422 for bad input, 409 when someone else changed the claim meanwhile)."""

from __future__ import annotations

import re
from collections.abc import Callable

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_wtf import FlaskForm

from ...models import Claim
from ...services import comments, dismissal, evidence, review
from ...services.errors import InvalidInput, NotFound, StaleVersion
from .. import acting_user, db
from ..articles.routes import render_workbench
from ..field_errors import blame
from ..history import Conflict
from ..messages import explain
from .forms import (
    AssignForm,
    ChainForm,
    CommentForm,
    DismissForm,
    EvidenceForm,
    RemoveEvidenceForm,
    RestoreForm,
    SplitForm,
    StatusForm,
    TextForm,
    edited_chain,
    with_another_part,
)

bp = Blueprint("claims", __name__)
# The field of each panel form a service refusal is shown beside when it names none.
_FIELD_OF = {
    "text": "text",
    "status": "rationale",
    "assign": "assignee",
    "chain": "hops-0-source",
    "split": "parts-0-words",
    "dismiss": "reason",
}
_SOURCE_ID = re.compile(r"^#(\d+)\b")


def _back(claim: Claim, message: str) -> ResponseReturnValue:
    """To the claim in the article (the panel beside it shows the message)."""
    flash(message, "info")
    return redirect(
        url_for("articles.view", article_id=claim.article_id, claim=claim.id) + f"#claim-{claim.id}"
    )


def _parent(parts: list[Claim]) -> Claim:
    parent = parts[0].parent
    assert parent is not None  # the parts of a split claim
    return parent


def _versioned(
    claim_id: int, name: str, form: FlaskForm, run: Callable[[int], Claim], done: str
) -> ResponseReturnValue:
    """Validate, run the service with the form's version, commit; keep input on failure."""
    session = db()
    if form.validate():
        try:
            claim = run(int(form.version.data))
            session.commit()
        except NotFound:
            abort(404)
        except StaleVersion as err:
            session.rollback()
            new_version = int(err.current.get("version") or 1)
            form.version.data = new_version
            form.version.raw_data = [str(new_version)]
            flash(
                _(
                    "Someone else changed this claim while you were editing it; nothing was "
                    "saved. Compare, then send your input again."
                ),
                "error",
            )
            conflict = Conflict(name, form.data, err.current, err.expected)
            return render_workbench(
                None, claim_id, forms={name: form}, conflict=conflict, status=409
            )
        except InvalidInput as err:
            session.rollback()
            if blame(form, err, _FIELD_OF.get(name, "")) is None:
                flash(explain(err), "error")
            else:
                flash(_("Nothing was saved: see the message beside the field."), "error")
        else:
            return _back(claim, done)
    return render_workbench(None, claim_id, forms={name: form}, status=422)


@bp.route("/<int:claim_id>")
def show(claim_id: int) -> ResponseReturnValue:
    try:
        claim = review.get_claim(db(), claim_id)
    except NotFound:
        abort(404)
    return redirect(
        url_for("articles.view", article_id=claim.article_id, claim=claim.id) + "#panel"
    )


@bp.route("/<int:claim_id>/text", methods=["POST"])
def text(claim_id: int) -> ResponseReturnValue:
    user = acting_user()
    form = TextForm(prefix="text")
    return _versioned(
        claim_id,
        "text",
        form,
        lambda v: review.set_text(db(), claim_id, form.text.data or "", v, user),
        _("The wording was saved."),
    )


@bp.route("/<int:claim_id>/status", methods=["POST"])
def status(claim_id: int) -> ResponseReturnValue:
    user = acting_user()
    form = StatusForm(prefix="status")
    return _versioned(
        claim_id,
        "status",
        form,
        lambda v: review.set_status(
            db(),
            claim_id,
            form.status.data or "",
            form.rationale.data or "",
            v,
            user,
            claim_reviewed=form.claim_reviewed.data or "",
        ),
        _("The status was saved."),
    )


@bp.route("/<int:claim_id>/assign", methods=["POST"])
def assign(claim_id: int) -> ResponseReturnValue:
    user = acting_user()
    form = AssignForm(prefix="assign")
    raw = (form.assignee.data or "").strip()
    if raw and not raw.isdigit():
        raw = "0"
    return _versioned(
        claim_id,
        "assign",
        form,
        lambda v: review.assign(db(), claim_id, int(raw) if raw else None, v, user),
        _("The assignment was saved."),
    )


def _hops(form: ChainForm) -> list[review.Hop]:
    hops: list[review.Hop] = []
    for entry in form.hops:
        row = entry.form
        raw = " ".join((row.source.data or "").split())
        kind = row.kind.data or "reported"
        if not raw and kind != "hearsay":
            continue  # an empty row: nothing to add
        m = _SOURCE_ID.match(raw)
        hops.append(
            review.Hop(
                source_id=int(m.group(1)) if m and not row.new_kind.data else None,
                source_name="" if m and not row.new_kind.data else raw,
                new_kind=row.new_kind.data or "",
                kind=kind,
            )
        )
    return hops


@bp.route("/<int:claim_id>/chain", methods=["POST"])
def chain(claim_id: int) -> ResponseReturnValue:
    """Save the whole chain at once; its add, remove and move buttons (for browsers without the
    script, which does them in place) show the edited chain again, unsaved."""
    user = acting_user()
    form = ChainForm(prefix="chain")
    edit = request.form.get("chain-edit", "")
    if edit:
        edited = edited_chain(form, edit)
        if edited is None:
            abort(400)
        return render_workbench(None, claim_id, forms={"chain": edited})
    return _versioned(
        claim_id,
        "chain",
        form,
        lambda v: review.set_chain(db(), claim_id, _hops(form), v, user),
        _("The provenance chain was saved."),
    )


@bp.route("/<int:claim_id>/split", methods=["POST"])
def split(claim_id: int) -> ResponseReturnValue:
    user = acting_user()
    form = SplitForm(prefix="split")
    if request.form.get("split-edit") == "add":  # without the script: one part more, unsaved
        return render_workbench(None, claim_id, forms={"split": with_another_part(form)})
    return _versioned(
        claim_id,
        "split",
        form,
        # the parent stays selected: its parts are listed in its panel
        lambda v: _parent(review.split_claim(db(), claim_id, form.fragments(), v, user)),
        _("The claim was split."),
    )


@bp.route("/<int:claim_id>/dismiss", methods=["POST"])
def dismiss(claim_id: int) -> ResponseReturnValue:
    user = acting_user()
    form = DismissForm(prefix="dismiss")
    return _versioned(
        claim_id,
        "dismiss",
        form,
        lambda v: dismissal.dismiss_claim(db(), claim_id, form.reason.data or "", v, user),
        _("The claim was dismissed; it left the queue and the reports."),
    )


@bp.route("/<int:claim_id>/restore", methods=["POST"])
def restore(claim_id: int) -> ResponseReturnValue:
    user = acting_user()
    form = RestoreForm(prefix="restore")
    return _versioned(
        claim_id,
        "restore",
        form,
        lambda v: dismissal.restore_claim(db(), claim_id, v, user),
        _("The claim was restored."),
    )


@bp.route("/<int:claim_id>/evidence", methods=["POST"])
def add_evidence(claim_id: int) -> ResponseReturnValue:
    form = EvidenceForm(prefix="evidence")
    session = db()
    if form.validate():
        try:
            item = evidence.add_evidence(
                session,
                claim_id,
                form.url.data or "",
                form.stance.data or "",
                acting_user(),
                title=form.title.data or "",
                excerpt=form.excerpt.data or "",
            )
            session.commit()
        except NotFound:
            abort(404)
        except InvalidInput as err:
            session.rollback()
            form.url.errors = [*form.url.errors, explain(err)]
        else:
            return _back(item.claim, _("The evidence was added."))
    return render_workbench(None, claim_id, forms={"evidence": form}, status=422)


@bp.route("/evidence/<int:evidence_id>/remove", methods=["POST"])
def remove_evidence(evidence_id: int) -> ResponseReturnValue:
    form = RemoveEvidenceForm(prefix=f"remove-{evidence_id}")
    session = db()
    if form.validate():
        try:
            item = evidence.remove_evidence(
                session, evidence_id, form.reason.data or "", acting_user()
            )
            session.commit()
        except NotFound:
            abort(404)
        except InvalidInput as err:
            session.rollback()
            flash(explain(err), "error")
        else:
            return _back(item.claim, _("The evidence was removed; it stays in the history."))
    else:
        flash(_("Say why the evidence is removed."), "error")
    return render_workbench(None, evidence_id=evidence_id, status=422)


@bp.route("/<int:claim_id>/comments", methods=["POST"])
def comment(claim_id: int) -> ResponseReturnValue:
    """Post to the claim's thread; say which `@name`s reached nobody."""
    form = CommentForm(prefix="comment")
    session = db()
    if form.validate():
        try:
            posted = comments.add_comment(session, claim_id, form.body.data or "", acting_user())
            session.commit()
        except NotFound:
            abort(404)
        except InvalidInput as err:
            session.rollback()
            form.body.errors = [*form.body.errors, explain(err)]
        else:
            for name in posted.unknown:
                flash(_("@%(name)s matches nobody; nobody was told.", name=name), "error")
            for name in posted.ambiguous:
                flash(
                    _(
                        "@%(name)s fits several people; nobody was told. Write the part of "
                        "their e-mail address before the @, or their full name without spaces.",
                        name=name,
                    ),
                    "error",
                )
            flash(_("The comment was posted."), "info")
            return redirect(
                url_for("articles.view", article_id=posted.comment.claim.article_id, claim=claim_id)
                + "#comments"
            )
    return render_workbench(None, claim_id, forms={"comment": form}, status=422)
