"""The house rules of DESIGN.md, checked: services never import Flask; extract/ imports nothing
else of the package; models hold no workflow imports."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "tracker"
MIGRATIONS = PACKAGE.parent / "migrations" / "versions"


def _imports(path: Path) -> set[str]:
    """Absolute module names a file imports (relative imports resolved against the package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")[: -node.level]
                found.add(".".join([*base, node.module] if node.module else base))
            elif node.module:
                found.add(node.module)
    return found


def _files(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


@pytest.mark.parametrize("path", _files("services"), ids=lambda p: p.name)
def test_services_never_import_flask(path: Path) -> None:
    bad = {
        m for m in _imports(path) if m == "flask" or m.startswith(("flask.", "flask_", "werkzeug"))
    }
    bad |= {m for m in _imports(path) if m.startswith("tracker.web")}
    assert not bad, f"{path.name} imports {sorted(bad)}"


@pytest.mark.parametrize("path", _files("extract"), ids=lambda p: p.name)
def test_extract_imports_nothing_else_of_the_package(path: Path) -> None:
    bad = {
        m
        for m in _imports(path)
        if (m.startswith("tracker.") and not m.startswith("tracker.extract"))
        or m == "tracker"
        or m.split(".")[0] in {"flask", "sqlalchemy", "requests", "urllib3", "httpx", "socket"}
    }
    assert not bad, f"{path.name} imports {sorted(bad)}"


@pytest.mark.parametrize("path", _files("models"), ids=lambda p: p.name)
def test_models_do_not_import_services_or_web(path: Path) -> None:
    bad = {m for m in _imports(path) if m.startswith(("tracker.services", "tracker.web", "flask"))}
    assert not bad, f"{path.name} imports {sorted(bad)}"


def test_services_do_not_load_flask_even_indirectly(tmp_path: Path) -> None:
    """Importing every service and reading the audit key without TRACKER_AUDIT_KEY (which looks
    in the instance folder) in a fresh interpreter loads neither Flask nor werkzeug."""
    names = sorted(p.stem for p in _files("services") if p.stem != "__init__")
    script = "\n".join(
        [
            "import sys",
            *(f"import tracker.services.{name}" for name in names),
            "from tracker.services import audit",
            "audit.audit_key(create=False)",
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'werkzeug'))",
            "print(','.join(bad))",
        ]
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "", f"services loaded {done.stdout.strip()}"


@pytest.mark.parametrize("path", sorted(MIGRATIONS.glob("*.py")), ids=lambda p: p.name)
def test_migrations_are_frozen(path: Path) -> None:
    """A migration never imports the app's code, which changes after it was written; the one
    exception builds derived data (the search index's rows) with the running code's analyser,
    as every later reindex does."""
    derived = {"tracker.services.search_index"}
    bad = {m for m in _imports(path) if m == "tracker" or m.startswith("tracker.")} - derived
    assert not bad, f"{path.name} imports {sorted(bad)}"
