"""The source registry: search, a source's page, create, edit, aliases, merge, JSON search."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from wtforms import Field

from ...models import SOURCE_KINDS
from ...services import source_pages
from ...services import sources as source_service
from ...services.errors import InvalidInput, NotFound
from .. import acting_user, db
from ..messages import explain
from .forms import AliasForm, MergeForm, SourceForm, SourceSearchForm, UnmergeForm

bp = Blueprint("sources", __name__)

PER_PAGE = 25
MAX_JSON = 20


def _page() -> int:
    return max(1, min(request.args.get("page", 1, type=int) or 1, 10_000))


def _blame(form: SourceForm, err: InvalidInput) -> None:
    """Put a service refusal beside the field it is about (the name when it says none)."""
    field = {"aliases": form.aliases, "url": form.url, "kind": form.kind}.get(err.about or "")
    field = field or form.name
    field.errors = [*field.errors, explain(err)]


def _aliases(text: str | None) -> list[str]:
    return [a.strip() for a in (text or "").split(",") if a.strip()]


@bp.route("/")
def index() -> ResponseReturnValue:
    form = SourceSearchForm(formdata=request.args)
    page = _page()
    # Proposed entries (found by the extractor, not yet confirmed) are listed apart; a search
    # finds both.
    shown = "proposed" if request.args.get("status") == "proposed" else "confirmed"
    valid = form.validate()
    search = source_pages.SourceSearch(form.q.data or "", form.kind.data or None, shown)
    listing = source_pages.source_list(
        db(), search if valid else None, acting_user(), page=page, per_page=PER_PAGE
    )
    args: dict[str, Any] = {
        k: request.args[k] for k in ("q", "kind", "status") if request.args.get(k)
    }
    return render_template(
        "sources/index.html",
        form=form,
        sources=listing.sources,
        shown=shown,
        duplicates=listing.duplicates,
        can_merge=listing.can_merge,
        page=page,
        prev_url=url_for("sources.index", page=page - 1, **args) if page > 1 else None,
        next_url=url_for("sources.index", page=page + 1, **args) if listing.has_next else None,
    ), 200 if valid else 400


@bp.route("/search.json")
def search_json() -> ResponseReturnValue:
    query = (request.args.get("q") or "")[:300]
    kind = request.args.get("kind") or None
    if kind is not None and kind not in SOURCE_KINDS:
        return jsonify({"error": "unknown kind"}), 400
    found = source_service.search_sources(db(), query, kind, limit=MAX_JSON)
    return jsonify(
        [
            {
                "id": s.id,
                "name": s.name,
                "kind": s.kind,
                "status": s.status,
                "aliases": [a.alias for a in s.aliases],
            }
            for s in found
        ]
    )


@bp.route("/new", methods=["GET", "POST"])
def create() -> ResponseReturnValue:
    form = SourceForm()
    status = 200
    if form.validate_on_submit():
        session = db()
        try:
            source = source_service.create_source(
                session,
                form.name.data or "",
                form.kind.data or "",
                acting_user(),
                description=form.description.data or "",
                url=(form.url.data or "").strip() or None,
                aliases=_aliases(form.aliases.data),
                anonymity_reason=(form.anonymity_reason.data or "").strip() or None,
            )
        except InvalidInput as err:
            session.rollback()
            _blame(form, err)
            status = 422
        else:
            session.commit()
            flash(_("Source “%(name)s” was added.", name=source.name), "info")
            return redirect(url_for("sources.view", source_id=source.id))
    elif request.method == "POST":
        status = 422
    return render_template("sources/form.html", form=form, source=None), status


def _source_page(
    source_id: int,
    page: int = 1,
    *,
    alias_form: AliasForm | None = None,
    merge_form: MergeForm | None = None,
    status: int = 200,
) -> ResponseReturnValue:
    """The source's page (the survivor's when it was merged away: a redirect there); after a
    refused form, with that form's errors and what was typed."""
    try:
        found = source_pages.source_page(db(), source_id, acting_user(), page, PER_PAGE)
    except NotFound:
        abort(404)
    if found.source.id != source_id:
        return redirect(url_for("sources.view", source_id=found.source.id), 301)
    return render_template(
        "sources/view.html",
        source=found.source,
        record=found.record,
        history=found.history,
        claims=found.claims,
        page=page,
        prev_url=url_for("sources.view", source_id=source_id, page=page - 1) if page > 1 else None,
        next_url=url_for("sources.view", source_id=source_id, page=page + 1)
        if found.has_next
        else None,
        alias_form=alias_form or AliasForm(formdata=None),
        merge_form=merge_form or MergeForm(formdata=None),
        can_merge=found.can_merge,
        duplicates=found.duplicates,
    ), status


