"""Articles: the list, bringing one in (paste, upload, URL) and the article view with its claims."""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from wtforms.fields.choices import SelectChoice

from ...models import Article
from ...services import article_intake, dismissal, review, workbench
from ...services.errors import DuplicateArticle, InvalidInput, NearDuplicateArticle, NotFound
from ...services.importing import MAX_BYTES
from ...services.ingest import ArticleInput
from ...wording import cut_at_word
from .. import acting_user, db
from ..field_errors import mark_invalid
from ..history import Conflict, HistoryRow, describe
from ..messages import explain
from .forms import AddClaimForm, ArticleForm, WithdrawForm

bp = Blueprint("articles", __name__)

PER_PAGE = 25


@bp.route("/")
def index() -> ResponseReturnValue:
    page = request.args.get("page", 1, type=int) or 1
    listing = workbench.list_articles(db(), page=page, per_page=PER_PAGE)
    return render_template("articles/index.html", listing=listing)


@bp.errorhandler(413)
def too_large(_err: Exception) -> ResponseReturnValue:
    """A request over the size limit cannot be kept; say so instead of a bare error page."""
    flash(
        _("The article or file is too large to bring in; the limit is about 500,000 characters."),
        "error",
    )
    return render_template("articles/new.html", form=ArticleForm(formdata=None), notes=[]), 413


def _upload(form: ArticleForm) -> tuple[str, bytes] | None:
    """The uploaded file's name and bytes (one byte over the limit, to tell it is too large)."""
    upload = request.files.get(form.upload.name)
    if upload is None or not upload.filename:
        return None
    return upload.filename, upload.stream.read(MAX_BYTES + 1)


@bp.route("/new", methods=["GET", "POST"])
def new() -> ResponseReturnValue:
    form = ArticleForm()
    if request.method == "GET":
        return render_template("articles/new.html", form=form, notes=[])
    if not form.validate():
        return render_template("articles/new.html", form=form, notes=[]), 422
    action = request.form.get("action", "save")
    fetch_only = action == "fetch"
    supersedes = request.form.get("supersedes", "")
    session = db()
    draft = ArticleInput(
        body=form.body.data or "",
        title=form.title.data or "",
        url=form.url.data or "",
        outlet=form.outlet.data or "",
        author=form.author.data or "",
        published=form.published.data or "",
        language=form.language.data or "auto",
    )
    intake = article_intake.bring_in(
        session,
        draft,
        acting_user(),
        upload=_upload(form),
        fetch_only=fetch_only,
        allow_private=current_app.config["TRACKER_FETCH_ALLOW_PRIVATE"],
        max_chars=current_app.config["TRACKER_MAX_ARTICLE_CHARS"],
        supersedes_id=int(supersedes) if action == "supersede" and supersedes.isdigit() else None,
        separate=action == "separate",
    )
    if intake.article is not None:
        session.commit()
        return _saved(intake.article)
    for name in ("body", "title", "url", "outlet", "author", "published", "language"):
        getattr(form, name).data = getattr(intake.draft, name)
    notes = [explain(note) for note in intake.notes]
    if isinstance(intake.refused, NearDuplicateArticle):
        session.rollback()
        return render_template(
            "articles/new.html",
            form=form,
            notes=notes,
            similar=intake.refused.article_id,
            similarity=intake.refused.similarity,
        ), 409
    if isinstance(intake.refused, DuplicateArticle):
        session.rollback()
        return render_template(
            "articles/new.html", form=form, notes=notes, duplicate=intake.refused.article_id
        ), 409
    if intake.refused is not None:
        session.rollback()
        flash(explain(intake.refused), "error")
        return render_template("articles/new.html", form=form, notes=notes), 422
    flash(_("Check the text and the details, then save."), "info")
    return render_template("articles/new.html", form=form, notes=notes), 200 if fetch_only else 422


def _saved(article: Article) -> ResponseReturnValue:
    """To the saved article, saying what became of it."""
    if article.supersedes_id is not None:
        flash(
            _(
                "Saved as the new version of article %(old)s; its claims were found again in "
                "the new text.",
                old=article.supersedes_id,
            ),
            "info",
        )
    else:
        flash(_("The article was saved; %(n)s claims were found.", n=len(article.claims)), "info")
    return redirect(url_for("articles.view", article_id=article.id))


