"""The house rules of DESIGN.md, checked: services never import Flask; extract/ imports nothing
else of the package; models hold no workflow imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "tracker"


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
