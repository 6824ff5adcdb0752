"""Where the app finds its files and its instance folder: never the current directory."""

from __future__ import annotations

from pathlib import Path

import pytest

import tracker
from tracker import resources
from tracker.config import Settings, log_level

CHECKOUT = Path(tracker.__file__).resolve().parents[1]


def test_top_level_folders_of_a_checkout_are_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert resources.resource_dir("templates") == CHECKOUT / "templates"
    assert resources.resource_dir("migrations") == CHECKOUT / "migrations"
    assert resources.resource_dir("translations") == CHECKOUT / "tracker" / "translations"


def test_a_folder_inside_the_package_comes_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site-packages" / "tracker"
    (package / "migrations").mkdir(parents=True)
    (tmp_path / "site-packages" / "migrations").mkdir()  # another distribution's folder
    monkeypatch.setattr(resources, "PACKAGE", package)
    assert resources.resource_dir("migrations") == package / "migrations"


def test_a_missing_folder_names_both_places(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(resources, "PACKAGE", tmp_path / "tracker")
    with pytest.raises(FileNotFoundError, match="templates/ folder is missing"):
        resources.resource_dir("templates")


def test_the_instance_folder_is_flasks_not_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRACKER_INSTANCE_PATH", raising=False)
    monkeypatch.delenv("TRACKER_DATABASE_URL", raising=False)
    settings = Settings()
    assert settings.instance_path == CHECKOUT / "instance"  # a checkout: beside the package
    assert settings.database_url == f"sqlite:///{CHECKOUT / 'instance' / 'tracker.sqlite3'}"
    from flask import Flask

    assert settings.instance_path == Path(Flask("tracker").instance_path)  # found as Flask does


def test_an_explicit_instance_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TRACKER_INSTANCE_PATH", str(tmp_path / "inst"))
    monkeypatch.delenv("TRACKER_DATABASE_URL", raising=False)
    monkeypatch.delenv("TRACKER_SECRET_KEY", raising=False)
    settings = Settings()
    assert settings.database_url == f"sqlite:///{tmp_path / 'inst' / 'tracker.sqlite3'}"
    key = settings.flask_config()["SECRET_KEY"]
    assert (tmp_path / "inst" / "secret_key").read_text() == key
    assert not (tmp_path / "instance").exists()


def test_log_level_names() -> None:
    assert log_level("debug") == "DEBUG"
    with pytest.raises(ValueError, match="TRACKER_LOG_LEVEL must be one of DEBUG, INFO"):
        log_level("chatty")