def render_workbench(
    article_id: int | None,
    claim_id: int | None = None,
    *,
    evidence_id: int | None = None,
    forms: dict[str, FlaskForm] | None = None,
    conflict: Conflict | None = None,
    status: int = 200,
    show: str = "all",
) -> ResponseReturnValue:
    """The article view (of the claim's or evidence item's article when `article_id` is None);
    `forms` replaces panel forms (to keep what the user typed); `conflict` lays a refused
    edit beside what changed meanwhile."""
    from ..claims.forms import (
        AssignForm,
        ChainForm,
        CommentForm,
        DismissForm,
        EvidenceForm,
        RestoreForm,
        SplitForm,
        StatusForm,
        TextForm,
        hop_rows,
    )

    try:
        view = workbench.article_view(
            db(),
            article_id,
            claim_id,
            evidence_id=evidence_id,
            missed_since=conflict.expected if conflict is not None else None,
            show=show,
            viewer_id=acting_user().id,
        )
    except NotFound:
        abort(404)
    given = forms or {}
    panel: dict[str, FlaskForm] = {}
    history: list[HistoryRow] = []
    users = {u.id: u.name for u in view.users}
    claim = view.claim
    shown_conflict: dict[str, Any] | None = None
    if claim is not None:
        v = claim.version
        panel = {
            "text": TextForm(prefix="text", formdata=None, data={"text": claim.text, "version": v}),
            "status": StatusForm(
                prefix="status",
                formdata=None,
                data={
                    "rationale": claim.rationale,
                    "claim_reviewed": claim.claim_reviewed or cut_at_word(claim.text),
                    "version": v,
                },
            ),
            "assign": AssignForm(
                prefix="assign",
                formdata=None,
                data={"assignee": str(claim.assignee_id or ""), "version": v},
            ),
            "chain": ChainForm(
                prefix="chain", formdata=None, data={"hops": hop_rows(claim), "version": v}
            ),
            "split": SplitForm(prefix="split", formdata=None, data={"version": v}),
            "evidence": EvidenceForm(prefix="evidence", formdata=None),
            "dismiss": DismissForm(prefix="dismiss", formdata=None, data={"version": v}),
            "restore": RestoreForm(prefix="restore", formdata=None, data={"version": v}),
            "comment": CommentForm(prefix="comment", formdata=None),
        }
        panel.update(given)
        choices = [SelectChoice("", _("nobody"))] + [
            SelectChoice(str(u.id), u.name) for u in view.users
        ]
        panel["assign"].assignee.choices = choices
        history = [describe(e, users) for e in view.history]
        if conflict is not None:
            shown_conflict = conflict.shown(users)
            shown_conflict["since"] = [describe(e, users) for e in view.missed]
    add_form = given.get("add") or AddClaimForm(prefix="add", formdata=None)
    withdraw_form = given.get("withdraw") or WithdrawForm(prefix="withdraw", formdata=None)
    for form in [*panel.values(), add_form, withdraw_form]:
        mark_invalid(form)
    return render_template(
        "articles/view.html",
        view=view,
        panel=panel,
        add_form=add_form,
        withdraw_form=withdraw_form,
        history=history,
        conflict=shown_conflict,
        users=users,
    ), status


@bp.route("/<int:article_id>")
def view(article_id: int) -> ResponseReturnValue:
    claim_id = request.args.get("claim", type=int)
    page = render_workbench(article_id, claim_id, show=request.args.get("show", "all"))
    db().commit()  # the viewer's mentions in the claim's thread are seen now
    return page


@bp.route("/<int:article_id>/withdraw", methods=["POST"])
def withdraw(article_id: int) -> ResponseReturnValue:
    """An editor withdraws the article (with a reason) or, with `undo`, reinstates it."""
    user = acting_user()
    form = WithdrawForm(prefix="withdraw")
    session = db()
    if form.validate():
        try:
            withdrawn = not form.undo.data
            dismissal.set_withdrawn(session, article_id, withdrawn, form.reason.data or "", user)
            session.commit()
        except NotFound:
            abort(404)
        except InvalidInput as err:
            session.rollback()
            form.reason.errors = [*form.reason.errors, explain(err)]
        else:
            message = (
                _("The article was withdrawn; its claims left the queue and reports.")
                if withdrawn
                else _("The article was reinstated; its claims are back in the queue.")
            )
            flash(message, "info")
            return redirect(url_for("articles.view", article_id=article_id))
    return render_workbench(article_id, None, forms={"withdraw": form}, status=422)


@bp.route("/<int:article_id>/claims", methods=["POST"])
def add_claim(article_id: int) -> ResponseReturnValue:
    form = AddClaimForm(prefix="add")
    if form.validate():
        start, end = (form.start.data or "").strip(), (form.end.data or "").strip()
        fragment = (form.fragment.data or "").strip()
        where = (int(start), int(end)) if start.isdigit() and end.isdigit() else fragment
        if not where:
            form.fragment.errors = [
                *form.fragment.errors,
                _("Select the text of the claim in the article first."),
            ]
            return render_workbench(article_id, None, forms={"add": form}, status=422)
        session = db()
        try:
            claim = review.add_claim(session, article_id, where, acting_user())
            session.commit()
        except NotFound:
            abort(404)
        except InvalidInput as err:
            session.rollback()
            form.fragment.errors = [*form.fragment.errors, explain(err)]
        else:
            flash(_("The claim was added."), "info")
            return redirect(
                url_for("articles.view", article_id=article_id, claim=claim.id) + "#panel"
            )
    return render_workbench(article_id, None, forms={"add": form}, status=422)
