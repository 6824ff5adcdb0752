"""Logging in and out, and the user's interface language."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from ...services import users
from ...services.errors import InvalidInput
from .. import acting_user, db
from ..messages import explain
from .forms import LanguageForm, LoginForm, PasswordForm
from .next_url import same_site
from .sessions import remember_epoch
from .throttle import address_limits, client_address

bp = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str:
    """Only same-site paths are followed after login."""
    if target is None or same_site(target) is None:
        return url_for("home.index")
    return target


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = LoginForm()
    status = 200
    if form.validate_on_submit():
        session = db()
        try:
            user = users.authenticate(
                session,
                form.email.data or "",
                form.password.data or "",
                address=client_address(),
                address_limits=address_limits(),
            )
        except users.AddressThrottled as err:
            session.rollback()
            flash(
                _("Too many failed logins from your address. Try again in a few minutes."), "error"
            )
            return render_template("auth/login.html", form=form, retry=err.seconds), 429
        except users.LoginThrottled as err:
            session.commit()  # the address's attempt counts
            flash(_("Too many failed logins. Try again in a few minutes."), "error")
            return render_template("auth/login.html", form=form, retry=err.seconds), 429
        session.commit()
        if user is not None:
            login_user(user)
            remember_epoch(user)
            return redirect(_safe_next(request.args.get("next")))
        flash(_("Wrong e-mail address or password."), "error")
        status = 401
    elif request.method == "POST":
        status = 400
    return render_template("auth/login.html", form=form), status


@bp.route("/logout", methods=["POST"])
@login_required
def logout() -> ResponseReturnValue:
    """Log out here and on every other device (the user's session epoch is raised)."""
    session = db()
    users.end_sessions(session, acting_user())
    session.commit()
    logout_user()
    flash(_("You are logged out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def password() -> ResponseReturnValue:
    """Change one's own password; every other session of the user ends, this one stays."""
    form = PasswordForm()
    if not form.validate_on_submit():
        status = 422 if request.method == "POST" else 200
        return render_template("auth/password.html", form=form), status
    session = db()
    try:
        user = users.change_own_password(
            session,
            acting_user(),
            form.current.data or "",
            form.new.data or "",
        )
    except users.LoginThrottled as err:
        session.rollback()
        form.current.errors = [*form.current.errors, explain(err)]
        return render_template("auth/password.html", form=form), 429
    except InvalidInput as err:
        if isinstance(err, users.WrongPassword):
            session.commit()  # the wrong guess counts against the account
        else:
            session.rollback()
        form.current.errors = [*form.current.errors, explain(err)]
        return render_template("auth/password.html", form=form), 422
    session.commit()
    remember_epoch(user)
    flash(_("Your password was changed; you were logged out everywhere else."), "info")
    return redirect(url_for("home.index"))


@bp.route("/account/language", methods=["POST"])
@login_required
def language() -> ResponseReturnValue:
    form = LanguageForm()
    if form.validate_on_submit():
        session = db()
        try:
            users.set_locale(session, acting_user(), form.locale.data or None)
        except InvalidInput as err:
            flash(explain(err), "error")
        else:
            session.commit()
    return redirect(_safe_next(request.form.get("next")))
