"""Settings read from the environment; files of the installation (the SQLite database, the
secret key) in its instance folder, never in the current directory."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def instance_path() -> Path:
    """TRACKER_INSTANCE_PATH, else Flask's instance folder of the package: `instance/` beside the
    package in a checkout or an editable install, `<prefix>/var/tracker-instance` when installed
    (Flask.auto_find_instance_path)."""
    explicit = os.environ.get("TRACKER_INSTANCE_PATH")
    if explicit:
        return Path(explicit).expanduser().resolve()
    from flask import Flask

    return Path(Flask("tracker", static_folder=None).instance_path)


def default_database_url(instance: Path | None = None) -> str:
    """TRACKER_DATABASE_URL, else the SQLite file tracker.sqlite3 in the instance folder."""
    url = os.environ.get("TRACKER_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{(instance or instance_path()) / 'tracker.sqlite3'}"


def _secret_key(instance: Path) -> str:
    key = os.environ.get("TRACKER_SECRET_KEY")
    if key:
        return key
    # A per-installation key kept beside the database, so sessions survive restarts.
    path = instance / "secret_key"
    if path.exists():
        return path.read_text().strip()
    return _create_once(path)


def log_level(value: str | None = None) -> str:
    """TRACKER_LOG_LEVEL (or `value`) as a logging level name; ValueError names the choices."""
    name = (value if value is not None else os.environ.get("TRACKER_LOG_LEVEL", "INFO")).upper()
    if name not in LOG_LEVELS:
        raise ValueError(f"TRACKER_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, not {name!r}")
    return name




def audit_key(create: bool = True) -> bytes | None:
    """The audit log's HMAC key: TRACKER_AUDIT_KEY, else a key file kept outside the database.

    The file (TRACKER_AUDIT_KEY_FILE, default audit_key in the instance folder) is made once
    when `create` is true; a reader that must not invent a key (`tracker audit verify`) passes
    create=False.
    """
    key = os.environ.get("TRACKER_AUDIT_KEY")
    if key:
        return key.encode("utf-8")
    path = Path(os.environ.get("TRACKER_AUDIT_KEY_FILE") or instance_path() / "audit_key")
    if path.exists():
        return path.read_text().strip().encode("utf-8")
    if not create:
        return None
    return _create_once(path).encode("utf-8")


def _create_once(path: Path) -> str:
    """A new random key in `path`, or the key another process put there first. The key is
    written to a private temporary file and linked into place, so no process ever reads a
    file that is still empty (several workers starting at once keep the same key)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(secrets.token_hex(32))
    try:
        os.link(tmp, path)  # fails when another process made the key first
    except FileExistsError:
        pass
    finally:
        tmp.unlink()
    return path.read_text().strip()


def audit_checkpoint_dir() -> Path:
    """Where `tracker audit checkpoint` writes its signed files (outside the database)."""
    return Path(
        os.environ.get("TRACKER_AUDIT_CHECKPOINT_DIR") or instance_path() / "audit-checkpoints"
    )


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


@dataclass
class Settings:
    """Everything the app reads from its environment (read when a Settings is made)."""

    instance_path: Path = field(default_factory=instance_path)
    # empty: TRACKER_DATABASE_URL, else the SQLite file in the instance folder
    database_url: str = ""
    log_level: str = field(default_factory=log_level)
    max_article_chars: int = field(
        default_factory=lambda: int(_env("TRACKER_MAX_ARTICLE_CHARS", "500000"))
    )
    newsroom_name: str = field(
        default_factory=lambda: _env("TRACKER_NEWSROOM_NAME", "Demo Fact-Check Desk")
    )
    newsroom_url: str = field(
        default_factory=lambda: _env("TRACKER_NEWSROOM_URL", "https://factcheck.example.org")
    )
    # Where each published fact check lives, "{id}" for the claim's number (ClaimReview url).
    claimreview_url: str = field(default_factory=lambda: _env("TRACKER_CLAIMREVIEW_URL", ""))
    secure_cookies: bool = field(default_factory=lambda: _env("TRACKER_SECURE_COOKIES", "") == "1")
    # The methodology section of reports: the text itself or a path to a file holding it.
    methodology: str = field(default_factory=lambda: _env("TRACKER_METHODOLOGY", ""))
    # Fetching pages from private addresses is off: the server must not be a door into the LAN.
    fetch_allow_private: bool = field(
        default_factory=lambda: _env("TRACKER_FETCH_ALLOW_PRIVATE", "") == "1"
    )
    # Failed logins allowed per client address (limits' notation), besides the account lockout.
    login_limits: str = field(
        default_factory=lambda: _env("TRACKER_LOGIN_LIMITS", "20/minute;100/hour")
    )

    # How many reverse proxies in front of the app set X-Forwarded-For/-Proto (werkzeug's
    # ProxyFix); 0 trusts no such header, so a client cannot pick the address it is limited by.
    trusted_proxies: int = field(
        default_factory=lambda: int(_env("TRACKER_TRUSTED_PROXIES", "0") or 0)
    )
    # Where the per-address login counts live (a `limits` storage URI): memory:// counts in each
    # worker; redis://host:6379 (or memcached://...) counts across workers and servers.
    login_limits_storage: str = field(
        default_factory=lambda: _env("TRACKER_LOGIN_LIMITS_STORAGE", "memory://")
    )

    def __post_init__(self) -> None:
        if not self.database_url:
            self.database_url = default_database_url(self.instance_path)

    def flask_config(self, secret_key: str | None = None) -> dict[str, Any]:
        """Flask settings; the secret key is read (or made) only when none is given."""
        return {
            "SECRET_KEY": secret_key or _secret_key(self.instance_path),
            "TRACKER_INSTANCE_PATH": str(self.instance_path),
            "TRACKER_LOG_LEVEL": self.log_level,
            "TRACKER_DATABASE_URL": self.database_url,
            "TRACKER_MAX_ARTICLE_CHARS": self.max_article_chars,
            "TRACKER_NEWSROOM_NAME": self.newsroom_name,
            "TRACKER_NEWSROOM_URL": self.newsroom_url,
            "TRACKER_CLAIMREVIEW_URL": self.claimreview_url,
            "TRACKER_FETCH_ALLOW_PRIVATE": self.fetch_allow_private,
            "TRACKER_METHODOLOGY": self.methodology,
            "TRACKER_LOGIN_LIMITS": self.login_limits,
            "TRACKER_TRUSTED_PROXIES": self.trusted_proxies,
            "TRACKER_LOGIN_LIMITS_STORAGE": self.login_limits_storage,
            "MAX_CONTENT_LENGTH": 10 * 1024 * 1024,
            # A pasted article is one form field: up to 4 UTF-8 bytes a character, percent-encoded.
            "MAX_FORM_MEMORY_SIZE": 9 * 1024 * 1024,
            "SESSION_COOKIE_HTTPONLY": True,
            "SESSION_COOKIE_SAMESITE": "Strict",
            "SESSION_COOKIE_SECURE": self.secure_cookies,
            "REMEMBER_COOKIE_HTTPONLY": True,
            "REMEMBER_COOKIE_SAMESITE": "Strict",
            "REMEMBER_COOKIE_SECURE": self.secure_cookies,
            "WTF_CSRF_TIME_LIMIT": None,
        }
