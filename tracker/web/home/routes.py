"""The start page: where the work stands."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask.typing import ResponseReturnValue
from flask_login import current_user

from ...services import overview
from .. import db

bp = Blueprint("home", __name__)


@bp.route("/")
def index() -> ResponseReturnValue:
    summary = overview.dashboard(db(), current_user.id)
    return render_template("home/index.html", summary=summary)
