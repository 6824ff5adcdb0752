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

from ...services import dismissal, importing, review, workbench
from ...services.errors import DuplicateArticle, InvalidInput, NearDuplicateArticle, NotFound
from ...services.ingest import ArticleInput, ingest_article
from .. import acting_user, db
from ..history import HistoryRow, describe
from ..messages import explain
from .forms import AddClaimForm, ArticleForm, WithdrawForm

bp = Blueprint("articles", __name__)

PER_PAGE = 25


@bp.route("/")
def index() -> ResponseReturnValue:
    page = request.args.get("page", 1, type=int) or 1
    listing = workbench.list_articles(db(), page=page, per_page=PER_PAGE)
    return render_template("articles/index.html", listing=listing)


def _normal_newlines(text: str) -> str:
    """Browsers send textareas with CRLF; the article is stored with plain newlines."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _prefill(form: ArticleForm, found: importing.Imported) -> None:
    """Put what a file or page said into the fields the user left empty."""
    form.body.data = _normal_newlines(found.body)
    for name in ("title", "outlet", "author", "published", "url"):
        field = getattr(form, name)
        value = getattr(found, name)
        if value and not (field.data or "").strip():
            field.data = value
    if found.language and form.language.data in (None, "", "auto"):
        form.language.data = found.language


def _import(form: ArticleForm) -> importing.Imported | None:
    """Read the uploaded file or fetch the URL; None when neither was given."""
    upload = request.files.get(form.upload.name)
    max_chars = current_app.config["TRACKER_MAX_ARTICLE_CHARS"]
    if upload is not None and upload.filename:
        data = upload.stream.read(importing.MAX_BYTES + 1)
        return importing.from_upload(upload.filename, data, max_chars=max_chars)
    if (form.url.data or "").strip():
        return importing.fetch_url(
            form.url.data or "",
            allow_private=current_app.config["TRACKER_FETCH_ALLOW_PRIVATE"],
            max_chars=max_chars,
        )
    return None


@bp.errorhandler(413)
def too_large(_err: Exception) -> ResponseReturnValue:
    """A request over the size limit cannot be kept; say so instead of a bare error page."""
    flash(
        _("The article or file is too large to bring in; the limit is about 500,000 characters."),
        "error",
    )
    return render_template("articles/new.html", form=ArticleForm(formdata=None), notes=[]), 413


@bp.route("/new", methods=["GET", "POST"])
def new() -> ResponseReturnValue:
    user = acting_user()
    form = ArticleForm()
    notes: list[str] = []
    if request.method == "GET":
        return render_template("articles/new.html", form=form, notes=notes)
    if not form.validate():
        return render_template("articles/new.html", form=form, notes=notes), 422
    action = request.form.get("action", "save")
    body = _normal_newlines(form.body.data or "")
    try:
        if action == "fetch" or not body.strip():
            found = _import(form)
            if found is None:
                raise InvalidInput(
                    _("Paste the article text, upload a file or give the article's web address.")
                )
            _prefill(form, found)
            notes = [explain(note) for note in found.notes]
            if action == "fetch" or found.needs_review:
                flash(_("Check the text and the details, then save."), "info")
                status = 422 if action != "fetch" else 200
                return render_template("articles/new.html", form=form, notes=notes), status
            body = form.body.data or ""
        supersedes = request.form.get("supersedes", "")
        session = db()
        article = ingest_article(
            session,
            ArticleInput(
                body=body,
                title=form.title.data or "",
                url=(form.url.data or "").strip() or None,
                outlet=(form.outlet.data or "").strip() or None,
                author=form.author.data or None,
                published=form.published.data or None,
                language=form.language.data or "auto",
            ),
            user,
            supersedes_id=int(supersedes)
            if action == "supersede" and supersedes.isdigit()
            else None,
            separate=action == "separate",
        )
        session.commit()
    except NearDuplicateArticle as err:
        db().rollback()
        form.body.data = body
        return render_template(
            "articles/new.html",
            form=form,
            notes=notes,
            similar=err.article_id,
            similarity=err.similarity,
        ), 409
    except DuplicateArticle as err:
        db().rollback()
        form.body.data = body
        return render_template(
            "articles/new.html", form=form, notes=notes, duplicate=err.article_id
        ), 409
    except InvalidInput as err:
        db().rollback()
        form.body.data = body or form.body.data
        flash(explain(err), "error")
        return render_template("articles/new.html", form=form, notes=notes), 422
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
    article_id: int,
    claim_id: int | None = None,
    *,
    forms: dict[str, FlaskForm] | None = None,
    conflict: dict[str, Any] | None = None,
    status: int = 200,
    show: str = "all",
) -> ResponseReturnValue:
    """The article view; `forms` replaces panel forms (to keep what the user typed)."""
    from ..claims.forms import (
        AssignForm,
        ChainForm,
        DismissForm,
        EvidenceForm,
        RestoreForm,
        SplitForm,
        StatusForm,
        TextForm,
        hop_rows,
    )

    try:
        view = workbench.article_view(db(), article_id, claim_id, show)
    except NotFound:
        abort(404)
    given = forms or {}
    panel: dict[str, FlaskForm] = {}
    history: list[HistoryRow] = []
    users = {u.id: u.name for u in view.users}
    claim = view.claim
    if claim is not None:
        v = claim.version
        panel = {
            "text": TextForm(prefix="text", formdata=None, data={"text": claim.text, "version": v}),
            "status": StatusForm(
                prefix="status", formdata=None, data={"rationale": claim.rationale, "version": v}
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
        }
        panel.update(given)
        choices = [SelectChoice("", _("nobody"))] + [
            SelectChoice(str(u.id), u.name) for u in view.users
        ]
        panel["assign"].assignee.choices = choices
        history = [describe(e, users) for e in view.history]
        if conflict is not None:
            missed = review.changes_since(
                view.history, conflict["expected"], int(conflict["current"].get("version") or 0)
            )
            conflict["since"] = [describe(e, users) for e in missed]
    add_form = given.get("add") or AddClaimForm(prefix="add", formdata=None)
    withdraw_form = given.get("withdraw") or WithdrawForm(prefix="withdraw", formdata=None)
    return render_template(
        "articles/view.html",
        view=view,
        panel=panel,
        add_form=add_form,
        withdraw_form=withdraw_form,
        history=history,
        conflict=conflict,
        users=users,
    ), status


@bp.route("/<int:article_id>")
def view(article_id: int) -> ResponseReturnValue:
    claim_id = request.args.get("claim", type=int)
    return render_workbench(article_id, claim_id, show=request.args.get("show", "all"))


@bp.route("/<int:article_id>/withdraw", methods=["POST"])
def withdraw(article_id: int) -> ResponseReturnValue:
    """An editor withdraws the article (with a reason) or, with `undo`, reinstates it."""
    user = acting_user()
    form = WithdrawForm(prefix="withdraw")
    session = db()
    if form.validate():
        try:
            if form.undo.data:
                dismissal.reinstate_article(session, article_id, user)
                message = _("The article was reinstated; its claims are back in the queue.")
            else:
                dismissal.withdraw_article(session, article_id, form.reason.data or "", user)
                message = _("The article was withdrawn; its claims left the queue and reports.")
            session.commit()
        except NotFound:
            abort(404)
        except InvalidInput as err:
            session.rollback()
            form.reason.errors = [*form.reason.errors, explain(err)]
        else:
            flash(message, "info")
            return redirect(url_for("articles.view", article_id=article_id))
    return render_workbench(article_id, None, forms={"withdraw": form}, status=422)


@bp.route("/<int:article_id>/claims", methods=["POST"])
def add_claim(article_id: int) -> ResponseReturnValue:
    user = acting_user()
    form = AddClaimForm(prefix="add")
    session = db()
    if form.validate():
        try:
            start, end = (form.start.data or "").strip(), (form.end.data or "").strip()
            if start.isdigit() and end.isdigit():
                claim = review.add_claim(session, article_id, int(start), int(end), user)
            elif (form.fragment.data or "").strip():
                claim = review.add_claim_from_text(
                    session, article_id, form.fragment.data or "", user
                )
            else:
                raise InvalidInput(_("Select the text of the claim in the article first."))
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
