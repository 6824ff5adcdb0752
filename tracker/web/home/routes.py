"""The start page: where the work stands."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask.typing import ResponseReturnValue

from ...services import overview
from .. import acting_user, db

bp = Blueprint("home", __name__)


@bp.route("/")
def index() -> ResponseReturnValue:
    summary = overview.dashboard(db(), acting_user().id)
    return render_template("home/index.html", summary=summary)
