"""Imports go one way: only riskdesk/ui may import PySide6; domain imports nothing of ours above it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "riskdesk"
LAYER_RANK = {"domain": 0, "catalog": 1, "storage": 1, "reports": 1, "services": 2, "ui": 3}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_only_ui_imports_pyside6() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "ui":
            continue
        if any(n == "PySide6" or n.startswith("PySide6.") for n in _imports(path)):
            offenders.append(str(rel))
    assert offenders == []


def test_layers_import_downwards_only() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        layer = rel.parts[0]
        if layer not in LAYER_RANK:
            continue
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] != "riskdesk" or len(parts) < 2 or parts[1] not in LAYER_RANK:
                if parts[0] == "riskdesk" and len(parts) >= 2 and parts[1] in ("app", "cli", "cli_more", "cli_pdf"):
                    offenders.append(f"{rel} imports {name}")
                continue
            target = parts[1]
            if target != layer and LAYER_RANK[target] >= LAYER_RANK[layer]:
                offenders.append(f"{rel} imports {name}")
    assert offenders == []


def test_services_and_cli_do_not_load_qt_or_reportlab() -> None:
    code = (
        "import sys, riskdesk.services, riskdesk.cli; riskdesk.cli.build_parser();"
        "bad=[m for m in sys.modules if m.startswith(('PySide6','reportlab'))]; print(bad); sys.exit(1 if bad else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
