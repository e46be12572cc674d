"""Service tests run against a real SQLite file in ``tmp_path`` (DESIGN.md 11), never mocks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest

from helpers import member_draft
from unionDesk.domain.enums import (
    Sex,
)
from unionDesk.domain.ids import compose_resident_id
from unionDesk.domain.member import MemberDraft
from unionDesk.domain.uscc import compose_uscc
from unionDesk.paths import AppPaths, resolve_paths
from unionDesk.services.database import create_database
from unionDesk.store.db import Database

TODAY = date(2026, 11, 21)
UNION_NAME = "测试机械厂工会委员会"
UNION_USCC = compose_uscc("91110105MA01ABCD1")
BIRTH = date(1990, 5, 17)
REGION = "110105"
# A composed number, not a real person's: male (odd sequence), born 1990-05-17.
ID_NUMBER = compose_resident_id(REGION, BIRTH, 123)

DraftFactory = Callable[..., MemberDraft]


@pytest.fixture
def paths(tmp_path) -> AppPaths:
    return resolve_paths(tmp_path / "data")


@pytest.fixture
def db(paths: AppPaths) -> Iterator[Database]:
    database = create_database(paths, UNION_NAME, UNION_USCC)
    yield database
    database.close()


@pytest.fixture
def make_draft() -> DraftFactory:
    """A factory of valid member forms; keyword arguments replace fields."""

    def factory(**overrides: object) -> MemberDraft:
        return member_draft(
            **{"id_number": ID_NUMBER, "sex": Sex.MALE, "birth_date": BIRTH, **overrides}
        )

    return factory
