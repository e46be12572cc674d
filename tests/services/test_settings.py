"""The idle-lock time kept with the data: defaults, limits, permission, audit."""

import pytest

from helpers import OFFICE
from unionDesk.domain.access import Actor, Role
from unionDesk.services.audit import AuditFilter, query_audit
from unionDesk.services.errors import ValidationFailed
from unionDesk.services.permissions import PermissionDenied
from unionDesk.services.settings import (
    DEFAULT_IDLE_MINUTES,
    IDLE_KEY,
    read_idle_minutes,
    save_idle_minutes,
)


def test_the_idle_time_is_ten_minutes_until_set(db):
    assert read_idle_minutes(db) == DEFAULT_IDLE_MINUTES == 10


def test_a_saved_idle_time_is_read_back_and_audited(db):
    save_idle_minutes(db, OFFICE, 3)
    assert read_idle_minutes(db) == 3
    entries = query_audit(db, OFFICE, AuditFilter(record_type="setting"))
    assert entries[0].record_id == IDLE_KEY
    assert entries[0].changes == {IDLE_KEY: [10, 3]}


@pytest.mark.parametrize("minutes", [0, -5, 241])
def test_an_idle_time_out_of_range_is_refused_and_not_saved(db, minutes):
    with pytest.raises(ValidationFailed) as refused:
        save_idle_minutes(db, OFFICE, minutes)
    assert refused.value.problems[0].field == "idle_minutes"
    assert read_idle_minutes(db) == 10


@pytest.mark.parametrize("role", [Role.OFFICER, Role.VIEWER, Role.REVIEWER])
def test_only_administrators_change_the_idle_time(db, role):
    with pytest.raises(PermissionDenied):
        save_idle_minutes(db, Actor(7, "someone", role), 30)
    assert read_idle_minutes(db) == 10
