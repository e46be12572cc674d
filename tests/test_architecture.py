"""The layering rule of DESIGN.md 9, checked on every module's imports (including local ones)."""

import ast
from pathlib import Path

import pytest

import unionDesk

PACKAGE = Path(unionDesk.__file__).parent

# layer -> prefixes it must never import
FORBIDDEN = {
    "domain": (
        "PySide6",
        "sqlalchemy",
        "alembic",
        "unionDesk.store",
        "unionDesk.services",
        "unionDesk.ui",
        "unionDesk.app",
        "unionDesk.cli",
        "unionDesk.i18n",
    ),
    "store": ("PySide6", "unionDesk.services", "unionDesk.ui", "unionDesk.app", "unionDesk.cli"),
    "services": ("PySide6", "unionDesk.ui", "unionDesk.app", "unionDesk.cli"),
    # PDF layouts: plain data in, PDF bytes out; no Qt, no database.
    "reports": (
        "PySide6",
        "sqlalchemy",
        "alembic",
        "unionDesk.store",
        "unionDesk.services",
        "unionDesk.ui",
        "unionDesk.app",
        "unionDesk.cli",
        "unionDesk.i18n",
    ),
    "ui": ("sqlalchemy", "alembic", "sqlite3", "unionDesk.store", "unionDesk.cli"),
}


def imported_names(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def modules_of(layer):
    return sorted((PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_point_one_way(layer):
    assert modules_of(layer), f"no modules found in {layer}/"
    offences = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in modules_of(layer)
        for name in imported_names(path)
        if name.startswith(FORBIDDEN[layer])
    ]
    assert offences == []


def test_ui_code_runs_no_sql():
    pattern = (".execute(", "session.", "select(")
    offences = [
        f"{path.relative_to(PACKAGE)}: {line.strip()}"
        for path in modules_of("ui")
        for line in path.read_text(encoding="utf-8").splitlines()
        if any(p in line for p in pattern)
    ]
    assert offences == []


def test_the_checker_sees_a_forbidden_import(tmp_path):
    sample = tmp_path / "bad.py"
    sample.write_text("def f():\n    from sqlalchemy import select\n", encoding="utf-8")
    assert "sqlalchemy" in set(imported_names(sample))
