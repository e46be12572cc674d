"""Return tests run on a real database file with a union profile (DESIGN.md 11)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from unionDesk.domain.access import CLI_ACTOR, Actor
from unionDesk.domain.uscc import compose_uscc
from unionDesk.paths import AppPaths, resolve_paths
from unionDesk.services.database import create_database
from unionDesk.store.db import Database

UNION_NAME = "测试机械厂工会委员会"
UNION_USCC = compose_uscc("91110105MA01ABCD1")


@pytest.fixture
def paths(tmp_path) -> AppPaths:
    return resolve_paths(tmp_path / "data")


@pytest.fixture
def db(paths: AppPaths) -> Iterator[Database]:
    database = create_database(paths, UNION_NAME, UNION_USCC)
    yield database
    database.close()


@pytest.fixture
def admin() -> Actor:
    """The acting administrator (may unmask)."""
    return CLI_ACTOR
