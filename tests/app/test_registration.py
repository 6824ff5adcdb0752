"""Blueprints and CLI commands are registered explicitly: every area is there, and an area that
fails to import stops the app or the command line instead of vanishing from it."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest
from flask import Flask

from tests.conftest import make_app

WEB = Path(__file__).resolve().parents[2] / "tracker" / "web"


def test_every_area_with_routes_is_registered(app: Flask) -> None:
    areas = {path.parent.name for path in WEB.glob("*/routes.py")}
    assert areas <= set(app.blueprints), sorted(areas - set(app.blueprints))


def test_an_area_that_fails_to_import_stops_the_app(
    monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    monkeypatch.setitem(sys.modules, "tracker.web.sources.routes", None)  # import fails
    monkeypatch.delitem(sys.modules, "tracker.web.blueprints")
    with pytest.raises(ImportError, match=r"tracker\.web\.sources\.routes"):
        make_app(database_url)


def test_the_cli_has_the_commands_of_every_area() -> None:
    from tracker.cli import main

    assert {"db", "user", "token", "ingest", "demo", "serve", "audit", "extract", "export"} <= set(
        main.commands
    )


def test_a_command_module_that_fails_to_import_stops_the_cli(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "tracker.reports.cli", None)  # import fails
    monkeypatch.delitem(sys.modules, "tracker.cli")
    with pytest.raises(ImportError, match=r"tracker\.reports\.cli"):
        importlib.import_module("tracker.cli")
