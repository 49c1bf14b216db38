"""Layers point one way: nothing outside renodesk/ui imports PySide6."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "renodesk"


def _qt_imports(path: Path) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        else:
            continue
        if any(n == "PySide6" or n.startswith(("PySide6.", "shiboken6")) for n in names):
            lines.append(node.lineno)
    return lines


def test_only_the_ui_package_imports_pyside6():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.is_relative_to(PACKAGE / "ui"):
            continue
        offenders += [f"{path.relative_to(PACKAGE.parent)}:{n}" for n in _qt_imports(path)]
    assert offenders == []


def test_the_scan_would_notice_an_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from PySide6.QtCore import QTimer\n    import shiboken6\n")
    assert _qt_imports(sample) == [2, 3]
