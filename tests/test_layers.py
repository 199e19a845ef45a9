"""Imports go one way, and nowhere in a circle.

Layers: ``ui → services → storage / catalog / reports / sheets → domain``; the command line sits beside the
window; the composition root (``app``, ``bootstrap``) wires them. Only riskdesk/ui imports PySide6.
Imports inside functions count: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "riskdesk"

# What each part of the package may import (besides itself).
ALLOWED = {
    "domain": set(),
    "paths": set(),
    "catalog": {"domain", "paths"},
    "storage": {"domain"},
    "reports": {"domain", "paths"},
    "sheets": {"domain"},
    "services": {"domain", "paths", "catalog", "storage", "reports", "sheets"},
    "bootstrap": {"domain", "paths", "storage", "services"},
    "ui": {"domain", "paths", "services"},
    "cli": {"domain", "paths", "catalog", "services", "bootstrap"},
    "app": {"domain", "bootstrap", "services", "ui", "cli"},
    "__init__": set(),
    "__main__": {"app"},
}


def _module_name(path: Path, root: Path = PACKAGE) -> str:
    rel = path.relative_to(root.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(path: Path, modules: set[str], root: Path = PACKAGE) -> set[str]:
    """Every riskdesk module ``path`` imports, at any depth, except under ``if TYPE_CHECKING``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me = _module_name(path, root)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in modules else base)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return {m for m in found if m.split(".")[0] == "riskdesk" and m != me}


def _graph() -> dict[str, set[str]]:
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    modules = set(files)
    return {name: {m for m in _imports(path, modules) if m in modules} for name, path in files.items()}


def _part(module: str) -> str:
    parts = module.split(".")
    return "__init__" if len(parts) == 1 else parts[1]


def test_only_ui_imports_pyside6() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "ui":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n == "PySide6" or n.startswith("PySide6.") for n in names):
                offenders.append(str(rel))
    assert offenders == []


def test_layers_import_downwards_only() -> None:
    offenders = []
    for module, targets in _graph().items():
        part = _part(module)
        for target in targets:
            other = _part(target)
            if other != part and other not in ALLOWED[part] and other != "__init__":
                offenders.append(f"{module} imports {target}")
    assert sorted(offenders) == []


def test_no_import_cycles() -> None:
    graph = _graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 visiting, 2 done
    stack: list[str] = []

    def walk(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                walk(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            walk(node)
    assert cycles == []


def test_the_import_finder_sees_an_import_inside_a_function(tmp_path: Path) -> None:
    """The checker itself: a lazy import back up the chain is an edge, so the cycle is found."""
    pkg = tmp_path / "riskdesk"
    (pkg / "a").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a" / "__init__.py").write_text("")
    (pkg / "a" / "one.py").write_text("from riskdesk.a import two\n")
    (pkg / "a" / "two.py").write_text("def f():\n    from riskdesk.a.one import x\n")
    files = {_module_name(p, pkg): p for p in pkg.rglob("*.py")}
    graph = {n: {m for m in _imports(p, set(files), pkg) if m in files} for n, p in files.items()}
    assert graph["riskdesk.a.one"] == {"riskdesk.a.two"}
    assert graph["riskdesk.a.two"] == {"riskdesk.a.one"}


def test_no_file_is_over_400_lines() -> None:
    long = [f"{p.relative_to(PACKAGE)}: {n}" for p in PACKAGE.rglob("*.py")
            if "migrations" not in p.parts and (n := len(p.read_text(encoding="utf-8").splitlines())) > 400]
    assert long == []


def test_services_and_cli_do_not_load_qt_or_reportlab() -> None:
    code = (
        "import sys, riskdesk.services, riskdesk.cli; riskdesk.cli.build_parser();"
        "bad=[m for m in sys.modules if m.startswith(('PySide6','reportlab'))]; print(bad); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_a_start_on_an_sqlite_file_does_not_load_psycopg(tmp_path: Path) -> None:
    """psycopg loads only for a postgresql URL; SQLAlchemy's PostgreSQL dialect not even that on a migrated file
    (creating a new file runs Alembic, which loads every dialect's DDL support, but still not psycopg)."""
    for unwanted in (("psycopg",), ("psycopg", "sqlalchemy.dialects.postgresql")):
        code = (
            "import sys; from riskdesk.cli import run;"
            f"status = run(['--db', {str(tmp_path / 'x.db')!r}, 'case', 'list']);"
            f"bad=[m for m in sys.modules if m.startswith({unwanted!r})];"
            "print(status, bad); sys.exit(1 if bad or status else 0)"
        )
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, proc.stdout + proc.stderr
