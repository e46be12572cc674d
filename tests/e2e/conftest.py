"""End-to-end scenarios run on a real database file in ``tmp_path``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from unionDesk.domain.uscc import compose_uscc
from unionDesk.paths import resolve_paths
from unionDesk.services.database import create_database
from unionDesk.store.db import Database


@pytest.fixture
def db(tmp_path) -> Iterator[Database]:
    database = create_database(
        resolve_paths(tmp_path / "data"), "测试机械厂工会委员会", compose_uscc("91110105MA01ABCD1")
    )
    yield database
    database.close()