@bp.route("/<int:source_id>")
def view(source_id: int) -> ResponseReturnValue:
    return _source_page(source_id, _page())


@bp.route("/<int:source_id>/unmerge", methods=["POST"])
def unmerge(source_id: int) -> ResponseReturnValue:
    """Undo the merge of `source_id` into another source (editors)."""
    form = UnmergeForm()
    session = db()
    back = request.form.get("back_to", type=int)
    if form.validate_on_submit():
        try:
            restored = source_service.unmerge_source(session, source_id, acting_user())
        except NotFound:
            session.rollback()
            abort(404)
        except InvalidInput as err:
            session.rollback()
            flash(explain(err), "error")
        else:
            session.commit()
            flash(
                _("The merge was undone: “%(name)s” is its own source again.", name=restored.name),
                "info",
            )
            return redirect(url_for("sources.view", source_id=restored.id))
    return redirect(url_for("sources.view", source_id=back or source_id))


@bp.route("/<int:source_id>/edit", methods=["GET", "POST"])
def edit(source_id: int) -> ResponseReturnValue:
    try:
        found = source_service.live_source(db(), source_id)
    except NotFound:
        abort(404)
    if found.id != source_id:
        return redirect(url_for("sources.edit", source_id=found.id), 301)
    form = SourceForm(obj=found)
    del form.aliases
    status = 200
    if form.validate_on_submit():
        session = db()
        try:
            source_service.update_source(
                session,
                found.id,
                acting_user(),
                name=form.name.data or "",
                kind=form.kind.data or "",
                description=form.description.data or "",
                url=form.url.data,
                anonymity_reason=form.anonymity_reason.data,
            )
        except InvalidInput as err:
            session.rollback()
            _blame(form, err)
            status = 422
        else:
            session.commit()
            flash(_("The source was saved."), "info")
            return redirect(url_for("sources.view", source_id=found.id))
    elif request.method == "POST":
        status = 422
    return render_template("sources/form.html", form=form, source=found), status


def _on_page(
    source_id: int, form: AliasForm | MergeForm, field: Field, action: Callable[[], str]
) -> ResponseReturnValue:
    """An action of the source's page: run it (it returns the message to show) and commit, or
    show the page again with the refusal beside `field`."""
    if form.validate_on_submit():
        session = db()
        try:
            done = action()
        except NotFound:
            abort(404)
        except InvalidInput as err:
            session.rollback()
            field.errors = [*field.errors, explain(err)]
        else:
            session.commit()
            flash(done, "info")
            return redirect(url_for("sources.view", source_id=source_id))
    if isinstance(form, AliasForm):
        return _source_page(source_id, alias_form=form, status=422)
    return _source_page(source_id, merge_form=form, status=422)


@bp.route("/<int:source_id>/aliases", methods=["POST"])
def add_alias(source_id: int) -> ResponseReturnValue:
    form = AliasForm()

    def add() -> str:
        source_service.add_alias(db(), source_id, form.alias.data or "", acting_user())
        return str(_("Alias “%(alias)s” was added.", alias=form.alias.data))

    return _on_page(source_id, form, form.alias, add)


@bp.route("/<int:source_id>/merge", methods=["POST"])
def merge(source_id: int) -> ResponseReturnValue:
    form = MergeForm()

    def fold_in() -> str:
        gone = source_service.merge_sources(db(), source_id, form.other.data or "", acting_user())
        return str(_("“%(name)s” was merged into this source.", name=gone.name))

    return _on_page(source_id, form, form.other, fold_in)
