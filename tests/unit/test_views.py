"""DESIGN.md's "views parse input, call one service, render", checked on the source.

For every view of tracker/web/ (the API has its own rules) the service functions it reaches are
collected: calls into tracker.services in the view's body and in the helpers of tracker/web it
calls, followed to the end. A page (GET only) reaches one read service; an action reaches its
write service and, to show the page again with the user's input on a refusal, that page's read
service. Views never query the database themselves.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "tracker"
WEB = PACKAGE / "web"
SESSION_QUERIES = {"get", "scalar", "scalars", "execute", "query", "add", "delete", "merge"}


@dataclass
class Module:
    functions: dict[str, ast.FunctionDef] = field(default_factory=dict)
    services: dict[str, str] = field(default_factory=dict)  # local name -> service module
    service_functions: dict[str, str] = field(default_factory=dict)  # local name -> function
    web_functions: dict[str, tuple[str, str]] = field(default_factory=dict)  # -> (module, name)


def _absolute(module: str, node: ast.ImportFrom) -> str:
    base = module.split(".")[: -node.level] if node.level else []
    return ".".join([*base, node.module] if node.module else base)


@cache
def _module(name: str) -> Module:
    path = PACKAGE.parent.joinpath(*name.split("."))
    path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    found = Module()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef):
            found.functions[node.name] = node
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(name, node)
            for alias in node.names:
                local = alias.asname or alias.name
                if source == "tracker.web":
                    continue  # the request's plumbing: db() and acting_user()
                if source == "tracker.services":
                    found.services[local] = f"{source}.{alias.name}"
                elif source.startswith("tracker.services."):
                    found.service_functions[local] = f"{source}.{alias.name}"
                elif source.startswith("tracker.web"):
                    found.web_functions[local] = (source, alias.name)
    return found


def _is_db_call(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "db"


def _reach(module: str, function: str, seen: set[tuple[str, str]]) -> tuple[set[str], set[str]]:
    """(service functions, direct session queries) reached from `function` of `module`."""
    if (module, function) in seen:
        return set(), set()
    seen.add((module, function))
    mod = _module(module)
    services: set[str] = set()
    queries: set[str] = set()
    sessions = {"session"}
    for node in ast.walk(mod.functions[function]):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if called[:1].isupper():
            continue  # a value made (a dataclass, an exception), not a service called
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            if func.value.id in mod.services:
                services.add(f"{mod.services[func.value.id]}.{func.attr}")
            elif func.value.id in sessions and func.attr in SESSION_QUERIES:
                queries.add(f"{function}: session.{func.attr}")
        elif isinstance(func, ast.Attribute) and _is_db_call(func.value):
            if func.attr in SESSION_QUERIES:
                queries.add(f"{function}: db().{func.attr}")
        elif isinstance(func, ast.Name):
            name = func.id
            if name in mod.service_functions:
                services.add(mod.service_functions[name])
            elif name in mod.functions:
                more, more_queries = _reach(module, name, seen)
                services |= more
                queries |= more_queries
            elif name in mod.web_functions:
                other, other_name = mod.web_functions[name]
                if other_name in _module(other).functions:
                    more, more_queries = _reach(other, other_name, seen)
                    services |= more
                    queries |= more_queries
    return services, queries


def _methods(decorator: ast.expr) -> set[str] | None:
    """The HTTP methods of a `@bp.route(...)` decorator (None: not a route)."""
    if not (
        isinstance(decorator, ast.Call)
        and isinstance(decorator.func, ast.Attribute)
        and decorator.func.attr in ("route", "errorhandler")
    ):
        return None
    for keyword in decorator.keywords:
        if keyword.arg == "methods" and isinstance(keyword.value, ast.List | ast.Tuple):
            return {str(e.value) for e in keyword.value.elts if isinstance(e, ast.Constant)}
    return {"GET"}


def _views() -> list[tuple[str, str, set[str]]]:
    found = []
    for path in sorted(WEB.rglob("*.py")):
        if "api" in path.relative_to(WEB).parts:
            continue
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for name, node in _module(module).functions.items():
            methods: set[str] = set()
            for decorator in node.decorator_list:
                methods |= _methods(decorator) or set()
            if methods:
                found.append((module, name, methods))
    return found


VIEWS = _views()


def test_the_views_are_found() -> None:
    names = {f"{m.rsplit('.', 2)[-2]}.{n}" for m, n, _ in VIEWS}
    assert {"sources.view", "queue.index", "reports.export", "articles.new"} <= names
    assert len(VIEWS) > 25


@pytest.mark.parametrize(
    ("module", "name", "methods"), VIEWS, ids=[f"{m.split('.')[-2]}.{n}" for m, n, _ in VIEWS]
)
def test_a_view_calls_one_service(module: str, name: str, methods: set[str]) -> None:
    services, queries = _reach(module, name, set())
    assert not queries, f"the view queries the database itself: {sorted(queries)}"
    most = 1 if methods <= {"GET"} else 2
    assert len(services) <= most, f"{len(services)} services: {sorted(services)}"
