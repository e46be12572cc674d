"""What `pip install .` ships: every subpackage, the migrations and the translations."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def declared_packages():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(config["tool"]["setuptools"]["packages"])


def test_every_source_package_is_declared_for_installation():
    source = ROOT / "src"
    found = {
        ".".join(init.parent.relative_to(source).parts) for init in source.rglob("__init__.py")
    }
    assert found - declared_packages() == set()


def test_migrations_and_resources_are_declared():
    assert {
        "unionDesk.migrations",
        "unionDesk.migrations.versions",
        "unionDesk.resources",
    } <= declared_packages()
