"""The web app: extensions, database session per request, security headers, blueprints."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from typing import Any

from flask import Flask, abort, current_app, g, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import Babel, get_locale
from flask_login import LoginManager, current_user
from flask_wtf.csrf import CSRFProtect
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session
from werkzeug.routing import IntegerConverter, Map
from werkzeug.wrappers import Response

from ..db import make_engine, make_session_factory
from ..models import User
from ..resources import resource_dir
from ..services.errors import PermissionDenied
from ..services.policy import allowed
from ..vocabulary import checkworthiness_band
from .labels import (
    checkworthiness_label,
    dismiss_label,
    language_label,
    role_label,
    row_words,
    source_duplicate_reason,
    source_event_label,
    source_kind_label,
    stance_label,
    status_label,
)

csrf = CSRFProtect()
login_manager = LoginManager()
babel = Babel()
LANGUAGES = ("nl", "en")
MAX_ID = 2**31 - 1
request_log = logging.getLogger("tracker.web.requests")

TRANSLATIONS = resource_dir("translations")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def db() -> Session:
    """The request's database session, opened on first use and closed at teardown."""
    if "db_session" not in g:
        g.db_session = current_app.extensions["tracker_sessions"]()
    session: Session = g.db_session
    return session


def acting_user() -> User:
    """The user a request acts for, in the request's session: the API token's owner on /api,
    else the signed-in user. The one way views learn who acts; the services decide what they
    may do (tracker/services/policy.py)."""
    api_user: User | None = g.get("api_user")
    if api_user is not None:
        return db().merge(api_user)
    if not current_user.is_authenticated:
        abort(401)
    user: User = db().merge(current_user._get_current_object())
    return user


def may(action: str) -> bool:
    """For templates: whether the signed-in user may do `action` (to show its link or form)."""
    return bool(current_user.is_authenticated) and allowed(acting_user(), action)


def _select_locale() -> str | None:
    if current_user.is_authenticated and current_user.locale in LANGUAGES:
        return str(current_user.locale)
    return str(request.accept_languages.best_match(LANGUAGES) or "en")


class BoundedInt(IntegerConverter):
    """`<int:...>` in every route, limited to what an INTEGER column holds (else 404)."""

    def __init__(self, url_map: Map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", MAX_ID)
        super().__init__(url_map, *args, **kwargs)


def _has_nul(values: Iterable[str]) -> bool:
    return any("\x00" in v for v in values)


def init_app(app: Flask) -> None:
    app.url_map.converters["int"] = BoundedInt

    @app.before_request
    def start_clock() -> None:
        """First of the request's steps: the log line's time counts from here."""
        g.request_started = time.perf_counter()

    @app.after_request
    def log_request(response: Response) -> Response:
        """One line per request at INFO: method, path, status, time (no query, no content)."""
        started = g.get("request_started")
        ms = (time.perf_counter() - started) * 1000 if started is not None else 0.0
        request_log.info("%s %s %s %.1f ms", request.method, request.path, response.status_code, ms)
        return response

    engine = make_engine(app.config["TRACKER_DATABASE_URL"])
    sessions = make_session_factory(engine)
    app.extensions["tracker_engine"] = engine
    app.extensions["tracker_sessions"] = sessions

    csrf.init_app(app)
    babel.init_app(
        app, locale_selector=_select_locale, default_translation_directories=str(TRANSLATIONS)
    )
    login_manager.init_app(app)
    from .auth.throttle import trust_proxies

    trust_proxies(app)
    login_manager.login_view = "auth.login"
    login_manager.session_protection = "strong"

    @login_manager.user_loader
    def load_user(user_id: str) -> User | None:
        if not user_id.isdigit():
            return None
        from .auth.sessions import is_current

        user = db().get(User, int(user_id))
        return user if user is not None and user.active and is_current(user) else None

    @app.before_request
    def require_login() -> ResponseReturnValue | None:
        open_endpoints = {"auth.login", "static"}
        if request.endpoint in open_endpoints or request.endpoint is None:
            return None
        if request.blueprint == "api":
            return None  # the API authenticates with tokens
        if not current_user.is_authenticated:
            return redirect(url_for("auth.login", next=request.full_path))
        return None

    @app.before_request
    def refuse_nul_bytes() -> ResponseReturnValue | None:
        """No database stores NUL in text: refuse it up front with a clear message."""
        if _has_nul(request.args.values()) or _has_nul(request.form.values()):
            from flask_babel import gettext as _

            return _("The request contains a NUL character, which text cannot hold."), 400
        return None

    @app.errorhandler(OverflowError)
    @app.errorhandler(DataError)
    def out_of_range(_err: Exception) -> ResponseReturnValue:
        """A number or date too large for the database: the user's input, not a server fault."""
        from flask_babel import gettext as _

        db().rollback()
        return _("A number or date in the request is out of range."), 400

    @app.errorhandler(IntegrityError)
    def write_conflict(_err: Exception) -> ResponseReturnValue:
        """Two writes of the same unique thing at the same instant: the loser is told so."""
        from flask_babel import gettext as _

        db().rollback()
        return _(
            "Someone saved the same thing at the same moment; nothing of yours was saved. "
            "Go back and try again."
        ), 409

    @app.errorhandler(PermissionDenied)
    def forbidden(err: PermissionDenied) -> ResponseReturnValue:
        """A service refused the acting user: 403, as JSON on the API, else as a page."""
        from .messages import explain

        db().rollback()
        if request.blueprint == "api":
            return jsonify(error="forbidden", message=str(err)), 403
        return render_template("forbidden.html", message=explain(err)), 403

    @app.teardown_appcontext
    def close_session(_exc: BaseException | None) -> None:
        session = g.pop("db_session", None)
        if session is not None:
            session.close()

    @app.after_request
    def security_headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Content-Type-Options"] = "nosniff"
        if request.endpoint != "static":
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.context_processor
    def template_globals() -> dict[str, Any]:
        return {
            "LANGUAGES": LANGUAGES,
            "get_locale": get_locale,
            "newsroom": app.config["TRACKER_NEWSROOM_NAME"],
            "has_endpoint": lambda name: name in app.view_functions,
            "status_label": status_label,
            "row_words": row_words,
            "stance_label": stance_label,
            "source_kind_label": source_kind_label,
            "role_label": role_label,
            "source_event_label": source_event_label,
            "source_duplicate_reason": source_duplicate_reason,
            "dismiss_label": dismiss_label,
            "language_label": language_label,
            "checkworthiness_label": checkworthiness_label,
            "checkworthiness_band": checkworthiness_band,
            "may": may,
        }

    from .blueprints import register

    register(app)
