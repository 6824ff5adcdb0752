"""User administration: the services let administrators only (tracker/services/policy.py)."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from ...models import User
from ...services import tokens as token_service
from ...services import users as user_service
from ...services.errors import InvalidInput, NotFound
from .. import acting_user, db
from ..labels import role_label
from ..messages import explain
from .forms import ActiveForm, CreateUserForm, RoleForm

bp = Blueprint("admin", __name__)


def _render(
    form: CreateUserForm, status: int = 200, errors: dict[int, str] | None = None
) -> ResponseReturnValue:
    return render_template(
        "admin/users.html",
        form=form,
        users=user_service.list_users(db(), acting_user()),
        role_form=RoleForm,
        active_form=ActiveForm(formdata=None),
        row_errors=errors or {},
    ), status


@bp.route("/users", methods=["GET", "POST"])
def users() -> ResponseReturnValue:
    form = CreateUserForm()
    if request.method == "GET":
        return _render(form)
    if not form.validate_on_submit():
        return _render(form, 422)
    session = db()
    try:
        user = user_service.create_user(
            session,
            form.email.data or "",
            form.name.data or "",
            form.password.data or "",
            form.role.data or "factchecker",
            acting_user(),
        )
    except InvalidInput as err:
        session.rollback()
        form.email.errors = [*form.email.errors, explain(err)]
        return _render(form, 422)
    session.commit()
    flash(_("User %(email)s was created.", email=user.email), "info")
    return redirect(url_for("admin.users"))


def _user_change(
    user_id: int, change: Callable[[], User], done: Callable[[User], str]
) -> ResponseReturnValue:
    """Run a change of one user; a refusal is shown on that user's row (409)."""
    session = db()
    try:
        user = change()
    except NotFound:
        abort(404)
    except InvalidInput as err:
        session.rollback()
        return _render(CreateUserForm(formdata=None), 409, {user_id: explain(err)})
    session.commit()
    flash(done(user), "info")
    return redirect(url_for("admin.users"))


@bp.route("/users/<int:user_id>/role", methods=["POST"])
def set_role(user_id: int) -> ResponseReturnValue:
    form = RoleForm()
    if not form.validate_on_submit():
        return _render(CreateUserForm(formdata=None), 422, {user_id: _("Choose a role.")})
    return _user_change(
        user_id,
        lambda: user_service.change_role(db(), user_id, form.role.data or "", acting_user()),
        lambda user: _("%(name)s is now %(role)s.", name=user.name, role=role_label(user.role)),
    )


@bp.route("/users/<int:user_id>/active", methods=["POST"])
def set_active(user_id: int) -> ResponseReturnValue:
    form = ActiveForm()
    if not form.validate_on_submit():
        abort(400)
    active = request.form.get("active") == "1"
    return _user_change(
        user_id,
        lambda: user_service.change_active(db(), user_id, active, acting_user()),
        lambda user: (
            _("%(name)s was reactivated.", name=user.name)
            if active
            else _("%(name)s was deactivated.", name=user.name)
        ),
    )


@bp.route("/tokens")
def tokens() -> ResponseReturnValue:
    """Every API token with its owner, scopes, expiry and state; live ones can be revoked."""
    return render_template(
        "admin/tokens.html",
        tokens=token_service.list_tokens(db(), acting_user()),
        state=token_service.token_state,
        revoke_form=ActiveForm(formdata=None),
    )


@bp.route("/tokens/<int:token_id>/revoke", methods=["POST"])
def revoke_token(token_id: int) -> ResponseReturnValue:
    if not ActiveForm().validate_on_submit():
        abort(400)
    session = db()
    try:
        token = token_service.revoke_token(session, token_id, acting_user())
    except NotFound:
        abort(404)
    session.commit()
    flash(_("The token “%(name)s” was revoked.", name=token.name), "info")
    return redirect(url_for("admin.tokens"))
